import { describe, expect, it } from 'vitest';
import {
  sbgDel,
  sbgDerl,
  sbgExpectedLifetime,
  sbgProject,
  sbgRetentionRate,
  sbgSurvival,
} from '../../src/retention/sbg.js';
import { hyp2f1One } from '../../src/retention/special-functions.js';

const REGULAR = { alpha: 0.704, beta: 1.182 };
const HIGH_END = { alpha: 0.668, beta: 3.806 };

describe('sBG survival and retention (Fader & Hardie 2007)', () => {
  it('matches the projected survivors of a scipy refit (×1000, one decimal)', () => {
    // S(t) × 1000 from numpy/scipy with the fitted parameters below (Fader & Hardie 2007's two cohorts);
    // rounded to one decimal, so half a unit is the tolerance.
    const regular = [626.7, 473.8, 388.0, 332.1, 292.3, 262.5, 239.0, 220.1, 204.4, 191.2, 179.9, 170.0];
    const high = [850.7, 746.9, 669.8, 609.9, 561.8, 522.2, 488.9, 460.4, 435.8, 414.2, 395.1, 378.0];
    const regularFit = { alpha: 0.70407731, beta: 1.18204308 }; // scipy refit of the regular cohort
    const highFit = { alpha: 0.66808846, beta: 3.80609572 }; // scipy refit of the high-end cohort
    regular.forEach((v, i) => expect(Math.abs(1000 * sbgSurvival(i + 1, regularFit) - v)).toBeLessThanOrEqual(0.05));
    high.forEach((v, i) => expect(Math.abs(1000 * sbgSurvival(i + 1, highFit) - v)).toBeLessThanOrEqual(0.05));
  });

  it('retention rates (β + t − 1)/(α + β + t − 1)', () => {
    // computed by hand: t = 1 → 1.182/1.886 = 0.62672…; Fader & Hardie 2007's r_1 = .6267
    expect(sbgRetentionRate(1, REGULAR)).toBeCloseTo(0.6267, 4);
    // computed by hand: high end r_12 = (3.806 + 11)/(4.474 + 11) = .9568
    expect(sbgRetentionRate(12, HIGH_END)).toBeCloseTo(0.9568, 4);
    expect(() => sbgRetentionRate(1.5, REGULAR)).toThrow(expect.objectContaining({ code: 'INVALID_COUNT' }));
    expect(() => sbgRetentionRate(1, { alpha: 0, beta: 1 })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
  });

  it('survival uses log-beta for long horizons without losing accuracy', () => {
    // α = β = 1: S(t) = 1/(t+1) exactly (computed by hand)
    expect(Math.abs(sbgSurvival(5000, { alpha: 1, beta: 1 }) * 5001 - 1)).toBeLessThan(1e-11);
    expect(Math.abs(sbgSurvival(1999, { alpha: 1, beta: 1 }) * 2000 - 1)).toBeLessThan(1e-12);
  });

  it('jdmaturen README: high-end projection for years 8–12 is [0.460, 0.436, 0.414, 0.395, 0.378]', () => {
    const pts = sbgProject(HIGH_END, { through: 12, from: 8, cohortSize: 1000 });
    expect(pts.map((p) => p.t)).toEqual([8, 9, 10, 11, 12]);
    expect(pts.map((p) => Math.round(p.survival * 1000) / 1000)).toEqual([0.46, 0.436, 0.414, 0.395, 0.378]);
    expect(pts[0]?.expectedSurvivors).toBeCloseTo(1000 * sbgSurvival(8, HIGH_END), 9);
    expect(pts[0]?.retentionRate).toBeCloseTo(sbgRetentionRate(8, HIGH_END), 15);
    expect(() => sbgProject(HIGH_END, { through: 2, from: 3 })).toThrow(
      expect.objectContaining({ code: 'INVALID_COUNT' }),
    );
  });
});

describe('expected lifetime, DEL and DERL (Fader & Hardie 2010)', () => {
  it('α ≤ 1 has an infinite mean lifetime, stated in the type', () => {
    expect(sbgExpectedLifetime(REGULAR)).toEqual({ finite: false, value: null });
    expect(sbgExpectedLifetime({ alpha: 1, beta: 5 })).toEqual({ finite: false, value: null });
    // computed by hand: (α + β − 1)/(α − 1) = (2 + 3 − 1)/1 = 4
    expect(sbgExpectedLifetime({ alpha: 2, beta: 3 })).toEqual({ finite: true, value: 4 });
  });

  it('DEL at d = 10 %', () => {
    // scipy.special.hyp2f1(1, β, α+β, 1/1.1) at the rounded published parameters
    expect(sbgDel(REGULAR, { discountRate: 0.1 })).toBeCloseTo(3.6951474055745748, 10);
    expect(sbgDel(HIGH_END, { discountRate: 0.1 })).toBeCloseTo(5.922596407612753, 10);
  });

  it('DERL at d = 10 % for the high-end cohort (jdmaturen README: 7.530 after 7 renewals)', () => {
    // scipy: (β+n)/(α+β+n)·hyp2f1(1, β+n+1, α+β+n+1, 1/1.1) for n = 0…7
    const expected = [
      5.414856048374033, 5.901753167753005, 6.294260616793186, 6.620280323188244, 6.897057397746089, 7.136001899481222,
      7.34505225928385, 7.529949530910963,
    ];
    expected.forEach((v, n) => expect(sbgDerl(HIGH_END, { discountRate: 0.1, renewals: n })).toBeCloseTo(v, 10));
    expect(Math.round(sbgDerl(HIGH_END, { discountRate: 0.1, renewals: 7 }) * 1000) / 1000).toBe(7.53);
  });

  it('DERL after 0 renewals = (DEL − 1)(1 + d) (derived from the series definitions)', () => {
    expect(sbgDerl(REGULAR, { discountRate: 0.1, renewals: 0 })).toBeCloseTo(
      (sbgDel(REGULAR, { discountRate: 0.1 }) - 1) * 1.1,
      12,
    );
  });

  it('DEL agrees with the brute-force series Σ S(t)/(1+d)^t', () => {
    let s = 0;
    for (let t = 0; t < 3000; t++) s += sbgSurvival(t, HIGH_END) / 1.05 ** t;
    expect(sbgDel(HIGH_END, { discountRate: 0.05 })).toBeCloseTo(s, 9);
  });

  it('refuses a discount rate below 1e-5 (the series would need too many terms)', () => {
    expect(() => sbgDel(REGULAR, { discountRate: 0 })).toThrow(expect.objectContaining({ code: 'INVALID_RATE' }));
    expect(() => sbgDerl(REGULAR, { discountRate: Number.NaN, renewals: 1 })).toThrow(
      expect.objectContaining({ code: 'INVALID_RATE' }),
    );
    expect(() => sbgDerl(REGULAR, { discountRate: 0.1, renewals: -1 })).toThrow(
      expect.objectContaining({ code: 'INVALID_COUNT' }),
    );
  });
});

describe('₂F₁(1, b; c; z) series', () => {
  it('matches scipy.special.hyp2f1', () => {
    expect(hyp2f1One(1, 2, 1 / 1.1)).toBeCloseTo(2.6376848000782, 12); // scipy hyp2f1(1,1,2,1/1.1)
    expect(hyp2f1One(2.5, 4, 0.999)).toBeCloseTo(5.522584766440667, 9); // scipy hyp2f1(1,2.5,4,0.999)
    expect(hyp2f1One(0.3, 0.5, 0.5)).toBeCloseTo(1.544092128712099, 12); // scipy hyp2f1(1,0.3,0.5,0.5)
    expect(hyp2f1One(1, 2, 0)).toBe(1);
  });
});
