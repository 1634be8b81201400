/**
 * Stage events: one entry of an entity's stage history.
 * @module
 */
import * as z from 'zod';
import { lazySchema } from './lazy-schema.js';
import { type CustomFields, CustomFieldsSchema, IdSchema, InstantSchema } from './common.js';

/**
 * One move of a lead, deal or customer between stages. The first event of a history has
 * `from: null` (the entity was created in `to`). Events are in time order; `at` never goes
 * backwards.
 */
export const StageEventSchema = lazySchema(() =>
  z.strictObject({
    /** Stage left, or `null` for creation. */
    from: z.string().min(1).nullable(),
    /** Stage entered. */
    to: z.string().min(1),
    /** When it happened (instant with offset). */
    at: InstantSchema,
    /** Who did it: a member id, or a system actor id. */
    actorId: IdSchema,
    /** The role the actor acted in. */
    roleId: IdSchema,
    /** Why (required for some moves, e.g. closing lost or reopening). */
    reason: z.string().min(1).optional(),
    /** Why, as a code of the pipeline's `lostReasons` catalogue (moves into a lost stage). */
    reasonCode: IdSchema.optional(),
    /**
     * `true` when a system actor (an import, an integration, a workflow) made the move, as the
     * pipeline allowed (`allowSystem`); absent for a member.
     */
    system: z.literal(true).optional(),
    /** Fields changed together with the move (name → new value). */
    changes: CustomFieldsSchema.optional(),
  }),
);
/** One move of a lead, deal or customer between stages, as parsed by {@link StageEventSchema}. */
export interface StageEvent {
  /** Stage left (a stage id), or `null` for creation: the entity was created in `to`. */
  from: string | null;
  /** Stage entered (a stage id of the entity's pipeline). */
  to: string;
  /** When it happened: an ISO-8601 instant with an offset (`'2026-03-01T10:00:00Z'`), not before the last event. */
  at: string;
  /** Who did it: a member id, or a system actor id. */
  actorId: string;
  /** The role the actor acted in (a role id), checked against the transition's roles. */
  roleId: string;
  /** Why, free text (required for some moves, e.g. closing lost or reopening). Absent: none given. */
  reason?: string | undefined;
  /** Why, as a code of the pipeline's `lostReasons` catalogue (moves into a lost stage). Absent: none. */
  reasonCode?: string | undefined;
  /**
   * `true` when a system actor (an import, an integration) made the move, as the pipeline allowed.
   * Absent: a member.
   */
  system?: true | undefined;
  /** Fields changed together with the move (field name → new value). Absent: none. */
  changes?: CustomFields | undefined;
}
