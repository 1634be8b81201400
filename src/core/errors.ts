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
  /**
   * An import that returns every row at once stopped: more rows were rejected than
   * `maxRejected` allows (most often a header or mapping that does not fit the file).
   */
  | 'TOO_MANY_REJECTED'
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
  /** A system actor (an import, an integration) made a move the pipeline does not open to system actors. */
  | 'SYSTEM_NOT_PERMITTED'
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
 * const e = new RevopsError('INVALID_COUNT', 'total must be a non-negative integer, got -1', {
 *   field: 'total',
 *   value: -1,
 * });
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
const LIMIT = 80;

const quote = (text: string): string => JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);

/** Largest BigInt written digit by digit (60 digits); writing every digit of 10n ** 100000n is unbounded work. */
const BIGINT_LIMIT = 10n ** 60n;

/** A BigInt as written in a message: exactly below 10^60, else rounded to 4 digits (`1.000e+100 (a BigInt)`). */
const bigintText = (v: bigint): string => {
  const a = v < 0n ? -v : v;
  if (a < BIGINT_LIMIT) return `${v}n`;
  const n = Number(a); // rounds; Infinity past 1.8e308
  return `${v < 0n ? '-' : ''}${n < Number.POSITIVE_INFINITY ? n.toExponential(3) : 'over 1.8e308'} (a BigInt)`;
};

/** A primitive as written in a message. */
const primitive = (v: unknown): string =>
  typeof v === 'string'
    ? quote(v)
    : typeof v === 'bigint'
      ? bigintText(v)
      : typeof v === 'function' || typeof v === 'symbol'
        ? typeof v
        : String(v);

/**
 * Renders a received value for an error message: strings quoted (cut to 60 characters),
 * numbers as written, a BigInt exactly below 10^60 (`12n`) and rounded above (`1.000e+100 (a
 * BigInt)`), objects and arrays as short JSON cut to 80 characters with `...`. Only
 * own data properties are read (no getter, no `toJSON`: a Decimal shows its fields `d`, `e`,
 * `s`), a cycle is written `<cycle>`, and writing stops at the limit, so the time and size are
 * bounded for any value, however large, deep, cyclic or hostile (a proxy whose traps throw is
 * written `object`). Never throws.
 * @internal
 */
export function describeValue(value: unknown): string {
  if (typeof value !== 'object' || value === null) return primitive(value);
  let text = '';
  const seen = new Set<object>();
  const write = (v: unknown): void => {
    if (typeof v !== 'object' || v === null) {
      text += primitive(v);
      return;
    }
    if (seen.has(v)) {
      text += '<cycle>';
      return;
    }
    seen.add(v);
    const array = Array.isArray(v);
    const keys = array ? Array.from({ length: Math.min(v.length, LIMIT) }, (_, i) => String(i)) : Object.keys(v);
    text += array ? '[' : '{';
    let first = true;
    for (const key of keys) {
      if (text.length > LIMIT) break;
      const d = Object.getOwnPropertyDescriptor(v, key);
      const t = typeof d?.value;
      if (!array && (d === undefined || !('value' in d) || t === 'undefined' || t === 'function' || t === 'symbol')) {
        continue;
      }
      text += `${first ? '' : ','}${array ? '' : `${quote(key)}:`}`;
      first = false;
      if (d === undefined || !('value' in d)) text += 'null';
      else write(d.value);
    }
    text += array ? ']' : '}';
  };
  try {
    write(value);
  } catch {
    return 'object';
  }
  return text.length > LIMIT ? `${text.slice(0, LIMIT - 3)}...` : text;
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
  if (typeof value === 'bigint') return bigintText(value);
  try {
    return Array.isArray(value) ? `array(${value.length})` : typeof value;
  } catch {
    return 'object';
  }
}

/**
 * The name and message of something thrown, bounded (120 characters) and read without ever
 * throwing: `TypeError: x is not a function`, or the value as {@link describeValue} writes it.
 * @internal
 */
export function describeThrown(thrown: unknown): string {
  try {
    if (thrown instanceof Error) {
      const text = `${String(thrown.name)}: ${String(thrown.message)}`;
      return text.length > 120 ? `${text.slice(0, 117)}...` : text;
    }
    return describeValue(thrown);
  } catch {
    return 'an unreadable value';
  }
}

/**
 * The error for a read of the caller's data that threw (a getter, a proxy trap):
 * `code` (default `INVALID_INPUT`), `"<field> could not be read (reading it threw <what>)"`, with `cause` the
 * caller's exception.
 * @internal
 */
export function unreadableField(field: string, thrown: unknown, code: RevopsErrorCode = 'INVALID_INPUT'): RevopsError {
  const name = field.length <= 200 ? field : `${field.slice(0, 197)}...`;
  return new RevopsError(code, `${name} could not be read (reading it threw ${describeThrown(thrown)})`, {
    field: name,
    cause: thrown,
  });
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
  // a field name can come from the caller (a key, an argument): bounded like a value
  const name = typeof field === 'string' && field.length <= 200 ? field : `${String(field).slice(0, 197)}...`;
  return new RevopsError(code, `${name} ${expectation}, got ${describeValue(value)}`, { field, value });
}
