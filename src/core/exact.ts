/**
 * The one exact-number calculator of revops (the dinero.js model: every operation goes through
 * one calculator, no module keeps its own arithmetic).
 *
 * An {@link Int} is an integer held as a plain `number` while it is a safe integer
 * (|n| ≤ 2^53 − 1) and as a `bigint` past that: the common case costs what float arithmetic
 * costs, the rare huge case stays exact. An {@link Exact} is `int / 10^scale`: money in minor
 * units at the currency's scale, a rate such as 0.0725 as (725, 4). Every operation here is
 * exact; only {@link intRoundDiv} and {@link exactRound} drop digits, with an explicit
 * {@link RoundingMode}. No decimal.js: this file is safe for the lightest bundles.
 * @module
 */
import { stepsAwayFromZero, type RoundingMode } from './rounding.js';

/** An exact integer: a safe-integer `number`, or a `bigint` beyond ±(2^53 − 1). @internal */
export type Int = number | bigint;

/** An exact decimal `int / 10^scale` (`scale ≥ 0`). @internal */
export interface Exact {
  readonly int: Int;
  readonly scale: number;
}

const MAX = Number.MAX_SAFE_INTEGER;
const MAX_BIG = BigInt(MAX);
const HALF = 2 ** 52;

/** `10^n` as exact doubles, n = 0 … 22 (10^22 is the largest power of ten a double holds exactly). @internal */
export const POW10: readonly number[] = Array.from({ length: 23 }, (_, i) => 10 ** i);
const POW10_BIG: readonly bigint[] = Array.from({ length: 41 }, (_, i) => 10n ** BigInt(i));

/** `10^n` as a bigint. @internal */
export function pow10Big(n: number): bigint {
  return n <= 40 ? (POW10_BIG[n] as bigint) : 10n ** BigInt(n);
}

/** `10^n` as an {@link Int} (a number up to 10^15, a bigint beyond). @internal */
export function pow10Int(n: number): Int {
  return n <= 15 ? (POW10[n] as number) : pow10Big(n);
}

/** The canonical Int of a bigint: a number when it is safe. @internal */
export function fromBig(b: bigint): Int {
  return b >= -MAX_BIG && b <= MAX_BIG ? Number(b) : b;
}

/** The Int as a bigint. @internal */
export function toBig(a: Int): bigint {
  return typeof a === 'bigint' ? a : BigInt(a);
}

/** `a + b`. @internal */
export function intAdd(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number') {
    const t = a + b; // exact when |a + b| ≤ 2^53 − 1; a larger true sum never rounds back into range
    if (t >= -MAX && t <= MAX) return t;
  }
  return fromBig(toBig(a) + toBig(b));
}

/** `a − b`. @internal */
export function intSub(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number') {
    const t = a - b;
    if (t >= -MAX && t <= MAX) return t + 0; // + 0: never -0
  }
  return fromBig(toBig(a) - toBig(b));
}

/** `a × b`. @internal */
export function intMul(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number') {
    const p = a * b; // a true product beyond 2^53 never rounds back below it
    if (p >= -MAX && p <= MAX) return p + 0;
  }
  return fromBig(toBig(a) * toBig(b));
}

/** `−a`. @internal */
export function intNeg(a: Int): Int {
  return typeof a === 'number' ? 0 - a : fromBig(-a);
}

/** `a × 10^k` for `k ≥ 0`. @internal */
export function intScale(a: Int, k: number): Int {
  if (k === 0) return a;
  return k <= 15 ? intMul(a, POW10[k] as number) : fromBig(toBig(a) * pow10Big(k));
}

/** The sign of `a`: -1, 0 or 1. @internal */
export function intSign(a: Int): -1 | 0 | 1 {
  return a > 0 ? 1 : a < 0 ? -1 : 0;
}

/** Compares two Ints: -1, 0 or 1 (number and bigint compare exactly in JavaScript). @internal */
export function intCompare(a: Int, b: Int): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The exact quotient `n / d` (`d > 0`) rounded to an integer with `mode`: the one rounding
 * step of the library. Exact on safe integers (integer remainder, never a float quotient) and
 * on bigints.
 * @internal
 */
export function intRoundDiv(n: Int, d: Int, mode: RoundingMode): Int {
  if (typeof n === 'number' && typeof d === 'number') return roundDivNumber(n, d, mode);
  const bn = toBig(n);
  const bd = toBig(d);
  const q = bn / bd;
  const r = bn % bd;
  if (r === 0n) return fromBig(q);
  const negative = bn < 0n;
  const twice = (negative ? -r : r) * 2n;
  const cmpHalf = twice === bd ? 0 : twice > bd ? 1 : -1;
  if (!stepsAwayFromZero(mode, cmpHalf, negative, (q & 1n) !== 0n)) return fromBig(q);
  return fromBig(negative ? q - 1n : q + 1n);
}

/**
 * {@link intRoundDiv} on safe integers. Below 2^52 the quotient comes from one float division,
 * corrected by its exact integer remainder (a float `%` is a slow library call in V8).
 * @internal
 */
