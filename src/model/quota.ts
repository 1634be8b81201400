/**
 * Quota: schema, type and parsers.
 * @module
 */
import * as z from 'zod';
import type { Documented } from './input-form.js';
import { lazySchema } from './lazy-schema.js';
import type { RevopsError } from '../core/errors.js';
import type { Result } from '../core/result.js';
import { IdSchema, MoneySchema, PeriodSchema } from './common.js';
import type { Money } from '../core/money.js';
import type { Period } from '../core/periods.js';
import { makeParsers } from './parse.js';
import { MEASURES } from './vocabulary.js';

/** What a quota measures: the same list as {@link MEASURES} (credits and plan components). */
export const QUOTA_MEASURES = MEASURES;

/** A target for a member (or a team) over a period. */
export const QuotaSchema = lazySchema(() =>
  z
    .strictObject({
      id: IdSchema.optional(),
      memberId: IdSchema.optional(),
      teamId: IdSchema.optional(),
      period: PeriodSchema,
      amount: MoneySchema,
      measure: z.enum(QUOTA_MEASURES).default('bookings'),
    })
    .refine((q) => (q.memberId === undefined) !== (q.teamId === undefined), {
      message: 'exactly one of memberId or teamId is required',
      path: ['memberId'],
    }),
);
/** What a quota measures. */
export type QuotaMeasure = (typeof QUOTA_MEASURES)[number];

/** A target for a member or a team over a period, as parsed by {@link QuotaSchema}. */
export interface Quota {
  /** Identifier of the quota (1–200 characters). Absent: none. */
  id?: string | undefined;
  /** The member the quota is for (a member id); exactly one of `memberId` and `teamId` is set. */
  memberId?: string | undefined;
  /** The team the quota is for (a team id); exactly one of `memberId` and `teamId` is set. */
  teamId?: string | undefined;
  /** The period the target covers: inclusive `YYYY-MM-DD` dates. */
  period: Period;
  /** The target as canonical money (for `units`, the count in the amount). */
  amount: Money;
  /** What the quota measures: `'bookings'` (default), `'revenue'`, `'acv'`, `'margin'`, `'units'` or `'custom'`. */
  measure: QuotaMeasure;
}
/** The input form of a quota (before defaults and normalisation). */
export interface QuotaInput extends Documented<Quota, z.input<typeof QuotaSchema>> {}

const parsers = makeParsers('Quota', QuotaSchema);

/**
 * Parses a quota from unknown input (JSON, a form, a spreadsheet row), throwing on any problem.
 * Unknown keys are rejected.
 *
 * @throws {RevopsError} `INVALID_INPUT` listing every problem with its path.
 * @example
 * ```ts
 * import { parseQuota } from 'revops/model';
 * parseQuota({
 *   memberId: 'm1', period: { start: '2026-01-01', end: '2026-03-31' },
 *   amount: { amount: 150000, currency: 'USD' },
 * }).measure;
 * //=> 'bookings'
 * ```
 */
export function parseQuota(input: unknown): Quota {
  return parsers.parse(input);
}

/**
 * Parses a quota, returning `{ ok: true, value }` or `{ ok: false, error }` instead of throwing.
 *
 * @example
 * ```ts
 * import { safeParseQuota } from 'revops/model';
 * safeParseQuota({ id: '' }).ok;
 * //=> false
 * ```
 */
export function safeParseQuota(input: unknown): Result<Quota, RevopsError> {
  return parsers.safeParse(input);
}
