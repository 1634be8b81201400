/**
 * The library-wide rule for a rate over an empty denominator.
 *
 * A rate whose denominator is zero (conversion of 0 leads, churn of 0 customers) is
 * **undefined**, and revops returns `null` for it — everywhere, in every module. It is never
 * a silent `0` (which would read as "none converted") and never `NaN` (which would poison
 * any total it reaches). The type `number | null` makes the caller decide.
 * @module
 */
import { invalid } from './errors.js';
import { readNumber, readFailure } from './read.js';

/** A rate, share or probability as a fraction (0.25, not 25), or `null` when its denominator is zero. */
export type RateValue = number | null;

/** A rate with the counts it came from, so it can be audited and re-aggregated. */
export interface RateWithCounts {
  /** `numerator / denominator`, or `null` when `denominator` is 0. */
  readonly rate: RateValue;
  readonly numerator: number;
  readonly denominator: number;
}

/**
 * `numerator / denominator`, or `null` when the denominator is zero (the library-wide
 * answer for an empty denominator). Both must be finite numbers (never numeric strings);
 * `-0` is read as `0`.
 *
 * @throws {RevopsError} `INVALID_INPUT` naming `numerator` or `denominator` for a value that is
 *   not a finite number, or naming `numerator` when the quotient overflows a double.
 * @example
 * ```ts
 * import { ratio } from 'revops/core';
 * [ratio(20, 100), ratio(0, 0)];
 * //=> [0.2, null]
 * ```
 */
export function ratio(numerator: number, denominator: number): RateValue {
  try {
    const n = readNumber(numerator, 'numerator');
    const d = readNumber(denominator, 'denominator');
    if (d === 0) return null;
    const q = n / d;
    if (!Number.isFinite(q)) throw invalid('INVALID_INPUT', 'numerator', n, `divided by ${d} overflows a double`);
    return q === 0 ? 0 : q;
  } catch (thrown) {
    throw readFailure(thrown, { numerator, denominator });
  }
}
