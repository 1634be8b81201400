/**
 * An exact running total of money for hot loops, on core's one exact engine (`ExactSum`: whole
 * minor units in a safe integer while they fit, BigInt otherwise; never a float). Totals travel
 * in summaries as decimal strings.
 * @module
 */
import { invalid } from '../core/errors.js';
import { formatExact, readDecimal } from '../core/decimal-text.js';
import { exactAdd, exactRescale, type Exact } from '../core/exact.js';
import { ExactSum } from '../core/exact-sum.js';
import { fromExact, moneyAmount, moneyDigits, type Money } from '../core/money.js';

/** An exact total in one currency. @internal */
export class MoneyTotal {
  currency: string | null = null;
  private sum = new ExactSum(0);

  /** Adds a Money, checking its currency against the total's. */
  add(value: Money, field: string): void {
    if (typeof value !== 'object' || value === null) moneyDigits(value, field);
    const currency = value.currency;
    if (this.currency !== currency) {
      if (this.currency !== null) {
        throw invalid(
          'CURRENCY_MISMATCH',
          `${field}.currency`,
          currency,
          `must be ${this.currency} like the amounts before it`,
        );
      }
      const digits = moneyDigits(value, field);
      this.currency = currency;
      this.sum = new ExactSum(digits);
    }
    this.sum.addExact(moneyAmount(value, field));
  }

  /** The total as Money, or `null` when nothing was added. */
  money(): Money | null {
    return this.currency === null ? null : fromExact(this.sum.value(), this.currency);
  }

  /** The total as a canonical decimal string ("0" when empty). */
  amount(): string {
    return formatExact(this.sum.value());
  }
}

/**
 * Adds two decimal-string amounts of summaries exactly.
 * @internal
 */
export function addAmounts(a: string, b: string): string {
  return formatExact(exactAdd(readDecimal(a, 'amount'), readDecimal(b, 'amount')));
}

/**
 * The currency two summaries share (either may be `null` when empty).
 * @throws {RevopsError} `CURRENCY_MISMATCH` when both are set and differ.
 * @internal
 */
export function sameCurrency(a: string | null, b: string | null): string | null {
  if (a !== null && b !== null && a !== b) {
    throw invalid('CURRENCY_MISMATCH', 'b.currency', b, `must be ${a} to merge with a ${a} summary`);
  }
  return a ?? b;
}

/** Money from a summary's decimal string, or `null` without a currency. @internal */
export function moneyOf(amount: string, currency: string | null): Money | null {
  return currency === null ? null : fromExact(readDecimal(amount, 'amount'), currency);
}

/**
 * `a / b` of two exact decimal strings as the nearest double's neighbourhood (a number ratio), `null` when b is 0.
 * @internal
 */
export function amountRatio(a: string, b: string): number | null {
  const x: Exact = readDecimal(a, 'amount');
  const y: Exact = readDecimal(b, 'amount');
  if (y.int === 0 || y.int === 0n) return null;
  const scale = Math.max(x.scale, y.scale);
  const xi = BigInt(exactRescale(x, scale));
  const yi = BigInt(exactRescale(y, scale));
  // Number() of an integer past 1.8e308 is Infinity, and Infinity / Infinity is NaN: each
  // integer keeps its top 1,000 bits (53 of which a double holds anyway), the ratio of those is
  // taken, and the dropped powers of two are multiplied back in steps that cannot overflow early.
  const sx = Math.max(0, bitLength(xi) - 1000);
  const sy = Math.max(0, bitLength(yi) - 1000);
  let ratio = Number(xi >> BigInt(sx)) / Number(yi >> BigInt(sy));
  for (let d = sx - sy; d !== 0 && ratio !== 0 && Number.isFinite(ratio); ) {
    const step = Math.max(-1000, Math.min(1000, d));
    ratio *= 2 ** step;
    d -= step;
  }
  if (!Number.isFinite(ratio)) {
    throw invalid('INVALID_AMOUNT', 'amount', a, `must be less than 1.7e308 times ${b} (the ratio must be a number)`);
  }
  return ratio;
}

/** The number of bits of |n| (0 for 0). */
function bitLength(n: bigint): number {
  const hex = (n < 0n ? -n : n).toString(16);
  return (hex.length - 1) * 4 + 32 - Math.clz32(Number.parseInt(hex.charAt(0), 16));
}

/**
 * Throws when an amount already read by {@link MoneyTotal.add} (a valid decimal string) is
 * below zero, for totals whose statistics assume non-negative values.
 * @throws {RevopsError} `INVALID_AMOUNT` naming `field`.amount.
 * @internal
 */
export function rejectNegative(value: Money, field: string, why: string): void {
  const a: unknown = value.amount;
  // the amount was read by MoneyTotal.add: a decimal string (the common case, checked by its
  // sign), or a number or a decimal.js value that core reads
  const negative =
    typeof a === 'string' ? a.charCodeAt(0) === 45 /* - */ && /[1-9]/.test(a) : moneyAmount(value, field).int < 0;
  if (negative) throw invalid('INVALID_AMOUNT', `${field}.amount`, a, `must not be negative ${why}`);
}
