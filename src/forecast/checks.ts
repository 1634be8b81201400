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
