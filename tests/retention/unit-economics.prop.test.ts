import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { money } from '../../src/core/money.js';
import { churnRate, customerRetentionRate } from '../../src/retention/rates.js';
import { retentionProfitImpact } from '../../src/retention/profit-impact.js';
import { lifetimeValue } from '../../src/retention/unit-economics.js';

const rateArb = fc.integer({ min: 1, max: 1000 }).map((k) => k / 1000);
const centsArb = fc.integer({ min: 0, max: 10_000_000 });
const usd = (c: number) => money(c / 100, 'USD');

describe('lifetimeValue laws', () => {
  it('falls as churn rises; timing forms ordered excluded/end ≤ excluded/start, included/end ≤ included/start', () => {
    fc.assert(
      fc.property(
        centsArb,
        rateArb,
        rateArb,
        fc.integer({ min: 0, max: 500 }).map((k) => k / 1000),
        (c, c1, c2, d) => {
          const [lo, hi] = c1 <= c2 ? [c1, c2] : [c2, c1];
          const v = (churn: number, o = {}) =>
            Number((lifetimeValue(usd(c), churn, { discountRate: d, ...o }).value as { amount: string }).amount);
          expect(v(lo)).toBeGreaterThanOrEqual(v(hi));
          expect(v(lo, { firstPayment: 'excluded', cashflow: 'end' })).toBeLessThanOrEqual(
            v(lo, { firstPayment: 'excluded' }),
          );
          expect(v(lo, { cashflow: 'end' })).toBeLessThanOrEqual(v(lo));
        },
      ),
    );
  });
  it('the closed form equals the truncated series Σ m r^t/(1+d)^t to the cent (FH note 033)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 100_000 }),
        fc.integer({ min: 50, max: 900 }).map((k) => k / 1000),
        fc.integer({ min: 10, max: 300 }).map((k) => k / 1000),
        (c, churn, d) => {
          let series = 0;
          for (let t = 0; t < 5000; t++) series += ((c / 100) * (1 - churn) ** t) / (1 + d) ** t;
          const exact = Number((lifetimeValue(usd(c), churn, { discountRate: d }).value as { amount: string }).amount);
          expect(Math.abs(exact - series)).toBeLessThanOrEqual(0.005 + 1e-9 * series);
        },
      ),
    );
  });
});

describe('rate laws', () => {
  it('churn conventions are ordered: exclude ≤ numerator, both ≤ numerator; retention in [0, 1]', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.nat(), fc.nat(), fc.nat(), (s, cRaw, nRaw, xRaw) => {
        const churned = cRaw % (s + 1);
        const acquired = nRaw % 1000;
        const acquiredAndChurned = xRaw % (acquired + 1);
        const counts = { start: s, churned, acquired, acquiredAndChurned };
        const ex = churnRate(counts, { sameWindow: 'exclude' }).rate as number;
        const nu = churnRate(counts, { sameWindow: 'numerator' }).rate as number;
        const bo = churnRate(counts, { sameWindow: 'both' }).rate as number;
        expect(ex).toBeLessThanOrEqual(nu);
        expect(bo).toBeLessThanOrEqual(nu);
        const end = s - churned + acquired - acquiredAndChurned;
        const crr = customerRetentionRate({ start: s, end, acquired: acquired - acquiredAndChurned }).rate as number;
        expect(crr).toBeCloseTo(1 - ex, 12);
      }),
    );
  });
});

describe('retentionProfitImpact laws', () => {
  it('a cut in defection never lowers NPV with non-negative margins; a long horizon nears the lifetime value', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 900 }).map((k) => k / 1000),
        fc.integer({ min: 0, max: 50 }).map((k) => k / 1000),
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 5 }),
        (r, cut, margin) => {
          const base = { retentionRate: r, defectionCut: cut, margin, discountRate: 0.1 };
          const life = retentionProfitImpact({ ...base, horizon: 'lifetime' });
          expect(life.after.npvPerCustomer.value as number).toBeGreaterThanOrEqual(
            (life.before.npvPerCustomer.value as number) - 1e-9,
          );
          const long = retentionProfitImpact({ ...base, horizon: 2000 });
          expect(long.before.npvPerCustomer.value as number).toBeCloseTo(life.before.npvPerCustomer.value as number, 6);
        },
      ),
    );
  });
});
