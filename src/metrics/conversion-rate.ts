/**
 * Conversion rate: the share of entities that converted.
 * Plain numbers only: this file imports neither zod nor decimal.js.
 * @module
 */
import type { RateValue } from '../core/ratio.js';
import { readPair } from './counts.js';

/**
 * The conversion rate `converted / total` as a fraction (20 of 100 → 0.2).
 *
 * Formula: `rate = converted / total`. Over an empty denominator (`total = 0`) the rate is
 * `null`, the library-wide answer (never 0, never NaN).
 *
 * @param converted - how many converted (a non-negative integer, at most `total`).
 * @param total - how many could have converted (a non-negative integer).
 * @returns the fraction in [0, 1], or `null` when `total` is 0.
 * @throws {RevopsError} `INVALID_COUNT` for a negative or non-integer count, or
 *   `converted > total`.
 * @example
 * ```ts
 * import { conversionRate } from 'revops/metrics';
 * conversionRate(20, 100);
 * //=> 0.2
 * conversionRate(0, 0);
 * //=> null
 * conversionRate(3, 2);
 * //=> throws INVALID_COUNT
 * ```
 */
export function conversionRate(converted: number, total: number): RateValue {
  const [k, n] = readPair(converted, total, 'converted', 'total');
  return n === 0 ? null : k / n;
}
