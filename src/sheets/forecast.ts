/**
 * Forecasts of a series in a formula: Holt-Winters and a linear trend, returned as a column
 * that spills below the formula. Plain numbers only: no zod, no decimal.js.
 * @module
 */
import { holtWinters } from '../forecast/holt-winters.js';
import { linearTrend } from '../forecast/linear-trend.js';
import { type Cell, type CellRange, readNumberCell, readOptionalNumber, readSeries } from './cells.js';
import { type SheetMatrix, sheetMatrix } from './errors.js';

const column = (values: readonly number[]): number[][] => values.map((v) => [v]);

/**
 * `=HOLT_WINTERS_FORECAST(range, horizon, [seasonLength])`: the next `horizon` values of a
 * series by exponential smoothing, as a column. revops/forecast `holtWinters(series, {
 * horizon, seasonLength })`: additive trend, and additive seasonality when `seasonLength` > 1,
 * smoothing parameters estimated by least squares (Hyndman & Athanasopoulos, *Forecasting:
 * Principles and Practice*, ch. 8).
 *
 * The range is one row or one column of numbers, oldest first; a header cell at its start and
 * blank cells at its end are skipped, a blank between two values is `#VALUE!`. On Excel's
 * desktop an empty cell arrives as 0: select exactly the data.
 *
 * @param range - the series.
 * @param horizon - how many periods to forecast, an integer from 1 to 10,000.
 * @param seasonLength - periods per season (4 for quarters in a year, 12 for months); blank or
 *   omitted: no seasonality.
 * @returns a column of `horizon` numbers; `#N/A` for a series too short for the model (two full
 *   seasons are needed with seasonality); `#VALUE!` for a bad cell, horizon or season length.
 * @example
 * ```ts
 * import { HOLT_WINTERS_FORECAST } from 'revops/sheets';
 * // a straight line is forecast as its continuation
 * (HOLT_WINTERS_FORECAST([[10], [20], [30], [40], [50], [60]], 2) as number[][]).map(([v]) => Math.round(v as number));
 * //=> [70, 80]
 * HOLT_WINTERS_FORECAST([[1], [2], [3]], 4, 4);
 * //=> '#N/A'
 * ```
 */
export function HOLT_WINTERS_FORECAST(range: CellRange, horizon: Cell, seasonLength?: Cell): SheetMatrix {
  return sheetMatrix(() => {
    const season = readOptionalNumber(seasonLength, 'seasonLength');
    const fit = holtWinters(readSeries(range, 'range'), {
      horizon: readNumberCell(horizon, 'horizon'),
      ...(season === undefined ? {} : { seasonLength: season }),
    });
    return column(fit.forecast);
  });
}

/**
 * `=LINEAR_TREND_FORECAST(range, horizon)`: the next `horizon` values of a series on its
 * least-squares line, as a column (Excel's `TREND` on periods 1…n). revops/forecast
 * `linearTrend(series, { horizon }).forecast`.
 *
 * Formula: fit y = a + b·t on t = 1…n by ordinary least squares; forecast a + b·(n + h).
 *
 * @param range - the series, as for {@link HOLT_WINTERS_FORECAST}.
 * @param horizon - how many periods to forecast, an integer from 1 to 10,000.
 * @returns a column of `horizon` numbers; `#N/A` for fewer than 2 values; `#VALUE!` for a bad
 *   cell or horizon.
 * @example
 * ```ts
 * import { LINEAR_TREND_FORECAST } from 'revops/sheets';
 * // y = 1, 3, 5, 7 is y = 2t − 1: next 9 and 11
 * LINEAR_TREND_FORECAST([['Bookings', 1, 3, 5, 7, '']], 2);
 * //=> [[9], [11]]
 * ```
 */
export function LINEAR_TREND_FORECAST(range: CellRange, horizon: Cell): SheetMatrix {
  return sheetMatrix(() =>
    column(linearTrend(readSeries(range, 'range'), { horizon: readNumberCell(horizon, 'horizon') }).forecast),
  );
}
