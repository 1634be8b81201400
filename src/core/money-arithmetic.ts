/**
 * Exact money arithmetic: add, subtract, multiply, negate, sum, and rounding to the
 * currency's minor unit. Nothing here rounds unless asked.
 * @module
 */
import { invalid } from './errors.js';
import { minorUnits, type CurrencyCode } from './currency.js';
import { addFixed, multiplyFixed, parseFixed, pow10, roundFixed, type DecimalInput } from './fixed.js';
import { assertSameCurrency, fromFixed, readMoney, type Money } from './money.js';
import { DEFAULT_ROUNDING, ROUNDING_MODES, type RoundingMode } from './rounding.js';
import {
  decimalsOf,
  ExactAccumulator,
  formatScaledSafe,
  parseScaledSafe,
  pow10Number,
  roundDivSafe,
} from './fast-exact.js';
import { MINOR_UNITS_TABLE } from './currency.js';

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
  const fast = fastAddSub(a, b, 1);
  if (fast !== null) return fast;
  const x = readMoney(a, 'a');
  const y = readMoney(b, 'b');
  assertSameCurrency(x.currency, y.currency);
  return fromFixed(addFixed(x.fixed, y.fixed), x.currency);
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
  const fast = fastAddSub(a, b, -1);
  if (fast !== null) return fast;
  const x = readMoney(a, 'a');
  const y = readMoney(b, 'b');
  assertSameCurrency(x.currency, y.currency);
  return fromFixed(addFixed(x.fixed, { int: -y.fixed.int, scale: y.fixed.scale }), x.currency);
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
export function multiply(value: Money, factor: DecimalInput): Money {
  const fast = fastMultiply(value, factor);
  if (fast !== null) return fast;
  const x = readMoney(value, 'money');
  return fromFixed(multiplyFixed(x.fixed, parseFixed(factor, 'factor')), x.currency);
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
  const x = readMoney(value, 'money');
  return fromFixed({ int: -x.fixed.int, scale: x.fixed.scale }, x.currency);
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
  const x = readMoney(value, 'money');
  return fromFixed({ int: x.fixed.int < 0n ? -x.fixed.int : x.fixed.int, scale: x.fixed.scale }, x.currency);
}

/**
 * Exact sum of any number of amounts in one currency. The currency is required so that the
 * sum of an empty list is a well-defined zero.
 *
 * @throws {RevopsError} `CURRENCY_MISMATCH` when an amount is in another currency.
 * @example
 * ```ts
 * import { money, sum } from 'revops/core';
 * sum([money('0.10', 'USD'), money('0.20', 'USD'), money('0.70', 'USD')], 'USD');
 * //=> { amount: '1.00', currency: 'USD' }
 * sum([], 'JPY');
 * //=> { amount: '0', currency: 'JPY' }
 * ```
 */
export function sum(values: readonly Money[], currency: CurrencyCode): Money {
  const digits = minorUnits(currency);
  // Fast path: whole minor units straight into the accumulator; anything else (sub-minor
  // digits, huge amounts, malformed input) is validated and added exactly.
  const acc = new ExactAccumulator(digits);
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as Money;
    if (
      value !== null &&
      typeof value === 'object' &&
      value.currency === currency &&
      typeof value.amount === 'string'
    ) {
      const units = parseScaledSafe(value.amount, digits);
      if (units === units) {
        acc.addUnits(units);
        continue;
      }
    }
    const x = readMoney(value, `values[${i}]`);
    assertSameCurrency(currency, x.currency, `values[${i}]`);
    acc.addFixed(x.fixed);
  }
  return fromFixed(acc.value(), currency);
}

/** Validates a rounding mode argument. @internal */
export function readRoundingMode(mode: unknown, field = 'mode'): RoundingMode {
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
  const fast = fastRound(value, rounding);
  if (fast !== null) return fast;
  const x = readMoney(value, 'money');
  return fromFixed(roundFixed(x.fixed, minorUnits(x.currency), rounding), x.currency);
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
  const x = readMoney(value, 'money');
  const digits = minorUnits(x.currency);
  if (x.fixed.scale > digits) {
    throw invalid(
      'INVALID_AMOUNT',
      'money.amount',
      value.amount,
      `has digits below the ${x.currency} minor unit; round it first`,
    );
  }
  return x.fixed.int * pow10(digits - x.fixed.scale);
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
  return fromFixed({ int: BigInt(units), scale: minorUnits(currency) }, currency);
}

// ---- Fast paths on safe integers. Each returns null when it cannot be sure of an exact
// ---- answer (unknown currency, malformed or huge input), and the exact BigInt path runs.

function fastDigits(m: Money): number {
  if (m === null || typeof m !== 'object' || typeof m.amount !== 'string' || typeof m.currency !== 'string') return -1;
  return MINOR_UNITS_TABLE.get(m.currency) ?? -1;
}

function fastAddSub(a: Money, b: Money, sign: 1 | -1): Money | null {
  const digits = fastDigits(a);
  if (digits < 0 || fastDigits(b) < 0 || a.currency !== b.currency) return null;
  const scale = Math.max(digits, decimalsOf(a.amount), decimalsOf(b.amount));
  const x = parseScaledSafe(a.amount, scale);
  const y = parseScaledSafe(b.amount, scale);
  const t = x + sign * y;
  if (!Number.isSafeInteger(t)) return null; // also catches NaN
  return { amount: formatScaledSafe(t, scale, digits), currency: a.currency };
}

function fastMultiply(m: Money, factor: DecimalInput): Money | null {
  const digits = fastDigits(m);
  if (digits < 0) return null;
  let f: number;
  let fScale: number;
  if (typeof factor === 'number' && Number.isSafeInteger(factor)) {
    f = factor;
    fScale = 0;
  } else {
    const text = typeof factor === 'number' ? String(factor) : typeof factor === 'string' ? factor : null;
    if (text === null) return null;
    fScale = decimalsOf(text);
    f = parseScaledSafe(text, fScale);
    if (f !== f) return null;
  }
  const scale = Math.max(digits, decimalsOf(m.amount));
  const a = parseScaledSafe(m.amount, scale);
  const p = a * f;
  if (!Number.isSafeInteger(p)) return null;
  return { amount: formatScaledSafe(p, scale + fScale, digits), currency: m.currency };
}

function fastRound(m: Money, mode: RoundingMode): Money | null {
  const digits = fastDigits(m);
  if (digits < 0) return null;
  const scale = Math.max(digits, decimalsOf(m.amount));
  const a = parseScaledSafe(m.amount, scale);
  if (a !== a) return null;
  const units = scale === digits ? a : roundDivSafe(a, pow10Number(scale - digits), mode);
  return { amount: formatScaledSafe(units, digits, digits), currency: m.currency };
}
