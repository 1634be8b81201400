/**
 * Argument checks shared by the plain-number code of `revops/forecast` (no money, no dates,
 * so the time-series functions stay small in a bundle).
 * @module
 */
import { invalid } from '../core/errors.js';
import { LIMITS, readInteger, readObject } from '../core/read.js';

/** Throws `INVALID_RATE` unless `p` is a finite number in [0, 1]. @internal */
export function checkFraction(p: unknown, field: string): number {
  if (typeof p !== 'number' || !Number.isFinite(p) || p < 0 || p > 1) {
    throw invalid('INVALID_RATE', field, p, 'must be a fraction in [0, 1] (0.25 for 25%)');
  }
  return p;
}

/**
 * Reads an integer option from 1 to `max` with core's `readInteger` (a safe integer; numeric
 * strings, fractions, NaN and ±Infinity refused). Throws `INVALID_OPTION` naming `field`.
 * @internal
 */
export function readPositiveInteger(value: unknown, field: string, max: number = Number.MAX_SAFE_INTEGER): number {
  return readInteger(value, field, { min: 1, max, code: 'INVALID_OPTION' });
}

/** Reads a horizon: an integer from 1 to `LIMITS.horizon` (10,000). Throws `INVALID_OPTION`. @internal */
export function readHorizon(value: unknown, field: string): number {
  return readPositiveInteger(value, field, LIMITS.horizon);
}

/** Reads a season length: an integer from 1 to `LIMITS.seasonLength` (1,000). Throws `INVALID_OPTION`. @internal */
export function readSeasonLength(value: unknown, field: string): number {
  return readPositiveInteger(value, field, LIMITS.seasonLength);
}

/**
 * Throws `INVALID_INPUT` (naming `field`) when any number reachable in `result` is NaN or
 * ±Infinity — inputs near the limits of double precision (|y| near 1e308, or subnormal
 * actuals in a MAPE) can overflow; the library never returns such a value. Returns `result`.
 * @internal
 */
export function finiteOutput<T>(result: T, field: string, value: unknown): T {
  const stack: unknown[] = [result];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'number') {
      if (!Number.isFinite(v))
        throw invalid(
          'INVALID_INPUT',
          field,
          value,
          'has magnitudes that overflow double precision in this computation (rescale the values)',
        );
    } else if (typeof v === 'object' && v !== null) {
      for (const item of Array.isArray(v) ? v : Object.values(v)) stack.push(item);
    }
  }
  return result;
}

/**
 * Reads an options argument: `undefined` is no options (`{}`); anything but a plain object
 * (`null`, an array, a number) is refused with `INVALID_OPTION` naming `field` — `null` is not
 * read as "no options", so that a caller's mistake is never silently ignored.
 * @internal
 */
export function readOptions<T extends object>(options: T | undefined, field = 'options'): Partial<T> {
  if (options === undefined) return {};
  return readObject(options, field, 'INVALID_OPTION') as Partial<T>;
}
