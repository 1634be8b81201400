/**
 * Rolling-origin backtests ("time series cross-validation", fpp3 §5.10) and the forecast
 * methods they compare.
 * @module
 */
import { invalid } from '../core/errors.js';
import { forecastAccuracy, type ForecastAccuracy } from './accuracy.js';
import { holtWinters, type HoltWintersOptions } from './holt-winters.js';
import { linearTrend } from './linear-trend.js';
import { readHorizon, readOptions, readPositiveInteger, readSeasonLength } from './checks.js';
import { readSeries } from './series.js';
import { readFailure } from '../core/read.js';

/** A forecasting method: given the training series (oldest first), return `horizon` forecasts. */
export type ForecastMethod = (train: readonly number[], horizon: number) => readonly number[];

/** Options of {@link backtest}. */
export interface BacktestOptions {
  /** Periods forecast from each origin. Default 1. */
  readonly horizon?: number;
  /** Number of forecast origins. Default 5. */
  readonly folds?: number;
  /** Periods between consecutive origins. Default 1. */
  readonly step?: number;
}

/** One forecast origin of a backtest. */
export interface BacktestFold {
  /** Number of observations the method was trained on (the origin). */
  readonly trainSize: number;
  readonly actual: readonly number[];
  readonly predicted: readonly number[];
  readonly accuracy: ForecastAccuracy;
}

/** Result of {@link backtest}. */
export interface Backtest {
  readonly folds: readonly BacktestFold[];
  /** Accuracy over every forecast of every fold, pooled. */
  readonly accuracy: ForecastAccuracy;
}

/**
 * Rolling-origin evaluation: for fold i = 1…folds the method is trained on the first
 * n − horizon − (folds − i)·step observations and forecasts the next `horizon`; the last
 * fold's forecasts end at the series' last value. Reports each fold and the pooled
 * {@link forecastAccuracy}, so methods can be compared on the same data.
 *
 * @param series - observations, oldest first.
 * @param method - a {@link ForecastMethod} (e.g. {@link naiveMethod}, {@link holtWintersMethod}).
 * @param options - see {@link BacktestOptions}.
 * @returns a {@link Backtest}.
 * @throws {RevopsError} `INVALID_INPUT` when `series` is not an array of finite numbers.
 * @throws {RevopsError} `INVALID_OPTION` for a bad option, or a method that returns the wrong number of forecasts.
 * @throws {RevopsError} `INSUFFICIENT_DATA` when the first fold would have no training data.
 * @example
 * ```ts
 * import { backtest, naiveMethod } from 'revops/forecast';
 * const b = backtest([10, 12, 11, 13, 15, 14], naiveMethod(), { horizon: 1, folds: 3 });
 * b.folds.map((f) => f.predicted[0]);
 * //=> [11, 13, 15]
 * b.accuracy.mae;
 * //=> 5 / 3
 * ```
 */
export function backtest(series: readonly number[], method: ForecastMethod, options: BacktestOptions = {}): Backtest {
  try {
    const o = readOptions(options);
    const y = Array.from(readSeries(series, 'series'));
    if (typeof method !== 'function')
      throw invalid('INVALID_OPTION', 'method', method, 'must be a function (train, horizon) => forecasts');
    const horizon = readHorizon(o.horizon ?? 1, 'options.horizon');
    const folds = readPositiveInteger(o.folds ?? 5, 'options.folds');
    const step = readPositiveInteger(o.step ?? 1, 'options.step');
    const firstTrain = y.length - horizon - (folds - 1) * step;
    if (firstTrain < 1) {
      throw invalid(
        'INSUFFICIENT_DATA',
        'series',
        `${y.length} values`,
        `must be longer than horizon + (folds − 1)·step = ${horizon + (folds - 1) * step}`,
      );
    }
    const out: BacktestFold[] = [];
    const allActual: number[] = [];
    const allPredicted: number[] = [];
    for (let i = 0; i < folds; i++) {
      const trainSize = firstTrain + i * step;
      const returned: unknown = method(y.slice(0, trainSize), horizon);
      if (!Array.isArray(returned))
        throw invalid('INVALID_OPTION', 'method', returned, `must return an array of ${horizon} finite forecasts`);
      const predicted = Array.from(returned as readonly number[]);
      if (predicted.length !== horizon || predicted.some((v) => typeof v !== 'number' || !Number.isFinite(v))) {
        throw invalid(
          'INVALID_OPTION',
          'method',
          `${predicted.length} values`,
          `must return ${horizon} finite forecasts`,
        );
      }
      const actual = y.slice(trainSize, trainSize + horizon);
      for (let k = 0; k < horizon; k++) {
        allActual.push(actual[k] as number);
        allPredicted.push(predicted[k] as number);
      }
      out.push({ trainSize, actual, predicted, accuracy: forecastAccuracy(actual, predicted) });
    }
    return { folds: out, accuracy: forecastAccuracy(allActual, allPredicted) };
  } catch (thrown) {
    throw readFailure(thrown, { series, method, options });
  }
}

