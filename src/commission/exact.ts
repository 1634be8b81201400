/**
 * Exact decimal helpers for commission arithmetic: scaled integers (`Fixed`), exact rationals
 * rounded once, and a fast accumulator that sums money in safe-integer minor units with a
 * BigInt fallback. Internal to `revops/commission`.
 * @module
 * @internal
 */
import { addFixed, compareFixed, formatFixed, multiplyFixed, normalizeFixed, parseFixed, pow10, type Fixed } from '../core/fixed.js';
import { parseScaledSafe } from '../core/fast-exact.js';
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

/** Fixed as an IEEE number (display only). @internal */
export function fixedToNumber(a: Fixed): number {
  return Number(formatFixed(a));
}

/**
 * Accumulates exact money amounts given as decimal strings: whole minor units in a safe
 * integer while they fit, everything else (sub-minor digits, huge values) exactly in BigInt.
 * @internal
 */
export class MoneyAcc {
  private n = 0;
  private big = 0n;
  private extra: Fixed = ZERO;
  constructor(private readonly digits: number) {}

  /** Adds an amount already parsed into minor units (a safe integer). */
  addUnits(units: number): void {
    const t = this.n + units;
    if (Number.isSafeInteger(t)) this.n = t;
    else {
      this.big += BigInt(this.n) + BigInt(units);
      this.n = 0;
    }
  }

  /** Adds an exact decimal. */
  addFixed(f: Fixed): void {
    this.extra = addFixed(this.extra, f);
  }

  /** The exact total. */
  value(): Fixed {
    return normalizeFixed(addFixed({ int: this.big + BigInt(this.n), scale: this.digits }, this.extra));
  }
}

/** Exact sum of statement line amounts (decimal strings): safe-integer minor units, BigInt fallback. @internal */
export function sumAmounts(amounts: readonly { readonly amount: { readonly amount: string } }[], digits: number): Fixed {
  const acc = new MoneyAcc(digits);
  for (const l of amounts) {
    const u = parseScaledSafe(l.amount.amount, digits);
    if (u === u) acc.addUnits(u);
    else acc.addFixed(parseFixed(l.amount.amount));
  }
  return acc.value();
}
