/**
 * Exact decimals as scaled integers: `{ int, scale }` stands for `int / 10^scale`.
 *
 * This is the foundation of exact money (the dinero.js approach): parsing and printing
 * decimal strings, adding and multiplying exactly, and rounding once with an explicit mode.
 * It does not import decimal.js, so plain money code stays small.
 * @module
 */
import type { Decimal } from 'decimal.js';
import { invalid, RevopsError } from './errors.js';
import { LIMITS } from './read.js';
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
/**
 * Longest decimal text read: every digit {@link LIMITS.decimalDigits} allows plus a sign, a
 * point, zeros to a currency's minor unit and an exponent. Longer text is refused before it is
 * scanned, in constant time.
 */
const MAX_TEXT = LIMITS.decimalDigits + 16;
/** Most base-1e7 words of a decimal.js value's digits that can fit the digit limit. */
const MAX_DECIMAL_WORDS = Math.ceil(LIMITS.decimalDigits / 7) + 1;

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

const tooLarge = (field: string, value: unknown): RevopsError =>
  invalid(
    'INVALID_AMOUNT',
    field,
    value,
    `must have at most ${LIMITS.decimalDigits} digits and an exponent from -${LIMITS.decimalExponent} to ${LIMITS.decimalExponent}`,
  );

/**
 * The plain-notation text of a decimal.js value, refused in constant time (from its exponent
 * `e` and digit words `d`, before any method runs) when it is beyond the limits: a Decimal
 * with exponent 9e15 would otherwise be printed digit by digit. Errors of a foreign object's
 * own methods or getters become `INVALID_AMOUNT`.
 */
function decimalText(value: object, field: string): string | null {
  try {
    if (!isDecimalLike(value)) return null;
    const { d, e } = value as unknown as { d: unknown; e: unknown };
    if (!value.isFinite()) throw invalid('INVALID_AMOUNT', field, value, 'must be a finite decimal');
    if (
      typeof e !== 'number' ||
      !(Math.abs(e) <= LIMITS.decimalDigits) ||
      !Array.isArray(d) ||
      d.length > MAX_DECIMAL_WORDS
    ) {
      throw tooLarge(field, value);
    }
    const text: unknown = value.toFixed();
    return typeof text === 'string' ? text : '';
  } catch (error) {
    if (error instanceof RevopsError) throw error;
    throw invalid('INVALID_AMOUNT', field, value, 'must be a number, a decimal string or a Decimal');
  }
}

/**
 * Parses a {@link DecimalInput} exactly. Throws `INVALID_AMOUNT` naming `field` for NaN,
 * infinities, empty or malformed strings, and for a decimal beyond the limits: more than
 * `LIMITS.decimalDigits` digits in plain notation (integer digits without leading zeros plus
 * fraction digits without trailing zeros), or an exponent beyond ±`LIMITS.decimalExponent`.
 * What it accepts, printed by {@link formatFixed} at any currency's minor unit, it accepts
 * back. Sizes are checked before any work that grows with them.
 * @internal
 */
export function parseFixed(value: unknown, field = 'value'): Fixed {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw invalid('INVALID_AMOUNT', field, value, 'must be a finite number');
    if (Number.isSafeInteger(value)) return { int: BigInt(value), scale: 0 };
    text = String(value);
  } else if (typeof value === 'string') {
    if (value.length > MAX_TEXT) throw tooLarge(field, value);
    text = value;
  } else {
    const decimal = typeof value === 'object' && value !== null ? decimalText(value, field) : null;
    if (decimal === null) {
      throw invalid('INVALID_AMOUNT', field, value, 'must be a number, a decimal string or a Decimal');
    }
    if (decimal.length > MAX_TEXT) throw tooLarge(field, value);
    text = decimal;
  }
  const m = DECIMAL_RE.exec(text);
  const intDigits = m?.[2] ?? '';
  const fracDigits = m?.[3] ?? '';
  if (!m || (intDigits === '' && fracDigits === '')) {
    throw invalid('INVALID_AMOUNT', field, value, 'must be a decimal number such as "12.30"');
  }
  const exponent = m[4] === undefined ? 0 : Number(m[4]);
  if (!(Math.abs(exponent) <= LIMITS.decimalExponent)) throw tooLarge(field, value);
  let int = BigInt(intDigits + fracDigits);
  if (m[1] === '-') int = -int;
  let scale = fracDigits.length - exponent;
  if (scale < 0) {
    int *= pow10(-scale);
    scale = 0;
  }
  const f = normalizeFixed({ int, scale });
  // digits in plain notation: max(digits of |int|, scale) (a leading "0." is not counted)
  if (Math.max((f.int < 0n ? -f.int : f.int).toString().length, f.scale) > LIMITS.decimalDigits) {
    throw tooLarge(field, value);
  }
  return f;
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
