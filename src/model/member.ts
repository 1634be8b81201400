/**
 * Member: schema, type and parsers.
 * @module
 */
import * as z from 'zod';
import type { Documented } from './input-form.js';
import { lazySchema } from './lazy-schema.js';
import type { RevopsError } from '../core/errors.js';
import type { Result } from '../core/result.js';
import { IdSchema, IsoDateSchema, boundedList } from './common.js';
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
      territoryIds: boundedList(z.array(IdSchema)).default([]),
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
/** One past or present reporting line of a member (see `Member.reportingHistory`). */
export interface ReportingLine {
  /** The manager the member reported to (a member id). */
  managerId: string;
  /** First day of the reporting line, `YYYY-MM-DD`, inclusive. */
  start: string;
  /** Last day of the reporting line, `YYYY-MM-DD`, inclusive. Absent: still current. */
  end?: string | undefined;
}

/** A member of the sales organisation, as parsed by {@link MemberSchema}. */
export interface Member {
  /** Stable identifier of the member (1–200 characters), unique in a dataset. */
  id: string;
  /** Display name, non-empty. */
  name: string;
  /** Work e-mail address. Absent: not known. */
  email?: string | undefined;
  /** The member's role, e.g. `'account-executive'` or `'sdr'` (a role id, see `defaultRoles`). */
  roleId: string;
  /** The member's team (a team id). Absent: in no team. */
  teamId?: string | undefined;
  /** Current manager (reporting line), a member id. Absent: reports to no one in the data. */
  managerId?: string | undefined;
  /**
   * Past and present reporting lines, for crediting managers as of a credit's date; periods are
   * inclusive, `end` open when absent. Absent: `managerId` at every date.
   */
  reportingHistory?: ReportingLine[] | undefined;
  /** The territories the member covers (territory ids). Default `[]`. */
  territoryIds: string[];
  /** First day in the role, `YYYY-MM-DD` (for proration of quota and pay). */
  startDate: string;
  /** Last day in the role, `YYYY-MM-DD`, not before `startDate`. Absent: still in the role. */
  endDate?: string | undefined;
}
/** The input form of a member (before defaults and normalisation). */
export interface MemberInput extends Documented<Member, z.input<typeof MemberSchema>> {}

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
