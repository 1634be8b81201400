/**
 * Reading a value as an engine hands it to JavaScript, into the plain form the library takes.
 *
 * BigQuery, JavaScript UDAFs (https://cloud.google.com/bigquery/docs/user-defined-aggregates):
 * INT64 arrives as a BigInt; NUMERIC and BIGNUMERIC as a Number when the value is an integer
 * within ±2^53, else as a String; STRUCT as an object; ARRAY as an array; NULL as `null`.
 * Snowflake, JavaScript UDFs
 * (https://docs.snowflake.com/en/developer-guide/udf/javascript/udf-javascript-introduction):
 * an OBJECT (VARIANT) argument arrives as a JavaScript object whose NULL fields are absent, a
 * NUMBER inside it as a double — so exact amounts travel as VARCHAR. Dates travel as
 * `YYYY-MM-DD` text in both (a JavaScript Date would bring a time zone into a calendar date).
 * @module
 */
import { invalid } from '../core/errors.js';

/** A field of a row object, `undefined` for SQL NULL (BigQuery `null`, Snowflake absent). @internal */
export function field(row: Readonly<Record<string, unknown>>, name: string): unknown {
  const v = Object.hasOwn(row, name) ? row[name] : undefined;
  return v === null ? undefined : v;
}

/** Reads a row object (a STRUCT, an OBJECT). @internal */
export function rowObject(value: unknown, name: string): Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalid('INVALID_INPUT', name, value, 'must be a row object (a STRUCT or an OBJECT)');
  }
  return value as Readonly<Record<string, unknown>>;
}

/** Reads a required text field. @internal */
export function text(row: Readonly<Record<string, unknown>>, name: string, path: string): string {
  const v = field(row, name);
  if (typeof v !== 'string') throw invalid('INVALID_INPUT', `${path}.${name}`, v, 'must be text');
  return v;
}

/** Reads an optional text field. @internal */
export function optionalText(row: Readonly<Record<string, unknown>>, name: string, path: string): string | undefined {
  const v = field(row, name);
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw invalid('INVALID_INPUT', `${path}.${name}`, v, 'must be text or NULL');
  return v;
}

/**
 * Reads an exact decimal amount: text as it is; a Number only when it is a safe integer (how
 * BigQuery passes an integral NUMERIC — any other Number may already have lost digits); a BigInt.
 * @internal
 */
export function amountText(row: Readonly<Record<string, unknown>>, name: string, path: string): string {
  const v = field(row, name);
  if (typeof v === 'string') return v;
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number' && Number.isSafeInteger(v)) return String(v === 0 ? 0 : v);
  throw invalid('INVALID_AMOUNT', `${path}.${name}`, v, 'must be an exact amount (NUMERIC, or text)');
}

/** Reads an optional whole number (a BigInt from INT64, or a Number). @internal */
export function optionalInteger(
  row: Readonly<Record<string, unknown>>,
  name: string,
  path: string,
): number | undefined {
  const v = field(row, name);
  if (v === undefined) return undefined;
  const n = typeof v === 'bigint' && v >= -(2n ** 53n) && v <= 2n ** 53n ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) {
    throw invalid('INVALID_INPUT', `${path}.${name}`, v, 'must be a whole number or NULL');
  }
  return n === 0 ? 0 : n;
}

/** Reads an optional boolean. @internal */
export function optionalBoolean(
  row: Readonly<Record<string, unknown>>,
  name: string,
  path: string,
): boolean | undefined {
  const v = field(row, name);
  if (v === undefined || typeof v === 'boolean') return v;
  throw invalid('INVALID_INPUT', `${path}.${name}`, v, 'must be a boolean or NULL');
}
