import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitShiftedBetaGeometric } from '../../src/retention/sbg-fit.js';
import { sbgDel, sbgDerl, sbgExpectedLifetime, sbgRetentionRate, sbgSurvival } from '../../src/retention/sbg.js';

const paramsArb = fc.record({
  alpha: fc.double({ min: 0.2, max: 8, noNaN: true }),
  beta: fc.double({ min: 0.2, max: 12, noNaN: true }),
});

describe('sBG laws', () => {
  it('S(t) = r_t · S(t − 1); S decreasing; r_t increasing (sorting effect)', () => {
    fc.assert(
      fc.property(paramsArb, fc.integer({ min: 1, max: 60 }), (p, t) => {
        expect(sbgSurvival(t, p)).toBeCloseTo(sbgRetentionRate(t, p) * sbgSurvival(t - 1, p), 14);
        expect(sbgSurvival(t, p)).toBeLessThan(sbgSurvival(t - 1, p));
        expect(sbgRetentionRate(t + 1, p)).toBeGreaterThanOrEqual(sbgRetentionRate(t, p));
      }),
    );
  });

  it('DEL equals the series Σ S(t)/(1+d)^t and falls as d rises; DERL(0) = (DEL − 1)(1 + d)', () => {
    fc.assert(
      fc.property(paramsArb, fc.double({ min: 0.05, max: 1, noNaN: true }), (p, d) => {
        let series = 0;
        for (let t = 0; t < 2000; t++) series += sbgSurvival(t, p) / (1 + d) ** t;
        const del = sbgDel(p, { discountRate: d });
        expect(Math.abs(del - series)).toBeLessThan(1e-9 * series);
        expect(sbgDel(p, { discountRate: d * 1.5 })).toBeLessThan(del);
        expect(sbgDerl(p, { discountRate: d, renewals: 0 })).toBeCloseTo((del - 1) * (1 + d), 9);
      }),
    );
  });

  it('for α > 1 the expected lifetime is finite and bounds DEL from above; for α ≤ 1 it is infinite', () => {
    fc.assert(
      fc.property(paramsArb, (p) => {
        const e = sbgExpectedLifetime(p);
        if (p.alpha > 1) {
          expect(e.finite).toBe(true);
          expect(sbgDel(p, { discountRate: 0.01 })).toBeLessThan(e.value as number);
        } else expect(e).toEqual({ finite: false, value: null });
      }),
    );
  });

  it('the fit recovers α, β from an expected survival curve of a large cohort (round trip)', () => {
    fc.assert(
      fc.property(
        fc.record({
          alpha: fc.double({ min: 0.3, max: 5, noNaN: true }),
          beta: fc.double({ min: 0.5, max: 8, noNaN: true }),
        }),
        (p) => {
          const curve = Array.from({ length: 10 }, (_, t) => sbgSurvival(t, p));
          const fit = fitShiftedBetaGeometric(curve, { input: 'rates' });
          expect(fit.converged).toBe(true);
          expect(Math.abs(Math.log(fit.alpha / p.alpha))).toBeLessThan(1e-4);
          expect(Math.abs(Math.log(fit.beta / p.beta))).toBeLessThan(1e-4);
        },
      ),
      { numRuns: 40 },
    );
  });
});
