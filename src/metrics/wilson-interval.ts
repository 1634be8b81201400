/**
 * Wilson score interval for a rate. Plain numbers only (no zod, no decimal.js).
 * @module
 */
import type { RateValue } from '../core/ratio.js';
import { invalid } from '../core/errors.js';
import { readConfidence, readPair } from './counts.js';
import { criticalValue } from '../core/normal.js';
import { wilsonBounds } from '../core/wilson.js';
import { readFailure } from '../core/read.js';

/** Options of {@link wilsonInterval}. */
export interface WilsonIntervalOptions {
  /** The confidence level, strictly between 0 and 1. Default `0.95`. */
  readonly confidence?: number;
}

/** A rate with a confidence interval and the counts it came from. */
export interface RateInterval {
  /** The observed rate `successes / trials`, or `null` when `trials` is 0. */
  readonly rate: RateValue;
  /** Lower bound of the interval, or `null` when `trials` is 0. */
  readonly lower: RateValue;
  /** Upper bound of the interval, or `null` when `trials` is 0. */
  readonly upper: RateValue;
  readonly successes: number;
  readonly trials: number;
  /** The confidence level used, e.g. 0.95. */
  readonly confidence: number;
}

/**
 * The Wilson score interval for a binomial rate (Wilson 1927), the interval recommended by
 * Newcombe (1998, Stat Med 17:857–872) over the Wald interval, which has poor coverage and
 * zero width at 0 or n.
 *
 * Formula, with p̂ = k/n and z = Φ⁻¹(1 − (1 − confidence)/2):
 * centre = (p̂ + z²/2n) / (1 + z²/n), half-width = z·√(p̂(1 − p̂)/n + z²/4n²) / (1 + z²/n);
 * interval = centre ± half-width. The lower bound is exactly 0 when k = 0 and the upper
 * bound exactly 1 when k = n. No continuity correction: this is R
 * `prop.test(k, n, correct = FALSE)$conf.int` and statsmodels
 * `proportion_confint(k, n, method = 'wilson')`. With `trials = 0` every number is `null`.
 *
 * @param successes - k, a non-negative integer at most `trials`.
 * @param trials - n, a non-negative integer.
 * @param options - {@link WilsonIntervalOptions}: `confidence` (default 0.95).
 * @returns the rate and its interval, with the counts.
 * @throws {RevopsError} `INVALID_COUNT` for a negative or non-integer count or k > n.
 * @throws {RevopsError} `INVALID_RATE` for a confidence outside (0, 1).
 * @example
 * ```ts
 * import { wilsonInterval } from 'revops/metrics';
 * const i = wilsonInterval(18, 20, { confidence: 0.95 });
 * [i.rate, Math.abs(i.lower - 0.6989663547715128) < 1e-12, Math.abs(i.upper - 0.972133518786232) < 1e-12];
 * //=> [0.9, true, true]
 * wilsonInterval(0, 0).rate;
 * //=> null
 * ```
 */
export function wilsonInterval(successes: number, trials: number, options: WilsonIntervalOptions = {}): RateInterval {
  try {
    const [k, n] = readPair(successes, trials, 'successes', 'trials');
    if (typeof options !== 'object' || options === null) {
      throw invalid('INVALID_OPTION', 'options', options, 'must be an options object ({ confidence })');
    }
    const c = readConfidence(options.confidence ?? 0.95, 'options.confidence');
    if (n === 0) return { rate: null, lower: null, upper: null, successes: k, trials: n, confidence: c };
    const z = criticalValue(c);
    const [lower, upper] = wilsonBounds(k, n, z);
    return { rate: k / n, lower, upper, successes: k, trials: n, confidence: c };
  } catch (thrown) {
    throw readFailure(thrown, { successes, trials, options });
  }
}
