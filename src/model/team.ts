/**
 * Team: schema, type and parsers.
 * @module
 */
import * as z from 'zod';
import type { Documented } from './input-form.js';
import { lazySchema } from './lazy-schema.js';
import type { RevopsError } from '../core/errors.js';
import type { Result } from '../core/result.js';
import { IdSchema, boundedList } from './common.js';
import { type Segment, SegmentSchema } from './segment.js';
import { makeParsers } from './parse.js';

/** A team: members under one manager. */
export const TeamSchema = lazySchema(() =>
  z.strictObject({
    id: IdSchema,
    name: z.string().min(1),
    managerId: IdSchema.optional(),
    memberIds: boundedList(z.array(IdSchema)),
    segment: SegmentSchema.optional(),
  }),
);
/** A team: members under one manager, as parsed by {@link TeamSchema}. */
export interface Team {
  /** Stable identifier of the team (1–200 characters). */
  id: string;
  /** Display name, non-empty. */
  name: string;
  /** The team's manager (a member id). Absent: none recorded. */
  managerId?: string | undefined;
  /** The members of the team (member ids). */
  memberIds: string[];
  /** The market segment the team sells to. Absent: any. */
  segment?: Segment | undefined;
}
/** The input form of a team (before defaults and normalisation). */
export interface TeamInput extends Documented<Team, z.input<typeof TeamSchema>> {}

const parsers = makeParsers('Team', TeamSchema);

/**
 * Parses a team from unknown input (JSON, a form, a spreadsheet row), throwing on any problem.
 * Unknown keys are rejected.
 *
 * @throws {RevopsError} `INVALID_INPUT` listing every problem with its path.
 * @example
 * ```ts
 * import { parseTeam } from 'revops/model';
 * parseTeam({ id: 't1', name: 'West', memberIds: ['m1', 'm2'] }).memberIds.length;
 * //=> 2
 * ```
 */
export function parseTeam(input: unknown): Team {
  return parsers.parse(input);
}

/**
 * Parses a team, returning `{ ok: true, value }` or `{ ok: false, error }` instead of throwing.
 *
 * @example
 * ```ts
 * import { safeParseTeam } from 'revops/model';
 * safeParseTeam({ id: '' }).ok;
 * //=> false
 * ```
 */
export function safeParseTeam(input: unknown): Result<Team, RevopsError> {
  return parsers.safeParse(input);
}
