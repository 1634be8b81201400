/**
 * Exact decimal helpers for commission arithmetic: scaled integers (`Fixed`), exact rationals
 * rounded once, and the sum of statement lines (on core's `ExactSum`). Internal to `revops/commission`.
 * @module
 * @internal
 */
import {
  addFixed,
  compareFixed,
  fixedToNumber,
  formatFixed,
  multiplyFixed,
  normalizeFixed,
  parseFixed,
  pow10,
  type Fixed,
} from '../core/fixed.js';
import { ExactSum } from '../core/exact-sum.js';
import { toFixed as fromExact } from '../core/fixed.js';
import { roundRational, type RoundingMode } from '../core/rounding.js';

export type { Fixed };
export { addFixed, compareFixed, formatFixed, multiplyFixed, parseFixed, normalizeFixed, pow10 };

/** Zero. @internal */
export const ZERO: Fixed = { int: 0n, scale: 0 };
/** One. @internal */
export const ONE: Fixed = { int: 1n, scale: 0 };

/** `a − b`. @internal */
export function subFixed(a: Fixed, b: Fixed): Fixed {
  return addFixed(a, { int: -b.int, scale: b.scale });
}

/** `−a`. @internal */
export function negFixed(a: Fixed): Fixed {
  return { int: -a.int, scale: a.scale };
}

/** Smaller of two. @internal */
export function minFixed(a: Fixed, b: Fixed): Fixed {
  return compareFixed(a, b) <= 0 ? a : b;
}

/** Larger of two. @internal */
export function maxFixed(a: Fixed, b: Fixed): Fixed {
  return compareFixed(a, b) >= 0 ? a : b;
}

/** Canonical decimal string (no trailing zeros). @internal */
export function fixedToString(a: Fixed): string {
  return formatFixed(normalizeFixed(a));
}

/** Rounds `a` to `digits` fraction digits with `mode`, as a Fixed at exactly that scale. @internal */
export function roundTo(a: Fixed, digits: number, mode: RoundingMode): Fixed {
  if (a.scale <= digits) return { int: a.int * pow10(digits - a.scale), scale: digits };
  return { int: roundRational(a.int, pow10(a.scale - digits), mode), scale: digits };
}

/** An exact rational `num / den` with `den > 0`. @internal */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

/** The rational `a / b` of two Fixed values (`b ≠ 0`). @internal */
export function divFixed(a: Fixed, b: Fixed): Rational {
  // a = ai/10^as, b = bi/10^bs → a/b = ai·10^bs / (bi·10^as)
  let num = a.int * pow10(b.scale);
  let den = b.int * pow10(a.scale);
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  return { num, den };
}

/** Rounds a rational to `digits` fraction digits. @internal */
export function roundRationalTo(r: Rational, digits: number, mode: RoundingMode): Fixed {
  return { int: roundRational(r.num * pow10(digits), r.den, mode), scale: digits };
}

/** Re-exported from core for this module's callers. @internal */
export { fixedToNumber };

/** Exact sum of statement line amounts (decimal strings): safe-integer minor units, BigInt fallback. @internal */
export function sumLines(amounts: readonly { readonly amount: { readonly amount: string } }[], digits: number): Fixed {
  const acc = new ExactSum(digits);
  for (const l of amounts) acc.add(l.amount.amount);
  return fromExact(acc.value());
}

/** The exact value of a Fixed as a rational. @internal */
export function rat(f: Fixed): Rational {
  return { num: f.int, den: pow10(f.scale) };
}

/**
 * `a ÷ b` as the nearest double (`b ≠ 0`), also when `a` or `b` is beyond the range of a double
 * (amounts may have up to 1,000 digits); `null` when the quotient itself is. @internal
 */
export function ratioToNumber(a: Fixed, b: Fixed): number | null {
  let num = a.int * pow10(b.scale);
  let den = b.int * pow10(a.scale);
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const bits = (x: bigint): number => (x < 0n ? -x : x).toString(2).length;
  // each cut to its top 1,000 bits (a double keeps 53), then the quotient scaled back by 2^(sn − sd),
  // in two halves so that no factor overflows before the product does
  const sn = Math.max(0, bits(num) - 1000);
  const sd = Math.max(0, bits(den) - 1000);
  const half = (sn - sd) >> 1;
  const q = (Number(num >> BigInt(sn)) / Number(den >> BigInt(sd))) * 2 ** half * 2 ** (sn - sd - half);
  return Number.isFinite(q) ? q : null;
}
