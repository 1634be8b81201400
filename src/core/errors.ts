/**
 * Errors: one class for misuse, with a stable `code`.
 *
 * Callers should test `error.code`, never `instanceof`: the ESM and CJS builds are
 * separate copies of the class.
 * @module
 */

/**
 * Every code a {@link RevopsError} can carry. Codes are stable: they are part of the
 * public contract and only ever added to.
 */
export type RevopsErrorCode =
  /** A value failed validation (schema parse, wrong type, out of range). */
  | 'INVALID_INPUT'
  /** A number or decimal string that is not a finite decimal amount. */
  | 'INVALID_AMOUNT'
  /** A currency code that is not an active ISO 4217 code with minor units. */
  | 'UNKNOWN_CURRENCY'
  /** Two amounts in different currencies were combined. */
  | 'CURRENCY_MISMATCH'
  /** A calendar date that is not a real `YYYY-MM-DD` date, or an instant without an offset. */
  | 'INVALID_DATE'
  /** A period whose end is before its start, or a month/quarter out of range. */
  | 'INVALID_PERIOD'
  /** Division by zero in exact arithmetic. */
  | 'DIVISION_BY_ZERO'
  /** Ratios or weights that are negative, non-finite or all zero. */
  | 'INVALID_RATIO'
  /** A count that is negative, fractional, or inconsistent with another count. */
  | 'INVALID_COUNT'
  /** A rate, probability or share outside its allowed range. */
  | 'INVALID_RATE'
  /** An option that is unknown, out of range or contradicts another option. */
  | 'INVALID_OPTION'
  /** A pipeline definition that contradicts itself. */
  | 'INVALID_PIPELINE'
  /** An incentive plan that contradicts itself. */
  | 'INVALID_PLAN'
  /** A time series or sample too short or malformed for the method. */
  | 'INSUFFICIENT_DATA'
  /** A seed that is not a finite number or a string. */
  | 'INVALID_SEED'
  /**
   * A mergeable summary that is not of the expected kind or version, or whose fields do not
   * have their documented types (a summary that came back malformed from JSON, a queue or
   * another machine).
   */
  | 'INVALID_SUMMARY'
  /** The same id twice in records that are summed (credits, deals, subscriptions, activities). */
  | 'DUPLICATE_ID'
  // Refusals of stage moves: returned as `{ ok: false, error }` by the pipeline module, never thrown.
  /** The move would go back in time (its instant is before the entity's last event). */
  | 'TIME_TRAVEL'
  /** The entity is in a closed stage; reopen it first. */
  | 'CLOSED'
  /** The pipeline has no transition between the two stages. */
  | 'TRANSITION_NOT_ALLOWED'
  /** The actor's role may not make this move. */
  | 'ROLE_NOT_PERMITTED'
  /** The move requires a reason. */
  | 'REASON_REQUIRED'
  /** A field the target stage requires is not set. */
  | 'GUARD_FAILED'
  /** Reopen was asked of an entity that is not closed. */
  | 'NOT_CLOSED'
  /** The pipeline does not allow reopening from this stage. */
  | 'REOPEN_NOT_ALLOWED'
  /** A lead that is not in a qualified stage cannot be converted. */
  | 'LEAD_NOT_QUALIFIED'
  /** The converted deal needs an owner. */
  | 'OWNER_REQUIRED'
  /** The converted deal needs an account. */
  | 'ACCOUNT_REQUIRED';

/** One problem found while validating input (a flattened zod issue). */
export interface RevopsIssue {
  /** Path from the root of the input to the offending value, e.g. `['amount', 'currency']`. */
  readonly path: readonly (string | number)[];
  /** What is wrong, in plain words. */
  readonly message: string;
  /** zod's issue code, or a revops code for checks done outside zod. */
  readonly code: string;
}

/** Options of the {@link RevopsError} constructor. */
export interface RevopsErrorOptions {
  /** Name of the offending field or argument (`'amount'`, `'ratios[2]'`). */
  readonly field?: string;
  /** The offending value, as received. */
  readonly value?: unknown;
  /** Every problem found, for schema failures. */
  readonly issues?: readonly RevopsIssue[];
  /** The underlying error, if any. */
  readonly cause?: unknown;
  /**
   * Facts behind a refusal, for programs (e.g. a refused move's `entityId`, `from`, `to`,
   * `roleId`, `allowedRoles`, `missingFields`). JSON values only.
   */
  readonly details?: Readonly<Record<string, unknown>>;
}

