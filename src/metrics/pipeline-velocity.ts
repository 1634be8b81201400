/**
 * Pipeline (sales) velocity: the library's one function for opportunities × win rate ×
 * average deal size ÷ cycle length. Exact products; money in, money out.
 * @module
 */
import { minorUnits } from '../core/currency.js';
import { invalid } from '../core/errors.js';
import { type Fixed, fixedToNumber, multiplyFixed, parseFixed, pow10 } from '../core/fixed.js';
import { fromFixed, type Money, readMoney } from '../core/money.js';
import { readFraction, readInteger, readNumber, readObject, readOneOf, readFailure } from '../core/read.js';
import { DEFAULT_ROUNDING, ROUNDING_MODES, type RoundingMode, roundRational } from '../core/rounding.js';

/** The four levers of pipeline velocity. */
export interface PipelineVelocityInputs<A extends Money | number = Money | number> {
  /** Number of qualified opportunities in the pipeline (an integer ≥ 0). */
  readonly opportunities: number;
  /** Win rate as a fraction in [0, 1] (e.g. `winRate(...).rate`). */
  readonly winRate: number;
  /** Average deal size, as Money (e.g. `averageDealSize(...).average`) or a number of currency units (≥ 0). */
  readonly averageDealSize: A;
  /** Average sales-cycle length in days (> 0; e.g. `salesCycleLength(...).meanDays`). */
  readonly cycleLengthDays: number;
}

/** Options of {@link pipelineVelocity}. */
export interface PipelineVelocityOptions {
  /** Days in the period for `perPeriod` (> 0). Default 90 (a quarter of 90 days). */
  readonly periodDays?: number;
  /** How Money results are rounded to the currency's minor unit. Default `'halfAwayFromZero'`. */
  readonly rounding?: RoundingMode;
}

/**
 * Pipeline velocity, in the unit of `averageDealSize`: Money (each figure rounded once to the
 * minor unit) when it was Money, else a plain number of currency units.
 */
export interface PipelineVelocity<A extends Money | number = Money | number> {
  /** opportunities × winRate × averageDealSize: the expected value of the pipeline. */
  readonly expectedValue: A;
  /** expectedValue ÷ cycleLengthDays: currency per day. */
  readonly perDay: A;
  /** expectedValue × periodDays ÷ cycleLengthDays, computed without rounding the daily figure first. */
  readonly perPeriod: A;
  readonly periodDays: number;
}

/**
 * Pipeline velocity: how much revenue the pipeline produces per day.
 *
 * Formula (HubSpot's and Salesforce's sales-velocity glossaries): velocity = opportunities ×
 * win rate × average deal size ÷ cycle length (days); per period = opportunities × win rate ×
 * size × period days ÷ cycle length, as one exact product over one division, so that no
 * rounded daily figure is multiplied (as published quarter figures often are). Every input is
 * read as its shortest decimal; with a Money deal size each result is Money rounded once
 * (`rounding`), else a number. Because three levers multiply and one divides, a 20% shorter
 * cycle raises velocity by 25%. To group, feed it the grouped win rate, deal size and cycle
 * length.
 *
 * @param inputs - {@link PipelineVelocityInputs}.
 * @param options - {@link PipelineVelocityOptions}: `periodDays` (default 90), `rounding`.
 * @returns expected value, per day and per period, in the deal size's unit.
 * @throws {RevopsError} `INVALID_INPUT` for inputs that are not an object, a cycle length that is not a
 *   finite number > 0, or results that overflow a double (no Infinity in outputs).
 * @throws {RevopsError} `INVALID_COUNT` for opportunities that are not an integer ≥ 0.
 * @throws {RevopsError} `INVALID_RATE` for a win rate outside [0, 1].
 * @throws {RevopsError} `INVALID_AMOUNT` for a negative or malformed deal size.
 * @throws {RevopsError} `UNKNOWN_CURRENCY` for a Money deal size in an unknown currency.
 * @throws {RevopsError} `INVALID_OPTION` for periodDays that is not a positive number, or an unknown rounding.
 * @example
 * ```ts
 * import { pipelineVelocity } from 'revops/metrics';
 * pipelineVelocity({ opportunities: 100, winRate: 0.25, averageDealSize: 30000, cycleLengthDays: 60 },
 *   { periodDays: 30 });
 * //=> { expectedValue: 750000, perDay: 12500, perPeriod: 375000, periodDays: 30 }
 * pipelineVelocity({ opportunities: 18, winRate: 0.24, averageDealSize: { amount: '42000.00', currency: 'USD' },
 *   cycleLengthDays: 78 }).perDay;
 * //=> { amount: '2326.15', currency: 'USD' }
 * ```
 */
