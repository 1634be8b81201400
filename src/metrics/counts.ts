/**
 * Validation of counts and lists shared by the metrics (plain numbers; imports only errors).
 * @module
 */
import { invalidBrief as invalid } from '../core/errors.js';
import { readArray, readInteger } from '../core/read.js';

/**
 * Reads a count: a non-negative safe integer (core's `readInteger`).
 * @throws {RevopsError} `INVALID_COUNT` naming `field`.
 * @internal
 */
export function readCount(value: unknown, field: string): number {
  return readInteger(value, field);
}

/**
 * Checks a pair `successes ≤ trials` of counts.
 * @throws {RevopsError} `INVALID_COUNT` naming the offending field.
 * @internal
 */
export function readPair(
  successes: unknown,
  trials: unknown,
  successField: string,
  trialField: string,
): [number, number] {
  const n = readCount(trials, trialField);
  const k = readCount(successes, successField);
  if (k > n) throw invalid('INVALID_COUNT', successField, k, `must not exceed ${trialField} (${n})`);
  return [k, n];
}

/**
 * Checks a confidence level strictly between 0 and 1.
 * @throws {RevopsError} `INVALID_RATE` naming `field`.
 * @internal
 */
export function readConfidence(value: unknown, field = 'confidence'): number {
  if (typeof value !== 'number' || !(value > 0 && value < 1)) {
    throw invalid('INVALID_RATE', field, value, 'must be a fraction strictly between 0 and 1 (0.95 for 95%)');
  }
  return value;
}

/**
 * Checks that `value` is an array (a string or a number would otherwise be read as an
 * empty or one-element list) and returns it.
 * @throws {RevopsError} `INVALID_INPUT` naming `field`.
 * @internal
 */
export function readList<T>(value: readonly T[], field: string): readonly T[] {
  return readArray(value, field) as readonly T[];
}

/**
 * `list.map(f)` as an index loop. `Array.prototype.map` and `filter` build their result with
 * the array's own `constructor` (ECMA-262 ArraySpeciesCreate), so an input array that carries
 * a `constructor` key (JSON such as `{"constructor": 1}` spread into an array) would make them
 * throw a `TypeError`; a loop reads only the elements.
 * @internal
 */
export function mapList<T, U>(list: readonly T[], f: (item: T, index: number) => U): U[] {
  const out: U[] = [];
  for (let i = 0; i < list.length; i++) out.push(f(list[i] as T, i));
  return out;
}

/**
 * `list.filter(keep)` as an index loop (see {@link mapList}).
 * @internal
 */
export function filterList<T>(list: readonly T[], keep: (item: T, index: number) => boolean): T[] {
  const out: T[] = [];
  for (let i = 0; i < list.length; i++) {
    const item = list[i] as T;
    if (keep(item, i)) out.push(item);
  }
  return out;
}