export function roundDivNumber(n: number, d: number, mode: RoundingMode): number {
  let q: number;
  let r: number;
  if (n <= HALF && n >= -HALF && d <= HALF) {
    q = Math.trunc(n / d); // within one of the true quotient
    r = n - q * d; // exact: |q·d| < 2^53
    if (n >= 0) {
      if (r < 0) {
        q -= 1;
        r += d;
      } else if (r >= d) {
        q += 1;
        r -= d;
      }
    } else if (r > 0) {
      q += 1;
      r -= d;
    } else if (r <= -d) {
      q -= 1;
      r += d;
    }
  } else {
    r = n % d; // exact for safe integers; sign of n
    q = (n - r) / d; // exact: n − r is a multiple of d
  }
  if (r === 0) return q + 0;
  const negative = n < 0;
  const twice = (negative ? -r : r) * 2;
  const cmpHalf = twice === d ? 0 : twice > d ? 1 : -1;
  if (!stepsAwayFromZero(mode, cmpHalf, negative, q / 2 !== Math.floor(q / 2))) return q + 0;
  return negative ? q - 1 : q + 1;
}

/**
 * Whether a safe integer is a multiple of ten, without a float `%`: below 2^53 a quotient by
 * ten that is not whole lies at least 0.1 from a whole number, more than half its ulp.
 * @internal
 */
export function isMultipleOf10(v: number): boolean {
  return Math.floor(v / 10) * 10 === v;
}

// ---- Exact decimals --------------------------------------------------------------------

/** Zero. @internal */
export const EXACT_ZERO: Exact = { int: 0, scale: 0 };

/** `x` re-expressed at a scale at least its own (exact). @internal */
export function exactRescale(x: Exact, scale: number): Int {
  return scale === x.scale ? x.int : intScale(x.int, scale - x.scale);
}

/** `a + b`. @internal */
export function exactAdd(a: Exact, b: Exact): Exact {
  if (a.scale === b.scale) return { int: intAdd(a.int, b.int), scale: a.scale };
  const scale = a.scale > b.scale ? a.scale : b.scale;
  return { int: intAdd(exactRescale(a, scale), exactRescale(b, scale)), scale };
}

/** `a − b`. @internal */
export function exactSub(a: Exact, b: Exact): Exact {
  if (a.scale === b.scale) return { int: intSub(a.int, b.int), scale: a.scale };
  const scale = a.scale > b.scale ? a.scale : b.scale;
  return { int: intSub(exactRescale(a, scale), exactRescale(b, scale)), scale };
}

/** `a × b` (scales add). @internal */
export function exactMul(a: Exact, b: Exact): Exact {
  const x = a.int;
  const y = b.int;
  if (typeof x === 'number' && typeof y === 'number') {
    const p = x * y; // a true product beyond 2^53 never rounds back below it
    if (p >= -MAX && p <= MAX) return { int: p + 0, scale: a.scale + b.scale };
  }
  return { int: intMul(x, y), scale: a.scale + b.scale };
}

/** `−x`. @internal */
export function exactNeg(x: Exact): Exact {
  return { int: intNeg(x.int), scale: x.scale };
}

/** `|x|`. @internal */
export function exactAbs(x: Exact): Exact {
  return x.int < 0 ? exactNeg(x) : x;
}

/** Compares two exact decimals: -1, 0 or 1. @internal */
export function exactCompare(a: Exact, b: Exact): -1 | 0 | 1 {
  if (a.scale === b.scale) return intCompare(a.int, b.int);
  const scale = a.scale > b.scale ? a.scale : b.scale;
  return intCompare(exactRescale(a, scale), exactRescale(b, scale));
}

/**
 * `x` rounded to `scale` fractional digits with `mode`, at exactly that scale (a value with
 * fewer digits is re-expressed, never rounded).
 * @internal
 */
export function exactRound(x: Exact, scale: number, mode: RoundingMode): Exact {
  if (x.scale <= scale) return x.scale === scale ? x : { int: exactRescale(x, scale), scale };
  return { int: intRoundDiv(x.int, pow10Int(x.scale - scale), mode), scale };
}

/**
 * `a / b` rounded once to `scale` fractional digits with `mode` (`b ≠ 0`): proration,
 * averages, attainment.
 * @internal
 */
export function exactDivRound(a: Exact, b: Exact, scale: number, mode: RoundingMode): Exact {
  // a/b = (ai·10^bs) / (bi·10^as); times 10^scale
  let num = intScale(a.int, b.scale + scale);
  let den = intScale(b.int, a.scale);
  if (den < 0) {
    num = intNeg(num);
    den = intNeg(den);
  }
  return { int: intRoundDiv(num, den, mode), scale };
}

/** `x` without trailing fractional zeros (`1.500` → `1.5`; zero is `0` at scale 0). @internal */
export function exactTrim(x: Exact): Exact {
  let { int, scale } = x;
  if (int === 0 || int === 0n) return EXACT_ZERO;
  if (scale === 0) return x;
  if (typeof int === 'number') {
    while (scale > 0 && isMultipleOf10(int)) {
      int /= 10;
      scale--;
    }
  } else {
    while (scale > 0 && int % 10n === 0n) {
      int /= 10n;
      scale--;
    }
    int = fromBig(int);
  }
  return scale === x.scale ? x : { int, scale };
}

/** Whether `x` is zero. @internal */
export function exactIsZero(x: Exact): boolean {
  return x.int === 0 || x.int === 0n;
}
