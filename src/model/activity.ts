/**
 * Activity: schema, type and parsers.
 * @module
 */
import * as z from 'zod';
import type { Documented } from './input-form.js';
import { lazySchema } from './lazy-schema.js';
import type { RevopsError } from '../core/errors.js';
import type { Result } from '../core/result.js';
import { IdSchema, InstantSchema, plusZero } from './common.js';
import { makeParsers } from './parse.js';
import { ACTIVITY_KINDS } from './vocabulary.js';

export { ACTIVITY_KINDS };

/** A kind of sales activity. */
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** A logged activity: a call, email, meeting or demo by a member, with its duration. */
export const ActivitySchema = lazySchema(() =>
  z.strictObject({
    id: IdSchema,
    kind: z.enum(ACTIVITY_KINDS),
    memberId: IdSchema,
    at: InstantSchema,
    /** Duration in seconds (0 for an email). */
    durationSeconds: z.number().int('must be whole seconds').min(0, 'must not be negative').transform(plusZero),
    leadId: IdSchema.optional(),
    dealId: IdSchema.optional(),
    accountId: IdSchema.optional(),
    /** For calls: whether the prospect was reached; for meetings and demos: whether it was held. */
    completed: z.boolean().optional(),
  }),
);
/** A logged activity (call, e-mail, meeting or demo), as parsed by {@link ActivitySchema}. */
export interface Activity {
  /** Stable identifier of the activity (1–200 characters), unique in a dataset. */
  id: string;
  /** What it was: `'call'`, `'email'`, `'meeting'` or `'demo'`. */
  kind: ActivityKind;
  /** The member who did it (a member id). */
  memberId: string;
  /** When it happened: an ISO-8601 instant with an offset (`'2026-03-02T09:15:00Z'`). */
  at: string;
  /** Duration in whole seconds, at least 0 (0 for an e-mail). */
  durationSeconds: number;
  /** The lead it was about (a lead id). Absent: none. */
  leadId?: string | undefined;
  /** The deal it was about (a deal id). Absent: none. */
  dealId?: string | undefined;
  /** The account it was about (an account id). Absent: none. */
  accountId?: string | undefined;
  /** For calls: whether the prospect was reached; for meetings and demos: whether it was held. Absent: not recorded. */
  completed?: boolean | undefined;
}
/** The input form of a activity (before defaults and normalisation). */
export interface ActivityInput extends Documented<Activity, z.input<typeof ActivitySchema>> {}

const parsers = makeParsers('Activity', ActivitySchema);

/**
 * Parses a activity from unknown input (JSON, a form, a spreadsheet row), throwing on any problem.
 * Unknown keys are rejected.
 *
 * @throws {RevopsError} `INVALID_INPUT` listing every problem with its path.
 * @example
 * ```ts
 * import { parseActivity } from 'revops/model';
 * parseActivity({
 *   id: 'c1', kind: 'call', memberId: 'm1', at: '2026-03-02T09:15:00Z', durationSeconds: 420,
 * }).durationSeconds;
 * //=> 420
 * ```
 */
export function parseActivity(input: unknown): Activity {
  return parsers.parse(input);
}

/**
 * Parses a activity, returning `{ ok: true, value }` or `{ ok: false, error }` instead of throwing.
 *
 * @example
 * ```ts
 * import { safeParseActivity } from 'revops/model';
 * safeParseActivity({ id: '' }).ok;
 * //=> false
 * ```
 */
export function safeParseActivity(input: unknown): Result<Activity, RevopsError> {
  return parsers.safeParse(input);
}
