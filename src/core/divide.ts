/**
 * Division of money: by a divisor at 34 significant digits (decimal.js), and exact
 * proration by a ratio of integers, rounded once.
 * @module
 */
import { invalid } from './errors.js';
import { minorUnits } from './currency.js';
import { formatFixed, parseFixed, pow10, type DecimalInput } from './fixed.js';
import { fromFixed, readMoney, type Money } from './money.js';
import { readRoundingMode } from './money-arithmetic.js';
import { DEFAULT_ROUNDING, roundRational, type RoundingMode } from './rounding.js';
import { RevopsDecimal } from './decimal.js';
import { readFailure } from './read.js';

/**
 * Divides an amount by a divisor. The quotient carries 34 significant digits (IEEE
 * decimal128; rounded half away from zero beyond them), so it is exact whenever it
 * terminates within 34 digits; it is not rounded to the minor unit (use {@link roundMoney}, or
 * {@link prorate} to divide and round exactly once).
 *
 * @throws {RevopsError} `DIVISION_BY_ZERO` for a zero divisor; `INVALID_AMOUNT` for a
 *   divisor that is not a finite decimal.
 * @example
 * ```ts
 * import { divide, money } from 'revops/core';
 * divide(money('100.00', 'USD'), 8);
 * //=> { amount: '12.50', currency: 'USD' }
 * divide(money('1.00', 'USD'), 3).amount;
 * //=> '0.3333333333333333333333333333333333'
 * ```
 */
export function divide(value: Money, divisor: DecimalInput): Money {
  try {
    const { fixed, currency } = readMoney(value, 'money');
    const d = parseFixed(divisor, 'divisor');
    if (d.int === 0n) throw invalid('DIVISION_BY_ZERO', 'divisor', divisor, 'must not be zero');
    const q = new RevopsDecimal(formatFixed(fixed)).div(formatFixed(d));
    return fromFixed(parseFixed(q.toFixed(), 'quotient'), currency);
  } catch (thrown) {
    throw readFailure(thrown, { value, divisor });
  }
}

/**
 * `amount × numerator ÷ denominator`, computed exactly and rounded once to the currency's
 * minor unit. This is proration: pay for 27 of 28 days is
 * `prorate(pay, 27, 28)`, with no intermediate rounding at all.
 *
 * @param numerator - e.g. days worked (any exact decimal).
 * @param denominator - e.g. days in the period; must not be zero.
 * @param mode - rounding of the single final step, default `'halfAwayFromZero'`.
 * @throws {RevopsError} `DIVISION_BY_ZERO` for a zero denominator; `INVALID_OPTION` for an
 *   unknown mode.
 * @example
 * ```ts
 * import { money, prorate } from 'revops/core';
 * prorate(money('1000.00', 'USD'), 27, 28);
 * //=> { amount: '964.29', currency: 'USD' }
 * prorate(money('1000.00', 'USD'), 27, 28, 'floor');
 * //=> { amount: '964.28', currency: 'USD' }
 * ```
 */
export function prorate(
  value: Money,
  numerator: DecimalInput,
  denominator: DecimalInput,
  mode: RoundingMode = DEFAULT_ROUNDING,
): Money {
  try {
    const { fixed, currency } = readMoney(value, 'money');
    const n = parseFixed(numerator, 'numerator');
    const d = parseFixed(denominator, 'denominator');
    if (d.int === 0n) throw invalid('DIVISION_BY_ZERO', 'denominator', denominator, 'must not be zero');
    const rounding = readRoundingMode(mode);
    const digits = minorUnits(currency);
    // value = a/10^sa, n/10^sn, d/10^sd  →  result·10^digits = a·n·10^(digits+sd) / (d·10^(sa+sn))
    let num = fixed.int * n.int * pow10(digits + d.scale);
    let den = d.int * pow10(fixed.scale + n.scale);
    if (den < 0n) {
      num = -num;
      den = -den;
    }
    return fromFixed({ int: roundRational(num, den, rounding), scale: digits }, currency);
  } catch (thrown) {
    throw readFailure(thrown, { value, numerator, denominator, mode });
  }
}
