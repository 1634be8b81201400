import { describe, expect, it } from 'vitest';
import { compareRates } from '../../src/metrics/compare-rates.js';

// z and p: statsmodels 0.13.5 (Debian python3-statsmodels 0.13.5+dfsg) `proportions_ztest(count, nobs)`;
// interval: statsmodels
// `confint_proportions_2indep(k1, n1, k2, n2, method='newcomb', compare='diff')`
// (values printed with repr on this machine).
const CASES: [[number, number], [number, number], number, number, number, number][] = [
  // E7(a): statsmodels proportions_ztest docstring, printed p "0.159"
  [[5, 83], [12, 99], -1.4078304151258787, 0.15918129181156992, -0.14688264097875414, 0.027909954665286396],
  // E7(b): Newcombe 1998b example 56/70 vs 48/80, published interval 0.0524 to 0.3339
  [[56, 70], [48, 80], 2.6501719512585336, 0.00804508136819656, 0.05243147240236498, 0.33387265403690614],
  [[0, 10], [3, 12], -1.7013926184468013, 0.08886928647264575, -0.5323053349335658, 0.0708804156994084],
  [[200, 1000], [150, 1000], 2.9424494316825, 0.0032562696284120576, 0.016701054306740445, 0.0832267033173967],
];

describe('compareRates', () => {
  it.each(CASES)('%j vs %j agrees with statsmodels to 1e-12', (a, b, z, p, lower, upper) => {
    const r = compareRates({ successes: a[0], trials: a[1] }, { successes: b[0], trials: b[1] });
    expect(Math.abs((r.z as number) - z)).toBeLessThan(1e-12);
    expect(Math.abs((r.pValue as number) - p)).toBeLessThan(1e-12);
    expect(Math.abs((r.interval.lower as number) - lower)).toBeLessThan(1e-12);
    expect(Math.abs((r.interval.upper as number) - upper)).toBeLessThan(1e-12);
    expect(r.difference).toBe(a[0] / a[1] - b[0] / b[1]);
    expect(r.pooledRate).toBe((a[0] + b[0]) / (a[1] + b[1]));
  });
  it('at 90% confidence matches statsmodels newcomb with alpha=0.1', () => {
    const r = compareRates({ successes: 56, trials: 70 }, { successes: 48, trials: 80 }, { confidence: 0.9 });
    expect(Math.abs((r.interval.lower as number) - 0.07656419154407207)).toBeLessThan(1e-12);
    expect(Math.abs((r.interval.upper as number) - 0.31364458358294384)).toBeLessThan(1e-12);
  });
  it('gives null z and p when the pooled rate is 0 or 1 (zero standard error)', () => {
    const r = compareRates({ successes: 0, trials: 5 }, { successes: 0, trials: 9 });
    expect([r.difference, r.z, r.pValue]).toEqual([0, null, null]);
    expect(r.interval.lower as number).toBeLessThan(0);
  });
  it('gives null difference when a group has no trials (library rule)', () => {
    const r = compareRates({ successes: 0, trials: 0 }, { successes: 3, trials: 9 });
    expect(r).toMatchObject({
      rateA: null,
      rateB: 1 / 3,
      difference: null,
      z: null,
      pValue: null,
      interval: { lower: null, upper: null },
    });
  });
  it('throws on bad input', () => {
    expect(() => compareRates({ successes: 4, trials: 3 }, { successes: 1, trials: 2 })).toThrow(
      expect.objectContaining({ code: 'INVALID_COUNT', field: 'a.successes' }),
    );
    expect(() => compareRates(null as never, { successes: 1, trials: 2 })).toThrow(
      expect.objectContaining({ code: 'INVALID_COUNT', field: 'a' }),
    );
    expect(() => compareRates({ successes: 1, trials: 3 }, { successes: 1, trials: 2 }, { confidence: 2 })).toThrow(
      expect.objectContaining({ code: 'INVALID_RATE' }),
    );
  });
});
