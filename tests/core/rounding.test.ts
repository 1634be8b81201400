/**
 * Every rounding mode on ±2.5, ±2.4, ±2.6, ±3.5, ±0.5 and integers, checked against the table
 * in the TSDoc of src/core/rounding.ts, through roundRational (BigInt), roundDivSafe (safe
 * integers) and roundMoney (JPY, 0 minor digits).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_ROUNDING, ROUNDING_MODES, money, roundMoney, type RoundingMode } from '../../src/core/index.js';
import { roundRational } from '../../src/core/rounding.js';
import { roundDivNumber as roundDivSafe } from '../../src/core/exact.js';

const VALUES = ['2.5', '-2.5', '2.4', '-2.4', '2.6', '-2.6', '3.5', '-3.5', '0.5', '-0.5', '2', '-2'] as const;

// Computed by hand from each mode's definition; the first four columns (2.5, -2.5, 2.4, -2.6)
// are the table in src/core/rounding.ts.
const EXPECTED: Record<RoundingMode, readonly number[]> = {
  //                 2.5 -2.5 2.4 -2.4 2.6 -2.6 3.5 -3.5 0.5 -0.5  2  -2
  halfAwayFromZero: [3, -3, 2, -2, 3, -3, 4, -4, 1, -1, 2, -2],
  halfEven: /*   */ [2, -2, 2, -2, 3, -3, 4, -4, 0, 0, 2, -2],
  halfTowardZero: [2, -2, 2, -2, 3, -3, 3, -3, 0, 0, 2, -2],
  halfUp: /*     */ [3, -2, 2, -2, 3, -3, 4, -3, 1, 0, 2, -2],
  halfDown: /*   */ [2, -3, 2, -2, 3, -3, 3, -4, 0, -1, 2, -2],
  awayFromZero: [3, -3, 3, -3, 3, -3, 4, -4, 1, -1, 2, -2],
  towardZero: /* */ [2, -2, 2, -2, 2, -2, 3, -3, 0, 0, 2, -2],
  ceiling: /*    */ [3, -2, 3, -2, 3, -2, 4, -3, 1, 0, 2, -2],
  floor: /*      */ [2, -3, 2, -3, 2, -3, 3, -4, 0, -1, 2, -2],
};

const tenths = (v: string): number => Math.round(Number(v) * 10);

describe('rounding modes', () => {
  it('lists nine modes; the default is halfAwayFromZero (spreadsheet ROUND)', () => {
    expect([...ROUNDING_MODES].sort()).toEqual(Object.keys(EXPECTED).sort());
    expect(DEFAULT_ROUNDING).toBe('halfAwayFromZero');
  });

  for (const mode of ROUNDING_MODES) {
    it(`${mode} matches the table (roundRational, roundDivSafe, roundMoney in JPY)`, () => {
      const want = EXPECTED[mode];
      VALUES.forEach((v, i) => {
        const expected = want[i] as number;
        expect(roundRational(BigInt(tenths(v)), 10n, mode), `${mode}(${v})`).toBe(BigInt(expected));
        expect(roundDivSafe(tenths(v), 10, mode) + 0, `${mode}(${v}) safe`).toBe(expected);
        expect(roundMoney(money(v, 'JPY'), mode).amount, `${mode}(${v}) money`).toBe(String(expected));
      });
    });
  }

  it('rounds rationals that are not decimals: ±1/3, ±2/3 and exact halves of odd denominators', () => {
    // computed by hand: 1/3 = 0.33 → 0 (half modes), 2/3 → 1, 5/2 = 2.5 ties
    expect(roundRational(1n, 3n, 'halfAwayFromZero')).toBe(0n);
    expect(roundRational(2n, 3n, 'halfAwayFromZero')).toBe(1n);
    expect(roundRational(-2n, 3n, 'halfTowardZero')).toBe(-1n);
    expect(roundRational(-1n, 3n, 'floor')).toBe(-1n);
    expect(roundRational(-1n, 3n, 'ceiling')).toBe(0n);
    expect(roundRational(7n, 2n, 'halfEven')).toBe(4n); // 3.5 → 4
    expect(roundRational(9n, 2n, 'halfEven')).toBe(4n); // 4.5 → 4
    expect(roundRational(12n, 4n, 'awayFromZero')).toBe(3n); // exact: no step
  });
});
