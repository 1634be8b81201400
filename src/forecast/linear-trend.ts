/**
 * Linear trend: ordinary least squares of the series on its period index.
 * @module
 */
import { readSeries } from './series.js';
import { finiteOutput, readHorizon, readOptions } from './checks.js';
import { readFailure } from '../core/read.js';

/** Options of {@link linearTrend}. */
export interface LinearTrendOptions {
  /** Number of periods to forecast past the end of the series. Default 1. */
  readonly horizon?: number;
}

/** Result of {@link linearTrend}. */
export interface LinearTrend {
  /** Change per period (b in y = a + b·t). */
  readonly slope: number;
  /** Value of the line at t = 0, the period just before the first observation (t = 1). */
  readonly intercept: number;
  /** Coefficient of determination 1 − SSE/SST; `null` when the series is constant (SST = 0). */
  readonly rSquared: number | null;
  /** The line at t = 1…n. */
  readonly fitted: readonly number[];
  /** The line at t = n + 1 … n + horizon. */
  readonly forecast: readonly number[];
}

/**
 * Fits the straight line y = a + b·t to the series by ordinary least squares, with the
 * observations at t = 1, 2, …, n: b = Σ(t − t̄)(y − ȳ)/Σ(t − t̄)², a = ȳ − b·t̄; and extends
 * it `horizon` periods. The simplest "run-rate with growth" baseline for a backtest.
 * Point forecasts only (no intervals): use {@link holtWinters} for those.
 *
 * @param series - observations, oldest first (at least 2 finite numbers).
 * @param options - see {@link LinearTrendOptions}.
 * @returns a {@link LinearTrend}.
 * @throws {RevopsError} `INVALID_INPUT` when `series` is not an array of finite numbers, or its values are so large
 *   that
 *   the fit would overflow to Infinity.
 * @throws {RevopsError} `INSUFFICIENT_DATA` with fewer than 2 values.
 * @throws {RevopsError} `INVALID_OPTION` for a horizon that is not an integer from 1 to `LIMITS.horizon` (10,000).
 * @example
 * ```ts
 * import { linearTrend } from 'revops/forecast';
 * // simple-statistics README: points (1, 1), (2, 2), (3, 1.3), (4, 3.75), (5, 2.25) ⇒ m 0.425, b 0.785.
 * const t = linearTrend([1, 2, 1.3, 3.75, 2.25]);
 * [Math.round(t.slope * 1e12) / 1e12, Math.round(t.intercept * 1e12) / 1e12];
 * //=> [0.425, 0.785]
 * ```
 */
export function linearTrend(series: readonly number[], options: LinearTrendOptions = {}): LinearTrend {
  try {
    const o = readOptions(options);
    const y = readSeries(series, 'series', 2);
    const horizon = readHorizon(o.horizon ?? 1, 'options.horizon');
    const n = y.length;
    const tMean = (n + 1) / 2;
    let yMean = 0;
    for (let i = 0; i < n; i++) yMean += (y[i] as number) / n;
    let sxy = 0;
    let sxx = 0;
    let sst = 0;
    for (let i = 0; i < n; i++) {
      const dt = i + 1 - tMean;
      const dy = (y[i] as number) - yMean;
      sxy += dt * dy;
      sxx += dt * dt;
      sst += dy * dy;
    }
    const slope = sxy / sxx;
    const intercept = yMean - slope * tMean;
    const fitted: number[] = [];
    let sse = 0;
    for (let i = 0; i < n; i++) {
      const f = intercept + slope * (i + 1);
      fitted.push(f);
      sse += ((y[i] as number) - f) ** 2;
    }
    const forecast: number[] = [];
    for (let h = 1; h <= horizon; h++) forecast.push(intercept + slope * (n + h));
    return finiteOutput(
      { slope, intercept, rSquared: sst === 0 ? null : 1 - sse / sst, fitted, forecast },
      'series',
      `${n} values`,
    );
  } catch (thrown) {
    throw readFailure(thrown, { series, options });
  }
}
