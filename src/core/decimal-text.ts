/**
 * Decimal text in and out of the exact calculator: where money and rates enter (parsed once)
 * and where they leave (formatted once). Character-code loops on the safe-integer path, no
 * regular expression, no decimal.js; BigInt only past 15 significant digits.
 * @module
 */
import type { Decimal } from 'decimal.js';
import { invalid, RevopsError } from './errors.js';
import { exactTrim, fromBig, intScale, isMultipleOf10, POW10, type Exact, type Int } from './exact.js';
import { LIMITS } from './read.js';

/**
 * Longest decimal text read: every digit `LIMITS.decimalDigits` allows plus a sign, a point,
 * zeros to a currency's minor unit and an exponent. Longer text is refused before it is
 * scanned, in constant time.
 */
const MAX_TEXT = LIMITS.decimalDigits + 16;
/** Most base-1e7 words of a decimal.js value's digits that can fit the digit limit. */
const MAX_DECIMAL_WORDS = Math.ceil(LIMITS.decimalDigits / 7) + 1;

/**
 * Why a text is not a decimal: `'malformed'`, or `'tooLarge'` (more than `LIMITS.decimalDigits`
 * digits in plain notation, or an exponent beyond ±`LIMITS.decimalExponent`). @internal
 */
export type DecimalTextError = 'malformed' | 'tooLarge';

/**
 * Parses a decimal string (`"-1234.50"`, `".5"`, `"5."`, `"+7"`, `"1.5e3"`) into an exact
 * `int / 10^scale`, keeping the scale as written (`"12.30"` → (1230, 2)). Returns the reason
 * instead when the text is not a decimal or is beyond the limits: more than
 * `LIMITS.decimalDigits` digits in plain notation (integer digits without leading zeros plus
 * fraction digits without trailing zeros), or an exponent beyond ±`LIMITS.decimalExponent`.
 * What it accepts, printed at any currency's minor unit, it accepts back. Sizes are checked
 * before any work that grows with them. The one text parser of the library.
 * @internal
 */
export function parseDecimalText(text: string): Exact | DecimalTextError {
  const safe = parseSafeDecimal(text);
  if (safe === safe) return { int: safe, scale: safeScale.value };
  const n = text.length;
  if (n > MAX_TEXT) return 'tooLarge';
  let i = 0;
  let c = text.charCodeAt(0);
  let negative = false;
  if (c === 45 /* - */) {
    negative = true;
    i = 1;
  } else if (c === 43 /* + */) i = 1;
  let v = 0;
  let sig = 0; // significant digits (from the first non-zero one)
  let digits = 0;
  let frac = -1; // digits after the point; -1 without a point
  for (; i < n; i++) {
    c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      digits++;
      if (frac >= 0) frac++;
      if (sig > 0 || c !== 48) {
        sig++;
        v = v * 10 + (c - 48);
      }
    } else if (c === 46 /* . */ && frac < 0) frac = 0;
    else break;
  }
  if (digits === 0) return 'malformed';
  let exponent = 0;
  if (i < n) {
    if (c !== 101 /* e */ && c !== 69 /* E */) return 'malformed';
    i++;
    let expNegative = false;
    c = text.charCodeAt(i);
    if (c === 45) {
      expNegative = true;
      i++;
    } else if (c === 43) i++;
    if (i >= n) return 'malformed';
    for (; i < n; i++) {
      c = text.charCodeAt(i);
      if (c < 48 || c > 57) return 'malformed';
      if (exponent <= LIMITS.decimalExponent) exponent = exponent * 10 + (c - 48);
    }
    if (exponent > LIMITS.decimalExponent) return 'tooLarge';
    if (expNegative) exponent = -exponent;
  }
  let int: Int;
  if (sig <= 15) {
    int = negative ? 0 - v : v;
    if (exponent === 0 && frac <= 15) return { int, scale: frac < 0 ? 0 : frac }; // far within the limits
  } else {
    let body = '';
    for (let k = 0; k < n; k++) {
      const d = text.charCodeAt(k);
      if (d >= 48 && d <= 57) body += text[k];
      else if (d === 101 || d === 69) break;
    }
    const b = BigInt(body);
    int = fromBig(negative ? -b : b);
  }
  let scale = (frac < 0 ? 0 : frac) - exponent;
  // digits in plain notation, checked before any scaling: integer digits but leading zeros plus
  // fraction digits but trailing zeros (as the JSDoc above says; 0.05 has 2, 1.5 has 2)
  if (plainDigits(int, scale) > LIMITS.decimalDigits) return 'tooLarge';
  if (scale < 0) {
    int = intScale(int, -scale);
    scale = 0;
  }
  return { int, scale };
}

