/**
 * Money: an exact decimal amount in one ISO 4217 currency.
 *
 * A `Money` is a plain, readonly, JSON-ready object `{ amount: "12.30", currency: "USD" }`.
 * Its amount is a canonical decimal string: plain notation, at least the currency's minor
 * digits, no trailing zeros beyond them, never `-0`. Two equal amounts therefore have the
 * same string, and `JSON.stringify` writes exactly what `parseMoney` reads.
 * @module
 */
import { describeValue, invalid } from './errors.js';
import { MINOR_UNITS_TABLE, minorUnits, type CurrencyCode } from './currency.js';
import {
  exactToNumber,
  fieldAt,
  formatDecimal,
  formatNumber,
  parseDecimalText,
  parseSafeDecimal,
  readDecimal,
  safeScale,
} from './decimal-text.js';
import { isMultipleOf10, POW10, type Exact } from './exact.js';
import { toFixed, type DecimalInput, type Fixed } from './fixed.js';

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** An exact amount of one currency. Amounts may carry more digits than the minor unit until rounded. */
export interface Money {
  /** Canonical decimal string, e.g. `"12.30"`, `"-0.125"`, `"1000"` (JPY). */
  readonly amount: string;
  /** ISO 4217 code, e.g. `"USD"`. */
  readonly currency: CurrencyCode;
}

/**
 * The Money objects created last, with their amounts in the calculator's form: a chain such as
 * `add(total, roundMoney(multiply(line, rate)))` reads each intermediate result back without
 * parsing its text. A cache, never state a result depends on: an entry is the exact decimal that
 * parsing the object's amount text gives (same integer, same scale; safe integers only), and it
 * is used only for the same object whose amount is still the very string it was created with.
 * A ring of {@link RECENT} entries keeps at most that many results alive. Nothing is added to
 * the Money objects themselves: they stay plain JSON data (`JSON.stringify`, `structuredClone`,
 * deep equality and `util.inspect` see only `amount` and `currency`).
 */
const RECENT = 4; // a power of two: enough for chains such as add(total, roundMoney(multiply(line, rate)))
const recentMoney: (Money | null)[] = new Array<Money | null>(RECENT).fill(null);
const recentText: string[] = new Array<string>(RECENT).fill('');
const recentInt = new Float64Array(RECENT);
const recentScale = new Int32Array(RECENT);
let recentAt = 0;

/**
 * Money from an exact decimal: the one place an amount leaves the calculator (formatted once,
 * at least the currency's minor digits, no trailing zeros beyond them, never `-0`).
 * @internal
 */
export function fromExact(x: Exact, currency: CurrencyCode, digits: number = minorUnits(currency)): Money {
  const int = x.int;
  if (typeof int === 'number' && x.scale <= 30) return fromUnits(int, x.scale, currency, digits);
  return { amount: formatDecimal(int, x.scale, digits), currency };
}

/**
 * Money from a safe integer `int / 10^scale` without any intermediate object: the canonical
 * form (trailing zeros beyond `digits` dropped, the scale raised to `digits`) is computed as
 * numbers, printed once, and remembered for the next operation (see {@link RECENT}).
 * @internal
 */
export function fromUnits(int: number, scale: number, currency: CurrencyCode, digits: number): Money {
  let u = int;
  let s = scale;
  while (s > digits && isMultipleOf10(u)) {
    u /= 10;
    s--;
  }
  if (s < digits) {
    u *= POW10[digits - s] as number;
    s = digits;
  }
  if (s > 15 || !(u >= -MAX_SAFE && u <= MAX_SAFE)) {
    return { amount: formatDecimal(int, scale, digits), currency };
  }
  u += 0; // never -0
  const amount = formatNumber(u, s, s);
  const m: Money = { amount, currency };
  const k = (recentAt + 1) & (RECENT - 1);
  recentAt = k;
  recentMoney[k] = m;
  recentText[k] = amount;
  recentInt[k] = u;
  recentScale[k] = s;
  return m;
}

/**
 * The ring slot of a Money object created by {@link fromUnits} lately whose amount is still
 * `amount`, or -1.
 */
function recentSlot(value: Money, amount: string): number {
  for (let i = 0, k = recentAt; i < RECENT; i++, k = (k - 1) & (RECENT - 1)) {
    if (recentMoney[k] === value) return recentText[k] === amount ? k : -1;
  }
  return -1;
}

/** Builds a Money from a bigint-scaled decimal in the currency. @internal */
export function fromFixed(f: Fixed, currency: CurrencyCode): Money {
  return { amount: formatDecimal(f.int, f.scale, minorUnits(currency)), currency };
}

