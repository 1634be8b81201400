/**
 * Comparing amounts of money. Comparisons across currencies throw: there is no rate here.
 * @module
 */
import { exactCompare } from './exact.js';
import { compareFixed } from './fixed.js';
import { assertSameCurrency, fromExact, readMoney, readMoneyExact, type Money } from './money.js';

/**
 * Compares two amounts of the same currency: `-1` if `a < b`, `0` if equal, `1` if `a > b`.
 * Usable as an `Array.prototype.sort` comparator.
 *
 * @throws {RevopsError} `CURRENCY_MISMATCH` when the currencies differ.
 * @example
 * ```ts
 * import { compare, money } from 'revops/core';
 * [money('3', 'USD'), money('-1', 'USD'), money('2.5', 'USD')].sort(compare).map((m) => m.amount);
 * //=> ['-1.00', '2.50', '3.00']
 * ```
 */
export function compare(a: Money, b: Money): -1 | 0 | 1 {
  const x = readMoney(a, 'a');
  const y = readMoney(b, 'b');
  assertSameCurrency(x.currency, y.currency);
  return compareFixed(x.fixed, y.fixed);
}

/**
 * Whether two amounts are equal (same currency, same value; `"1.5"` equals `"1.50"`).
 * Different currencies are simply not equal.
 *
 * @example
 * ```ts
 * import { equals, money } from 'revops/core';
 * [equals(money('1.5', 'USD'), money('1.50', 'USD')), equals(money(1, 'USD'), money(1, 'EUR'))];
 * //=> [true, false]
 * ```
 */
export function equals(a: Money, b: Money): boolean {
  const x = readMoney(a, 'a');
  const y = readMoney(b, 'b');
  return x.currency === y.currency && compareFixed(x.fixed, y.fixed) === 0;
}

/**
 * `a > b` for two amounts of the same currency.
 *
 * @throws {RevopsError} `CURRENCY_MISMATCH` when the currencies differ.
 * @example
 * ```ts
 * import { greaterThan, money } from 'revops/core';
 * greaterThan(money('10', 'USD'), money('9.99', 'USD'));
 * //=> true
 * ```
 */
export function greaterThan(a: Money, b: Money): boolean {
  return compare(a, b) > 0;
}

/**
 * `a < b` for two amounts of the same currency.
 *
 * @throws {RevopsError} `CURRENCY_MISMATCH` when the currencies differ.
 * @example
 * ```ts
 * import { lessThan, money } from 'revops/core';
 * lessThan(money('10', 'USD'), money('9.99', 'USD'));
 * //=> false
 * ```
 */
export function lessThan(a: Money, b: Money): boolean {
  return compare(a, b) < 0;
}

/**
 * The sign of an amount: `-1`, `0` or `1`.
 *
 * @example
 * ```ts
 * import { money, sign } from 'revops/core';
 * [sign(money('-0.01', 'USD')), sign(money(0, 'USD')), sign(money(7, 'JPY'))];
 * //=> [-1, 0, 1]
 * ```
 */
export function sign(value: Money): -1 | 0 | 1 {
  const { int } = readMoney(value, 'money').fixed;
  return int === 0n ? 0 : int < 0n ? -1 : 1;
}

/**
 * Whether an amount is exactly zero.
 *
 * @example
 * ```ts
 * import { isZero, money } from 'revops/core';
 * isZero(money('0.000', 'USD'));
 * //=> true
 * ```
 */
export function isZero(value: Money): boolean {
  return sign(value) === 0;
}

/**
 * The smaller of two amounts of the same currency (the first when equal), as a new Money
 * (canonical amount: at least the currency's minor digits), never the caller's object itself.
 *
 * @throws {RevopsError} `CURRENCY_MISMATCH` when the currencies differ.
 * @example
 * ```ts
 * import { minMoney, money } from 'revops/core';
 * minMoney(money(5, 'USD'), money(3, 'USD'));
 * //=> { amount: '3.00', currency: 'USD' }
 * ```
 */
export function minMoney(a: Money, b: Money): Money {
  return pick(a, b, -1);
}

/**
 * The larger of two amounts of the same currency (the first when equal), as a new Money
 * (canonical amount: at least the currency's minor digits), never the caller's object itself.
 *
 * @throws {RevopsError} `CURRENCY_MISMATCH` when the currencies differ.
 * @example
 * ```ts
 * import { maxMoney, money } from 'revops/core';
 * maxMoney(money(5, 'USD'), money(3, 'USD'));
 * //=> { amount: '5.00', currency: 'USD' }
 * ```
 */
export function maxMoney(a: Money, b: Money): Money {
  return pick(a, b, 1);
}

/** `a` unless `b` compares to it as `want` (-1: smaller, 1: larger), written as a new Money. */
function pick(a: Money, b: Money, want: -1 | 1): Money {
  const x = readMoneyExact(a, 'a');
  const y = readMoneyExact(b, 'b');
  assertSameCurrency(x.currency, y.currency);
  const chosen = exactCompare(y.x, x.x) === want ? y : x;
  return fromExact(chosen.x, chosen.currency, chosen.digits);
}
