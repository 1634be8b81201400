/**
 * Exact money arithmetic: add, subtract, multiply, negate, sum, and rounding to the
 * currency's minor unit. Nothing here rounds unless asked.
 * @module
 */
import { invalid } from './errors.js';
import { minorUnits, type CurrencyCode } from './currency.js';
import { factorUnits, readFactor, type Factor } from './compiled-rate.js';
import { safeScale } from './decimal-text.js';
import {
  exactAbs,
  exactAdd,
  exactMul,
  exactNeg,
  exactRound,
  exactSub,
  POW10,
  roundDivNumber,
  toBig,
  type Exact,
} from './exact.js';
import { ExactSum } from './exact-sum.js';
import {
  amountExact,
  amountOf,
  amountUnits,
  assertSameCurrency,
  fromExact,
  fromUnits,
  moneyDigits,
  readMoneyExact,
  type Money,
} from './money.js';

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
import { DEFAULT_ROUNDING, ROUNDING_MODES, type RoundingMode } from './rounding.js';
import { readFailure } from './read.js';

/**
 * Exact sum of two amounts of the same currency.
 *
 * @throws {RevopsError} `CURRENCY_MISMATCH` when the currencies differ.
 * @example
 * ```ts
 * import { add, money } from 'revops/core';
 * add(money(0.1, 'USD'), money(0.2, 'USD'));
 * //=> { amount: '0.30', currency: 'USD' }
 * ```
 */
export function add(a: Money, b: Money): Money {
  return combine(a, b, 1, exactAdd);
}

/**
 * Exact difference `a − b` of two amounts of the same currency.
 *
 * @throws {RevopsError} `CURRENCY_MISMATCH` when the currencies differ.
 * @example
 * ```ts
 * import { money, subtract } from 'revops/core';
 * subtract(money('10.00', 'EUR'), money('12.5', 'EUR'));
 * //=> { amount: '-2.50', currency: 'EUR' }
 * ```
 */
export function subtract(a: Money, b: Money): Money {
  return combine(a, b, -1, exactSub);
}

/**
 * Reads two amounts of one currency, applies `op` in the calculator, formats the result once.
 * The common case (safe integers, same currency) runs on plain numbers: `sign` is 1 for `a + b`
 * and -1 for `a − b`.
 */
function combine(a: Money, b: Money, sign: 1 | -1, op: (x: Exact, y: Exact) => Exact): Money {
  const digits = moneyDigits(a, 'a');
  moneyDigits(b, 'b');
  const at = amountOf(a, 'a');
  const bt = amountOf(b, 'b');
  const currency = a.currency;
  if (currency === b.currency) {
    let x = amountUnits(a, at);
    const xs = safeScale.value;
    let y = amountUnits(b, bt);
    const ys = safeScale.value;
    // x or y NaN: every comparison below is false, on to the exact path
    if (xs < ys) x *= POW10[ys - xs] as number;
    else if (ys < xs) y *= POW10[xs - ys] as number;
    const t = sign === 1 ? x + y : x - y; // exact when it is a safe integer (|x|, |y| ≤ 2^53 − 1)
    if (t >= -MAX_SAFE && t <= MAX_SAFE && x >= -MAX_SAFE && x <= MAX_SAFE && y >= -MAX_SAFE && y <= MAX_SAFE) {
      return fromUnits(t, xs > ys ? xs : ys, currency, digits);
    }
  }
  const x = amountExact(at, 'a');
  const y = amountExact(bt, 'b');
  if (currency !== b.currency) assertSameCurrency(currency, b.currency);
  return fromExact(op(x, y), currency, digits);
}

/**
 * Exact product of an amount and a factor (a rate, a share, a quantity, an FX rate into the
 * same currency). The result is not rounded: `100.00 × 0.125 = 12.500` keeps every digit.
 *
 * @param factor - a number (read as its shortest decimal), a decimal string or a Decimal.
 * @throws {RevopsError} `INVALID_AMOUNT` for a factor that is not a finite decimal.
 * @example
 * ```ts
 * import { money, multiply } from 'revops/core';
 * multiply(money('100.00', 'USD'), 0.125);
 * //=> { amount: '12.50', currency: 'USD' }
 * multiply(money('19.99', 'USD'), '0.075');
 * //=> { amount: '1.49925', currency: 'USD' }
 * ```
 */
