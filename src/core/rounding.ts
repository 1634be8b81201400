/**
 * Rounding modes and exact rounding of a rational number to an integer.
 * @module
 */

/**
 * How to round a value that lies between two representable values.
 *
 * | mode | 2.5 | -2.5 | 2.4 | -2.6 |
 * | --- | --- | --- | --- | --- |
 * | `halfAwayFromZero` (default; spreadsheet `ROUND`) | 3 | -3 | 2 | -3 |
 * | `halfEven` (banker's) | 2 | -2 | 2 | -3 |
 * | `halfTowardZero` | 2 | -2 | 2 | -3 |
 * | `halfUp` (towards +∞) | 3 | -2 | 2 | -3 |
 * | `halfDown` (towards −∞) | 2 | -3 | 2 | -3 |
 * | `awayFromZero` | 3 | -3 | 3 | -3 |
 * | `towardZero` (truncate) | 2 | -2 | 2 | -2 |
 * | `ceiling` | 3 | -2 | 3 | -2 |
 * | `floor` | 2 | -3 | 2 | -3 |
 */
export type RoundingMode =
  | 'halfAwayFromZero'
  | 'halfEven'
  | 'halfTowardZero'
  | 'halfUp'
  | 'halfDown'
  | 'awayFromZero'
  | 'towardZero'
  | 'ceiling'
  | 'floor';

/** Every {@link RoundingMode}, for validation and schemas. */
export const ROUNDING_MODES: readonly RoundingMode[] = [
  'halfAwayFromZero',
  'halfEven',
  'halfTowardZero',
  'halfUp',
  'halfDown',
  'awayFromZero',
  'towardZero',
  'ceiling',
  'floor',
];

/** The library's default: half away from zero, as spreadsheet `ROUND` does. */
export const DEFAULT_ROUNDING: RoundingMode = 'halfAwayFromZero';

/**
 * Whether rounding a value that lies strictly between two integers steps away from zero.
 * `cmpHalf` compares the dropped fraction with one half (-1 below, 0 exactly, 1 above);
 * `oddQuotient` tells whether the truncated quotient is odd (for `halfEven`).
 * Shared by the BigInt and the safe-integer paths, so both round identically.
 * @internal
 */
export function stepsAwayFromZero(
  mode: RoundingMode,
  cmpHalf: -1 | 0 | 1,
  negative: boolean,
  oddQuotient: boolean,
): boolean {
  switch (mode) {
    case 'halfAwayFromZero':
      return cmpHalf >= 0;
    case 'halfTowardZero':
      return cmpHalf > 0;
    case 'halfEven':
      return cmpHalf > 0 || (cmpHalf === 0 && oddQuotient);
    case 'halfUp':
      return cmpHalf > 0 || (cmpHalf === 0 && !negative);
    case 'halfDown':
      return cmpHalf > 0 || (cmpHalf === 0 && negative);
    case 'awayFromZero':
      return true;
    case 'towardZero':
      return false;
    case 'ceiling':
      return !negative;
    case 'floor':
      return negative;
  }
}

/**
 * Rounds the rational `numerator / denominator` to an integer, exactly, with `mode`.
 * `denominator` must be positive.
 * @internal
 */
export function roundRational(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  // Truncating division toward zero, then decide whether to step away from zero.
  const q = numerator / denominator;
  const r = numerator % denominator;
  if (r === 0n) return q;
  const negative = numerator < 0n;
  const twice = (negative ? -r : r) * 2n;
  const cmpHalf = twice === denominator ? 0 : twice > denominator ? 1 : -1;
  if (!stepsAwayFromZero(mode, cmpHalf, negative, (q & 1n) !== 0n)) return q;
  return negative ? q - 1n : q + 1n;
}
