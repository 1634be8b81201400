/**
 * Exact arithmetic on safe integers, for hot paths: money as an integer number of minor
 * units (cents) held in a plain `number` while it fits in 2^53, with BigInt as the fallback.
 * Every function here is exact or says it cannot be (returns `NaN`, and the caller takes the
 * BigInt path); none rounds silently. No decimal.js.
 * @module
 */
import { addFixed, normalizeFixed, type Fixed } from './fixed.js';
import { stepsAwayFromZero, type RoundingMode } from './rounding.js';

const POW10_NUM: readonly number[] = Array.from({ length: 16 }, (_, i) => 10 ** i); // exact up to 1e15

/** `10^n` as an exact number, for 0 ≤ n ≤ 15. @internal */
export function pow10Number(n: number): number {
  return POW10_NUM[n] ?? NaN;
}

/**
 * Parses a plain decimal string (`"-1234.5"`, no exponent) into an integer number of units at
 * `scale` decimals (`"12.3"` at scale 2 → 1230). Returns `NaN` when the string has more
 * decimals than `scale`, uses an exponent or other characters, or does not fit a safe integer.
 * @internal
 */
export function parseScaledSafe(text: string, scale: number): number {
  const n = text.length;
  let i = 0;
  let negative = false;
  const c0 = text.charCodeAt(0);
  if (c0 === 45 /* - */) {
    negative = true;
    i = 1;
  } else if (c0 === 43 /* + */) i = 1;
  let value = 0;
  let digits = 0;
  let decimals = -1;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
      digits++;
      if (decimals >= 0) decimals++;
    } else if (c === 46 /* . */ && decimals < 0) {
      decimals = 0;
    } else {
      return NaN;
    }
  }
  if (digits === 0 || digits > 15) return NaN;
  if (decimals < 0) decimals = 0;
  if (decimals > scale) {
    // trailing zeros beyond the scale are harmless ("1.500" at scale 2)
    while (decimals > scale && value % 10 === 0) {
      value /= 10;
      decimals--;
    }
    if (decimals > scale) return NaN;
  }
  const scaled = value * (POW10_NUM[scale - decimals] ?? NaN);
  if (!Number.isSafeInteger(scaled)) return NaN;
  return negative ? -scaled : scaled;
}

/**
 * Rounds the exact quotient `n / d` of two safe integers (`d > 0`) to an integer with `mode`.
 * Exact: uses the integer remainder, never a floating-point quotient.
 * @internal
 */
export function roundDivSafe(n: number, d: number, mode: RoundingMode): number {
  const r = n % d; // exact for safe integers; sign of n
  const q = (n - r) / d; // exact: n − r is a multiple of d
  if (r === 0) return q;
  const negative = n < 0;
  const twice = (negative ? -r : r) * 2;
  const cmpHalf = twice === d ? 0 : twice > d ? 1 : -1;
  if (!stepsAwayFromZero(mode, cmpHalf, negative, q % 2 !== 0)) return q;
  return negative ? q - 1 : q + 1;
}

/**
 * `round(a × f / 10^fScale)` for safe integers `a` and `f`, exactly, or `NaN` when the
 * product does not fit in a safe integer (then use BigInt).
 * @internal
 */
export function mulRoundSafe(a: number, f: number, fScale: number, mode: RoundingMode): number {
  const p = a * f;
  if (!Number.isSafeInteger(p)) return NaN; // a true product ≥ 2^53 never rounds back below it
  return fScale === 0 ? p : roundDivSafe(p, POW10_NUM[fScale] as number, mode);
}

/** Number of digits after the point in a plain decimal string (0 without a point). @internal */
export function decimalsOf(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/**
 * Prints `units / 10^scale` in plain notation with at least `minScale` decimals, dropping
 * trailing zeros beyond `minScale`; never `-0`. `units` must be a safe integer.
 * @internal
 */
export function formatScaledSafe(units: number, scale: number, minScale: number): string {
  let u = units;
  let sc = scale;
  while (sc > minScale && u % 10 === 0) {
    u /= 10;
    sc--;
  }
  while (sc < minScale) {
    u *= 10;
    sc++;
  }
  const negative = u < 0;
  let s = String(negative ? -u : u);
  if (sc > 0) {
    if (s.length <= sc) s = '0'.repeat(sc - s.length + 1) + s;
    s = `${s.slice(0, s.length - sc)}.${s.slice(s.length - sc)}`;
  }
  return negative ? `-${s}` : s;
}

/**
 * An exact running total at a fixed number of decimals: whole units in a safe-integer number
 * while the total fits, spilling into BigInt when it would not, plus any exact decimal that is
 * not whole units (sub-minor digits, huge values). The one accumulator behind `sum`,
 * `sumProducts`, statements and the metric totals.
 * @internal
 */
export class ExactAccumulator {
  private units = 0;
  private big = 0n;
  private extra: Fixed = { int: 0n, scale: 0 };
  constructor(private readonly scale: number) {}

  /** Adds a safe integer number of units (at this accumulator's scale). */
  addUnits(units: number): void {
    const t = this.units + units;
    if (Number.isSafeInteger(t)) this.units = t;
    else {
      this.big += BigInt(this.units) + BigInt(units);
      this.units = 0;
    }
  }

  /** Adds a whole number of units given as a bigint. */
  addBigUnits(units: bigint): void {
    this.big += units;
  }

  /** Adds any exact decimal. */
  addFixed(f: Fixed): void {
    this.extra = addFixed(this.extra, f);
  }

  /** The exact total, trailing zeros removed. */
  value(): Fixed {
    return normalizeFixed(addFixed({ int: this.big + BigInt(this.units), scale: this.scale }, this.extra));
  }
}
