/**
 * Reading a time series argument.
 * @module
 */
import { invalid } from '../core/errors.js';
import { readFailure } from '../core/read.js';

/**
 * Reads a series of finite numbers into a Float64Array (a copy: the argument is never touched).
 * @internal
 */
export function readSeries(series: readonly number[], field: string, minLength = 1): Float64Array {
  try {
    if (!Array.isArray(series)) throw invalid('INVALID_INPUT', field, series, 'must be an array of numbers');
    const out = new Float64Array(series.length);
    for (let i = 0; i < series.length; i++) {
      const v = series[i];
      if (typeof v !== 'number' || !Number.isFinite(v))
        throw invalid('INVALID_INPUT', `${field}[${i}]`, v, 'must be a finite number');
      out[i] = v;
    }
    if (out.length < minLength)
      throw invalid('INSUFFICIENT_DATA', field, `${out.length} values`, `must have at least ${minLength} values`);
    return out;
  } catch (thrown) {
    // a series behind a proxy whose traps throw, read by a method a forecast function returned
    throw readFailure(thrown, { [field]: series });
  }
}
