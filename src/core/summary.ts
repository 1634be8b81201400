/**
 * The one protocol of every mergeable result in the library.
 *
 * A computation that can be split (by rows, by chunk, by worker, by serverless invocation,
 * by warehouse partition) is offered as three functions:
 *
 * - `summarizeX(data, options)` returns an `XSummary`: a plain JSON value (strings, finite
 *   numbers, booleans, `null`, arrays and plain objects; money as decimal strings) tagged
 *   with its `kind` and its format `version`;
 * - `mergeX(a, b)` combines two summaries of the same kind, version and parameters; it is
 *   associative and commutative, so any split and any merge order give the same summary;
 * - `finalizeX(summary, options?)` turns a summary into the result that `x(data, options)`
 *   returns for the whole data.
 *
 * `mergeX` and `finalizeX` validate their summaries against the documented shape: a summary
 * that travelled through `JSON.stringify` / `JSON.parse`, a queue or another machine is
 * either accepted exactly or refused with `INVALID_SUMMARY` naming the field.
 * @module
 */
import { describeValue, RevopsError } from './errors.js';
import { plainArray } from './read.js';

/** The tag every mergeable summary carries. */
export interface Summary<K extends string = string> {
  /** Which computation this summarises (`'winRate'`, `'funnel'`, `'statement'`, …). */
  readonly kind: K;
  /** The format version of this kind of summary; summaries of different versions never merge. */
  readonly version: number;
}

/**
 * Builds the `INVALID_SUMMARY` error for `field` of a summary.
 * @internal
 */
export function invalidSummary(field: string, value: unknown, expectation: string): RevopsError {
  return new RevopsError('INVALID_SUMMARY', `${field} ${expectation}, got ${describeValue(value)}`, {
    field,
    value,
  });
}

/**
 * Checks that `value` is a plain-object summary of `kind` and `version`, and returns it as a
 * record whose fields the caller then reads (with {@link summaryInteger} and friends).
 * @throws {RevopsError} `INVALID_SUMMARY` naming `field` (`'a'`, `'b'`, `'summary'`).
 * @internal
 */
export function readSummary(
  value: unknown,
  field: string,
  kind: string,
  version: number,
): Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidSummary(field, value, `must be a ${kind} summary object`);
  }
  const v = value as Record<string, unknown>;
  if (v['kind'] !== kind) throw invalidSummary(`${field}.kind`, v['kind'], `must be '${kind}'`);
  if (v['version'] !== version) throw invalidSummary(`${field}.version`, v['version'], `must be ${version}`);
  return v;
}

/**
 * Reads a non-negative safe integer field of a summary (a count).
 * @throws {RevopsError} `INVALID_SUMMARY` naming `field`.
 * @internal
 */
export function summaryInteger(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw invalidSummary(field, value, 'must be a non-negative integer');
  }
  return value === 0 ? 0 : value;
}

/**
 * Reads a finite number field of a summary (a sum of estimates, a duration).
 * @throws {RevopsError} `INVALID_SUMMARY` naming `field`.
 * @internal
 */
export function summaryNumber(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw invalidSummary(field, value, 'must be a finite number');
  }
  return value === 0 ? 0 : value;
}

/**
 * Reads a string field of a summary (an id, an exact decimal amount, a currency code).
 * @throws {RevopsError} `INVALID_SUMMARY` naming `field`.
 * @internal
 */
export function summaryString(value: unknown, field: string): string {
  if (typeof value !== 'string') throw invalidSummary(field, value, 'must be a string');
  return value;
}

/**
 * Reads an array field of a summary.
 * @throws {RevopsError} `INVALID_SUMMARY` naming `field`.
 * @internal
 */
export function summaryArray(value: unknown, field: string): readonly unknown[] {
  if (!Array.isArray(value)) throw invalidSummary(field, value, 'must be an array');
  return plainArray(value);
}

/**
 * Reads a plain-object field of a summary (a record of per-group states).
 * @throws {RevopsError} `INVALID_SUMMARY` naming `field`.
 * @internal
 */
export function summaryRecord(value: unknown, field: string): Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidSummary(field, value, 'must be an object');
  }
  return value as Readonly<Record<string, unknown>>;
}

/**
 * Checks that two summaries were made with the same parameters (a JSON-comparable value:
 * the grouping, the period, the pipeline's stages, …), so that merging them means something.
 * @throws {RevopsError} `INVALID_SUMMARY` naming `b.<name>`.
 * @internal
 */
export function sameParameter(a: unknown, b: unknown, name: string): void {
  if (JSON.stringify(a) !== JSON.stringify(b)) {
    throw invalidSummary(`b.${name}`, b, `must equal a.${name} (${describeValue(a)}): summarise every part alike`);
  }
}
