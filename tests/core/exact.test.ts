/**
 * The exact calculator (src/core/exact.ts) at its edges, with values worked out by hand: the
 * spill from a safe-integer `number` to a `bigint` at ±(2^53 − 1) = ±9,007,199,254,740,991 and
 * back (an Int is canonical: a number exactly when it is safe), no `-0` out of any operation,
 * the tables of powers of ten at their ends (10^15 as a number, 10^16 as a bigint; 10^40 and
 * 10^41), and each branch of the rounding division.
 */
import { describe, expect, it } from 'vitest';
import {
  EXACT_ZERO,
  exactAbs,
  exactAdd,
  exactCompare,
  exactDivRound,
  exactIsZero,
  exactMul,
  exactNeg,
  exactRescale,
  exactRound,
  exactSub,
  exactTrim,
  fromBig,
  intAdd,
  intCompare,
  intMul,
  intNeg,
  intRoundDiv,
  intScale,
  intSign,
  intSub,
  isMultipleOf10,
  pow10Big,
  pow10Int,
  roundDivNumber,
  toBig,
} from '../../src/core/exact.js';

const MAX = Number.MAX_SAFE_INTEGER; // 9007199254740991
const MAX_BIG = 9_007_199_254_740_991n;

/** Expects `x` to be the number `n`, and not -0. */
const isNumber = (x: unknown, n: number): void => {
  expect(typeof x).toBe('number');
  expect(Object.is(x, n)).toBe(true);
};

describe('powers of ten', () => {
  it('pow10Int is a number up to 10^15 and a bigint from 10^16', () => {
    isNumber(pow10Int(0), 1);
    isNumber(pow10Int(15), 1e15);
    expect(pow10Int(16)).toBe(10_000_000_000_000_000n);
  });
  it('pow10Big is exact from its table (to 10^40) and beyond it', () => {
    expect(pow10Big(0)).toBe(1n);
    expect(pow10Big(40)).toBe(10n ** 40n);
    expect(pow10Big(41)).toBe(100_000_000_000_000_000_000_000_000_000_000_000_000_000n);
  });
});

describe('canonical Ints', () => {
  it('fromBig gives a number exactly within ±(2^53 − 1)', () => {
    isNumber(fromBig(MAX_BIG), MAX);
    isNumber(fromBig(-MAX_BIG), -MAX);
    expect(fromBig(MAX_BIG + 1n)).toBe(9_007_199_254_740_992n);
    expect(fromBig(-MAX_BIG - 1n)).toBe(-9_007_199_254_740_992n);
    isNumber(fromBig(0n), 0);
  });
  it('toBig', () => {
    expect(toBig(7)).toBe(7n);
    expect(toBig(-(2n ** 60n))).toBe(-(2n ** 60n));
  });
});

