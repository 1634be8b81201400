/**
 * Member: schema, type and parsers.
 * @module
 */
import * as z from 'zod';
import { lazySchema } from './lazy-schema.js';
import type { RevopsError } from '../core/errors.js';
import type { Result } from '../core/result.js';
import { IdSchema, IsoDateSchema } from './common.js';
import { makeParsers } from './parse.js';

/** A member of the sales organisation: a person with a role, a manager and territories. */
export const MemberSchema = lazySchema(() =>
  z
    .strictObject({
      id: IdSchema,
      name: z.string().min(1),
      email: z.string().email().optional(),
      roleId: IdSchema,
      teamId: IdSchema.optional(),
      /** Current manager (reporting line). */
      managerId: IdSchema.optional(),
      /** Past and present reporting lines, for crediting as of a date; periods inclusive, `end` open when absent. */
      reportingHistory: z
        .array(z.strictObject({ managerId: IdSchema, start: IsoDateSchema, end: IsoDateSchema.optional() }))
        .optional(),
      territoryIds: z.array(IdSchema).default([]),
      /** First day in the role (for proration of quota and pay). */
      startDate: IsoDateSchema,
      /** Last day in the role, when they have left. */
      endDate: IsoDateSchema.optional(),
    })
    .refine((m) => m.endDate === undefined || m.endDate >= m.startDate, {
      message: 'endDate must not be before startDate',
      path: ['endDate'],
    }),
);
/** A member, as parsed by {@link MemberSchema}. */
export type Member = z.output<typeof MemberSchema>;
/** The input form of a member (before defaults and normalisation). */
export type MemberInput = z.input<typeof MemberSchema>;

const parsers = makeParsers('Member', MemberSchema);

/**
 * Parses a member from unknown input (JSON, a form, a spreadsheet row), throwing on any problem.
 * Unknown keys are rejected.
 *
 * @throws {RevopsError} `INVALID_INPUT` listing every problem with its path.
 * @example
 * ```ts
 * import { parseMember } from 'revops/model';
 * parseMember({ id: 'm1', name: 'Ana', roleId: 'sdr', startDate: '2025-01-06' }).territoryIds;
 * //=> []
 * ```
 */
export function parseMember(input: unknown): Member {
  return parsers.parse(input);
}

/**
 * Parses a member, returning `{ ok: true, value }` or `{ ok: false, error }` instead of throwing.
 *
 * @example
 * ```ts
 * import { safeParseMember } from 'revops/model';
 * safeParseMember({ id: '' }).ok;
 * //=> false
 * ```
 */
export function safeParseMember(input: unknown): Result<Member, RevopsError> {
  return parsers.safeParse(input);
}
