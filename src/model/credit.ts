/**
 * Credit: schema, type and parsers.
 * @module
 */
import * as z from 'zod';
import type { Documented } from './input-form.js';
import { lazySchema } from './lazy-schema.js';
import type { RevopsError } from '../core/errors.js';
import type { Result } from '../core/result.js';
import { DecimalStringSchema, IdSchema, IsoDateSchema, MoneySchema, plusZero, boundedList } from './common.js';
import type { Money } from '../core/money.js';
import { type DealType, DealTypeSchema, type Segment, SegmentSchema } from './segment.js';
import { makeParsers } from './parse.js';
import { CREDIT_KINDS, MEASURES } from './vocabulary.js';

export { CREDIT_KINDS };
/**
 * A credit kind: `owner`/`split` share the deal amount (they sum to it); `overlay`, `source` and
 * `rollup` are additional.
 */
export type CreditKind = (typeof CREDIT_KINDS)[number];

/**
 * Credit: the part of a deal's value attributed to one member, the base that commission rates
 * apply to. Negative amounts are credit notes, refunds and clawback reversals.
 */
export const CreditSchema = lazySchema(() =>
  z.strictObject({
    id: IdSchema,
    dealId: IdSchema,
    memberId: IdSchema,
    kind: z.enum(CREDIT_KINDS),
    /** Credited amount (already the member's share). */
    amount: MoneySchema,
    /** The date the credit counts on (booking date), deciding its period. */
    date: IsoDateSchema,
    /** Share of the deal as an exact decimal string ("0.6"), when split. */
    share: DecimalStringSchema.optional(),
    /** What the amount measures; default bookings. */
    measure: z.enum(MEASURES).default('bookings'),
    dealType: DealTypeSchema.optional(),
    segment: SegmentSchema.optional(),
    products: boundedList(z.array(z.string())).optional(),
    /** Contract length in months, for multi-year multipliers. */
    termMonths: z.number().int().positive().optional(),
    /** Whether the deal brought a new logo (first deal with the account). */
    newLogo: z.boolean().optional(),
    /** Counted units for per-unit components (qualified leads, meetings held). */
    units: z.number().int().transform(plusZero).optional(),
    /** What the units count, for per-unit plans: e.g. `qualifiedLead`, `meetingHeld`, `demo`, `convertedLead`. */
    activity: z.string().min(1).optional(),
  }),
);
/** What an amount measures: bookings, revenue, ACV, margin, units or a custom measure. */
export type Measure = (typeof MEASURES)[number];

/** The part of a deal's value attributed to one member, as parsed by {@link CreditSchema}. */
export interface Credit {
  /** Stable identifier of the credit (1–200 characters), unique in a dataset. */
  id: string;
  /** The deal credited (a deal id). */
  dealId: string;
  /** The member credited (a member id). */
  memberId: string;
  /**
   * How the credit relates to the deal: `'owner'` and `'split'` share the deal amount (they sum to
   * it); `'overlay'`, `'source'` and `'rollup'` (a manager's) are additional.
   */
  kind: CreditKind;
  /** The credited amount as canonical money, already the member's share; negative for credit notes and reversals. */
  amount: Money;
  /** The date the credit counts on (booking date), `YYYY-MM-DD`; it decides the credit's period. */
  date: string;
  /** The member's share of the deal, an exact decimal fraction as a canonical string (`"0.6"`). Absent: not split. */
  share?: string | undefined;
  /** What the amount measures: `'bookings'` (default), `'revenue'`, `'acv'`, `'margin'`, `'units'` or `'custom'`. */
  measure: Measure;
  /** The deal's type (`'new'`, `'renewal'`, `'expansion'`), for plan filters. Absent: not known. */
  dealType?: DealType | undefined;
  /** The deal's market segment, for plan filters. Absent: not known. */
  segment?: Segment | undefined;
  /** Product names or SKUs of the deal, for plan filters. Absent: none listed. */
  products?: string[] | undefined;
  /** Contract length in whole months (a positive integer), for multi-year multipliers. Absent: unknown. */
  termMonths?: number | undefined;
  /** Whether the deal brought a new logo (first deal with the account). Absent: not known. */
  newLogo?: boolean | undefined;
  /** Counted units (an integer) for per-unit components: qualified leads, meetings held. Absent: counts 1. */
  units?: number | undefined;
  /** What the units count, for per-unit plans: e.g. `qualifiedLead`, `meetingHeld`, `demo`, `convertedLead`. */
  activity?: string | undefined;
}
/** The input form of a credit (before defaults and normalisation). */
export interface CreditInput extends Documented<Credit, z.input<typeof CreditSchema>> {}

const parsers = makeParsers('Credit', CreditSchema);

/**
 * Parses a credit from unknown input (JSON, a form, a spreadsheet row), throwing on any problem.
 * Unknown keys are rejected.
 *
 * @throws {RevopsError} `INVALID_INPUT` listing every problem with its path.
 * @example
 * ```ts
 * import { parseCredit } from 'revops/model';
 * parseCredit({
 *   id: 'cr1', dealId: 'd1', memberId: 'm1', kind: 'owner',
 *   amount: { amount: '5000', currency: 'USD' }, date: '2026-02-14',
 * }).amount.amount;
 * //=> '5000.00'
 * ```
 */
export function parseCredit(input: unknown): Credit {
  return parsers.parse(input);
}

/**
 * Parses a credit, returning `{ ok: true, value }` or `{ ok: false, error }` instead of throwing.
 *
 * @example
 * ```ts
 * import { safeParseCredit } from 'revops/model';
 * safeParseCredit({ id: '' }).ok;
 * //=> false
 * ```
 */
export function safeParseCredit(input: unknown): Result<Credit, RevopsError> {
  return parsers.safeParse(input);
}