/**
 * The error thrown for invalid input anywhere in revops.
 *
 * @example
 * ```ts
 * import { RevopsError } from 'revops/core';
 * const e = new RevopsError('INVALID_COUNT', 'total must be a non-negative integer, got -1', { field: 'total', value: -1 });
 * e.code;
 * //=> 'INVALID_COUNT'
 * e.field;
 * //=> 'total'
 * ```
 */
export class RevopsError extends Error {
  /** Stable machine-readable code. */
  readonly code: RevopsErrorCode;
  /** The offending field or argument, when there is one. */
  readonly field: string | undefined;
  /** The offending value, when there is one. */
  readonly value: unknown;
  /** Every problem found (schema failures); empty otherwise. */
  readonly issues: readonly RevopsIssue[];
  /** Facts behind a refusal (see {@link RevopsErrorOptions.details}); `{}` when there are none. */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: RevopsErrorCode, message: string, options: RevopsErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'RevopsError';
    this.code = code;
    this.field = options.field;
    this.value = options.value;
    this.issues = options.issues ?? [];
    this.details = options.details ?? {};
  }
}

/** Longest rendering of an object or array in a message (longer ones end in `...`). */
const DESCRIBE_LIMIT = 80;
/** Longest string kept whole in a message (longer ones are cut to 57 characters and `...`). */
const STRING_LIMIT = 60;

const quote = (text: string): string =>
  JSON.stringify(text.length > STRING_LIMIT ? `${text.slice(0, STRING_LIMIT - 3)}...` : text);

/** A property's value if it is an own data property (a getter is never called), else `undefined`. */
function ownData(o: object, key: string): { value: unknown } | undefined {
  const d = Object.getOwnPropertyDescriptor(o, key);
  return d !== undefined && 'value' in d ? { value: d.value } : undefined;
}

/**
 * The text of a decimal.js value read from its fields (`d`: base-1e7 words, `e`: decimal
 * exponent, `s`: sign), never through its methods: a Decimal whose exponent was set to 9e15
 * would take minutes to print. At most 70 significant digits.
 */
function decimalText(o: object): string | undefined {
  const d = ownData(o, 'd')?.value;
  const e = ownData(o, 'e')?.value;
  const s = ownData(o, 's')?.value;
  if (typeof s !== 'number' || typeof ownData(o, 'constructor')?.value !== 'function') return undefined;
  if (d === null) return Number.isNaN(s) ? 'NaN' : s < 0 ? '-Infinity' : 'Infinity';
  if (!Array.isArray(d) || d.length === 0 || typeof e !== 'number' || !Number.isInteger(e)) return undefined;
  let digits = '';
  for (let i = 0; i < d.length && i < 10; i++) {
    const w: unknown = d[i];
    if (typeof w !== 'number' || !Number.isInteger(w) || w < 0 || w >= 1e7) return undefined;
    digits += i === 0 ? String(w) : String(w).padStart(7, '0');
  }
  const cut = d.length > 10 ? '...' : '';
  digits = digits.replace(/0+$/, '') || '0';
  const sign = s < 0 ? '-' : '';
  if (e >= 0 && e < 21 && cut === '')
    return `${sign}${digits.slice(0, e + 1).padEnd(e + 1, '0')}${digits.length > e + 1 ? `.${digits.slice(e + 1)}` : ''}`;
  if (e < 0 && e > -7 && cut === '') return `${sign}0.${'0'.repeat(-e - 1)}${digits}`;
  return `${sign}${digits[0]}${digits.length > 1 ? `.${digits.slice(1)}` : ''}${cut}e${e < 0 ? '' : '+'}${e}`;
}