export function multiply(value: Money, factor: Factor): Money {
  try {
    const digits = moneyDigits(value, 'money');
    const a = amountOf(value, 'money');
    const x = amountUnits(value, a);
    if (x === x) {
      const xs = safeScale.value;
      const f = factorUnits(factor);
      const p = x * f; // a true product beyond 2^53 never rounds back below it; NaN for a factor off this path
      if (p >= -MAX_SAFE && p <= MAX_SAFE) return fromUnits(p, xs + safeScale.value, value.currency, digits);
    }
    return fromExact(exactMul(amountExact(a, 'money'), readFactor(factor, 'factor')), value.currency, digits);
  } catch (thrown) {
    throw readFailure(thrown, { money: value, factor });
  }
}

/**
 * The amount with its sign flipped.
 *
 * @example
 * ```ts
 * import { money, negate } from 'revops/core';
 * negate(money('5', 'USD'));
 * //=> { amount: '-5.00', currency: 'USD' }
 * ```
 */
export function negate(value: Money): Money {
  const { x, currency, digits } = readMoneyExact(value, 'money');
  return fromExact(exactNeg(x), currency, digits);
}

/**
 * The absolute value of an amount.
 *
 * @example
 * ```ts
 * import { abs, money } from 'revops/core';
 * abs(money('-5.25', 'USD'));
 * //=> { amount: '5.25', currency: 'USD' }
 * ```
 */
export function abs(value: Money): Money {
  const { x, currency, digits } = readMoneyExact(value, 'money');
  return fromExact(exactAbs(x), currency, digits);
}

/** Options of {@link sum}. */
export interface SumOptions {
  /** The currency of every amount and of the result (required: it makes the sum of an empty list a zero). */
  readonly currency: CurrencyCode;
}

/**
 * Exact sum of any number of amounts in one currency. The currency is required so that the
 * sum of an empty list is a well-defined zero.
 *
 * @param values - the amounts, all in `options.currency`.
 * @param options - `currency` (required).
 * @throws {RevopsError} `INVALID_INPUT` when `values` is not an array or an item is not a money
 *   object; `INVALID_OPTION` when `options` is not an object; `UNKNOWN_CURRENCY`;
 *   `CURRENCY_MISMATCH` when an amount is in another currency.
 * @example
 * ```ts
 * import { money, sum } from 'revops/core';
 * sum([money('0.10', 'USD'), money('0.20', 'USD'), money('0.70', 'USD')], { currency: 'USD' });
 * //=> { amount: '1.00', currency: 'USD' }
 * sum([], { currency: 'JPY' });
 * //=> { amount: '0', currency: 'JPY' }
 * ```
 */
export function sum(values: readonly Money[], options: SumOptions): Money {
  try {
    if (typeof options !== 'object' || options === null) {
      throw invalid('INVALID_OPTION', 'options', options, 'must be an object { currency }');
    }
    const { currency } = options;
    if (typeof currency !== 'string') {
      throw invalid('UNKNOWN_CURRENCY', 'options.currency', currency, 'must be an ISO 4217 code such as "USD"');
    }
    const digits = minorUnits(currency);
    if (!Array.isArray(values)) throw invalid('INVALID_INPUT', 'values', values, 'must be an array of Money');
    const total = new ExactSum(digits);
    for (let i = 0; i < values.length; i++) {
      const value = values[i] as Money;
      moneyDigits(value, 'values', i);
      const a = amountOf(value, 'values', i);
      const u = amountUnits(value, a);
      if (u === u && value.currency === currency) total.addScaled(u, safeScale.value);
      else {
        const x = amountExact(a, 'values', i);
        if (value.currency !== currency) assertSameCurrency(currency, value.currency, `values[${i}]`);
        total.addExact(x);
      }
    }
    return fromExact(total.value(), currency, digits);
  } catch (thrown) {
    throw readFailure(thrown, { values, options });
  }
}