/**
 * The minor digits of a Money argument's currency, checking that it is a money object with a
 * known currency (the amount is read by {@link moneyAmount}).
 * @throws {RevopsError} `INVALID_INPUT` for a non-object; `UNKNOWN_CURRENCY`.
 * @internal
 */
export function moneyDigits(value: unknown, field: string, index = -1): number {
  if (typeof value === 'object' && value !== null) {
    let code: unknown;
    try {
      code = (value as { currency: unknown }).currency;
    } catch {
      throw unreadable(value, fieldAt(field, index));
    }
    if (code === lastCode) return lastDigits;
    const digits = typeof code === 'string' ? MINOR_UNITS_TABLE.get(code) : undefined;
    if (digits !== undefined) {
      lastCode = code as string;
      lastDigits = digits;
      return digits;
    }
  }
  return readShape(value, fieldAt(field, index));
}

/** The currency {@link moneyDigits} read last and its minor digits (a cache: lines mostly share one currency). */
let lastCode = 'USD';
let lastDigits = minorUnits('USD');

/**
 * The amount of a Money argument (already checked by {@link moneyDigits}) as an exact decimal:
 * where money enters the calculator, parsed once.
 * @throws {RevopsError} `INVALID_AMOUNT` naming `field.amount`.
 * @internal
 */
export function moneyAmount(value: Money, field: string, index = -1): Exact {
  const a = amountOf(value, field, index);
  if (typeof a === 'string') {
    const k = recentSlot(value, a);
    if (k >= 0) return { int: recentInt[k] as number, scale: recentScale[k] as number };
  }
  return amountExact(a, field, index);
}

/**
 * The `amount` field of a Money argument, read once.
 * @throws {RevopsError} `INVALID_INPUT` when reading it throws (a getter or a proxy trap).
 * @internal
 */
export function amountOf(value: Money, field: string, index = -1): unknown {
  try {
    return value.amount;
  } catch {
    throw unreadable(value, fieldAt(field, index));
  }
}

/**
 * An amount read by {@link amountOf} as an exact decimal (parsed).
 * @throws {RevopsError} `INVALID_AMOUNT` naming `field.amount`.
 * @internal
 */
export function amountExact(a: unknown, field: string, index = -1): Exact {
  if (typeof a === 'string') {
    const x = parseDecimalText(a);
    if (typeof x !== 'string') return x;
  }
  return readDecimal(a, `${fieldAt(field, index)}.amount`);
}

/**
 * The amount of a Money argument (its `amount` as read by {@link amountOf}) as a safe integer,
 * with its scale left in {@link safeScale}, without allocating: from the recent results (see
 * {@link RECENT}) or parsed; `NaN` when the amount is not on this path (not a string, more than
 * 15 significant digits or decimals, an exponent, malformed: then {@link amountExact} reads or
 * refuses it).
 * @internal
 */
export function amountUnits(value: Money, a: unknown): number {
  if (typeof a !== 'string') return Number.NaN;
  const k = recentSlot(value, a);
  if (k >= 0) {
    safeScale.value = recentScale[k] as number;
    return recentInt[k] as number;
  }
  return parseSafeDecimal(a);
}

/** A getter or a proxy trap of the caller's object threw. */
function unreadable(value: unknown, field: string) {
  return invalid('INVALID_INPUT', field, value, 'must be a money object { amount, currency } whose fields can be read');
}

/** Checks a money object's shape and currency; returns the currency's minor digits. */
function readShape(value: unknown, field: string): number {
  if (typeof value !== 'object' || value === null) {
    throw invalid('INVALID_INPUT', field, value, 'must be a money object { amount, currency }');
  }
  let currency: unknown;
  try {
    ({ currency } = value as { currency?: unknown });
  } catch {
    throw unreadable(value, field);
  }
  if (typeof currency !== 'string') {
    throw invalid('UNKNOWN_CURRENCY', `${field}.currency`, currency, 'must be an ISO 4217 code such as "USD"');
  }
  const digits = MINOR_UNITS_TABLE.get(currency);
  if (digits === undefined) {
    const expected = 'must be an ISO 4217 code with minor units such as "USD"';
    throw invalid('UNKNOWN_CURRENCY', `${field}.currency`, currency, expected);
  }
  return digits;
}

/**
 * Reads a Money argument as an exact decimal with its currency and minor digits.
 * @internal
 */
export function readMoneyExact(value: unknown, field = 'money'): { x: Exact; currency: CurrencyCode; digits: number } {
  const digits = moneyDigits(value, field);
  return { x: moneyAmount(value as Money, field), currency: (value as Money).currency, digits };
}

