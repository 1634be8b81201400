/**
 * The library's own decimal.js constructor: a `Decimal.clone` with 34 significant digits
 * (IEEE 754 decimal128) and half-away-from-zero rounding. The global `Decimal` belongs to
 * the user's application and is never configured by revops.
 *
 * Import this file only where a Decimal is really needed (non-terminating division):
 * plain money code lives in files that do not load decimal.js.
 * @module
 */
import { Decimal } from 'decimal.js';
import type { DecimalInput } from './fixed.js';
import { formatFixed, parseFixed } from './fixed.js';

/**
 * revops' isolated Decimal constructor (precision 34, `ROUND_HALF_UP`, which in decimal.js
 * means half away from zero; exponents kept in plain notation up to 1e±40).
 *
 * @example
 * ```ts
 * import { RevopsDecimal } from 'revops/core';
 * new RevopsDecimal(1).div(3).toString();
 * //=> '0.3333333333333333333333333333333333'
 * ```
 */
export const RevopsDecimal: typeof Decimal = Decimal.clone({
  precision: 34,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -40,
  toExpPos: 40,
});

/**
 * Converts a {@link DecimalInput} to a {@link RevopsDecimal}, exactly.
 *
 * @throws {RevopsError} `INVALID_AMOUNT` for NaN, infinities or malformed strings.
 * @example
 * ```ts
 * import { toDecimal } from 'revops/core';
 * toDecimal(0.1).plus('0.2').toString();
 * //=> '0.3'
 * ```
 */
export function toDecimal(value: DecimalInput, field = 'value'): Decimal {
  return new RevopsDecimal(formatFixed(parseFixed(value, typeof field === 'string' ? field : 'value')));
}
