/**
 * Rounding a decomposition to money so that its parts add up to the gap exactly.
 * @module
 */
import { invalid } from '../core/errors.js';

/**
 * Rounds real-valued effects to whole minor units (cents) so that they add up exactly to
 * `totalMinor`, by the largest-remainder method: each effect is first rounded down, and the
 * units still missing go, one each, to the effects with the largest fractional parts (ties to
 * the earlier effect). Works with negative effects and totals.
 *
 * The effects must already add up to `totalMinor` to within one unit per effect (a
 * decomposition does, to floating-point precision); otherwise the split would hide a
 * difference, and it is refused.
 *
 * @param effects - the effects, in minor units (may be fractional and negative).
 * @param totalMinor - the exact total, an integer number of minor units.
 * @returns the rounded effects, integers that add up to `totalMinor`.
 * @throws {RevopsError} `INVALID_INPUT` for a non-finite effect, a non-integer total, or
 *   effects that do not add up to the total.
 * @internal
 */
export function splitToMinorUnits(effects: readonly number[], totalMinor: number): number[] {
  if (!Number.isSafeInteger(totalMinor)) {
    throw invalid('INVALID_INPUT', 'totalMinor', totalMinor, 'must be a safe integer');
  }
  const floors = effects.map((e, i) => {
    if (!Number.isFinite(e)) throw invalid('INVALID_INPUT', `effects[${i}]`, e, 'must be finite');
    return Math.floor(e);
  });
  const floorSum = floors.reduce((a, b) => a + b, 0);
  const missing = totalMinor - floorSum;
  if (missing < 0 || missing > effects.length) {
    throw invalid(
      'INVALID_INPUT',
      'effects',
      effects.reduce((a, b) => a + b, 0),
      `must add up to ${totalMinor} minor units`,
    );
  }
  const order = effects
    .map((e, i) => ({ i, frac: e - Math.floor(e) }))
    .sort((a, b) => b.frac - a.frac || a.i - b.i)
    .slice(0, missing);
  const out = floors.slice();
  for (const { i } of order) out[i] = (out[i] as number) + 1;
  return out;
}
