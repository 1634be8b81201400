/**
 * roundMoney against decimal.js' own rounding modes (a 200-digit clone, an independent
 * implementation), idempotence, the half-unit bound, and the safe-integer fast path against
 * the BigInt path.
 */
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROUNDING_MODES, roundMoney, type RoundingMode } from '../../src/core/index.js';
import { roundRational } from '../../src/core/rounding.js';
import { isMultipleOf10, roundDivNumber as roundDivSafe } from '../../src/core/exact.js';
import { DIGITS, exact, sameCurrency } from './arbitraries.js';

// decimal.js documentation, "Rounding modes": ROUND_UP away from zero, ROUND_DOWN toward zero,
// ROUND_HALF_UP half away from zero, ROUND_HALF_DOWN half toward zero, ROUND_HALF_CEIL half
// toward +∞, ROUND_HALF_FLOOR half toward −∞.
const DECIMAL_JS_MODE: Record<RoundingMode, Decimal.Rounding> = {
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

const modeArb = fc.constantFrom(...ROUNDING_MODES);

describe('roundMoney()', () => {
  it('agrees with decimal.js toDecimalPlaces in every mode', () => {
    fc.assert(
      fc.property(sameCurrency(1, 8), modeArb, ([m], mode) => {
        const digits = DIGITS[m!.currency]!;
        const want = exact(m!).toDecimalPlaces(digits, DECIMAL_JS_MODE[mode]);
        expect(exact(roundMoney(m!, mode)).eq(want)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('is idempotent and leaves at most the minor unit', () => {
    fc.assert(
      fc.property(sameCurrency(1, 8), modeArb, modeArb, ([m], mode, other) => {
        const r = roundMoney(m!, mode);
        expect(roundMoney(r, mode)).toEqual(r);
        expect(roundMoney(r, other)).toEqual(r);
        const decimals = r.amount.includes('.') ? r.amount.length - r.amount.indexOf('.') - 1 : 0;
        expect(decimals).toBe(DIGITS[m!.currency]);
      }),
    );
  });

  it('half-* modes are within half a minor unit; the others within one', () => {
    fc.assert(
      fc.property(sameCurrency(1, 8), modeArb, ([m], mode) => {
        const unit = exact('1').div(10 ** DIGITS[m!.currency]!);
        const diff = exact(roundMoney(m!, mode)).minus(exact(m!)).abs();
        expect(diff.lte(mode.startsWith('half') ? unit.div(2) : unit)).toBe(true);
        expect(diff.lt(unit)).toBe(true);
      }),
    );
  });
});

describe('roundDivSafe (fast path) equals roundRational (BigInt path)', () => {
  it('for every safe numerator, positive denominator and mode', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: -1000, max: 1000 }),
          fc.maxSafeInteger().map((n) => n - (n % 7)),
        ),
        fc.oneof(fc.constantFrom(1, 2, 10, 100, 1000, 10 ** 15), fc.integer({ min: 1, max: 1_000_000 })),
        modeArb,
        (n, d, mode) => {
          expect(BigInt(roundDivSafe(n, d, mode))).toBe(roundRational(BigInt(n), BigInt(d), mode));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('roundDivNumber against BigInt division near 2^52', () => {
  it('the float-quotient path agrees with the exact remainder', () => {
    const big = fc.bigInt({ min: -(2n ** 53n - 1n), max: 2n ** 53n - 1n });
    const den = fc.constantFrom(1n, 2n, 3n, 7n, 10n, 100n, 10n ** 6n, 10n ** 8n, 10n ** 15n, 2n ** 52n - 1n);
    fc.assert(
      fc.property(big, den, modeArb, (n, d, mode) => {
        expect(BigInt(roundDivSafe(Number(n), Number(d), mode))).toBe(roundRational(n, d, mode));
      }),
      { seed: 5252, numRuns: 2000 },
    );
  });

  it('isMultipleOf10 on safe integers', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 53n - 1n), max: 2n ** 53n - 1n }), (n) => {
        expect(isMultipleOf10(Number(n))).toBe(n % 10n === 0n);
      }),
      { seed: 1010, numRuns: 2000 },
    );
  });
});