/**
 * Where the allocation-free readers ({@link parseSafeDecimal}, {@link numberSafe}) leave the
 * scale of the integer they return. A register, not state: the caller reads it right after
 * the call, before any other call, and nothing is carried from one call to the next.
 * @internal
 */
export const safeScale = { value: 0 };

/** Longest text {@link parseSafeDecimal} scans: a sign, 15 significant digits, a point and leading zeros. */
const SAFE_TEXT = 40;

/**
 * {@link parseDecimalText}'s common case without allocating: plain notation (an optional sign,
 * digits, at most one point, no exponent) with at most 15 significant digits and 15 decimals.
 * Returns the integer `int` of `int / 10^scale` (never `-0`) and leaves `scale` in
 * {@link safeScale}; `NaN` for any other text (then {@link parseDecimalText} decides). What it
 * returns is exactly what {@link parseDecimalText} returns for the same text.
 * @internal
 */
export function parseSafeDecimal(text: string): number {
  const n = text.length;
  if (n === 0 || n > SAFE_TEXT) return Number.NaN;
  let i = 0;
  let c = text.charCodeAt(0);
  let negative = false;
  if (c === 45 /* - */) {
    negative = true;
    i = 1;
  } else if (c === 43 /* + */) i = 1;
  let v = 0;
  let sig = 0;
  let digits = 0;
  let frac = -1;
  for (; i < n; i++) {
    c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      digits++;
      if (frac >= 0) frac++;
      if (sig > 0 || c !== 48) {
        sig++;
        v = v * 10 + (c - 48);
      }
    } else if (c === 46 /* . */ && frac < 0) frac = 0;
    else return Number.NaN;
  }
  if (digits === 0 || sig > 15 || frac > 15) return Number.NaN;
  safeScale.value = frac < 0 ? 0 : frac;
  return negative ? 0 - v : v;
}

/** Plain-notation digits of `int / 10^scale`: integer digits but leading zeros, fraction digits but trailing zeros. */
function plainDigits(int: Int, scale: number): number {
  if (int === 0) return 0;
  const abs = int < 0 ? -int : int;
  if (scale <= 0) return String(abs).length - scale;
  const t = exactTrim({ int: abs, scale });
  return Math.max(String(t.int).length, t.scale);
}

/**
 * The exact decimal a finite double stands for: its shortest round-trip decimal (what
 * `String(x)` prints), so `0.1` is one tenth. Doubles with at most 15 significant digits are
 * read without any string (a decimal of ≤ 15 significant digits is the only such decimal that
 * rounds to its double, so the smallest scale `s` with `round(x·10^s) / 10^s === x` finds it);
 * others go through `String(x)`.
 * @internal
 */
export function exactFromNumber(x: number): Exact {
  const int = numberSafe(x);
  if (int === int) return { int, scale: safeScale.value };
  const parsed = parseDecimalText(String(x));
  if (typeof parsed === 'string') throw new RangeError(`not a finite number: ${x}`);
  return parsed;
}

/**
 * {@link exactFromNumber} without allocating, for safe integers and doubles of at most 15 significant digits
 * and 15 decimals from 1e-7 to below 1e15 in magnitude: returns the integer (never `-0`) and leaves the
 * scale in {@link safeScale}; `NaN` for other doubles (1e-8, NaN and infinities included).
 * @internal
 */
