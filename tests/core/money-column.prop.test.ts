/**
 * The column form (src/core/money-column.ts) against a 200-digit decimal.js oracle: exact in
 * every rounding mode, including products and totals past 2^53; merge = whole; the same
 * answer as sumProducts on Money lines.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compileRate,
  fromMinorUnits,
  ROUNDING_MODES,
  sumProducts,
  sumProductsColumn,
  toMinorUnitsColumn,
  toRateColumn,
} from '../../src/core/index.js';
import { Exact } from './arbitraries.js';
import { DECIMAL_JS_MODE } from './oracle-modes.js';

const MAX = Number.MAX_SAFE_INTEGER;
const centsArb = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.integer({ min: -MAX, max: MAX }), // products and totals far past 2^53: the BigInt spill
);
const rateArb = fc
  .tuple(fc.integer({ min: 0, max: 10 ** 6 }), fc.integer({ min: 0, max: 8 }))
  .map(([u, s]) => (u / 10 ** s).toString());
const modeArb = fc.constantFrom(...ROUNDING_MODES);
const linesArb = fc.array(fc.tuple(centsArb, rateArb), { maxLength: 30 });

/** Σ round(cents/100 × rate, 2) by the oracle. */
function oracle(lines: readonly (readonly [number, string])[], mode: (typeof ROUNDING_MODES)[number]): string {
  let total = new Exact(0);
  for (const [c, r] of lines) {
    total = total.plus(new Exact(c).div(100).times(r).toDecimalPlaces(2, DECIMAL_JS_MODE[mode]));
  }
  return total.toFixed(2);
}

describe('sumProductsColumn()', () => {
  it('is exact in every mode, per-line rates or one compiled rate', () => {
    fc.assert(
      fc.property(linesArb, modeArb, (lines, mode) => {
        const cents = Float64Array.from(lines.map(([c]) => c));
        const rates = toRateColumn(lines.map(([, r]) => r));
        const got = sumProductsColumn(cents, rates, { currency: 'USD', rounding: mode });
        expect(new Exact(got.amount).eq(oracle(lines, mode))).toBe(true);
        const one = lines[0]?.[1] ?? '0.05';
        const single = sumProductsColumn(cents, compileRate(one), { currency: 'USD', rounding: mode });
        expect(
          new Exact(single.amount).eq(
            oracle(
              lines.map(([c]) => [c, one] as const),
              mode,
            ),
          ),
        ).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('merge = whole: the sums of any two parts add up to the sum of the column', () => {
    fc.assert(
      fc.property(linesArb, fc.nat(), modeArb, (lines, cut, mode) => {
        const k = cut % (lines.length + 1);
        const sumOf = (part: typeof lines) =>
          sumProductsColumn(Float64Array.from(part.map(([c]) => c)), toRateColumn(part.map(([, r]) => r)), {
            currency: 'USD',
            rounding: mode,
          }).amount;
        const whole = new Exact(sumOf(lines));
        expect(whole.eq(new Exact(sumOf(lines.slice(0, k))).plus(sumOf(lines.slice(k))))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('gives what sumProducts gives on the Money lines, and Int32Array what Float64Array gives', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), rateArb)),
        modeArb,
        (lines, mode) => {
          const money = lines.map(([c]) => fromMinorUnits(c, 'USD'));
          const cents = toMinorUnitsColumn(money, 'USD');
          expect(Array.from(cents)).toEqual(lines.map(([c]) => c));
          const rates = lines.map(([, r]) => r);
          const want = sumProducts(money, rates, { currency: 'USD', rounding: mode });
          expect(sumProductsColumn(cents, toRateColumn(rates), { currency: 'USD', rounding: mode })).toEqual(want);
          expect(
            sumProductsColumn(Int32Array.from(cents), toRateColumn(rates), { currency: 'USD', rounding: mode }),
          ).toEqual(want);
        },
      ),
      { numRuns: 300 },
    );
  });
});
