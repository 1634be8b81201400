/**
 * Velocity forecast: the bookings that pipeline velocity projects over a number of days.
 * @module
 */
import { invalid } from '../core/errors.js';
import { type Fixed, fixedToNumber, multiplyFixed, parseFixed } from '../core/fixed.js';
import { readMoney, type Money } from '../core/money.js';
import { checkFraction } from './checks.js';

/** The four levers of pipeline (sales) velocity. */
export interface VelocityInputs {
  /** Number of qualified opportunities in the pipeline (≥ 0). */
  readonly opportunities: number;
  /** Win rate of such opportunities, a fraction. */
  readonly winRate: number;
  /** Average deal size: a number (≥ 0) or Money (its currency is reported). */
  readonly averageDealSize: number | Money;
  /** Average sales-cycle length in days (> 0). */
  readonly cycleDays: number;
}

/** Options of {@link velocityForecast}. */
export interface VelocityForecastOptions {
  /** Length of the forecast window in days (> 0): 90 for a quarter, 30 for a month. Default 1 (velocity per day). */
  readonly days?: number;
}

/** Result of {@link velocityForecast}: estimates in the deal size's unit (major units of its currency). */
export interface VelocityForecast {
  /** Velocity: opportunities × win rate × average deal size ÷ cycle days, per day. */
  readonly perDay: number;
  /** perDay × days, computed as one division (never from a rounded perDay). */
  readonly total: number;
  readonly days: number;
  /** Currency of `averageDealSize` when it was Money, else `null`. */
  readonly currency: string | null;
}

function positive(value: unknown, field: string, allowZero: boolean): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) {
    throw invalid(
      'INVALID_INPUT',
      field,
      value,
      allowZero ? 'must be a finite number ≥ 0' : 'must be a finite number > 0',
    );
  }
  return value;
}

/**
 * Projects bookings from pipeline velocity: velocity = opportunities × win rate × average deal
 * size ÷ average cycle length (currency per day; HubSpot, Salesforce and most glossaries),
 * and total = velocity × days. The numerator n × w × size × days is multiplied exactly (every
 * input read as its shortest decimal) and divided by the cycle length once, so the total does
 * not carry the "rounded per-day figure × 90" error several published examples make.
 * A pipeline-based run rate: an estimate (plain numbers), not booked money.
 *
 * @param inputs - see {@link VelocityInputs}.
 * @param options - see {@link VelocityForecastOptions}.
 * @returns a {@link VelocityForecast}.
 * @throws {RevopsError} `INVALID_INPUT` for a negative or non-finite number of opportunities, or a non-positive cycle or window.
 * @throws {RevopsError} `INVALID_RATE` for a win rate outside [0, 1].
 * @throws {RevopsError} `INVALID_AMOUNT` for an average deal size that is negative, non-finite or a malformed Money amount
 *   (the library's code for a negative amount, as `pipelineCoverage`).
 * @example
 * ```ts
 * import { velocityForecast } from 'revops/forecast';
 * // pipelineroad glossary: 100 opportunities, 25 % win rate, $30,000 deals, 60-day cycle ⇒ "$12,500 per day".
 * velocityForecast({ opportunities: 100, winRate: 0.25, averageDealSize: 30000, cycleDays: 60 }).perDay;
 * //=> 12500
 * velocityForecast({ opportunities: 100, winRate: 0.25, averageDealSize: 30000, cycleDays: 60 }, { days: 90 }).total;
 * //=> 1125000
 * ```
 */
export function velocityForecast(inputs: VelocityInputs, options: VelocityForecastOptions = {}): VelocityForecast {
  if (typeof inputs !== 'object' || inputs === null)
    throw invalid('INVALID_INPUT', 'inputs', inputs, 'must be { opportunities, winRate, averageDealSize, cycleDays }');
  const n = positive(inputs.opportunities, 'inputs.opportunities', true);
  const w = checkFraction(inputs.winRate, 'inputs.winRate');
  const cycle = positive(inputs.cycleDays, 'inputs.cycleDays', false);
  const days = positive(options.days ?? 1, 'options.days', false);
  let currency: string | null = null;
  let size: Fixed;
  if (typeof inputs.averageDealSize === 'object' && inputs.averageDealSize !== null) {
    const m = readMoney(inputs.averageDealSize, 'inputs.averageDealSize');
    if (m.fixed.int < 0n)
      throw invalid('INVALID_AMOUNT', 'inputs.averageDealSize.amount', fixedToNumber(m.fixed), 'must not be negative');
    size = m.fixed;
    currency = m.currency;
  } else {
    const v = inputs.averageDealSize;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
      throw invalid('INVALID_AMOUNT', 'inputs.averageDealSize', v, 'must be a finite amount ≥ 0');
    size = parseFixed(v, 'inputs.averageDealSize');
  }
  const perCycle = multiplyFixed(
    multiplyFixed(parseFixed(n, 'inputs.opportunities'), parseFixed(w, 'inputs.winRate')),
    size,
  );
  const window = multiplyFixed(perCycle, parseFixed(days, 'options.days'));
  return { perDay: fixedToNumber(perCycle) / cycle, total: fixedToNumber(window) / cycle, days, currency };
}