/** Validates a rounding mode argument. @internal */
export function readRoundingMode(mode: unknown, field = 'mode'): RoundingMode {
  if (mode === DEFAULT_ROUNDING) return DEFAULT_ROUNDING;
  if (!ROUNDING_MODES.includes(mode as RoundingMode)) {
    throw invalid('INVALID_OPTION', field, mode, `must be one of ${ROUNDING_MODES.join(', ')}`);
  }
  return mode as RoundingMode;
}

/**
 * Rounds an amount to its currency's minor unit (cents for USD, yen for JPY, fils for BHD).
 * This is the one place where money loses digits; do it once, where the plan or report says.
 *
 * @param mode - default `'halfAwayFromZero'`, as spreadsheet `ROUND` does.
 * @throws {RevopsError} `INVALID_OPTION` for an unknown mode.
 * @example
 * ```ts
 * import { money, roundMoney } from 'revops/core';
 * roundMoney(money('2.675', 'USD'));
 * //=> { amount: '2.68', currency: 'USD' }
 * roundMoney(money('2.675', 'USD'), 'halfEven');
 * //=> { amount: '2.68', currency: 'USD' }
 * roundMoney(money('2.665', 'USD'), 'halfEven');
 * //=> { amount: '2.66', currency: 'USD' }
 * roundMoney(money('-0.004', 'USD'));
 * //=> { amount: '0.00', currency: 'USD' }
 * ```
 */
export function roundMoney(value: Money, mode: RoundingMode = DEFAULT_ROUNDING): Money {
  const rounding = readRoundingMode(mode);
  const digits = moneyDigits(value, 'money');
  const a = amountOf(value, 'money');
  const x = amountUnits(value, a);
  if (x === x) {
    const xs = safeScale.value;
    if (xs <= digits) return fromUnits(x, xs, value.currency, digits);
    return fromUnits(roundDivNumber(x, POW10[xs - digits] as number, rounding), digits, value.currency, digits);
  }
  return fromExact(exactRound(amountExact(a, 'money'), digits, rounding), value.currency, digits);
}

/**
 * The amount as an integer number of minor units (cents), which must be exact.
 *
 * @throws {RevopsError} `INVALID_AMOUNT` when the amount has digits below the minor unit
 *   (round it first).
 * @example
 * ```ts
 * import { money, toMinorUnits } from 'revops/core';
 * toMinorUnits(money('12.34', 'USD'));
 * //=> 1234n
 * ```
 */
export function toMinorUnits(value: Money): bigint {
  const { x, currency, digits } = readMoneyExact(value, 'money');
  const whole = exactRound(x, digits, 'towardZero');
  if (exactSub(x, whole).int !== 0) {
    throw invalid(
      'INVALID_AMOUNT',
      'money.amount',
      value.amount,
      `has digits below the ${currency} minor unit; round it first`,
    );
  }
  return toBig(whole.int);
}

/**
 * Money from an integer number of minor units (cents).
 *
 * @throws {RevopsError} `INVALID_AMOUNT` for a number that is not a safe integer.
 * @example
 * ```ts
 * import { fromMinorUnits } from 'revops/core';
 * fromMinorUnits(1234n, 'USD');
 * //=> { amount: '12.34', currency: 'USD' }
 * fromMinorUnits(-5, 'BHD');
 * //=> { amount: '-0.005', currency: 'BHD' }
 * ```
 */
export function fromMinorUnits(units: bigint | number, currency: CurrencyCode): Money {
  if (typeof units === 'number' && !Number.isSafeInteger(units)) {
    throw invalid('INVALID_AMOUNT', 'units', units, 'must be a safe integer number of minor units');
  }
  if (typeof units !== 'number' && typeof units !== 'bigint') {
    throw invalid('INVALID_AMOUNT', 'units', units, 'must be an integer number of minor units');
  }
  const digits = minorUnits(currency);
  return fromExact({ int: units, scale: digits }, currency, digits);
}
