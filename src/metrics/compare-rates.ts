/**
 * Comparing two rates: two-proportion z-test and Newcombe's interval for the difference.
 * Plain numbers only (no zod, no decimal.js).
 * @module
 */
import { invalid } from '../core/errors.js';
import type { RateValue } from '../core/ratio.js';
import { readObject, readFailure } from '../core/read.js';
import { readConfidence, readPair } from './counts.js';
import { criticalValue, erfc } from '../core/normal.js';
import { wilsonBounds } from '../core/wilson.js';

/** Counts of one group: how many succeeded out of how many tried. */
export interface RateCounts {
  readonly successes: number;
  readonly trials: number;
}

/** Options of {@link compareRates}. */
export interface CompareRatesOptions {
  /** Confidence level of the interval for the difference; default 0.95. */
  readonly confidence?: number;
}

/** The comparison of two rates a and b. */
export interface RateComparison {
  /** Rate of a, `null` when a has no trials. */
  readonly rateA: RateValue;
  /** Rate of b, `null` when b has no trials. */
  readonly rateB: RateValue;
  /** rateA − rateB, `null` when either rate is. */
  readonly difference: number | null;
  /** Pooled rate (k₁ + k₂)/(n₁ + n₂) used by the test, `null` with no trials at all. */
  readonly pooledRate: RateValue;
  /** z statistic with pooled standard error; `null` when undefined (a rate is null, or the pooled rate is 0 or 1). */
  readonly z: number | null;
  /** Two-sided p-value 2·(1 − Φ(|z|)); `null` when `z` is. */
  readonly pValue: number | null;
  /** Newcombe hybrid score interval for the difference; bounds `null` when `difference` is. */
  readonly interval: { readonly lower: number | null; readonly upper: number | null };
  readonly confidence: number;
}

function readCounts(value: unknown, field: string): [number, number] {
  if (typeof value !== 'object' || value === null)
    throw invalid('INVALID_COUNT', field, value, 'must be { successes, trials }');
  const v = value as { successes?: unknown; trials?: unknown };
  return readPair(v.successes, v.trials, `${field}.successes`, `${field}.trials`);
}

/**
 * Compares two rates (two reps, two lead sources, two periods).
 *
 * Test: the two-proportion z-test with pooled standard error,
 * z = (p̂₁ − p̂₂) / √(p̄(1 − p̄)(1/n₁ + 1/n₂)), p̄ = (k₁ + k₂)/(n₁ + n₂), two-sided
 * p = 2·(1 − Φ(|z|)) = erfc(|z|/√2) — statsmodels `proportions_ztest(count, nobs)` (the same
 * as Pearson's χ² without continuity correction). For small counts prefer Fisher's exact test.
 *
 * Interval for the difference: **Newcombe's hybrid score interval** ("method 10", Newcombe
 * 1998, Stat Med 17:873–890), built from the two Wilson intervals (l₁, u₁), (l₂, u₂):
 * lower = d − √((p̂₁ − l₁)² + (u₂ − p̂₂)²), upper = d + √((u₁ − p̂₁)² + (p̂₂ − l₂)²).
 * It is chosen over the unpooled Wald interval d ± z√(p̂₁q̂₁/n₁ + p̂₂q̂₂/n₂) because the Wald
 * interval has poor coverage and collapses at 0 or n; it equals statsmodels
 * `confint_proportions_2indep(…, method='newcomb')`.
 *
 * @param a - counts of the first group.
 * @param b - counts of the second group.
 * @param options - {@link CompareRatesOptions}.
 * @returns rates, difference, z, p-value and the interval for the difference.
 * @throws {RevopsError} `INVALID_COUNT` for bad counts or successes > trials.
 * @throws {RevopsError} `INVALID_RATE` for a confidence outside (0, 1).
 * @throws {RevopsError} `INVALID_OPTION` for `options` that is not an object (`null`).
 * @example
 * ```ts
 * import { compareRates } from 'revops/metrics';
 * const c = compareRates({ successes: 56, trials: 70 }, { successes: 48, trials: 80 });
 * [Math.round(c.pValue * 1e6) / 1e6, Math.round(c.interval.lower * 1e4) / 1e4,
 *   Math.round(c.interval.upper * 1e4) / 1e4];
 * //=> [0.008045, 0.0524, 0.3339]
 * ```
 */
export function compareRates(a: RateCounts, b: RateCounts, options: CompareRatesOptions = {}): RateComparison {
  try {
    const [k1, n1] = readCounts(a, 'a');
    const [k2, n2] = readCounts(b, 'b');
    readObject(options, 'options', 'INVALID_OPTION');
    const confidence = readConfidence(options.confidence ?? 0.95, 'confidence');
    const rateA = n1 === 0 ? null : k1 / n1;
    const rateB = n2 === 0 ? null : k2 / n2;
    const pooledRate = n1 + n2 === 0 ? null : (k1 + k2) / (n1 + n2);
    if (rateA === null || rateB === null || pooledRate === null) {
      return {
        rateA,
        rateB,
        difference: null,
        pooledRate,
        z: null,
        pValue: null,
        interval: { lower: null, upper: null },
        confidence,
      };
    }
    const difference = rateA - rateB;
    let z: number | null = null;
    let pValue: number | null = null;
    if (pooledRate > 0 && pooledRate < 1) {
      z = difference / Math.sqrt(pooledRate * (1 - pooledRate) * (1 / n1 + 1 / n2));
      pValue = erfc(Math.abs(z) / Math.SQRT2);
    }
    const zc = criticalValue(confidence);
    const [l1, u1] = wilsonBounds(k1, n1, zc);
    const [l2, u2] = wilsonBounds(k2, n2, zc);
    const lower = difference - Math.sqrt((rateA - l1) ** 2 + (u2 - rateB) ** 2);
    const upper = difference + Math.sqrt((u1 - rateA) ** 2 + (rateB - l2) ** 2);
    return { rateA, rateB, difference, pooledRate, z, pValue, interval: { lower, upper }, confidence };
  } catch (thrown) {
    throw readFailure(thrown, { a, b, options });
  }
}
