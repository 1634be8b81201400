/**
 * Deal (opportunity): something a customer may buy, moving through the deal pipeline.
 * @module
 */
import * as z from 'zod';
import type { RevopsError } from '../core/errors.js';
import type { Result } from '../core/result.js';
import {
  CustomFieldsSchema,
  DecimalStringSchema,
  FractionSchema,
  IdSchema,
  InstantSchema,
  IsoDateSchema,
  MoneySchema,
} from './common.js';
import { makeParsers } from './parse.js';
import { DealTypeSchema, ForecastCategorySchema, SegmentSchema } from './segment.js';
import { StageEventSchema } from './stage-event.js';

/**
 * A member's share of a deal's credit. `revenue` splits share the deal amount and must sum
 * to 1 with the owner's remainder; `overlay` credit (specialists) is additional.
 */
export const DealSplitSchema = z.strictObject({
  memberId: IdSchema,
  /** Exact decimal fraction of the deal ("0.4"). */
  share: DecimalStringSchema,
  kind: z.enum(['revenue', 'overlay']),
});
/** A deal split. */
export type DealSplit = z.output<typeof DealSplitSchema>;

/**
 * A deal. Stage, probability and forecast category are three separate facts (as in
 * Salesforce and HubSpot): probability and category default from the stage and may be
 * overridden, and `probabilitySource` records which.
 */
export const DealSchema = z.strictObject({
  id: IdSchema,
  name: z.string().min(1),
  accountId: IdSchema,
  /** The account executive who owns the deal. */
  ownerId: IdSchema,
  /** The SDR/BDR who created the opportunity, credited as its source. */
  sourceMemberId: IdSchema.optional(),
  /** The lead this deal was converted from. */
  leadId: IdSchema.optional(),
  type: DealTypeSchema,
  amount: MoneySchema,
  /** Current stage id in the deal pipeline. */
  stage: z.string().min(1),
  /** Chance of winning, a fraction in [0, 1]. */
  probability: FractionSchema,
  probabilitySource: z.enum(['stage', 'manual', 'model']).default('stage'),
  forecastCategory: ForecastCategorySchema,
  /**
   * Whether the forecast category is the stage's default (`'stage'`) or a rep's judgement
   * (`'manual'`) that survives moves between open stages. Absent means `'stage'`.
   */
  forecastCategorySource: z.enum(['stage', 'manual']).optional(),
  /** The date the deal is expected to close. */
  expectedCloseDate: IsoDateSchema,
  /** The date the deal actually closed (won or lost). */
  closeDate: IsoDateSchema.optional(),
  createdAt: InstantSchema,
  lostReason: z.string().min(1).optional(),
  segment: SegmentSchema.optional(),
  territoryId: IdSchema.optional(),
  teamId: IdSchema.optional(),
  products: z.array(z.string().min(1)).optional(),
  /** Contract length in months. */
  termMonths: z.number().int().positive().optional(),
  splits: z.array(DealSplitSchema).optional(),
  history: z.array(StageEventSchema).default([]),
  fields: CustomFieldsSchema.optional(),
});
/** A deal. */
export type Deal = z.output<typeof DealSchema>;
/** The input form of a deal (amount may be a number; defaults not yet applied). */
export type DealInput = z.input<typeof DealSchema>;

const parsers = makeParsers('Deal', DealSchema);

/**
 * Parses a deal, throwing on any problem. Unknown keys are rejected.
 *
 * @throws {RevopsError} `INVALID_INPUT` listing every problem with its path.
 * @example
 * ```ts
 * import { parseDeal } from 'revops/model';
 * const deal = parseDeal({
 *   id: 'd1', name: 'Acme renewal', accountId: 'a1', ownerId: 'ae1', type: 'renewal',
 *   amount: { amount: 24000, currency: 'USD' }, stage: 'proposal', probability: 0.5,
 *   forecastCategory: 'bestCase', expectedCloseDate: '2026-03-31', createdAt: '2026-01-10T09:00:00Z',
 * });
 * [deal.amount.amount, deal.probabilitySource];
 * //=> ['24000.00', 'stage']
 * ```
 */
export function parseDeal(input: unknown): Deal {
  return parsers.parse(input);
}

/**
 * Parses a deal, returning a Result instead of throwing.
 *
 * @example
 * ```ts
 * import { safeParseDeal } from 'revops/model';
 * const r = safeParseDeal({ id: 'd1', probability: 40 });
 * r.ok ? 'parsed' : r.error.code;
 * //=> 'INVALID_INPUT'
 * ```
 */
export function safeParseDeal(input: unknown): Result<Deal, RevopsError> {
  return parsers.safeParse(input);
}
