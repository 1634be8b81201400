/**
 * Pipeline definitions as data: stages, allowed transitions with their guards and roles,
 * and the hand-off stages between phases. This file holds the shape; `revops/pipeline`'s
 * `definePipeline` validates its meaning (reachability, won stages at probability 1, …).
 * @module
 */
import * as z from 'zod';
import type { Documented } from './input-form.js';
import { lazySchema } from './lazy-schema.js';
import type { RevopsError } from '../core/errors.js';
import type { Result } from '../core/result.js';
import { FractionSchema, IdSchema, boundedList } from './common.js';
import { makeParsers } from './parse.js';
import { type ForecastCategory, ForecastCategorySchema } from './segment.js';

import { PIPELINE_ENTITIES, STAGE_KINDS } from './vocabulary.js';

export { PIPELINE_ENTITIES, STAGE_KINDS };
/** The kind of entity a pipeline moves. */
export type PipelineEntity = (typeof PIPELINE_ENTITIES)[number];

/** A stage kind. */
export type StageKind = (typeof STAGE_KINDS)[number];

/**
 * A stage. Stages are listed in process order; that order is the funnel order.
 */
export const PipelineStageSchema = lazySchema(() =>
  z.strictObject({
    id: IdSchema,
    name: z.string().min(1),
    kind: z.enum(STAGE_KINDS),
    /** Default probability of an entity in this stage (a fraction; won stages must be 1, lost stages 0). */
    probability: FractionSchema,
    /** Default forecast category of an entity in this stage. */
    forecastCategory: ForecastCategorySchema,
    /** Fields that must be set (non-empty) on the entity to enter this stage. */
    requiredFields: boundedList(z.array(z.string().min(1))).default([]),
  }),
);
/** A stage of a pipeline, as parsed by {@link PipelineStageSchema}. */
export interface PipelineStage {
  /** Stable identifier of the stage (1–200 characters), e.g. `'proposal'`; what an entity's `stage` holds. */
  id: string;
  /** Display name, non-empty (e.g. `'Proposal'`). */
  name: string;
  /** `'open'`, `'won'` (won, converted, renewed) or `'lost'` (lost, disqualified, churned): an entity's outcome. */
  kind: StageKind;
  /** Default probability of an entity in this stage, a fraction in [0, 1] (won stages 1, lost stages 0). */
  probability: number;
  /** Default forecast category of an entity in this stage (won stages `'closed'`, lost stages `'omitted'`). */
  forecastCategory: ForecastCategory;
  /** Fields that must be set (non-empty) on the entity to enter this stage. Default `[]`. */
  requiredFields: string[];
}

/** An allowed move between two stages, who may make it, and what must be true first. */
export const PipelineTransitionSchema = lazySchema(() =>
  z.strictObject({
    from: IdSchema,
    to: IdSchema,
    /** Role ids allowed to make this move. */
    roles: boundedList(z.array(IdSchema).min(1, 'must list at least one role')),
    /** Fields that must be set on the entity (after `changes`) for the move (the guard). */
    requiredFields: boundedList(z.array(z.string().min(1))).default([]),
    /** Whether the move needs a `reason` (e.g. closing lost, disqualifying). */
    requiresReason: z.boolean().default(false),
    /**
     * Whether a system actor (`actor.system: true`: an import, an integration, a workflow) may
     * make this move; its role is then not checked. Default `false`: only the listed roles.
     */
    allowSystem: z.boolean().optional(),
  }),
);
/** An allowed move between two stages, as parsed by {@link PipelineTransitionSchema}. */
export interface PipelineTransition {
  /** The stage the move leaves (a stage id). */
  from: string;
  /** The stage the move enters (a stage id). */
  to: string;
  /** Role ids allowed to make this move (at least one). */
  roles: string[];
  /** Fields that must be set on the entity (after the move's `changes`) for the move: its guard. Default `[]`. */
  requiredFields: string[];
  /** Whether the move needs a `reason` (e.g. closing lost, disqualifying). Default `false`. */
  requiresReason: boolean;
  /**
   * Whether a system actor (`actor.system: true`: an import, an integration, a workflow) may make
   * this move, its role then not checked. Absent: `false`, only the listed roles.
   */
  allowSystem?: boolean | undefined;
}

/** One entry of a pipeline's catalogue of lost reasons. */
export const LostReasonSchema = lazySchema(() =>
  z.strictObject({
    /** Stable code, recorded on the entity (`lostReasonCode`) and its stage event (`reasonCode`). */
    code: IdSchema,
    /** What a person reads (`'Price too high'`). */
    label: z.string().min(1),
  }),
);
/** A lost reason of the pipeline's catalogue, as parsed by {@link LostReasonSchema}. */
export interface LostReason {
  /** Stable code (1–200 characters), recorded as the entity's `lostReasonCode` and the event's `reasonCode`. */
  code: string;
  /** What a person reads (`'Price too high'`), non-empty. */
  label: string;
}