describe('intAdd, intSub, intMul, intNeg, intScale across 2^53', () => {
  it('intAdd stays a number up to MAX and spills to a bigint one past it, both signs', () => {
    isNumber(intAdd(MAX - 1, 1), MAX);
    expect(intAdd(MAX, 1)).toBe(9_007_199_254_740_992n);
    expect(intAdd(MAX, 2)).toBe(9_007_199_254_740_993n); // a float sum would say ...992
    isNumber(intAdd(-MAX + 1, -1), -MAX);
    expect(intAdd(-MAX, -2)).toBe(-9_007_199_254_740_993n);
    // a bigint sum that comes back into range is a number again
    isNumber(intAdd(2n ** 60n, -(2n ** 60n) + 5n), 5);
    isNumber(intAdd(MAX_BIG + 1n, -1), MAX);
  });

  it('intSub: never -0; spills like intAdd', () => {
    isNumber(intSub(-0, 0), 0);
    isNumber(intSub(5, 5), 0);
    isNumber(intSub(-MAX + 1, 1), -MAX);
    expect(intSub(MAX, -1)).toBe(9_007_199_254_740_992n);
    expect(intSub(-MAX, 2)).toBe(-9_007_199_254_740_993n);
    isNumber(intSub(MAX_BIG + 1n, 1), MAX);
  });

  it('intMul: 2^26 × 2^27 = 2^53 is a bigint; a zero product is +0', () => {
    expect(intMul(2 ** 26, 2 ** 27)).toBe(9_007_199_254_740_992n);
    expect(intMul(-(2 ** 26), 2 ** 27)).toBe(-9_007_199_254_740_992n);
    isNumber(intMul(MAX, 1), MAX);
    isNumber(intMul(-MAX, 1), -MAX);
    isNumber(intMul(-3, 0), 0);
    // 94906265 × 94906266 = 9007199231156490 (safe); 94906266 × 94906267 = 9007199420969022 (not)
    isNumber(intMul(94_906_265, 94_906_266), 9_007_199_231_156_490);
    expect(intMul(94_906_266, 94_906_267)).toBe(9_007_199_420_969_022n);
    // 3 × 3002399751580331 = 9007199254740993 (MAX + 2): exact as a bigint, not the double ...992
    expect(intMul(3, 3_002_399_751_580_331)).toBe(9_007_199_254_740_993n);
    isNumber(intMul(2n ** 60n, 0), 0);
  });

  it('intNeg: 0 stays +0; a bigint stays a bigint', () => {
    isNumber(intNeg(0), 0);
    isNumber(intNeg(-7), 7);
    expect(intNeg(MAX_BIG + 1n)).toBe(-9_007_199_254_740_992n);
  });

  it('intScale: by 10^0 the same Int; a number up to 10^15; beyond, a bigint', () => {
    expect(intScale(2n ** 60n, 0)).toBe(2n ** 60n);
    isNumber(intScale(9, 15), 9e15);
    expect(intScale(10, 15)).toBe(10_000_000_000_000_000n); // 10^16 > MAX
    expect(intScale(3, 16)).toBe(30_000_000_000_000_000n);
    isNumber(intScale(0, 20), 0);
  });

  it('intSign and intCompare across number and bigint', () => {
    expect([intSign(5n), intSign(-(2n ** 60n)), intSign(0), intSign(-3)]).toEqual([1, -1, 0, -1]);
    expect([intCompare(2n ** 60n, MAX), intCompare(MAX, 2n ** 60n), intCompare(4, 4), intCompare(4n, 4)]).toEqual([
      1, -1, 0, 0,
    ]);
  });
});

