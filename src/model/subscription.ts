/**
 * Subscription revenue: what one customer pays, per period, normalised to a month (MRR).
 * @module
 */
import * as z from 'zod';
import type { Documented } from './input-form.js';
import { lazySchema } from './lazy-schema.js';
import type { RevopsError } from '../core/errors.js';
import type { Result } from '../core/result.js';
import { IdSchema, IsoDateSchema, MoneySchema, PeriodSchema, plusZero } from './common.js';
import type { Money } from '../core/money.js';
import type { Period } from '../core/periods.js';
import { makeParsers } from './parse.js';

/**
 * One row of periodic recurring revenue: customer `customerId` paid `mrr` per month over
 * `period` (usually one calendar month). A customer with several subscriptions has several
 * rows per period; they are summed per customer. A period with no row means no revenue.
 */
export const SubscriptionSchema = lazySchema(() =>
  z.strictObject({
    customerId: IdSchema,
    subscriptionId: IdSchema.optional(),
    planId: IdSchema.optional(),
    period: PeriodSchema,
    /** Monthly recurring revenue after discounts. */
    mrr: MoneySchema,
    /** Monthly list price before discounts, when known. */
    listMrr: MoneySchema.optional(),
    /** Seats or units: a non-negative integer. `-0` is read as `0`. */
    quantity: z.number().int().min(0).transform(plusZero).optional(),
    /** Whether the plan is free (zero-price). */
    free: z.boolean().optional(),
    /**
     * Duration of the discount that makes `mrr` lower than `listMrr`: `'forever'` or
     * `'limited'` (a coupon that expires). Stripe counts only forever discounts in MRR.
     */
    discount: z.enum(['forever', 'limited']).optional(),
    /**
     * The date the customer cancelled (the subscription will not renew). With churn
     * recognised at cancellation, this row counts as no revenue from that date on.
     */
    canceledAt: IsoDateSchema.optional(),
  }),
);
/**
 * One row of periodic recurring revenue, as parsed by {@link SubscriptionSchema}: customer
 * `customerId` paid `mrr` per month over `period`.
 */
export interface Subscription {
  /** The paying customer (an account id); rows are summed per customer. */
  customerId: string;
  /**
   * The subscription the row belongs to: rows of one `subscriptionId` are its periods. Absent:
   * the row is a subscription of its own.
   */
  subscriptionId?: string | undefined;
  /** The product plan subscribed to (a plan id in the billing system). Absent: not known. */
  planId?: string | undefined;
  /** The period the row covers: inclusive `YYYY-MM-DD` dates, usually one calendar month. */
  period: Period;
  /** Monthly recurring revenue after discounts, as canonical money. */
  mrr: Money;
  /** Monthly list price before discounts, as canonical money. Absent: not known. */
  listMrr?: Money | undefined;
  /** Seats or units: a non-negative integer. Absent: not known. */
  quantity?: number | undefined;
  /** Whether the plan is free (zero-price). Absent: not known. */
  free?: boolean | undefined;
  /**
   * Duration of the discount that makes `mrr` lower than `listMrr`: `'forever'` or `'limited'`
   * (a coupon that expires). Stripe counts only forever discounts in MRR. Absent: no discount.
   */
  discount?: 'forever' | 'limited' | undefined;
  /**
   * The date the customer cancelled, `YYYY-MM-DD` (the subscription will not renew). With churn
   * recognised at cancellation, the row counts as no revenue from that date on. Absent: not cancelled.
   */
  canceledAt?: string | undefined;
}
/** The input form of a subscription revenue row. */
export interface SubscriptionInput extends Documented<Subscription, z.input<typeof SubscriptionSchema>> {}

const parsers = makeParsers('Subscription', SubscriptionSchema);

/**
 * Parses a subscription revenue row, throwing on any problem. Unknown keys are rejected.
 *
 * @throws {RevopsError} `INVALID_INPUT` listing every problem with its path.
 * @example
 * ```ts
 * import { parseSubscription } from 'revops/model';
 * parseSubscription({
 *   customerId: 'c1', period: { start: '2026-01-01', end: '2026-01-31' }, mrr: { amount: 99, currency: 'EUR' },
 * }).mrr;
 * //=> { amount: '99.00', currency: 'EUR' }
 * ```
 */
export function parseSubscription(input: unknown): Subscription {
  return parsers.parse(input);
}

/**
 * Parses a subscription revenue row, returning a Result instead of throwing.
 *
 * @example
 * ```ts
 * import { safeParseSubscription } from 'revops/model';
 * safeParseSubscription({
 *   customerId: 'c1', period: { start: '2026-02-01', end: '2026-01-01' }, mrr: { amount: 1, currency: 'EUR' },
 * }).ok;
 * //=> false
 * ```
 */
export function safeParseSubscription(input: unknown): Result<Subscription, RevopsError> {
  return parsers.safeParse(input);
}
