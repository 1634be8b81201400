/**
 * The exact calculator (src/core/exact.ts, decimal-text.ts, exact-sum.ts) against an
 * independent oracle: a private decimal.js clone with 200 significant digits. Integers cover
 * the safe-integer range and far past it, so both the number and the BigInt spill are checked.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  exactFromNumber,
  formatDecimal,
  formatExact,
  parseDecimalText,
  readDecimal,
} from '../../src/core/decimal-text.js';
import {
  exactAdd,
  exactCompare,
  exactDivRound,
  exactMul,
  exactRound,
  exactSub,
  exactTrim,
  intAdd,
  intMul,
  intRoundDiv,
  intSub,
  type Exact,
} from '../../src/core/exact.js';
import { addDecimalStrings, ExactSum } from '../../src/core/exact-sum.js';
import { ROUNDING_MODES } from '../../src/core/index.js';
import { decimalStringArb, Exact as Oracle } from './arbitraries.js';
import { DECIMAL_JS_MODE } from './oracle-modes.js';

const text = decimalStringArb(12);
const oracle = (x: Exact): InstanceType<typeof Oracle> => new Oracle(formatExact(x));
const read = (t: string): Exact => readDecimal(t);
const modeArb = fc.constantFrom(...ROUNDING_MODES);

describe('parse and format', () => {
  it('round-trips: format(parse(t)) has the value of t, and parse(format(x)) = x', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 6 }), (t, minScale) => {
        const x = read(t);
        expect(oracle(x).eq(new Oracle(t))).toBe(true);
        const printed = formatExact(x, minScale);
        expect(new Oracle(printed).eq(new Oracle(t))).toBe(true);
        expect(exactCompare(read(printed), x)).toBe(0);
        // at least minScale decimals, no trailing zero beyond them, never -0, never an exponent
        const decimals = printed.includes('.') ? printed.length - printed.indexOf('.') - 1 : 0;
        expect(decimals).toBeGreaterThanOrEqual(minScale);
        if (decimals > minScale) expect(printed.endsWith('0')).toBe(false);
        expect(printed).not.toMatch(/^-0(\.0*)?$|e/i);
      }),
      { numRuns: 1000 },
    );
  });

  it('reads a double as its shortest round-trip decimal (String(x)), without a string when it can', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(oracle(exactFromNumber(x)).eq(new Oracle(String(x)))).toBe(true);
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 10 }), (m, s) => {
        const x = m / 10 ** s; // the doubles a plan or a price list writes: few decimals
        expect(oracle(exactFromNumber(x)).eq(new Oracle(String(x)))).toBe(true);
      }),
      { numRuns: 2000 },
    );

    // below 1 (rates, shares): the same decimal with the same scale as String(x) writes it
    const sub1 = fc.oneof(
      fc.tuple(fc.integer({ min: 1, max: 999_999_999 }), fc.integer({ min: 9, max: 15 })).map(([m, s]) => m / 10 ** s),
      fc.double({ min: 1e-7, max: 1, maxExcluded: true, noNaN: true }),
    );
    fc.assert(
      fc.property(sub1, fc.boolean(), (ax, negative) => {
        const x = negative ? -ax : ax;
        const e = exactFromNumber(x);
        expect(oracle(e).eq(new Oracle(String(x)))).toBe(true);
        const text = String(x);
        if (!text.includes('e')) expect(e.scale).toBe(text.length - text.indexOf('.') - 1);
      }),
      { numRuns: 3000 },
    );
  });

  it('accepts exponents and refuses what is not a decimal', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: -30, max: 30 }), (t, e) => {
        const x = parseDecimalText(`${t}e${e}`);
        expect(typeof x).toBe('object');
        expect(oracle(x as Exact).eq(new Oracle(`${t}e${e}`))).toBe(true);
      }),
    );
    for (const bad of ['', '-', '.', 'e1', '1e', '1e+', '1..2', '1.2.3', '--1', '1 ', ' 1', '0x10', '1_000']) {
      expect(parseDecimalText(bad), bad).toBe('malformed');
    }
  });
});

describe('the calculator', () => {
  it('adds, subtracts and multiplies exactly', () => {
    fc.assert(
      fc.property(text, text, (s, t) => {
        const a = read(s);
        const b = read(t);
        expect(oracle(exactAdd(a, b)).eq(new Oracle(s).plus(t))).toBe(true);
        expect(oracle(exactSub(a, b)).eq(new Oracle(s).minus(t))).toBe(true);
        expect(oracle(exactMul(a, b)).eq(new Oracle(s).times(t))).toBe(true);
        expect(exactCompare(a, b)).toBe(new Oracle(s).comparedTo(t));
      }),
      { numRuns: 1000 },
    );
  });

  it('rounds once, in every mode, as decimal.js does', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 6 }), modeArb, (s, scale, mode) => {
        const want = new Oracle(s).toDecimalPlaces(scale, DECIMAL_JS_MODE[mode]);
        const got = exactRound(read(s), scale, mode);
        expect(got.scale).toBe(scale);
        expect(oracle(got).eq(want)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('divides with one rounding, in every mode, as decimal.js does', () => {
    fc.assert(
      fc.property(text, text, fc.integer({ min: 0, max: 6 }), modeArb, (s, t, scale, mode) => {
        fc.pre(!new Oracle(t).isZero());
        const want = new Oracle(s).div(t).toDecimalPlaces(scale, DECIMAL_JS_MODE[mode]);
        // 200 digits are enough for these quotients to be rounded correctly by the oracle
        expect(oracle(exactDivRound(read(s), read(t), scale, mode)).eq(want)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('intRoundDiv agrees between the number and the BigInt path', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }),
        fc.integer({ min: 1, max: 10 ** 15 }),
        modeArb,
        (n, d, mode) => {
          expect(BigInt(intRoundDiv(n, d, mode))).toBe(BigInt(intRoundDiv(BigInt(n), BigInt(d), mode)));
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('ExactSum and addDecimalStrings', () => {
  it('sum exactly, and merging two partial sums gives the whole (any split)', () => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 40 }), fc.nat(), fc.integer({ min: 0, max: 4 }), (list, cut, scale) => {
        const k = list.length === 0 ? 0 : cut % (list.length + 1);
        const whole = new ExactSum(scale);
        const left = new ExactSum(scale);
        const right = new ExactSum(scale);
        let want = new Oracle(0);
        list.forEach((t, i) => {
          whole.add(t);
          (i < k ? left : right).add(t);
          want = want.plus(t);
        });
        expect(oracle(whole.value()).eq(want)).toBe(true);
        const merged = addDecimalStrings(left.toString(), right.toString());
        expect(merged).toBe(whole.toString());
        expect(exactTrim(whole.value())).toEqual(whole.value());
      }),
      { numRuns: 500 },
    );
  });

  it('spills past 2^53 without losing a unit', () => {
    const total = new ExactSum(2);
    for (let i = 0; i < 4; i++) total.addUnits(2 ** 53 - 1);
    total.add('0.001');
    // computed by hand: 4 × (2^53 − 1) cents = 36028797018963964 cents, plus 0.001
    expect(total.toString()).toBe('360287970189639.641');
    expect(formatDecimal(-5, 3, 2)).toBe('-0.005');
  });
});

describe('Int laws across the safe-integer edge (canonical form, independent rounding oracle)', () => {
  const MAX_BIG = BigInt(Number.MAX_SAFE_INTEGER);
  /** Integers clustered where the representation changes: 0, ±2^52, ±(2^53 − 1), and far beyond. */
  const edgeArb: fc.Arbitrary<bigint> = fc.oneof(
    fc.bigInt({ min: -1000n, max: 1000n }),
    fc.bigInt({ min: -1000n, max: 1000n }).map((k) => MAX_BIG + k),
    fc.bigInt({ min: -1000n, max: 1000n }).map((k) => -MAX_BIG + k),
    fc.bigInt({ min: -1000n, max: 1000n }).map((k) => 2n ** 52n + k),
    fc.bigInt({ min: -1000n, max: 1000n }).map((k) => -(2n ** 52n) + k),
    fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }),
  );
  const canonical = (b: bigint): number | bigint => (b >= -MAX_BIG && b <= MAX_BIG ? Number(b) : b);
  /** The Int a caller would hold for `b`: a number when safe. */
  const int = (b: bigint): number | bigint => canonical(b);
  const same = (got: number | bigint, want: bigint): void => {
    const c = canonical(want);
    expect(typeof got).toBe(typeof c);
    expect(Object.is(got, c)).toBe(true); // never -0
  };

  it('intAdd, intSub and intMul are the BigInt results, as a number exactly when safe', () => {
    fc.assert(
      fc.property(edgeArb, edgeArb, (a, b) => {
        same(intAdd(int(a), int(b)), a + b);
        same(intSub(int(a), int(b)), a - b);
        same(intMul(int(a), int(b)), a * b);
      }),
      { numRuns: 3000 },
    );
  });

  /** Rounding from the floor quotient (not the truncating one the library uses). */
  function oracleRound(n: bigint, d: bigint, mode: string): bigint {
    let lower = n / d;
    if (n % d !== 0n && n < 0n) lower -= 1n; // floor
    const rem = n - lower * d;
    if (rem === 0n) return lower;
    const upper = lower + 1n;
    const cmp = 2n * rem < d ? -1 : 2n * rem > d ? 1 : 0;
    const negative = n < 0n;
    switch (mode) {
      case 'ceiling':
        return upper;
      case 'floor':
        return lower;
      case 'towardZero':
        return negative ? upper : lower;
      case 'awayFromZero':
        return negative ? lower : upper;
      default:
        if (cmp < 0) return lower;
        if (cmp > 0) return upper;
        if (mode === 'halfUp') return upper;
        if (mode === 'halfDown') return lower;
        if (mode === 'halfAwayFromZero') return negative ? lower : upper;
        if (mode === 'halfTowardZero') return negative ? upper : lower;
        return lower % 2n === 0n ? lower : upper; // halfEven
    }
  }

  it('intRoundDiv rounds n / d as the floor-based oracle does, in every mode, on both paths', () => {
    const divisorArb = edgeArb.map((d) => (d < 0n ? -d : d)).filter((d) => d > 0n);
    fc.assert(
      fc.property(edgeArb, divisorArb, modeArb, (n, d, mode) => {
        same(intRoundDiv(int(n), int(d), mode), oracleRound(n, d, mode));
        // the same quotient through the bigint path
        same(intRoundDiv(n, d, mode), oracleRound(n, d, mode));
      }),
      { numRuns: 3000 },
    );
  });
});
