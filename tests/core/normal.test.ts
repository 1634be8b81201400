import { describe, expect, it } from 'vitest';
import { criticalValue, erfc, normalCdf, normalQuantile } from '../../src/core/normal.js';

// Reference values: scipy 1.10.1 `scipy.stats.norm.ppf`, `norm.cdf`, `scipy.special.erfc`
// (Debian python3-scipy), printed with repr() on this machine.
const QUANTILES: [number, number][] = [
  [1e-300, -37.0470962993612],
  [1e-20, -9.262340089798409],
  [1e-10, -6.361340902404056],
  [0.001, -3.090232306167813],
  [0.02425, -1.972961051311885],
  [0.025, -1.9599639845400545],
  [0.1, -1.2815515655446004],
  [0.3, -0.5244005127080409],
  [0.7, 0.5244005127080407],
  [0.975, 1.959963984540054],
  [0.999, 3.090232306167813],
];
const CDF: [number, number][] = [
  [-20, 2.7536241186061556e-89],
  [-8, 6.22096057427174e-16],
  [-3, 0.0013498980316300933],
  [-0.5, 0.3085375387259869],
  [0.5, 0.6914624612740131],
  [1, 0.8413447460685429],
  [2, 0.9772498680518208],
  [3, 0.9986501019683699],
  [5, 0.9999997133484281],
];
const ERFC: [number, number][] = [
  [0.5, 0.4795001221869535],
  [1, 0.15729920705028516],
  [1.9999, 0.00467980209297061],
  [2, 0.004677734981047266],
  [3, 2.2090496998585445e-5],
  [5, 1.5374597944280347e-12],
  [8, 1.1224297172982928e-29],
];

describe('normalQuantile', () => {
  it.each(QUANTILES)('Φ⁻¹(%s) matches scipy.stats.norm.ppf to 1e-14 relative', (p, z) => {
    expect(Math.abs(normalQuantile(p) - z)).toBeLessThanOrEqual(1e-14 * Math.abs(z));
  });
  it('is exactly 0 at 0.5 (by definition)', () => {
    expect(normalQuantile(0.5)).toBe(0);
  });
  it('rejects probabilities outside (0, 1): the quantiles of 0 and 1 are infinite (issue 14)', () => {
    for (const p of [0, -0, 1, -0.1, 1.1, Number.NaN, Number.POSITIVE_INFINITY])
      expect(() => normalQuantile(p)).toThrow(expect.objectContaining({ code: 'INVALID_RATE' }));
  });
});

describe('normalCdf and erfc', () => {
  it.each(CDF)('Φ(%s) matches scipy.stats.norm.cdf to 1e-13 relative', (x, p) => {
    expect(Math.abs(normalCdf(x) - p)).toBeLessThanOrEqual(1e-13 * p);
  });
  it.each(ERFC)('erfc(%s) matches scipy.special.erfc to 1e-13 relative', (x, v) => {
    expect(Math.abs(erfc(x) - v)).toBeLessThanOrEqual(1e-13 * v);
  });
  it('Φ(0) = 1/2 and erfc(−x) = 2 − erfc(x) (definitions)', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(erfc(-1)).toBe(2 - erfc(1));
  });
  it('rejects NaN', () => {
    expect(() => normalCdf(Number.NaN)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});

describe('normalQuantile for subnormal probabilities', () => {
  // scipy.stats.norm.ppf(5e-324) = -38.467405617144344, norm.ppf(1e-320) = -38.26912534303265
  it('stays finite and agrees with scipy to 1e-14 relative where the density underflows', () => {
    expect(Math.abs(normalQuantile(5e-324) / -38.467405617144344 - 1)).toBeLessThan(1e-14);
    expect(Math.abs(normalQuantile(1e-320) / -38.26912534303265 - 1)).toBeLessThan(1e-14);
  });
});

describe('criticalValue', () => {
  // scipy 1.10.1 `scipy.stats.norm.isf((1 - c) / 2)`, printed with repr() on this machine
  it.each([
    [0.8, 1.2815515655446004],
    [0.9, 1.6448536269514729],
    [0.95, 1.959963984540054],
    [0.99, 2.5758293035489004],
    [0.999, 3.2905267314918945],
  ])('z of a two-sided %s interval matches scipy.stats.norm.isf to 1e-14 relative', (c, z) => {
    expect(Math.abs(criticalValue(c) - z)).toBeLessThanOrEqual(1e-14 * z);
  });
});

describe('normalCdf and normalQuantile refuse what is not a number (StrykerJS survivors of core P9)', () => {
  it('a numeric string is refused, not read as its number', () => {
    expect(() => normalCdf('1' as never)).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', field: 'x', message: 'x must be a number, got "1"' }),
    );
    expect(() => normalQuantile('0.25' as never)).toThrow(
      expect.objectContaining({
        code: 'INVALID_RATE',
        field: 'p',
        message: 'p must be a probability strictly between 0 and 1, got "0.25"',
      }),
    );
  });
});
