/**
 * Commission's exact helpers where StrykerJS found them untested: ties of `minFixed` /
 * `maxFixed`, `divFixed` and `ratioToNumber` with a negative divisor or a divisor at another
 * scale, and `ratioToNumber` on numbers of over 1,000 bits (past a double's range). Expected
 * values are worked out by hand (powers of two, so each double is exact).
 */
import { describe, expect, it } from 'vitest';
import { calculateStatement } from '../../src/commission/index.js';
import { month } from '../../src/core/index.js';
import { credit, member, planOf, usd } from './helpers.js';
import { divFixed, type Fixed, maxFixed, minFixed, ratioToNumber } from '../../src/commission/exact.js';

const f = (int: bigint, scale = 0): Fixed => ({ int, scale });

describe('minFixed / maxFixed', () => {
  it('on a tie give back the first argument (its scale is kept)', () => {
    const one = f(1n);
    const oneAt2 = f(100n, 2);
    expect(minFixed(one, oneAt2)).toBe(one);
    expect(maxFixed(one, oneAt2)).toBe(one);
    expect(minFixed(oneAt2, one)).toBe(oneAt2);
    expect(maxFixed(oneAt2, one)).toBe(oneAt2);
  });

  it('otherwise the smaller / larger: 1.5 and 2', () => {
    expect(minFixed(f(15n, 1), f(2n))).toEqual(f(15n, 1));
    expect(maxFixed(f(15n, 1), f(2n))).toEqual(f(2n));
  });
});

describe('divFixed', () => {
  it('3 / 1.5 = 30 / 15: the numerator is scaled by the divisor’s scale', () => {
    expect(divFixed(f(3n), f(15n, 1))).toEqual({ num: 30n, den: 15n });
  });

  it('a negative divisor moves the sign to the numerator: 3 / −1.5 = −30 / 15', () => {
    expect(divFixed(f(3n), f(-15n, 1))).toEqual({ num: -30n, den: 15n });
    expect(divFixed(f(-3n), f(-15n, 1))).toEqual({ num: 30n, den: 15n });
  });
});

describe('ratioToNumber', () => {
  it('a negative divisor: 3 / −1.5 = −2, −0.3 / −0.15 = 2', () => {
    expect(ratioToNumber(f(3n), f(-15n, 1))).toBe(-2);
    expect(ratioToNumber(f(-3n, 1), f(-15n, 2))).toBe(2);
  });

  it('numbers past a double: 2^1100 / 2^200 = 2^900, and its negative', () => {
    expect(ratioToNumber(f(2n ** 1100n), f(2n ** 200n))).toBe(2 ** 900);
    expect(ratioToNumber(f(-(2n ** 1100n)), f(2n ** 200n))).toBe(-(2 ** 900));
  });

  it('2^1100 / 2^101 = 2^999: the divisor keeps its one top bit', () => {
    expect(ratioToNumber(f(2n ** 1100n), f(2n ** 101n))).toBe(2 ** 999);
    expect(ratioToNumber(f(-(2n ** 1100n)), f(2n ** 101n))).toBe(-(2 ** 999));
  });

  it('2^1100 / 2^100 = 2^1000 (a double: below 2^1024), either sign — it was null', () => {
    expect(ratioToNumber(f(2n ** 1100n), f(2n ** 100n))).toBe(2 ** 1000);
    expect(ratioToNumber(f(-(2n ** 1100n)), f(2n ** 100n))).toBe(-(2 ** 1000));
    expect(ratioToNumber(f(2n ** 1100n), f(-(2n ** 100n)))).toBe(-(2 ** 1000));
  });

  it('past 2^1000 next to a rounding tie: the nearest double, whatever the signs', () => {
    // a double near 2^999 steps by 2^947 (52 bits of fraction), so 2^999 + 2^946 lies halfway between two of them:
    // one more makes the nearest 2^999 + 2^947; one less than the halfway point above 2^999 + 2^947 rounds down to
    // it; near 2^1000 the step is 2^948. The cuts to 1,000 bits must keep each quotient on its side of the tie.
    expect(ratioToNumber(f(2n ** 999n + 2n ** 946n + 1n), f(1n))).toBe(2 ** 999 + 2 ** 947);
    expect(ratioToNumber(f(2n ** 999n + 2n ** 947n + 2n ** 946n - 1n), f(-1n))).toBe(-(2 ** 999 + 2 ** 947));
    expect(ratioToNumber(f(2n ** 1000n + 2n ** 947n + 1n), f(-1n))).toBe(-(2 ** 1000 + 2 ** 948));
    // 2^1000 + 2^948 + 2^947 − 1 over a positive 1: just below the halfway point above 2^1000 + 2^948, so its nearest
    // double (as `Number(bigint)`, which rounds correctly, gives it) is 2^1000 + 2^948, not the even 2^1000 + 2^949
    expect(ratioToNumber(f(2n ** 1000n + 2n ** 948n + 2n ** 947n - 1n), f(1n))).toBe(2 ** 1000 + 2 ** 948);
  });

  it('a quotient near the top of a double: 2^1023 / 1, and 2^1100 / 2^78 = 2^1022 (two halves of the scale)', () => {
    expect(ratioToNumber(f(2n ** 1023n), f(1n))).toBe(2 ** 1023);
    expect(ratioToNumber(f(2n ** 1100n), f(2n ** 78n))).toBe(2 ** 1022);
  });

  it('small quotients: 1 / 2^1100 = 2^−1100 is below the least double (2^−1074): 0; 2^1000 / 2^2000 = 2^−1000', () => {
    expect(ratioToNumber(f(1n), f(2n ** 1100n))).toBe(0);
    expect(ratioToNumber(f(2n ** 1000n), f(2n ** 2000n))).toBe(2 ** -1000);
  });

  it('null when the quotient is past a double: 2^1100 / 1, 2^1024 / 1', () => {
    expect(ratioToNumber(f(2n ** 1100n), f(1n))).toBeNull();
    expect(ratioToNumber(f(2n ** 1024n), f(1n))).toBeNull();
    expect(ratioToNumber(f(-(2n ** 3000n)), f(3n))).toBeNull();
  });
});

describe('a statement’s attainment past 2^1000', () => {
  it('10^302 credited over a quota of 1 is an attainment of 1e302 (it was refused as beyond ±1.8e308)', () => {
    const plan = planOf([{ id: 'c', kind: 'rate', rate: '0' }]);
    const amount = `1${'0'.repeat(302)}`;
    const s = calculateStatement({
      plan,
      member,
      period: month(2026, 1),
      quota: usd('1'),
      credits: [credit('k', amount)],
    });
    expect(s.attainment).toBe(1e302);
  });
});