export function pipelineVelocity(
  inputs: PipelineVelocityInputs<Money>,
  options?: PipelineVelocityOptions,
): PipelineVelocity<Money>;
export function pipelineVelocity(
  inputs: PipelineVelocityInputs<number>,
  options?: PipelineVelocityOptions,
): PipelineVelocity<number>;
export function pipelineVelocity(
  inputs: PipelineVelocityInputs,
  options?: PipelineVelocityOptions,
): PipelineVelocity<Money | number>;
export function pipelineVelocity(
  inputs: PipelineVelocityInputs,
  options: PipelineVelocityOptions = {},
): PipelineVelocity<Money | number> {
  try {
    readObject(inputs, 'inputs');
    readObject(options, 'options', 'INVALID_OPTION');
    const n = readInteger(inputs.opportunities, 'inputs.opportunities');
    const w = readFraction(inputs.winRate, 'inputs.winRate');
    const cycle = readNumber(inputs.cycleLengthDays, 'inputs.cycleLengthDays', { min: 0, exclusiveMin: true });
    const periodDays = readNumber(options.periodDays ?? 90, 'options.periodDays', {
      min: 0,
      exclusiveMin: true,
      code: 'INVALID_OPTION',
    });
    const rounding = readOneOf(options.rounding ?? DEFAULT_ROUNDING, 'options.rounding', ROUNDING_MODES);
    const size = inputs.averageDealSize;
    let amount: Fixed;
    let currency: string | null = null;
    if (typeof size === 'number') {
      amount = parseFixed(readNumber(size, 'inputs.averageDealSize', { min: 0, code: 'INVALID_AMOUNT' }));
    } else {
      const m = readMoney(size, 'inputs.averageDealSize');
      if (m.fixed.int < 0n) {
        throw invalid(
          'INVALID_AMOUNT',
          'inputs.averageDealSize.amount',
          (size as Money).amount,
          'must not be negative',
        );
      }
      amount = m.fixed;
      currency = m.currency;
    }
    const expected = multiplyFixed(multiplyFixed(parseFixed(n), parseFixed(w)), amount);
    const perPeriodNumerator = multiplyFixed(expected, parseFixed(periodDays));
    const c = parseFixed(cycle);
    if (currency === null) {
      const expectedValue = fixedToNumber(expected);
      const perDay = expectedValue / cycle;
      const perPeriod = fixedToNumber(perPeriodNumerator) / cycle;
      if (!Number.isFinite(expectedValue) || !Number.isFinite(perDay) || !Number.isFinite(perPeriod))
        throw invalid(
          'INVALID_INPUT',
          'inputs',
          inputs,
          'must give a finite velocity (the product overflows a double)',
        );
      return { expectedValue, perDay, perPeriod, periodDays };
    }
    const digits = minorUnits(currency);
    // x ÷ d to minor units: x.int·10^digits·10^d.scale ÷ (d.int·10^x.scale), rounded once
    const divide = (x: Fixed, d: Fixed): Money => {
      const units = roundRational(x.int * pow10(digits + d.scale), d.int * pow10(x.scale), rounding);
      return fromFixed({ int: units, scale: digits }, currency as string);
    };
    const one: Fixed = { int: 1n, scale: 0 };
    return {
      expectedValue: divide(expected, one),
      perDay: divide(expected, c),
      perPeriod: divide(perPeriodNumerator, c),
      periodDays,
    };
  } catch (thrown) {
    throw readFailure(thrown, { inputs, options });
  }
}
