/**
 * Forecast accuracy: MAE, RMSE, MAPE, WAPE and bias of forecasts against actuals.
 * @module
 */
import { invalid } from '../core/errors.js';
import type { RateValue } from '../core/ratio.js';
import { finiteOutput } from './checks.js';
import { readSeries } from './series.js';
import { readFailure } from '../core/read.js';

/** Result of {@link forecastAccuracy}. */
export interface ForecastAccuracy {
  /** Number of pairs. */
  readonly n: number;
  /** Mean absolute error, mean |ŷ − y|, in the series' unit. */
  readonly mae: number;
  /** Root mean squared error, √mean (ŷ − y)². */
  readonly rmse: number;
  /** Mean absolute percentage error as a fraction, mean |ŷ − y|/|y|; `null` when any actual is 0. */
  readonly mape: RateValue;
  /** Weighted absolute percentage error Σ|ŷ − y| / Σ|y| (a fraction); `null` when every actual is 0. */
  readonly wape: RateValue;
  /** Mean error mean(ŷ − y): positive = over-forecast, negative = under-forecast. */
  readonly bias: number;
}

/**
 * Accuracy of forecasts `predicted` against `actual` (same length, paired by index).
 *
 * - MAE = mean|ŷ − y|; RMSE = √mean(ŷ − y)² (fpp3 §5.8).
 * - MAPE = mean(|ŷ − y|/|y|), a fraction (0.2 = 20 %; |y| in the denominator, as
 *   scikit-learn). It is undefined when an actual is 0: then it is `null` (the library's rule
 *   for an empty denominator) — zeros are not skipped silently; use WAPE for such series.
 * - WAPE = Σ|ŷ − y| / Σ|y| (also "weighted MAPE"); `null` when Σ|y| = 0.
 * - bias = mean(ŷ − y), forecast minus actual: positive means the forecast was too high
 *   (the sales-ops sign convention; the textbook "mean error" mean(y − ŷ) is its negative).
 *
 * @param actual - observed values (finite numbers).
 * @param predicted - forecasts for the same periods.
 * @returns a {@link ForecastAccuracy}.
 * @throws {RevopsError} `INVALID_INPUT` for non-arrays, non-finite values or different lengths, or values so large
 *   (or actuals so close to 0) that a metric would overflow to Infinity.
 * @throws {RevopsError} `INSUFFICIENT_DATA` for empty arrays.
 * @example
 * ```ts
 * import { forecastAccuracy } from 'revops/forecast';
 * // scikit-learn docs: y_true = [3, -0.5, 2, 7], y_pred = [2.5, 0.0, 2, 8].
 * const a = forecastAccuracy([3, -0.5, 2, 7], [2.5, 0, 2, 8]);
 * [a.mae, a.wape, a.bias];
 * //=> [0.5, 0.16, 0.25]
 * forecastAccuracy([0, 10], [1, 9]).mape;
 * //=> null
 * ```
 */
export function forecastAccuracy(actual: readonly number[], predicted: readonly number[]): ForecastAccuracy {
  try {
    const y = readSeries(actual, 'actual');
    const f = readSeries(predicted, 'predicted');
    if (y.length !== f.length)
      throw invalid(
        'INVALID_INPUT',
        'predicted',
        `${f.length} values`,
        `must have as many values as actual (${y.length})`,
      );
    const n = y.length;
    if (n === 0) throw invalid('INSUFFICIENT_DATA', 'actual', '0 values', 'must have at least one value');
    let abs = 0;
    let sq = 0;
    let err = 0;
    let pct = 0;
    let zero = false;
    let scale = 0;
    for (let i = 0; i < n; i++) {
      const e = (f[i] as number) - (y[i] as number);
      const a = Math.abs(y[i] as number);
      abs += Math.abs(e);
      sq += e * e;
      err += e;
      scale += a;
      if (a === 0) zero = true;
      else pct += Math.abs(e) / a;
    }
    const result = {
      n,
      mae: abs / n,
      rmse: Math.sqrt(sq / n),
      mape: zero ? null : pct / n,
      wape: scale === 0 ? null : abs / scale,
      bias: err / n,
    };
    return finiteOutput(result, 'actual', `${n} values`);
  } catch (thrown) {
    throw readFailure(thrown, { actual, predicted });
  }
}
