/**
 * Exact decimals as scaled integers: `{ int, scale }` stands for `int / 10^scale`.
 *
 * This is the foundation of exact money (the dinero.js approach): parsing and printing
 * decimal strings, adding and multiplying exactly, and rounding once with an explicit mode.
 * It does not import decimal.js, so plain money code stays small.
 * @module
 */
import type { Decimal } from 'decimal.js';
import { invalid } from './errors.js';
import { roundRational, type RoundingMode } from './rounding.js';

/**
 * An exact decimal input: a finite `number` (read as its shortest round-trip decimal, so
 * `0.1` is exactly one tenth), a decimal string (`"12.30"`, `"-1e-3"`), or a decimal.js
 * `Decimal` from any copy of decimal.js.
 */
export type DecimalInput = number | string | Decimal;

/** An exact decimal: `int / 10^scale`, with `scale >= 0`. */
export interface Fixed {
  readonly int: bigint;
  readonly scale: number;
}

const DECIMAL_RE = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;
/** Largest number of digits accepted in one decimal, to keep BigInt work bounded. */
const MAX_DIGITS = 1000;

const POW10: bigint[] = [];
for (let i = 0; i <= 40; i++) POW10.push(10n ** BigInt(i));

/** `10^n` as a bigint. @internal */
export function pow10(n: number): bigint {
  return n <= 40 ? (POW10[n] as bigint) : 10n ** BigInt(n);
}

function isDecimalLike(value: unknown): value is Decimal {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { toFixed?: unknown }).toFixed === 'function' &&
    typeof (value as { isFinite?: unknown }).isFinite === 'function' &&
    'd' in value &&
    'e' in value &&
    's' in value
  );
}

/**
 * Parses a {@link DecimalInput} exactly. Throws `INVALID_AMOUNT` naming `field` for NaN,
 * infinities, empty or malformed strings.
 * @internal
 */
export function parseFixed(value: unknown, field = 'value'): Fixed {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw invalid('INVALID_AMOUNT', field, value, 'must be a finite number');
    if (Number.isSafeInteger(value)) return { int: BigInt(value), scale: 0 };
    text = String(value);
  } else if (typeof value === 'string') {
    text = value;
  } else if (isDecimalLike(value)) {
    if (!value.isFinite()) throw invalid('INVALID_AMOUNT', field, value.toString(), 'must be a finite decimal');
    text = value.toFixed();
  } else {
    throw invalid('INVALID_AMOUNT', field, value, 'must be a number, a decimal string or a Decimal');
  }
  const m = DECIMAL_RE.exec(text);
  const intDigits = m?.[2] ?? '';
  const fracDigits = m?.[3] ?? '';
  if (!m || (intDigits === '' && fracDigits === '')) {
    throw invalid('INVALID_AMOUNT', field, value, 'must be a decimal number such as "12.30"');
  }
  const exponent = m[4] === undefined ? 0 : Number(m[4]);
  const digits = intDigits + fracDigits;
  if (digits.length > MAX_DIGITS || Math.abs(exponent) > MAX_DIGITS) {
    throw invalid('INVALID_AMOUNT', field, value, `must have at most ${MAX_DIGITS} digits`);
  }
  let int = BigInt(digits);
  if (m[1] === '-') int = -int;
  let scale = fracDigits.length - exponent;
  if (scale < 0) {
    int *= pow10(-scale);
    scale = 0;
  }
  return normalizeFixed({ int, scale });
}

/** Removes trailing zeros from the fraction (`1.500` → `1.5`). @internal */
export function normalizeFixed(f: Fixed): Fixed {
  let { int, scale } = f;
  if (int === 0n) return { int: 0n, scale: 0 };
  while (scale > 0 && int % 10n === 0n) {
    int /= 10n;
    scale--;
  }
  return int === f.int && scale === f.scale ? f : { int, scale };
}

/** Re-expresses `f` at a larger scale (exact). @internal */
export function rescaleUp(f: Fixed, scale: number): bigint {
  return scale === f.scale ? f.int : f.int * pow10(scale - f.scale);
}

/** Exact sum. @internal */
export function addFixed(a: Fixed, b: Fixed): Fixed {
  const scale = Math.max(a.scale, b.scale);
  return { int: rescaleUp(a, scale) + rescaleUp(b, scale), scale };
}

/** Exact product. @internal */
export function multiplyFixed(a: Fixed, b: Fixed): Fixed {
  return normalizeFixed({ int: a.int * b.int, scale: a.scale + b.scale });
}

/** Compares two exact decimals: -1, 0 or 1. @internal */
export function compareFixed(a: Fixed, b: Fixed): -1 | 0 | 1 {
  const scale = Math.max(a.scale, b.scale);
  const x = rescaleUp(a, scale);
  const y = rescaleUp(b, scale);
  return x === y ? 0 : x < y ? -1 : 1;
}

/** Rounds `f` to `scale` fractional digits with `mode` (no-op if already that short). @internal */
export function roundFixed(f: Fixed, scale: number, mode: RoundingMode): Fixed {
  if (f.scale <= scale) return f;
  return { int: roundRational(f.int, pow10(f.scale - scale), mode), scale };
}

/**
 * Prints `f` in plain notation with at least `minScale` fractional digits
 * (never an exponent, never `-0`).
 * @internal
 */
export function formatFixed(f: Fixed, minScale = 0): string {
  const scale = Math.max(f.scale, minScale);
  const int = rescaleUp(f, scale);
  const negative = int < 0n;
  let digits = (negative ? -int : int).toString();
  if (scale > 0) {
    if (digits.length <= scale) digits = '0'.repeat(scale - digits.length + 1) + digits;
    digits = `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
  }
  return negative ? `-${digits}` : digits;
}

/** Converts to the nearest IEEE double. @internal */
export function fixedToNumber(f: Fixed): number {
  return Number(formatFixed(f));
}
