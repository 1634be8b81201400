import { describe, expect, it } from 'vitest';
import { wilsonInterval } from '../../src/metrics/wilson-interval.js';

// Research E6 (source A: R binom::binom.confint vendored in statsmodels
// stats/tests/results/results_proportion.py), re-printed here with statsmodels 0.13.5 (Debian python3-statsmodels)
// `proportion_confint(k, n, alpha=1-c, method='wilson')` (repr, full precision).
const CASES: [number, number, number, number, number][] = [
  [18, 20, 0.95, 0.6989663547715128, 0.9721335187862319],
  [4, 20, 0.95, 0.08065766257979806, 0.41601743225189364],
  [4, 200, 0.95, 0.0078044264163494685, 0.050287086905826436],
  [190, 200, 0.95, 0.9104218518612239, 0.972617354399236],
  [1, 30, 0.95, 0.005908590381612455, 0.16670390991409173],
  [0, 30, 0.95, 0, 0.11351339317396876],
  [30, 30, 0.95, 0.8864866068260312, 0.9999999999999999],
  [81, 263, 0.95, 0.2552885198782742, 0.36620957698280004], // Newcombe 1998 Table II: 0.2553–0.3662
  [7, 50, 0.9, 0.07772089782062995, 0.2392389959454846],
  [7, 50, 0.99, 0.05614371860633746, 0.30820578743035465],
  [1, 1, 0.95, 0.20654931437723745, 1],
];

describe('wilsonInterval', () => {
  it.each(CASES)('%s of %s at %s agrees with statsmodels to 1e-12', (k, n, c, lower, upper) => {
    const r = wilsonInterval(k, n, { confidence: c });
    expect(r.rate).toBe(k / n);
    expect(Math.abs((r.lower as number) - lower)).toBeLessThan(1e-12);
    expect(Math.abs((r.upper as number) - upper)).toBeLessThan(1e-12);
    expect(r).toMatchObject({ successes: k, trials: n, confidence: c });
  });
  it('is exactly 0 at k = 0 and exactly 1 at k = n (Wilson bounds, by construction of the formula)', () => {
    expect(wilsonInterval(0, 20).lower).toBe(0);
    expect(wilsonInterval(20, 20).upper).toBe(1);
  });
  it('has null rate and bounds with no trials (library rule)', () => {
    expect(wilsonInterval(0, 0)).toEqual({
      rate: null,
      lower: null,
      upper: null,
      successes: 0,
      trials: 0,
      confidence: 0.95,
    });
  });
  it('throws on bad counts and confidence', () => {
    expect(() => wilsonInterval(3, 2)).toThrow(expect.objectContaining({ code: 'INVALID_COUNT', field: 'successes' }));
    expect(() => wilsonInterval(1, -2)).toThrow(expect.objectContaining({ code: 'INVALID_COUNT', field: 'trials' }));
    expect(() => wilsonInterval(1, 2, { confidence: 95 })).toThrow(
      expect.objectContaining({ code: 'INVALID_RATE', field: 'options.confidence' }),
    );
    expect(() => wilsonInterval(1, 2, { confidence: 0 })).toThrow(expect.objectContaining({ code: 'INVALID_RATE' }));
  });
});
