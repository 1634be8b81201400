/**
 * Logo (customer) retention and churn rates, with their counts.
 * Plain numbers only: this file imports neither zod nor decimal.js.
 * @module
 */
import { invalid } from '../core/errors.js';
import type { RateWithCounts } from '../core/ratio.js';
import { readInteger, readFailure } from '../core/read.js';
import { resolveConvention, type RetentionPresetName, type SameWindowRule } from './presets.js';

function count(value: unknown, field: string): number {
  return readInteger(value, field);
}

function rate(numerator: number, denominator: number): RateWithCounts {
  return { rate: denominator === 0 ? null : numerator / denominator, numerator, denominator };
}

/** Counts of {@link customerRetentionRate}. */
export interface RetentionCounts {
  /** Customers at the start of the window. */
  readonly start: number;
  /** Customers at the end of the window. */
  readonly end: number;
  /** Customers acquired during the window (still counted in `end` if they stayed). */
  readonly acquired: number;
}

/**
 * The classic customer retention rate of a window: the share of the starting customers
 * still there at the end, read off counts.
 *
 * Formula: `CRR = (E − N) / S` with `E` customers at the end, `N` acquired in the window,
 * `S` at the start. Because it uses only counts, customers acquired and lost inside the
 * window are charged against the starting base and reactivations are credited: it equals
 * `1 − (all churn − reactivations) / S`. Over `S = 0` the rate is `null`.
 *
 * @param counts - `{ start, end, acquired }`, non-negative integers.
 * @returns `{ rate, numerator: E − N, denominator: S }`.
 * @throws {RevopsError} `INVALID_COUNT` for a count that is not a non-negative integer,
 *   `acquired > end`, or `end − acquired > start` (more survivors than starters).
 * @example
 * ```ts
 * import { customerRetentionRate } from 'revops/retention';
 * customerRetentionRate({ start: 100, end: 95, acquired: 5 });
 * //=> { rate: 0.9, numerator: 90, denominator: 100 }
 * customerRetentionRate({ start: 10, end: 3, acquired: 5 });
 * //=> throws INVALID_COUNT
 * ```
 */
export function customerRetentionRate(counts: RetentionCounts): RateWithCounts {
  try {
    if (counts === null || typeof counts !== 'object')
      throw invalid('INVALID_COUNT', 'counts', counts, 'must be { start, end, acquired }');
    const s = count(counts.start, 'start');
    const e = count(counts.end, 'end');
    const n = count(counts.acquired, 'acquired');
    if (n > e) throw invalid('INVALID_COUNT', 'acquired', n, `must not exceed end (${e}) in a retention count`);
    if (e - n > s) throw invalid('INVALID_COUNT', 'end', e, `minus acquired (${n}) must not exceed start (${s})`);
    return rate(e - n, s);
  } catch (thrown) {
    throw readFailure(thrown, { counts });
  }
}

/** Counts of {@link churnRate}. */
export interface ChurnCounts {
  /** Customers at the start of the window. */
  readonly start: number;
  /** Of those, how many churned during the window. */
  readonly churned: number;
  /** Customers acquired during the window. Default `0`. */
  readonly acquired?: number;
  /** Of those acquired, how many also churned inside the window. Default `0`. */
  readonly acquiredAndChurned?: number;
}

/** Options of {@link churnRate}. */
export interface ChurnRateOptions {
  /**
   * A provider preset; its `sameWindow` rule applies unless `sameWindow` is given. Default: none
   * (library default `'exclude'`).
   */
  readonly preset?: RetentionPresetName;
  /** How same-window joiners who churn count (see {@link SameWindowRule}). Default `'exclude'` (ChartMogul). */
  readonly sameWindow?: SameWindowRule;
}

/**
 * Logo churn rate of a window, with an explicit rule for customers who join and leave
 * inside it.
 *
 * Formulas (`S` start, `C` churned of the starting customers, `N` acquired, `X` acquired and
 * churned): `'exclude'` `C / S` (ChartMogul B2B; ProfitWell ignores same-month new+churn
 * entirely); `'numerator'` `(C + X) / S` (Baremetrics); `'both'` `(C + X) / (S + N)`
 * (Stripe: "active subscribers 30 days ago plus new subscribers"). Over an empty
 * denominator the rate is `null`. Sources: help.chartmogul.com
 * "Metric: Customer Churn rate" (203359321); help.baremetrics.com "User and revenue churn"
 * (5380347) and changelog.baremetrics.com "Churn Update"; support.stripe.com "Calculating churn
 * rate in Billing"; Paddle ProfitWell metrics help, compare pages.
 *
 * @param counts - see {@link ChurnCounts}.
 * @param options - see {@link ChurnRateOptions}.
 * @returns `{ rate, numerator, denominator }`.
 * @throws {RevopsError} `INVALID_COUNT` for a count that is not a non-negative integer,
 *   `churned > start` or `acquiredAndChurned > acquired`.
 * @throws {RevopsError} `INVALID_OPTION` for options that are not an object, an unknown preset or rule.
 * @example
 * ```ts
 * import { churnRate } from 'revops/retention';
 * const counts = { start: 100, churned: 10, acquired: 1, acquiredAndChurned: 1 };
 * [churnRate(counts).rate, churnRate(counts, { preset: 'baremetrics' }).rate];
 * //=> [0.1, 0.11]
 * churnRate(counts, { preset: 'stripe' });
 * //=> { rate: 0.10891089108910891, numerator: 11, denominator: 101 }
 * churnRate({ start: 0, churned: 0 });
 * //=> { rate: null, numerator: 0, denominator: 0 }
 * ```
 */
export function churnRate(counts: ChurnCounts, options: ChurnRateOptions = {}): RateWithCounts {
  try {
    if (counts === null || typeof counts !== 'object')
      throw invalid('INVALID_COUNT', 'counts', counts, 'must be { start, churned, acquired?, acquiredAndChurned? }');
    const s = count(counts.start, 'start');
    const c = count(counts.churned, 'churned');
    const n = count(counts.acquired ?? 0, 'acquired');
    const x = count(counts.acquiredAndChurned ?? 0, 'acquiredAndChurned');
    if (c > s) throw invalid('INVALID_COUNT', 'churned', c, `must not exceed start (${s})`);
    if (x > n) throw invalid('INVALID_COUNT', 'acquiredAndChurned', x, `must not exceed acquired (${n})`);
    const rule = resolveConvention(options).sameWindow;
    switch (rule) {
      case 'exclude':
        return rate(c, s);
      case 'numerator':
        return rate(c + x, s);
      case 'both':
        return rate(c + x, s + n);
      default:
        throw invalid('INVALID_OPTION', 'options.sameWindow', rule, "must be 'exclude', 'numerator' or 'both'");
    }
  } catch (thrown) {
    throw readFailure(thrown, { counts, options });
  }
}
