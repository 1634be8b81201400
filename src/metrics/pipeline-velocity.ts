/**
 * Pipeline (sales) velocity. Plain numbers (no zod, no decimal.js).
 * @module
 */
import { invalid } from '../core/errors.js';
import { isMoney, toNumber, type Money } from '../core/money.js';

/** The four levers of pipeline velocity. */
export interface PipelineVelocityInputs {
  /** Number of qualified opportunities in the pipeline (≥ 0). */
  readonly opportunities: number;
  /** Win rate as a fraction in [0, 1] (e.g. `winRate(...).rate`). */
  readonly winRate: number;
  /** Average deal size, as Money (e.g. `averageDealSize(...).average`) or a number of currency units. */
  readonly averageDealSize: Money | number;
  /** Average sales-cycle length in days (> 0; e.g. `salesCycleLength(...).meanDays`). */
  readonly cycleLengthDays: number;
}

/** Options of {@link pipelineVelocity}. */
export interface PipelineVelocityOptions {
  /** Days in the period for `perPeriod`; default 90 (a quarter of 90 days). */
  readonly periodDays?: number;
}

/** Pipeline velocity, in currency units (an estimate: a plain number). */
export interface PipelineVelocity {
  /** opportunities × winRate × averageDealSize: the expected value of the pipeline. */
  readonly expectedValue: number;
  /** expectedValue ÷ cycleLengthDays: currency per day. */
  readonly perDay: number;
  /** expectedValue × periodDays ÷ cycleLengthDays, computed without rounding the daily figure first. */
  readonly perPeriod: number;
  readonly periodDays: number;
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
 * Pipeline velocity: how much revenue the pipeline produces per day.
 *
 * Formula (HubSpot, Salesforce and many glossaries; research §3.5):
 * velocity = opportunities × win rate × average deal size ÷ cycle length (days); per period
 * = velocity × period days, computed as one product over one division, so that no rounded
 * daily figure is multiplied (published quarter figures often are: research E2).
 * Because three levers multiply and one divides, a 20% shorter cycle raises velocity by 25%.
 * To group, feed it the grouped win rate, deal size and cycle length.
 *
 * @param inputs - {@link PipelineVelocityInputs}.
 * @param options - {@link PipelineVelocityOptions}.
 * @returns expected value, per day and per period.
 * @throws {RevopsError} `INVALID_INPUT` for a negative or non-finite input, a zero cycle length, or inputs whose product overflows a double (no Infinity in outputs).
 * @throws {RevopsError} `INVALID_RATE` for a win rate outside [0, 1].
 * @throws {RevopsError} `INVALID_OPTION` for periodDays that is not a positive number.
 * @example
 * ```ts
 * import { pipelineVelocity } from 'revops/metrics';
 * pipelineVelocity({ opportunities: 100, winRate: 0.25, averageDealSize: 30000, cycleLengthDays: 60 }, { periodDays: 30 });
 * //=> { expectedValue: 750000, perDay: 12500, perPeriod: 375000, periodDays: 30 }
 * ```
 */
export function pipelineVelocity(
  inputs: PipelineVelocityInputs,
  options: PipelineVelocityOptions = {},
): PipelineVelocity {
  if (typeof inputs !== 'object' || inputs === null)
    throw invalid(
      'INVALID_INPUT',
      'inputs',
      inputs,
      'must be { opportunities, winRate, averageDealSize, cycleLengthDays }',
    );
  const opportunities = positive(inputs.opportunities, 'opportunities', true);
  const rate = inputs.winRate;
  if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1))
    throw invalid('INVALID_RATE', 'winRate', rate, 'must be a fraction in [0, 1] (0.25 for 25%)');
  const size = positive(
    isMoney(inputs.averageDealSize) ? toNumber(inputs.averageDealSize) : inputs.averageDealSize,
    'averageDealSize',
    true,
  );
  const cycle = positive(inputs.cycleLengthDays, 'cycleLengthDays', false);
  const periodDays = options.periodDays ?? 90;
  if (typeof periodDays !== 'number' || !Number.isFinite(periodDays) || periodDays <= 0)
    throw invalid('INVALID_OPTION', 'periodDays', periodDays, 'must be a positive number of days');
  const expectedValue = opportunities * size * rate;
  const perDay = expectedValue / cycle;
  const perPeriod = (expectedValue * periodDays) / cycle;
  if (!Number.isFinite(perDay) || !Number.isFinite(perPeriod))
    throw invalid('INVALID_INPUT', 'inputs', inputs, 'must give a finite velocity (the product overflows a double)');
  return { expectedValue, perDay, perPeriod, periodDays };
}
