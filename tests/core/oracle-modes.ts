/** RoundingMode → the decimal.js rounding constant, for oracle comparisons. */
import { Decimal } from 'decimal.js';
import type { RoundingMode } from '../../src/core/index.js';

// decimal.js documentation, "Rounding modes": ROUND_UP away from zero, ROUND_DOWN toward zero,
// ROUND_HALF_UP half away from zero, ROUND_HALF_DOWN half toward zero, ROUND_HALF_CEIL half
// toward +∞, ROUND_HALF_FLOOR half toward −∞.
export const DECIMAL_JS_MODE: Record<RoundingMode, Decimal.Rounding> = {
  halfAwayFromZero: Decimal.ROUND_HALF_UP,
  halfEven: Decimal.ROUND_HALF_EVEN,
  halfTowardZero: Decimal.ROUND_HALF_DOWN,
  halfUp: Decimal.ROUND_HALF_CEIL,
  halfDown: Decimal.ROUND_HALF_FLOOR,
  awayFromZero: Decimal.ROUND_UP,
  towardZero: Decimal.ROUND_DOWN,
  ceiling: Decimal.ROUND_CEIL,
  floor: Decimal.ROUND_FLOOR,
};
