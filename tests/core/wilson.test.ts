/**
 * Core's Wilson score bounds (src/core/wilson.ts), behind metrics' `wilsonInterval` and
 * `compareRates` and forecast's stage probabilities.
 */
import { describe, expect, it } from 'vitest';
import { wilsonBounds, wilsonBoundsOfRate } from '../../src/core/wilson.js';

// z of a two-sided 95 % interval: scipy 1.10.1 `scipy.stats.norm.ppf(0.975)`, and of a 90 % one,
// `norm.ppf(0.95)`.
const Z95 = 1.959963984540054;
const Z90 = 1.6448536269514722;

// Reference bounds: statsmodels 0.13.5 `proportion_confint(k, n, alpha, method='wilson')`
// (Debian python3-statsmodels), printed with repr() on this machine.
const BOUNDS: [k: number, n: number, z: number, lower: number, upper: number][] = [
  [1, 10, Z95, 0.017876213095072924, 0.40415002679523854],
  [5, 10, Z95, 0.23659309051256394, 0.7634069094874361],
  [9, 10, Z95, 0.5958499732047614, 0.982123786904927],
  [37, 120, Z95, 0.23272736988916298, 0.39582997723800684],
  [1, 1_000_000, Z95, 1.7652457674537176e-7, 5.664911804311445e-6],
  [3, 7, Z90, 0.186443190363956, 0.7105229089864071],
  // a fractional number of trials (an effective sample size): 3.75 of 12.5
  [3.75, 12.5, Z95, 0.11991132526488321, 0.5741184394665119],
];

const close = (actual: number, expected: number): void => {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-14 * Math.abs(expected));
};

describe('wilsonBounds(k, n, z)', () => {
  it.each(BOUNDS)('%s of %s at z = %s matches statsmodels to 1e-14 relative', (k, n, z, lower, upper) => {
    const [l, u] = wilsonBounds(k, n, z);
    close(l, lower);
    close(u, upper);
    const [lr, ur] = wilsonBoundsOfRate(k / n, n, z);
    close(lr, lower);
    close(ur, upper);
  });

  it('is exactly [0, upper] with no successes and [lower, 1] with all (statsmodels: 0.0 and 1.0)', () => {
    // statsmodels: 0 of 10 → [0.0, 0.27753279986288926]; 10 of 10 → [0.7224672001371106, 1.0]
    const [l0, u0] = wilsonBounds(0, 10, Z95);
    expect(l0).toBe(0);
    close(u0, 0.27753279986288926);
    const [l1, u1] = wilsonBounds(10, 10, Z95);
    close(l1, 0.7224672001371106);
    expect(u1).toBe(1);
  });

  it('of a rate: exactly 0 below at p = 0 and exactly 1 above at p = 1, fractional n included', () => {
    // statsmodels: 0 of 12.5 → [0.0, 0.23507441182848787]; 12.5 of 12.5 → [0.7649255881715122, 1.0]
    const [l0, u0] = wilsonBoundsOfRate(0, 12.5, Z95);
    expect(l0).toBe(0);
    close(u0, 0.23507441182848787);
    const [l1, u1] = wilsonBoundsOfRate(1, 12.5, Z95);
    close(l1, 0.7649255881715122);
    expect(u1).toBe(1);
  });
});

describe('wilsonBoundsOfRate at the ends', () => {
  it('is exactly 0 and 1 where the formula in doubles misses by an ulp', () => {
    // 0 of 3 and 10 of 10 at z = 1.96: the formula's centre − half and centre + half are 0 and 1 in
    // exact arithmetic, 5.6e-17 and 0.9999999999999999 in doubles; the bounds are pinned to 0 and 1
    expect(wilsonBoundsOfRate(0, 3, Z95)[0]).toBe(0);
    expect(wilsonBoundsOfRate(1, 10, Z95)[1]).toBe(1);
  });
});
