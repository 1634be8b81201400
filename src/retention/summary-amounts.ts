/**
 * Exact amounts inside retention summaries: non-negative decimal strings (`'150.00'`), read
 * back from JSON with the summary protocol's checks, and added with core's exact engine.
 * @module
 */
import { decimalsOf, formatDecimal, parseDecimalText } from '../core/decimal-text.js';
import { addDecimalStrings } from '../core/exact-sum.js';
import { EXACT_ZERO, type Exact } from '../core/exact.js';
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
  if (typeof value !== 'string' || value.length > LIMITS.decimalDigits || !AMOUNT.test(value)) {
    throw invalidSummary(field, value, 'must be a non-negative decimal string such as "12.30"');
  }
  if (typeof parseDecimalText(value) === 'string') throw invalidSummary(field, value, 'has too many digits');
  return value;
}

/** The exact value of an amount already read by {@link summaryAmount}. @internal */
export function amountExact(amount: string): Exact {
  const x = parseDecimalText(amount);
  return typeof x === 'string' ? EXACT_ZERO : x;
}

/** Exact sum of two summary amounts, written with the more digits of the two (`'1.50' + '2'` = `'3.50'`). @internal */
export function addAmounts(a: string, b: string): string {
  return addDecimalStrings(a, b, 'amount', Math.max(decimalsOf(a), decimalsOf(b)));
}

/** Zero written with the digits of `amount` (`'12.30'` → `'0.00'`). @internal */
export function zeroLike(amount: string): string {
  return formatDecimal(0, 0, decimalsOf(amount));
}