/** The text of a value that is written whole (not an array or object), or `undefined`. */
function leafText(value: unknown, seen: Set<object>): string | undefined {
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value !== 'object') return typeof value === 'function' ? 'function' : typeof value;
  if (seen.has(value)) return '<cycle>';
  if (Object.prototype.toString.call(value) === '[object Date]') {
    const t = Date.prototype.getTime.call(value);
    return Number.isFinite(t) ? JSON.stringify(new Date(t).toISOString()) : 'Invalid Date';
  }
  const decimal = decimalText(value);
  return decimal === undefined ? undefined : JSON.stringify(decimal);
}

/**
 * Writes `value` as short JSON into `w`, stopping once `w` is longer than the limit: at most
 * {@link DESCRIBE_LIMIT} characters (plus one piece) are ever produced, whatever the size,
 * depth or shape of the value. Reads own data properties only (never a getter, never
 * `toJSON`); a cycle is written `<cycle>`. May throw (a proxy's trap): the caller catches.
 */
function writeValue(value: unknown, w: { text: string; seen: Set<object> }): void {
  if (w.text.length > DESCRIBE_LIMIT) return;
  const leaf = leafText(value, w.seen);
  if (leaf !== undefined) {
    w.text += leaf;
    return;
  }
  const o = value as object;
  w.seen.add(o);
  if (Array.isArray(o)) {
    const len = ownData(o, 'length')?.value;
    const n = typeof len === 'number' ? len : 0;
    w.text += '[';
    for (let i = 0; i < n && w.text.length <= DESCRIBE_LIMIT; i++) {
      if (i > 0) w.text += ',';
      const item = ownData(o, String(i));
      if (item === undefined) w.text += 'null';
      else writeValue(item.value, w);
    }
    w.text += ']';
    return;
  }
  w.text += '{';
  let first = true;
  for (const key of Object.keys(o)) {
    if (w.text.length > DESCRIBE_LIMIT) break;
    const item = ownData(o, key);
    const t = typeof item?.value;
    if (item === undefined || t === 'undefined' || t === 'function' || t === 'symbol') continue;
    w.text += `${first ? '' : ','}${quote(key)}:`;
    first = false;
    writeValue(item.value, w);
  }
  w.text += '}';
}

/**
 * Renders a received value for an error message: strings quoted, numbers as written,
 * objects and arrays as short JSON (cut to 80 characters with `...`; own data properties only,
 * so no getter or `toJSON` runs; a cycle written `<cycle>`; a Decimal as its quoted value).
 * Bounded time and size for any value, however large, deep, cyclic or hostile; never throws.
 * @internal
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) {
    return String(value);
  }
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value !== 'object') return typeof value;
  try {
    const w = { text: '', seen: new Set<object>() };
    writeValue(value, w);
    const text = w.text;
    return text.length > DESCRIBE_LIMIT ? `${text.slice(0, DESCRIBE_LIMIT - 3)}...` : text;
  } catch {
    return 'object';
  }
}

/**
 * Renders a received value briefly, for the light readers of plain-number paths (counts,
 * options): primitives exactly as {@link describeValue} does, an array as `array(<length>)`,
 * any other object as `object`. A few dozen bytes of code, so a one-function bundle such as
 * `conversionRate` does not carry the object walker; bounded and never throws.
 * @internal
 */
export function briefValue(value: unknown): string {
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) {
    return String(value);
  }
  if (typeof value === 'bigint') return `${value}n`;
  try {
    return Array.isArray(value) ? `array(${value.length})` : typeof value;
  } catch {
    return 'object';
  }
}

/**
 * {@link invalid} with {@link briefValue}: for readers whose values are numbers, strings and
 * booleans, on paths that must stay light.
 * @internal
 */
export function invalidBrief(code: RevopsErrorCode, field: string, value: unknown, expectation: string): RevopsError {
  return new RevopsError(code, `${field} ${expectation}, got ${briefValue(value)}`, { field, value });
}

/**
 * Builds a {@link RevopsError} whose message names the field and the value:
 * `"<field> <expectation>, got <value>"`.
 * @internal
 */
export function invalid(code: RevopsErrorCode, field: string, value: unknown, expectation: string): RevopsError {
  return new RevopsError(code, `${field} ${expectation}, got ${describeValue(value)}`, { field, value });
}