/** A pipeline definition. */
export const PipelineSchema = lazySchema(() =>
  z.strictObject({
    id: IdSchema,
    name: z.string().min(1),
    entity: z.enum(PIPELINE_ENTITIES),
    stages: boundedList(z.array(PipelineStageSchema).min(1, 'must have at least one stage')),
    transitions: boundedList(z.array(PipelineTransitionSchema)),
    /** Stages an entity may be created in; default the first stage. */
    startStages: boundedList(z.array(IdSchema)).optional(),
    /** Stages that hand the entity off to the next phase (e.g. a lead's `converted`). */
    handoffStages: boundedList(z.array(IdSchema)).default([]),
    /** Whether a system actor may create entities in the start stages (imports). Default `false`. */
    allowSystemStart: z.boolean().optional(),
    /**
     * The catalogue of lost reasons (codes and labels). When given, every move into a lost stage
     * names one of its codes (`reasonCode`), so that loss analysis groups by code; the free-text
     * `reason` stays as a note. Absent: lost reasons are free text only.
     */
    lostReasons: boundedList(z.array(LostReasonSchema)).optional(),
    /** Who may reopen a closed entity, and into which stage. Absent: closed is final. */
    reopen: z
      .strictObject({
        roles: boundedList(z.array(IdSchema).min(1)),
        toStage: IdSchema,
        requiresReason: z.boolean().default(true),
        /** Closed stages that may be reopened; default every won and lost stage. */
        fromStages: boundedList(z.array(IdSchema)).optional(),
        /** Whether a system actor may reopen. Default `false`. */
        allowSystem: z.boolean().optional(),
      })
      .optional(),
  }),
);
/** Who may reopen a closed entity, and into which stage (see `Pipeline.reopen`). */
export interface PipelineReopen {
  /** Role ids allowed to reopen (at least one). */
  roles: string[];
  /** The open stage a reopened entity enters (a stage id). */
  toStage: string;
  /** Whether reopening needs a `reason`. Default `true`. */
  requiresReason: boolean;
  /** Closed stages that may be reopened (stage ids). Absent: every won and lost stage. */
  fromStages?: string[] | undefined;
  /** Whether a system actor may reopen. Absent: `false`. */
  allowSystem?: boolean | undefined;
}

/**
 * A pipeline definition, as parsed by {@link PipelineSchema} (shape only; use `definePipeline`
 * from `revops/pipeline` to validate it).
 */
export interface Pipeline {
  /** Stable identifier of the pipeline (1–200 characters), e.g. `'default-deal'`. */
  id: string;
  /** Display name, non-empty. */
  name: string;
  /** What the pipeline moves: `'lead'`, `'deal'` or `'customer'`. */
  entity: PipelineEntity;
  /** The stages in process order, which is the funnel order (at least one). */
  stages: PipelineStage[];
  /** The allowed moves between stages. */
  transitions: PipelineTransition[];
  /** Stages an entity may be created in (stage ids). Absent: the first stage. */
  startStages?: string[] | undefined;
  /** Stages that hand the entity off to the next phase (e.g. a lead's `converted`). Default `[]`. */
  handoffStages: string[];
  /** Whether a system actor may create entities in the start stages (imports). Absent: `false`. */
  allowSystemStart?: boolean | undefined;
  /**
   * The catalogue of lost reasons (codes and labels): with it, every move into a lost stage names
   * one of its codes (`reasonCode`) and loss analysis groups by code. Absent: free text only.
   */
  lostReasons?: LostReason[] | undefined;
  /** Who may reopen a closed entity, and into which stage. Absent: closed is final. */
  reopen?: PipelineReopen | undefined;
}
/** The input form of a pipeline definition. */
export interface PipelineInput extends Documented<Pipeline, z.input<typeof PipelineSchema>> {}

const parsers = makeParsers('Pipeline', PipelineSchema);

/**
 * Parses the shape of a pipeline definition, throwing on any problem. This checks fields and
 * types only; `definePipeline` (revops/pipeline) also checks that the graph makes sense.
 *
 * @throws {RevopsError} `INVALID_INPUT` listing every problem with its path.
 * @example
 * ```ts
 * import { parsePipeline } from 'revops/model';
 * parsePipeline({
 *   id: 'p', name: 'Simple', entity: 'deal', transitions: [{ from: 'open', to: 'won', roles: ['account-executive'] }],
 *   stages: [
 *     { id: 'open', name: 'Open', kind: 'open', probability: 0.2, forecastCategory: 'pipeline' },
 *     { id: 'won', name: 'Won', kind: 'won', probability: 1, forecastCategory: 'closed' },
 *   ],
 * }).transitions[0]?.requiresReason;
 * //=> false
 * ```
 */
export function parsePipeline(input: unknown): Pipeline {
  return parsers.parse(input);
}

/**
 * Parses the shape of a pipeline definition, returning a Result instead of throwing.
 *
 * @example
 * ```ts
 * import { safeParsePipeline } from 'revops/model';
 * safeParsePipeline({ id: 'p', name: 'Empty', entity: 'deal', stages: [], transitions: [] }).ok;
 * //=> false
 * ```
 */
export function safeParsePipeline(input: unknown): Result<Pipeline, RevopsError> {
  return parsers.safeParse(input);
}
