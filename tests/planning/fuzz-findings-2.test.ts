/**
 * Regression tests for the second pass over the planning findings of the long fuzz run (issue 14),
 * with the exact inputs the run reported.
 */
import { describe, expect, it } from 'vitest';
import { capacityPlan, lmdiDecomposition, logarithmicMean } from '../../src/planning/index.js';
import { arrayWithConstructor } from '../fuzz/values.js';
import { thrown } from '../thrown.js';

const usd = (amount: string) => ({ amount, currency: 'USD' as const });
/** |actual − expected| ≤ 1e-12 · |expected|, for each named value. */
function expectRelative(actual: Record<string, number>, expected: Record<string, number>): void {
  for (const [k, e] of Object.entries(expected)) {
    expect(Math.abs((actual[k] as number) - e), k).toBeLessThanOrEqual(1e-12 * Math.abs(e));
  }
}

describe('logarithmicMean when a / b overflows or underflows', () => {
  it('L(1, 5e-324) = L(5e-324, 1) = 1 / 744.44… (was 0 one way round)', () => {
    // (1 − 5e-324) / (ln 1 − ln 5e-324) = 1 / 744.4400719213812; Python: 1 / -math.log(5e-324) and, at 60
    // digits, Decimal(1) / -Decimal(5e-324).ln() = 0.00134329147196365307…
    expect(logarithmicMean(1, 5e-324)).toBe(0.0013432914719636532);
    expect(logarithmicMean(5e-324, 1)).toBe(0.0013432914719636532);
  });

  it('L(1e300, 1e-300) = 1e300 / ln 1e600 (was 0)', () => {
    // ln 1e600 = 600 · ln 10 = 1381.5510557964274; 1e300 / 1381.55… = 7.238241365054197e296 (Python)
    expect(logarithmicMean(1e300, 1e-300) / 7.238241365054197e296).toBeCloseTo(1, 14);
  });
});

