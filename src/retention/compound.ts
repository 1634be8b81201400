/**
 * Converting retention and churn rates between period lengths by compounding — the explicit
 * step that turns a monthly figure into an annual one (revops never does it silently).
 * Plain numbers only: this file imports neither zod nor decimal.js.
 * @module
 */
import { invalid } from '../core/errors.js';
import { readFailure } from '../core/read.js';

function readRate(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
    throw invalid('INVALID_RATE', field, value, 'must be a fraction in [0, 1] (0.05 for 5%)');
  }
  return value;
}

function readPeriods(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw invalid(
      'INVALID_INPUT',
      'periods',
      value,
      'must be a finite number of periods > 0 (12 to turn a monthly rate into an annual one)',
    );
  }
  return value;
}

/**
 * Retention over `periods` periods at a constant per-period retention rate.
 *
 * Formula: `r^periods` (e.g. annual = monthly¹²). It assumes the same rate every period and
 * independent periods; with heterogeneous customers real cohorts retain better over time
 * (the sorting effect — see {@link sbgRetentionRate}), so this is a constant-rate benchmark.
 *
 * @param retention - retention per period, a fraction in [0, 1].
 * @param periods - how many periods (> 0; fractional allowed, e.g. 1/12 for annual → monthly).
 * @returns the compounded retention rate.
 * @throws {RevopsError} `INVALID_RATE` for a rate outside [0, 1].
 * @throws {RevopsError} `INVALID_INPUT` for a period count that is not a finite number > 0.
 * @example
 * ```ts
 * import { compoundRetention } from 'revops/retention';
 * Math.round(compoundRetention(0.95, 12) * 1000) / 1000;
 * //=> 0.54
 * ```
 */
export function compoundRetention(retention: number, periods: number): number {
  try {
    return readRate(retention, 'retention') ** readPeriods(periods);
  } catch (thrown) {
    throw readFailure(thrown, { retention, periods });
  }
}

/**
 * Churn over `periods` periods at a constant per-period churn rate.
 *
 * Formula: `1 − (1 − c)^periods`, **not** `c × periods`: 5 % a month is 46.0 % a year, not
 * 60 %; 2 % a month is 21.5 % a year, not 24 % (a statistics page's "2–5 % monthly (24–60 %
 * annually)" is wrong). Same constant-rate caveat as
 * {@link compoundRetention}.
 *
 * @param churn - churn per period, a fraction in [0, 1].
 * @param periods - how many periods (> 0; fractional allowed).
 * @returns the compounded churn rate.
 * @throws {RevopsError} `INVALID_RATE` for a rate outside [0, 1].
 * @throws {RevopsError} `INVALID_INPUT` for a period count that is not a finite number > 0.
 * @example
 * ```ts
 * import { compoundChurn } from 'revops/retention';
 * [0.02, 0.05].map((c) => Math.round(compoundChurn(c, 12) * 1000) / 1000);
 * //=> [0.215, 0.46]
 * ```
 */
export function compoundChurn(churn: number, periods: number): number {
  try {
    return 1 - (1 - readRate(churn, 'churn')) ** readPeriods(periods);
  } catch (thrown) {
    throw readFailure(thrown, { churn, periods });
  }
}
