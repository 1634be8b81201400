/**
 * Exact amounts inside retention summaries: non-negative decimal strings (`'150.00'`), read
 * back from JSON with the summary protocol's checks and added with core's exact engine.
 * @module
 */
import { decimalsOf } from '../core/fast-exact.js';
import { addFixed, formatFixed, parseFixed, type Fixed } from '../core/fixed.js';
import { LIMITS } from '../core/read.js';
import { invalidSummary } from '../core/summary.js';

const AMOUNT = /^\d+(?:\.\d+)?$/;

/**
 * Reads an amount field of a summary: a plain non-negative decimal string of at most
 * `LIMITS.decimalDigits` digits.
 * @throws {RevopsError} `INVALID_SUMMARY` naming `field`.
 * @internal
 */
export function summaryAmount(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.length > LIMITS.decimalDigits + 1 || !AMOUNT.test(value)) {
    throw invalidSummary(field, value, 'must be a non-negative decimal string such as "12.30"');
  }
  return value;
}

/** The exact value of an amount already read by {@link summaryAmount}. @internal */
export function amountFixed(amount: string): Fixed {
  return parseFixed(amount);
}

/** Exact sum of two summary amounts, written with the more digits of the two (`'1.50' + '2'` = `'3.50'`). @internal */
export function addAmounts(a: string, b: string): string {
  return formatFixed(addFixed(parseFixed(a), parseFixed(b)), Math.max(decimalsOf(a), decimalsOf(b)));
}

/** Whether two summary amounts are equal (`'10'` and `'10.00'` are). @internal */
export function sameAmount(a: string, b: string): boolean {
  const x = parseFixed(a);
  const y = parseFixed(b);
  const scale = Math.max(x.scale, y.scale);
  return formatFixed(x, scale) === formatFixed(y, scale);
}

/** Zero written with the digits of `amount` (`'12.30'` → `'0.00'`). @internal */
export function zeroLike(amount: string): string {
  return formatFixed({ int: 0n, scale: 0 }, decimalsOf(amount));
}
