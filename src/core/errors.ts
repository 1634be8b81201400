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
  | 'INVALID_SEED';

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

  constructor(code: RevopsErrorCode, message: string, options: RevopsErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'RevopsError';
    this.code = code;
    this.field = options.field;
    this.value = options.value;
    this.issues = options.issues ?? [];
  }
}

/**
 * Renders a received value for an error message: strings quoted, numbers as written,
 * objects as short JSON. Never throws.
 * @internal
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) {
    return String(value);
  }
  if (typeof value === 'bigint') return `${value}n`;
  try {
    const json = JSON.stringify(value);
    if (json === undefined) return typeof value;
    return json.length > 80 ? `${json.slice(0, 77)}...` : json;
  } catch {
    return typeof value;
  }
}

/**
 * Builds a {@link RevopsError} whose message names the field and the value:
 * `"<field> <expectation>, got <value>"`.
 * @internal
 */
export function invalid(code: RevopsErrorCode, field: string, value: unknown, expectation: string): RevopsError {
  return new RevopsError(code, `${field} ${expectation}, got ${describeValue(value)}`, { field, value });
}
