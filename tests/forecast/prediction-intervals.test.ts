import { describe, expect, it } from 'vitest';
import { analyticIntervals, simulatedIntervals, varianceMultipliers } from '../../src/forecast/prediction-intervals.js';
import { normalQuantile } from '../../src/core/normal.js';

// The prediction intervals use core's normalQuantile (shared with revops/metrics), accurate to
// about 5e-15 relative against scipy; the interval tests below need far less.
describe('normalQuantile (core, used for prediction intervals)', () => {
  it('matches R qnorm / scipy.stats.norm.ppf', () => {
    // Oracle: scipy.stats.norm.ppf (scipy 1.10.1): 0.975 → 1.959963984540054, 0.9 → 1.2815515655446004,
    // 0.5 → 0, 1e-10 → −6.361340902404056, 0.999 → 3.090232306167813, 1e-20 → −9.262340089798409
    // (AS 241's far-tail branch), 1 − 1e-12 → 7.0344869100478356.
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0.9)).toBeCloseTo(1.2815515655446004, 14);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 13);
    expect(normalQuantile(0.999)).toBeCloseTo(3.090232306167813, 14);
    expect(normalQuantile(1e-20)).toBeCloseTo(-9.262340089798409, 12);
    expect(normalQuantile(1 - 1e-12)).toBeCloseTo(7.0344869100478356, 3);
  });
});

describe('prediction intervals', () => {
  it('variance multipliers of ETS(A,A,A): 1 + Σ (α + βj + γ[j mod m = 0])² (by hand)', () => {
    // α = 0.5, β = 0.1, γ = 0.2, m = 2: c₁ = 0.6, c₂ = 0.7 + 0.2 = 0.9 ⇒ v = 1, 1.36, 2.17.
    const v = varianceMultipliers(
      { trend: true, seasonality: 'additive', m: 2 },
      { alpha: 0.5, beta: 0.1, gamma: 0.2, phi: 1 },
      3,
    );
    expect(v[0]).toBe(1);
    expect(v[1]).toBeCloseTo(1.36, 14);
    expect(v[2]).toBeCloseTo(2.17, 14);
  });

  it('the simulation path agrees with the analytic intervals on an additive model (Monte Carlo check)', () => {
    const spec = { trend: true, seasonality: 'additive', m: 4 } as const;
    const p = { alpha: 0.3, beta: 0.03, gamma: 0.2, phi: 0.95 };
    const state = { level: 100, trend: 2, seasonal: Float64Array.from([5, -3, 1, -3]) };
    const sim = simulatedIntervals(spec, p, state, 40, 6, 4, [0.9], 40_000, 17);
    // Point forecasts from the same state: ℓ + (φ + … + φʰ)b + s_{(n+h−1) mod m}.
    const point: number[] = [];
    let phiSum = 0;
    for (let h = 1; h <= 6; h++) {
      phiSum += 0.95 ** h;
      point.push(100 + phiSum * 2 + (state.seasonal[(40 + h - 1) % 4] as number));
    }
    const exact = analyticIntervals(point, varianceMultipliers(spec, p, 6), 4, [0.9]);
    sim[0]?.upper.forEach((u, i) => expect(Math.abs(u - (exact[0]?.upper[i] as number))).toBeLessThan(0.06));
    sim[0]?.lower.forEach((l, i) => expect(Math.abs(l - (exact[0]?.lower[i] as number))).toBeLessThan(0.06));
  });
});