/**
 * Reads a Money argument: checks its shape, currency and amount (bigint view; new code uses
 * {@link readMoneyExact}).
 * @internal
 */
export function readMoney(value: unknown, field = 'money'): { fixed: Fixed; currency: CurrencyCode } {
  const { x, currency } = readMoneyExact(value, field);
  return { fixed: toFixed(x), currency };
}

/** Throws CURRENCY_MISMATCH unless both currencies are equal. @internal */
export function assertSameCurrency(a: CurrencyCode, b: CurrencyCode, field = 'b'): void {
  if (a !== b) {
    // both currencies may come from the caller: written bounded (a code is 3 letters; anything longer is cut)
    const want = typeof a === 'string' && a.length <= 12 ? a : describeValue(a);
    throw invalid('CURRENCY_MISMATCH', `${field}.currency`, b, `must be ${want} to combine with ${want} money`);
  }
}

/**
 * Creates an exact amount of money.
 *
 * Numbers are read as their shortest decimal (`0.1` is one tenth, not the binary double);
 * strings may use an exponent (`"1.5e3"`); decimal.js values are read exactly.
 * The amount is not rounded: use {@link roundMoney} for that.
 *
 * @param amount - the amount in major units (dollars, not cents).
 * @param currency - ISO 4217 code.
 * @throws {RevopsError} `INVALID_AMOUNT` for NaN, ±Infinity or a malformed string;
 *   `UNKNOWN_CURRENCY` for a code that is not ISO 4217.
 * @example
 * ```ts
 * import { money } from 'revops/core';
 * money(12.3, 'USD');
 * //=> { amount: '12.30', currency: 'USD' }
 * money('1e3', 'JPY');
 * //=> { amount: '1000', currency: 'JPY' }
 * ```
 */
export function money(amount: DecimalInput, currency: CurrencyCode): Money {
  const digits = minorUnits(currency);
  return fromExact(readDecimal(amount, 'amount'), currency, digits);
}

/**
 * Zero in a currency.
 *
 * @example
 * ```ts
 * import { zero } from 'revops/core';
 * zero('BHD');
 * //=> { amount: '0.000', currency: 'BHD' }
 * ```
 */
export function zero(currency: CurrencyCode): Money {
  return money(0, currency);
}

/**
 * Reads money from its JSON form (or any `{ amount, currency }` object), validating both
 * fields, and returns a copy with the canonical amount (`"5"` → `"5.00"` in USD):
 * `parseMoney(JSON.parse(JSON.stringify(m)))` equals `m`. A Money is already its own JSON form
 * (`JSON.stringify` writes it as it is), so this is also the canonicalising copy.
 *
 * @throws {RevopsError} `INVALID_INPUT` when `json` is not an object; `INVALID_AMOUNT` or
 *   `UNKNOWN_CURRENCY` for a bad field.
 * @example
 * ```ts
 * import { parseMoney } from 'revops/core';
 * parseMoney(JSON.parse('{"amount":"0.5","currency":"EUR"}'));
 * //=> { amount: '0.50', currency: 'EUR' }
 * ```
 */
export function parseMoney(json: unknown): Money {
  const { x, currency, digits } = readMoneyExact(json, 'money');
  return fromExact(x, currency, digits);
}

/**
 * Whether a value is a well-formed Money object (currency known, amount a decimal string).
 *
 * @example
 * ```ts
 * import { isMoney } from 'revops/core';
 * [isMoney({ amount: '1.00', currency: 'USD' }), isMoney({ amount: 1, currency: 'usd' })];
 * //=> [true, false]
 * ```
 */
export function isMoney(value: unknown): value is Money {
  if (typeof value !== 'object' || value === null) return false;
  try {
    if (typeof (value as { amount?: unknown }).amount !== 'string') return false;
    readMoney(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * The amount as a JavaScript number, for charts and estimates. Lossy beyond 15–17
 * significant digits; never use the result for further money arithmetic.
 *
 * @throws {RevopsError} `INVALID_AMOUNT` for an amount beyond ±1.8e308 (it would be Infinity).
 * @example
 * ```ts
 * import { money, toNumber } from 'revops/core';
 * toNumber(money('1234.56', 'USD'));
 * //=> 1234.56
 * ```
 */
export function toNumber(value: Money): number {
  const n = exactToNumber(readMoneyExact(value, 'money').x);
  if (!Number.isFinite(n))
    throw invalid('INVALID_AMOUNT', 'money.amount', value.amount, 'is too large for a JavaScript number');
  return n;
}
