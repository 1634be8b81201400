/**
 * Proration by whole months (plan version `proration: 'months'`) beside proration by days.
 */
import { describe, expect, it } from 'vitest';
import { calculateStatement, definePlan, explainStatement } from '../../src/commission/index.js';
import { credit, member, planOf, usd } from './helpers.js';

const Q1_2019 = { start: '2019-01-01', end: '2019-03-31' };

describe("proration: 'months'", () => {
  it('Quickbase "Formula to Prorate a Quota": a 2019-03-01 start keeps 1 of Q1\'s 3 months of a 20,000 quota', () => {
    // https://community.quickbase.com/quickbase/topics/formula-to-prorate-a-quota — annual quota 100,000, Q1 = 20 %;
    // a rep starting 3/1/19 has "1 month in Q1": 100,000 × 20 % / 3 months × 1 month = $6,667 (printed in dollars);
    // exact to the cent: 20,000 × 1/3 = 6,666.67 (half away from zero).
    const plan = planOf([{ id: 'b', kind: 'bonus', steps: [{ atLeast: '0', amount: '9000' }] }], {
      periodLength: 'quarter',
      version: { proration: 'months' },
    });
    const hire = { ...member, startDate: '2019-03-01' };
    const s = calculateStatement({ plan, member: hire, period: Q1_2019, quota: usd('20000'), credits: [] });
    expect(s.proration).toEqual({ numerator: 1, denominator: 3, unit: 'months' });
    expect(s.quota.amount).toBe('6666.67');
    // a fixed amount (a bonus) prorates the same way: the third month of 9,000 is 9,000 − 6,000 = 3,000.00
    expect(s.earned.amount).toBe('3000.00');
    expect(explainStatement(s)).toContain('(prorated: active 1 of 3 whole months)');
    // Q2 is whole: the thread's $20,000
    const q2 = calculateStatement({
      plan,
      member: hire,
      period: { start: '2019-04-01', end: '2019-06-30' },
      quota: usd('20000'),
      credits: [],
    });
    expect(q2.quota.amount).toBe('20000.00');
    // by days the same start keeps 31 of 90 days: 6,888.89 (see statement.test.ts) — the plan option decides
  });

  it('a month counts only when the member is on the plan every day of it', () => {
    const plan = planOf([{ id: 'c', kind: 'rate', rate: '0.1' }], {
      periodLength: 'quarter',
      version: { proration: 'months' },
    });
    // starts 2019-01-02 and leaves 2019-03-30: only February is whole → 1 of 3 months
    const s = calculateStatement({
      plan,
      member: { ...member, startDate: '2019-01-02', endDate: '2019-03-30' },
      period: Q1_2019,
      quota: usd('30000'),
      credits: [credit('k', '1000', '2019-02-10')],
    });
    expect(s.proration).toEqual({ numerator: 1, denominator: 3, unit: 'months' });
    expect(s.quota.amount).toBe('10000.00'); // 30,000 × 1/3, by hand
    // credits are still counted on every active day: proration scales quota and fixed amounts only
    expect(s.earned.amount).toBe('100.00');
  });

  it('months are allocated cumulatively: 100.00 a year is 8.33, 8.34, 8.33, … and the year adds up to 100.00', () => {
    // round(100 × m/12) − round(100 × (m − 1)/12), by hand: 8.33, 16.67 − 8.33 = 8.34, 25.00 − 16.67 = 8.33, …
    const plan = planOf([{ id: 'b', kind: 'bonus', steps: [{ atLeast: '0', amount: '100' }] }], {
      periodLength: 'year',
      version: { proration: 'months' },
    });
    const amounts = [1, 2, 3].map((m) => {
      const start = `2026-0${m}-01`;
      const end = ['2026-01-31', '2026-02-28', '2026-03-31'][m - 1] as string;
      return calculateStatement({
        plan,
        member: { ...member, startDate: start, endDate: end },
        period: { start: '2026-01-01', end: '2026-12-31' },
        quota: usd('1200'),
        credits: [],
      }).earned.amount;
    });
    expect(amounts).toEqual(['8.33', '8.34', '8.33']);
  });

  it('definePlan refuses months proration on a version that does not prorate', () => {
    expect(() =>
      definePlan(
        planOf([{ id: 'c', kind: 'rate', rate: '0.1' }], { version: { prorate: false, proration: 'months' } }),
      ),
    ).toThrow(expect.objectContaining({ code: 'INVALID_PLAN', message: expect.stringContaining('proration') }));
  });
});
