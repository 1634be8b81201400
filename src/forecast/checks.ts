/**
 * Argument checks shared by the plain-number code of `revops/forecast` (no money, no dates,
 * so the time-series functions stay small in a bundle).
 * @module
 */
import { invalid } from '../core/errors.js';

/** Throws `INVALID_RATE` unless `p` is a finite number in [0, 1]. @internal */
export function checkFraction(p: unknown, field: string): number {
  if (typeof p !== 'number' || !Number.isFinite(p) || p < 0 || p > 1) {
    throw invalid('INVALID_RATE', field, p, 'must be a fraction in [0, 1] (0.25 for 25%)');
  }
  return p;
}

/** Throws `INVALID_OPTION` unless `value` is a positive integer. @internal */
export function positiveInteger(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw invalid('INVALID_OPTION', field, value, 'must be a positive integer');
  }
  return value;
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
