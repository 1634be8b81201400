/**
 * Quota: schema, type and parsers.
 * @module
 */
import * as z from 'zod';
import { lazySchema } from './lazy-schema.js';
import type { RevopsError } from '../core/errors.js';
import type { Result } from '../core/result.js';
import { IdSchema, MoneySchema, PeriodSchema } from './common.js';
import { makeParsers } from './parse.js';

/** What a quota measures. */
export const QUOTA_MEASURES = ['bookings', 'revenue', 'acv', 'margin', 'units', 'custom'] as const;

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
/** A quota, as parsed by {@link QuotaSchema}. */
export type Quota = z.output<typeof QuotaSchema>;
/** The input form of a quota (before defaults and normalisation). */
export type QuotaInput = z.input<typeof QuotaSchema>;

const parsers = makeParsers('Quota', QuotaSchema);

/**
 * Parses a quota from unknown input (JSON, a form, a spreadsheet row), throwing on any problem.
 * Unknown keys are rejected.
 *
 * @throws {RevopsError} `INVALID_INPUT` listing every problem with its path.
 * @example
 * ```ts
 * import { parseQuota } from 'revops/model';
 * parseQuota({ memberId: 'm1', period: { start: '2026-01-01', end: '2026-03-31' }, amount: { amount: 150000, currency: 'USD' } }).measure;
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