describe('lmdiDecomposition with a factor of 5e-324: the exact decomposition (was NaN, then refused)', () => {
  // Expected effects computed independently with Python's decimal module at 60 digits on the exact binary
  // values of the inputs: V⁰ and Vᵀ as exact products, L = (Vᵀ − V⁰) / ln(Vᵀ / V⁰), effect = L · ln(xᵀ / x⁰).
  const sum = (e: Record<string, number>) => Object.values(e).reduce((s, x) => s + x, 0);

  it('base.conversion 5e-324 (the fuzz input): conversion carries the change', () => {
    const base = { activities: 400, conversion: 5e-324, winRate: 0.25, dealSize: 20000 };
    const target = { activities: 300, conversion: 0.12, winRate: 0.2, dealSize: 25000 };
    const d = lmdiDecomposition(base, target);
    expectRelative(d.effects, {
      activities: -69.78508235032498,
      conversion: 180069.78508235034,
      winRate: -54.12951516822852,
      dealSize: 54.12951516822854,
    });
    expect(sum(d.effects)).toBeCloseTo(d.change, 6);
  });

  it('base.dealSize 5e-324 against target.conversion 9007199254740991 (the fuzz input)', () => {
    const base = { activities: 400, conversion: 0.1, winRate: 0.25, dealSize: 5e-324 };
    const target = { activities: 300, conversion: 9007199254740991, winRate: 0.2, dealSize: 25000 };
    const d = lmdiDecomposition(base, target);
    expectRelative(d.effects, {
      activities: -4.900816842441177e18,
      conversion: 6.650566618336769e20,
      winRate: -3.8013688696090527e18,
      dealSize: 1.285444440598986e22,
    });
    expectRelative({ change: d.change }, { change: 1.3510798882111488e22 });
    expect(Math.abs(sum(d.effects) - d.change)).toBeLessThanOrEqual(1e-12 * d.change);
  });

  it('a subnormal product (activities 400.5, conversion 5e-324): the effects still add up to the change', () => {
    // 400.5 × 5e-324 rounds to 400 × 5e-324 in double precision, so ln(Vᵀ / V⁰) from the products is off by
    // ln(400.5 / 400) = 0.00125 and the effects summed to 179,999.697 before; LMDI's law is Σ effects = ΔV.
    const base = { activities: 400.5, conversion: 5e-324, winRate: 0.25, dealSize: 20000 };
    const target = { activities: 300, conversion: 0.12, winRate: 0.2, dealSize: 25000 };
    const d = lmdiDecomposition(base, target);
    expect(sum(d.effects)).toBeCloseTo(d.change, 6);
    expect(Object.values(d.effects).every(Number.isFinite)).toBe(true);
  });

  it('products whose ratio overflows (1e-200 to 1e200): two equal effects of 5e199 (were 0 and 0)', () => {
    // ln(1e100 / 1e-100) is the same for x and y, so each carries half of ΔV = 1e200 − 1e-200 = 1e200
    const d = lmdiDecomposition({ x: 1e-100, y: 1e-100 }, { x: 1e100, y: 1e100 });
    expectRelative(d.effects, { x: 5e199, y: 5e199 });
  });

  it('a product through the subnormal range is rounded once: V⁰ = 1.1125369292536007e-308 (was twice that)', () => {
    // Python: the exact product of the four doubles with Decimal at 60 digits, rounded to a double, is
    // 1.1125369292536007e-308; multiplying left to right rounds 5e-324 × 2.85e154 × 1.75e-155 to 5e-324 first
    // and gives 2.2250738585072014e-308
    const base = { a: 5e-324, b: 2.8531733879244376e154, c: 1.7524346824352262e-155, d: 4503599627370495.5 };
    const d = lmdiDecomposition(base, { a: 1, b: 1, c: 1, d: 1 });
    expect(d.base).toBe(1.1125369292536007e-308);
    expect(Object.values(d.effects).reduce((s, x) => s + x, 0)).toBeCloseTo(d.change, 12);
  });

  it('an effect beyond double range is still refused, naming the factor', () => {
    // V⁰ = 1, Vᵀ = 1.7e308: L ≈ 2.4e305, and x's effect L · ln(1e600) ≈ 3.3e308 overflows
    const e = thrown(() => lmdiDecomposition({ x: 1e-300, y: 1e300 }, { x: 1e300, y: 1.7e8 }));
    expect(e).toMatchObject({ name: 'RevopsError', code: 'INVALID_INPUT', field: 'base.x' });
  });
});

describe('capacityPlan with the fuzz run’s arrays carrying an own constructor', () => {
  const inputs = {
    target: usd('480000.00'),
    months: 6,
    quota: usd('50000.00'),
    attainment: 0.8,
    ramp: [0, 0.5],
    startingTeam: 10,
  };

  it('target ["1", "2"] with constructor: 1: INVALID_INPUT naming inputs.target[0] (was a TypeError)', () => {
    const target = arrayWithConstructor(['1', '2'], 1);
    expect(thrown(() => capacityPlan({ ...inputs, target } as never))).toMatchObject({
      name: 'RevopsError',
      code: 'INVALID_INPUT',
      field: 'inputs.target[0]',
    });
  });

  it('target [1, "1e1000", "1e3"] with constructor: 1: INVALID_INPUT naming inputs.target[0]', () => {
    const target = arrayWithConstructor([1, '1e1000', '1e3'], 1);
    expect(thrown(() => capacityPlan({ ...inputs, target } as never))).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'inputs.target[0]',
    });
  });

  it('startingTeam [1, "1e1000", "1e3"] with constructor: 1 (and ramp with constructor: 7): INVALID_COUNT', () => {
    const startingTeam = Object.assign(arrayWithConstructor([1, '1e1000', '1e3'], 1), { NaN: 1.5 });
    for (const ramp of [inputs.ramp, arrayWithConstructor([0, 0.5], 7)]) {
      expect(thrown(() => capacityPlan({ ...inputs, ramp, startingTeam } as never))).toMatchObject({
        code: 'INVALID_COUNT',
        field: 'inputs.startingTeam[1]',
      });
    }
  });
});