describe('rounding division, branch by branch', () => {
  // 7 / 2 = 3.5, -7 / 2 = -3.5 (ties); 7 / 3 = 2.33…; 8 / 3 = 2.66…; 5 / 2 = 2.5 (an even truncation)
  const cases: [number, number, Record<string, number>][] = [
    [
      7,
      2,
      {
        halfAwayFromZero: 4,
        halfEven: 4,
        halfTowardZero: 3,
        halfUp: 4,
        halfDown: 3,
        awayFromZero: 4,
        towardZero: 3,
        ceiling: 4,
        floor: 3,
      },
    ],
    [
      -7,
      2,
      {
        halfAwayFromZero: -4,
        halfEven: -4,
        halfTowardZero: -3,
        halfUp: -3,
        halfDown: -4,
        awayFromZero: -4,
        towardZero: -3,
        ceiling: -3,
        floor: -4,
      },
    ],
    [5, 2, { halfEven: 2, halfAwayFromZero: 3 }],
    [-5, 2, { halfEven: -2, halfAwayFromZero: -3 }],
    [7, 3, { halfAwayFromZero: 2, halfTowardZero: 2, awayFromZero: 3, ceiling: 3, floor: 2 }],
    [8, 3, { halfAwayFromZero: 3, halfTowardZero: 3, towardZero: 2, floor: 2 }],
    [-8, 3, { halfAwayFromZero: -3, towardZero: -2, ceiling: -2, floor: -3 }],
  ];
  it.each(cases)('%i / %i', (n, d, expected) => {
    for (const [mode, q] of Object.entries(expected)) {
      isNumber(roundDivNumber(n, d, mode as never), q);
      expect(intRoundDiv(BigInt(n), BigInt(d), mode as never)).toBe(q); // the bigint path, canonical number
    }
  });

  it('a quotient of zero is +0, whatever the sign of n', () => {
    isNumber(roundDivNumber(-4, 5, 'towardZero'), 0);
    isNumber(roundDivNumber(-2, 5, 'halfAwayFromZero'), 0);
    isNumber(roundDivNumber(-0, 5, 'floor'), 0);
    isNumber(roundDivNumber(-10, 5, 'floor'), -2);
  });

  it('the float quotient is corrected by the exact remainder just below and above 2^52', () => {
    const HALF = 2 ** 52; // 4503599627370496
    // (2^52 − 1) / 3 = 1501199875790165 exactly; (2^52 + 1) / 3 = 1501199875790165.67 (the slow path)
    isNumber(roundDivNumber(HALF - 1, 3, 'floor'), 1_501_199_875_790_165);
    isNumber(roundDivNumber(HALF + 1, 3, 'floor'), 1_501_199_875_790_165);
    isNumber(roundDivNumber(HALF + 1, 3, 'ceiling'), 1_501_199_875_790_166);
    isNumber(roundDivNumber(-(HALF + 1), 3, 'ceiling'), -1_501_199_875_790_165);
    isNumber(roundDivNumber(-(HALF + 1), 3, 'floor'), -1_501_199_875_790_166);
    // MAX / 2 = 4503599627370495.5: a tie at the top of the safe range
    isNumber(roundDivNumber(MAX, 2, 'halfEven'), 4_503_599_627_370_496);
    isNumber(roundDivNumber(MAX, 2, 'halfTowardZero'), 4_503_599_627_370_495);
    isNumber(roundDivNumber(-MAX, 2, 'halfUp'), -4_503_599_627_370_495);
    // a divisor above 2^52 takes the slow path too: (2^52 + 3) / (2^52 + 1) = 1.000…
    isNumber(roundDivNumber(HALF + 3, HALF + 1, 'ceiling'), 2);
    isNumber(roundDivNumber(HALF - 5, HALF + 1, 'floor'), 0);
    // n and d near 2^52 where the float quotient of n / d rounds up to a whole number: 2^52 − 1 over 2^52 − 2
    isNumber(roundDivNumber(HALF - 1, HALF - 2, 'floor'), 1);
    isNumber(roundDivNumber(-(HALF - 1), HALF - 2, 'ceiling'), -1);
  });

  it('isMultipleOf10', () => {
    expect([0, 10, -10, 9_007_199_254_740_990, 15, -15, 1, MAX].map(isMultipleOf10)).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('exact decimals', () => {
  const x = (int: number | bigint, scale: number) => ({ int, scale });

  it('exactRescale: the same Int at its own scale, times 10^k above it', () => {
    expect(exactRescale(x(2n ** 60n, 3), 3)).toBe(2n ** 60n);
    isNumber(exactRescale(x(125, 1), 3), 12_500);
  });

  it('exactAdd and exactSub align the scales, in either order', () => {
    // 1.25 + 0.5 = 1.75; 0.5 + 1.25 = 1.75; 1.25 − 0.5 = 0.75; 0.5 − 1.25 = −0.75
    expect(exactAdd(x(125, 2), x(5, 1))).toEqual(x(175, 2));
    expect(exactAdd(x(5, 1), x(125, 2))).toEqual(x(175, 2));
    expect(exactSub(x(125, 2), x(5, 1))).toEqual(x(75, 2));
    expect(exactSub(x(5, 1), x(125, 2))).toEqual(x(-75, 2));
    expect(exactAdd(x(MAX, 0), x(1, 0))).toEqual(x(9_007_199_254_740_992n, 0));
  });

  it('exactMul adds the scales and spills past 2^53', () => {
    expect(exactMul(x(15, 1), x(25, 2))).toEqual(x(375, 3));
    expect(exactMul(x(2 ** 26, 1), x(2 ** 27, 1))).toEqual(x(9_007_199_254_740_992n, 2));
    expect(exactMul(x(-3, 0), x(0, 4))).toEqual(x(0, 4));
    expect(Object.is(exactMul(x(-3, 0), x(0, 4)).int, 0)).toBe(true);
    expect(exactMul(x(2n ** 60n, 0), x(2, 1))).toEqual(x(2n ** 61n, 1));
  });

  it('exactNeg and exactAbs', () => {
    expect(exactNeg(x(5, 2))).toEqual(x(-5, 2));
    expect(exactAbs(x(-5, 2))).toEqual(x(5, 2));
    const positive = x(5, 2);
    expect(exactAbs(positive)).toBe(positive);
    expect(exactAbs(x(-(2n ** 60n), 0))).toEqual(x(2n ** 60n, 0));
    expect(exactAbs(x(0, 0))).toEqual(x(0, 0));
  });

  it('exactCompare across scales, in either order', () => {
    // 1.5 vs 1.25; 1.25 vs 1.5; 1.50 vs 1.5
    expect([
      exactCompare(x(15, 1), x(125, 2)),
      exactCompare(x(125, 2), x(15, 1)),
      exactCompare(x(150, 2), x(15, 1)),
      exactCompare(x(15, 1), x(150, 2)),
    ]).toEqual([1, -1, 0, 0]);
  });

  it('exactRound: fewer digits are re-expressed, the same scale is kept as it is, more are rounded once', () => {
    expect(exactRound(x(15, 1), 3, 'halfEven')).toEqual(x(1500, 3));
    const same = x(15, 1);
    expect(exactRound(same, 1, 'halfEven')).toBe(same);
    // 1.25 → 1.2 (halfEven) / 1.3 (halfAwayFromZero); 1.251 → 1.3
    expect(exactRound(x(125, 2), 1, 'halfEven')).toEqual(x(12, 1));
    expect(exactRound(x(125, 2), 1, 'halfAwayFromZero')).toEqual(x(13, 1));
    expect(exactRound(x(1251, 3), 1, 'halfEven')).toEqual(x(13, 1));
    // 17 decimals dropped: 10^17 is a bigint divisor
    expect(exactRound(x(150_000_000_000_000_000n, 17), 0, 'floor')).toEqual(x(1, 0));
  });

  it('exactDivRound: a negative divisor flips both signs first', () => {
    // 1 / 3 = 0.333… → 0.33; 1 / −3 → −0.33; −2 / −3 = 0.666… → 0.67; 1.5 / 0.25 = 6
    expect(exactDivRound(x(1, 0), x(3, 0), 2, 'halfAwayFromZero')).toEqual(x(33, 2));
    expect(exactDivRound(x(1, 0), x(-3, 0), 2, 'halfAwayFromZero')).toEqual(x(-33, 2));
    expect(exactDivRound(x(-2, 0), x(-3, 0), 2, 'halfAwayFromZero')).toEqual(x(67, 2));
    expect(exactDivRound(x(15, 1), x(25, 2), 0, 'halfEven')).toEqual(x(6, 0));
    // 1 / −8 = −0.125 → −0.13 with ceiling is wrong; ceiling goes up: −0.12
    expect(exactDivRound(x(1, 0), x(-8, 0), 2, 'ceiling')).toEqual(x(-12, 2));
  });

  it('exactTrim drops trailing zeros, to a number again when the bigint shrinks into range', () => {
    expect(exactTrim(x(0, 5))).toBe(EXACT_ZERO);
    expect(exactTrim(x(0n, 5))).toBe(EXACT_ZERO);
    const whole = x(1500, 0);
    expect(exactTrim(whole)).toBe(whole);
    expect(exactTrim(x(1500, 3))).toEqual(x(15, 1));
    expect(exactTrim(x(-1500, 2))).toEqual(x(-15, 0));
    // trimming stops at scale 0 even when the integer still ends in zeros: 150.0 → 150, not 15 × 10^1
    expect(exactTrim(x(1500, 1))).toEqual(x(150, 0));
    expect(exactTrim(x(10n ** 20n, 1))).toEqual(x(10n ** 19n, 0));
    const tight = x(1234, 2);
    expect(exactTrim(tight)).toBe(tight);
    // 2^60 × 1000 at scale 3 is 2^60; 10^20 at scale 18 is 100
    expect(exactTrim(x(2n ** 60n * 1000n, 3))).toEqual(x(2n ** 60n, 0));
    expect(exactTrim(x(10n ** 20n, 18))).toEqual(x(100, 0));
    isNumber(exactTrim(x(10n ** 20n, 18)).int, 100);
    // stops at scale 0, and where a digit is not zero
    expect(exactTrim(x(10n ** 20n + 10n, 3))).toEqual(x(10n ** 19n + 1n, 2));
    const bigTight = x(10n ** 20n + 1n, 3);
    expect(exactTrim(bigTight)).toBe(bigTight);
  });

  it('exactIsZero for a number and a bigint zero', () => {
    expect([exactIsZero(x(0, 3)), exactIsZero(x(0n, 0)), exactIsZero(x(1, 0)), exactIsZero(x(2n ** 60n, 0))]).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
});