/**
 * The naive method: every forecast is the last observation (a random walk; the baseline any
 * method must beat).
 *
 * @returns a {@link ForecastMethod}.
 * @throws {RevopsError} `INSUFFICIENT_DATA` (when the method is called) for an empty training series.
 * @throws {RevopsError} `INVALID_OPTION` (when the method is called) for a horizon that is not a positive integer.
 * @example
 * ```ts
 * import { naiveMethod } from 'revops/forecast';
 * naiveMethod()([3, 5, 4], 2);
 * //=> [4, 4]
 * ```
 */
export function naiveMethod(): ForecastMethod {
  return (train, horizon) => {
    const h = readHorizon(horizon, 'horizon');
    const y = readSeries(train, 'train');
    return new Array<number>(h).fill(y[y.length - 1] as number);
  };
}

/**
 * The seasonal naive method: the forecast for a period is the observation one season earlier.
 *
 * @param seasonLength - m, a positive integer.
 * @returns a {@link ForecastMethod}; it throws `INSUFFICIENT_DATA` when trained on less than one season.
 * @throws {RevopsError} `INVALID_OPTION` for a season length that is not a positive integer (or, when the method is
 *   called, a horizon that is not one).
 * @example
 * ```ts
 * import { seasonalNaiveMethod } from 'revops/forecast';
 * seasonalNaiveMethod(4)([1, 2, 3, 4, 5, 6, 7, 8], 6);
 * //=> [5, 6, 7, 8, 5, 6]
 * ```
 */
export function seasonalNaiveMethod(seasonLength: number): ForecastMethod {
  try {
    const m = readSeasonLength(seasonLength, 'seasonLength');
    return (train, horizon) => {
      const h = readHorizon(horizon, 'horizon');
      const y = readSeries(train, 'train');
      const n = y.length;
      if (n < m) throw invalid('INSUFFICIENT_DATA', 'train', `${n} values`, `must cover one season (${m} values)`);
      const out: number[] = [];
      for (let k = 1; k <= h; k++) out.push(y[n - m + ((k - 1) % m)] as number);
      return out;
    };
  } catch (thrown) {
    throw readFailure(thrown, { seasonLength });
  }
}

/**
 * The linear-trend method ({@link linearTrend} refitted on each training window).
 *
 * @returns a {@link ForecastMethod}.
 * @throws {RevopsError} when the method is called: as {@link linearTrend} (`INSUFFICIENT_DATA` for fewer than 2
 *   values, `INVALID_INPUT` for non-finite values, `INVALID_OPTION` for a bad horizon).
 * @example
 * ```ts
 * import { linearTrendMethod } from 'revops/forecast';
 * linearTrendMethod()([1, 2, 3], 2);
 * //=> [4, 5]
 * ```
 */
export function linearTrendMethod(): ForecastMethod {
  return (train, horizon) => linearTrend(train, { horizon }).forecast;
}

/**
 * The Holt-Winters method ({@link holtWinters} refitted on each training window with the
 * given options; `horizon` is set by the backtest).
 *
 * @param options - as for {@link holtWinters}, without `horizon`.
 * @returns a {@link ForecastMethod}.
 * @throws {RevopsError} when the method is called: as {@link holtWinters} (`INVALID_INPUT`, `INVALID_OPTION`,
 *   `INVALID_RATE`, `INSUFFICIENT_DATA`, `INVALID_SEED`).
 * @example
 * ```ts
 * import { holtWintersMethod } from 'revops/forecast';
 * holtWintersMethod({ trend: 'none', alpha: 0.5 })([10, 20], 1);
 * //=> [15]
 * ```
 */
export function holtWintersMethod(options: Omit<HoltWintersOptions, 'horizon'> = {}): ForecastMethod {
  try {
    return (train, horizon) => holtWinters(train, { ...options, horizon, levels: [] }).forecast;
  } catch (thrown) {
    throw readFailure(thrown, { options });
  }
}