export function numberSafe(x: number): number {
  if (Number.isSafeInteger(x)) {
    safeScale.value = 0;
    return x + 0;
  }
  const ax = x < 0 ? -x : x;
  if (ax < 1 && ax >= 1e-7) {
    // A decimal d with at most 15 places and |d| < 1 is within 2^-53 of its double x, so
    // fl(x·10^15) is within 0.18 of the integer d·10^15 and Math.round gives it exactly. Its
    // trailing zeros are counted on int32 halves (m = hi·10^8 + lo; V8 divides an int32 by a
    // constant with a multiplication). No such d: the check fails, and no smaller scale could
    // pass it either (the same d would be found), so on to String(x).
    let m = Math.round(x * 1e15);
    const am = m < 0 ? -m : m;
    const hi = Math.floor(am / 1e8);
    let lo = (am - hi * 1e8) | 0;
    let s = 15;
    if (lo === 0) {
      let h = hi | 0; // < 10^7
      s = 7;
      while (s > 0 && h % 10 === 0) {
        h = (h / 10) | 0;
        s--;
      }
      m = m < 0 ? -h : h;
    } else {
      let k = 0;
      while (lo % 10 === 0) {
        lo = (lo / 10) | 0;
        k++;
      }
      if (k > 0) {
        m /= POW10[k] as number; // exact: a multiple of 10^k
        s -= k;
      }
    }
    if (m / (POW10[s] as number) === x) {
      safeScale.value = s;
      return m + 0;
    }
  } else if (ax < 1e15 && ax >= 1) {
    for (let s = 1; s <= 15; s++) {
      const p = POW10[s] as number;
      const y = x * p;
      const m = Math.round(y);
      const d = y - m;
      // the right m is within |y|·2^-52 of y; check the exact condition only for such a candidate
      if (d * d <= y * y * 2e-31 && m > -1e15 && m < 1e15 && m / p === x) {
        safeScale.value = s;
        return m;
      }
    }
  }
  return Number.NaN;
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
 * Reads an exact decimal input: a finite `number` (its shortest decimal), a decimal string,
 * or a decimal.js `Decimal` from any copy of decimal.js. The one place a decimal enters the
 * calculator.
 * @throws {RevopsError} `INVALID_AMOUNT` naming `field` for NaN, infinities, empty, malformed
 *   or overlong strings and other types.
 * @internal
 */
export function readDecimal(value: unknown, field = 'value', index = -1): Exact {
  if (typeof value === 'string') {
    const parsed = parseDecimalText(value);
    if (typeof parsed !== 'string') return parsed;
    throw textError(parsed, fieldAt(field, index), value);
  }
  if (typeof value === 'number') {
    if (value - value === 0) return exactFromNumber(value); // finite
    throw invalid('INVALID_AMOUNT', fieldAt(field, index), value, 'must be a finite number');
  }
  const name = fieldAt(field, index);
  const decimal = typeof value === 'object' && value !== null ? decimalText(value, name) : null;
  if (decimal === null) throw invalid('INVALID_AMOUNT', name, value, 'must be a number, a decimal string or a Decimal');
  const parsed = parseDecimalText(decimal);
  if (typeof parsed !== 'string') return parsed;
  throw textError(parsed, name, value);
}

/**
 * The name of a field, `field[index]` for an item of a list (`index ≥ 0`). Hot loops pass the
 * index, and the name is built only for an error message.
 * @internal
 */
export function fieldAt(field: string, index: number): string {
  return index < 0 ? field : `${field}[${index}]`;
}

function textError(reason: DecimalTextError, field: string, value: unknown): RevopsError {
  return reason === 'tooLarge'
    ? tooLarge(field, value)
    : invalid('INVALID_AMOUNT', field, value, 'must be a decimal number such as "12.30"');
}

const tooLarge = (field: string, value: unknown): RevopsError =>
  invalid(
    'INVALID_AMOUNT',
    field,
    value,
    `must have at most ${LIMITS.decimalDigits} digits and an exponent ` +
      `from -${LIMITS.decimalExponent} to ${LIMITS.decimalExponent}`,
  );

/**
 * The plain-notation text of a decimal.js value, refused in constant time (from its exponent
 * `e` and digit words `d`, before any method runs) when it is beyond the limits: a Decimal
 * with exponent 9e15 would otherwise be printed digit by digit. Errors of a foreign object's
 * own methods or getters become `INVALID_AMOUNT`. `null` when it is not Decimal-like.
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

const ZEROS: readonly string[] = Array.from({ length: 24 }, (_, i) => '0'.repeat(i));
function zeros(n: number): string {
  return n < ZEROS.length ? (ZEROS[n] as string) : '0'.repeat(n);
}

const SMALL = 2 ** 31; // below this, V8 prints an integer on its fast path
const HALF_SAFE = 2 ** 52; // below this, floor(u / 10^k) of a double quotient is the exact integer quotient

/** Decimal digits of a non-negative safe integer (two small conversions rather than one slow one). */
function digitsText(u: number): string {
  if (u < SMALL) return String(u);
  const hi = Math.floor(u / 1e9);
  const lo = u - hi * 1e9;
  const t = String(lo);
  return String(hi) + zeros(9 - t.length) + t;
}

/**
 * Prints `int / 10^scale` in plain notation with at least `minScale` fractional digits,
 * dropping trailing zeros beyond `minScale`; never an exponent, never `-0`. The one formatter
 * of the library: every Money amount leaves through it.
 * @internal
 */
export function formatDecimal(int: Int, scale: number, minScale = 0): string {
  if (typeof int === 'number' && scale <= 15) return formatNumber(int, scale, minScale);
  return formatGeneral(int, scale, minScale);
}

/** Two-digit fractions `'00'` … `'99'`: cents print by one lookup. */
const TWO_DIGITS: readonly string[] = Array.from({ length: 100 }, (_, i) => (i < 10 ? `0${i}` : String(i)));

/**
 * {@link formatDecimal} for a safe integer at a scale up to 15: the whole part and the fraction
 * are split by one division, trailing zeros are dropped from the fraction as a number (never by
 * scanning text), and a two-digit fraction is one table lookup.
 * @internal
 */
export function formatNumber(int: number, scale: number, minScale: number): string {
  const negative = int < 0;
  const u = negative ? -int : int;
  if (scale === 0) {
    const w = digitsText(u);
    const body = minScale > 0 ? `${w}.${zeros(minScale)}` : w;
    return negative ? `-${body}` : body;
  }
  const p = POW10[scale] as number;
  let whole: number;
  let frac: number;
  if (u < HALF_SAFE) {
    whole = Math.floor(u / p);
    frac = u - whole * p;
  } else {
    frac = u % p;
    whole = (u - frac) / p;
  }
  let sc = scale;
  while (sc > minScale && isMultipleOf10(frac)) {
    frac /= 10;
    sc--;
  }
  let body: string;
  if (sc === 0) body = digitsText(whole);
  else if (sc === 2) body = `${digitsText(whole)}.${TWO_DIGITS[frac] as string}`;
  else {
    let f = digitsText(frac);
    if (f.length < sc) f = zeros(sc - f.length) + f;
    body = `${digitsText(whole)}.${f}`;
  }
  if (sc < minScale) body += zeros(minScale - sc);
  return negative && u !== 0 ? `-${body}` : body;
}

function formatGeneral(int: Int, scale: number, minScale: number): string {
  let u = int;
  let sc = scale;
  if (typeof u === 'number') {
    while (sc > minScale && isMultipleOf10(u)) {
      u /= 10;
      sc--;
    }
  } else {
    while (sc > minScale && u % 10n === 0n) {
      u /= 10n;
      sc--;
    }
  }
  if (sc < minScale) {
    u = intScale(u, minScale - sc);
    sc = minScale;
  }
  const negative = u < 0;
  let s = negative ? String(-u) : String(u);
  if (sc === 0) return negative ? `-${s}` : s;
  if (s.length <= sc) s = zeros(sc - s.length + 1) + s;
  const cut = s.length - sc;
  return `${negative ? '-' : ''}${s.slice(0, cut)}.${s.slice(cut)}`;
}

/** {@link formatDecimal} of an {@link Exact}. @internal */
export function formatExact(x: Exact, minScale = 0): string {
  return formatDecimal(x.int, x.scale, minScale);
}

/** Number of digits after the point in a plain decimal string (0 without a point). @internal */
export function decimalsOf(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/**
 * The nearest double to an exact decimal (what `Number(formatExact(x))` gives): a single
 * correctly rounded division when the integer and `10^scale` are exact doubles.
 * @internal
 */
export function exactToNumber(x: Exact): number {
  if (typeof x.int === 'number' && x.scale <= 22) return x.int / (POW10[x.scale] as number);
  return Number(formatExact(x));
}
