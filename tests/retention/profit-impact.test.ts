import { describe, expect, it } from 'vitest';
import { retentionProfitImpact } from '../../src/retention/profit-impact.js';

describe('retentionProfitImpact', () => {
  it('reproduces the constant-margin uplift table (d = 10 %, +5 points)', () => {
    // computed by hand: NPV = m(1 + d)/(1 + d − r), so the uplift is (1.1 − r)/(1.1 − r − 0.05) − 1:
    // 0.60→0.65 +11.1 %, 0.70→0.75 +14.3 %, 0.80→0.85 +20.0 %, 0.85→0.90 +25.0 %, 0.90→0.95 +33.3 %
    const rows: [number, number][] = [
      [0.6, 0.111],
      [0.7, 0.143],
      [0.8, 0.2],
      [0.85, 0.25],
      [0.9, 0.333],
    ];
    for (const [r, up] of rows) {
      const x = retentionProfitImpact({
        retentionRate: r,
        defectionCut: 0.05,
        margin: 1,
        discountRate: 0.1,
        horizon: 'lifetime',
      });
      expect(Math.round((x.npvUplift ?? 0) * 1000) / 1000).toBe(up);
    }
  });
  it('MBNA: defection 10 % → 5 % is +33 % with constant margins (Reichheld reported +125 %)', () => {
    // Reichheld & Sasser, "Zero Defections", Harvard Business Review 1990: MBNA's +125 %; constant margins give +33 %
    const x = retentionProfitImpact({
      retentionRate: 0.9,
      defectionCut: 0.05,
      margin: 1,
      discountRate: 0.1,
      horizon: 'lifetime',
    });
    expect(x.npvUplift).toBeCloseTo(1 / 3, 12);
    // computed by hand: (1+d)/(1+d−r) = 1.1/0.2 = 5.5 and 1.1/0.15 = 7.333…
    expect(x.before.npvPerCustomer.value).toBeCloseTo(5.5, 12);
    expect(x.after.npvPerCustomer.value).toBeCloseTo(7.333333333333333, 12);
    expect(x.before.lifetime).toEqual({ finite: true, value: expect.closeTo(10, 12) });
  });
  it('a margin-by-tenure curve raises the uplift (Python brute-force series)', () => {
    // /usr/bin/python3: Σ m_t (r/1.1)^t with m = [10, 20, 30, 30, …]: r 0.8 → 82.727272…,
    // r 0.85 → 104.272727…, uplift 0.2604396
    const x = retentionProfitImpact({
      retentionRate: 0.8,
      defectionCut: 0.05,
      margin: [10, 20, 30],
      discountRate: 0.1,
      horizon: 'lifetime',
      cohortSize: 1000,
    });
    expect(x.before.npvPerCustomer.value).toBeCloseTo(82.72727272727273, 9);
    expect(x.after.npvPerCustomer.value).toBeCloseTo(104.2727272727272, 9);
    expect(x.npvUplift).toBeCloseTo(0.2604395604395595, 9);
    expect(x.before.npvCohort.value).toBeCloseTo(82727.27272727273, 6);
  });
  it('finite horizons (Python): H = 3 → 40.41322…, H = 5 → 60.34628…; 5-period lifetime at r = 0.8 → 3.3616', () => {
    const h3 = retentionProfitImpact({
      retentionRate: 0.8,
      defectionCut: 0,
      margin: [10, 20, 30],
      discountRate: 0.1,
      horizon: 3,
    });
    expect(h3.before.npvPerCustomer.value).toBeCloseTo(40.41322314049587, 10);
    const h5 = retentionProfitImpact({
      retentionRate: 0.8,
      defectionCut: 0,
      margin: [10, 20, 30],
      discountRate: 0.1,
      horizon: 5,
    });
    expect(h5.before.npvPerCustomer.value).toBeCloseTo(60.34628782187009, 10);
    expect(h5.before.lifetime.value).toBeCloseTo(3.3616, 12);
  });
  it('perfect retention without discounting is infinite, and the uplift is then null', () => {
    const x = retentionProfitImpact({
      retentionRate: 0.95,
      defectionCut: 0.05,
      margin: 1,
      discountRate: 0,
      horizon: 'lifetime',
    });
    expect(x.after.npvPerCustomer).toEqual({ finite: false, value: null });
    expect(x.after.lifetime).toEqual({ finite: false, value: null });
    expect(x.npvUplift).toBeNull();
    // computed by hand: 1/(1 − 0.95) = 20
    expect(x.before.lifetimeValue.value).toBeCloseTo(20, 9);
  });
  it('a negative NPV that shrinks is a positive uplift: (after − before) / |before|', () => {
    // computed by hand: margin −10 a period, r 0.5 → 0.6, d 0, H = 2: before −10 − 5 = −15, after −10 − 6 = −16;
    // with margins [10, −40]: before 10 − 20 = −10, after 10 − 24 = −14 → uplift (−14 − −10)/10 = −0.4
    const loss = retentionProfitImpact({
      retentionRate: 0.5,
      defectionCut: 0.1,
      margin: [10, -40],
      discountRate: 0,
      horizon: 2,
    });
    expect(loss.before.npvPerCustomer.value).toBeCloseTo(-10, 12);
    expect(loss.after.npvPerCustomer.value).toBeCloseTo(-14, 12);
    expect(loss.npvUplift).toBeCloseTo(-0.4, 12);
    // computed by hand: margins [−40, 10]: before −40 + 5 = −35, after −40 + 6 = −34
    // → uplift (−34 + 35)/35 = +0.028571…
    const better = retentionProfitImpact({
      retentionRate: 0.5,
      defectionCut: 0.1,
      margin: [-40, 10],
      discountRate: 0,
      horizon: 2,
    });
    expect(better.npvUplift).toBeCloseTo(1 / 35, 12);
  });
  it('an uplift that overflows a number is null, never ±Infinity (fast-check counterexample)', () => {
    const x = retentionProfitImpact({
      retentionRate: 0,
      defectionCut: 8.88178419700127e-22,
      margin: [5e-324, -999999.9999999979, 0],
      discountRate: 0,
      horizon: 'lifetime',
    });
    expect(x.npvUplift).toBeNull();
    expect(x.before.npvPerCustomer).toEqual({ finite: true, value: 5e-324 });
  });
  it('refuses impossible inputs', () => {
    expect(() =>
      retentionProfitImpact({
        retentionRate: 0.97,
        defectionCut: 0.05,
        margin: 1,
        discountRate: 0.1,
        horizon: 'lifetime',
      }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_RATE', field: 'defectionCut' }));
    expect(() =>
      retentionProfitImpact({
        retentionRate: 0.9,
        defectionCut: 0.05,
        margin: [],
        discountRate: 0.1,
        horizon: 'lifetime',
      }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() =>
      retentionProfitImpact({ retentionRate: 0.9, defectionCut: 0.05, margin: 1, discountRate: 0.1, horizon: 0 }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_COUNT' }));
  });
});
