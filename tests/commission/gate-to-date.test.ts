/**
 * Gates judged on another period's attainment (`gateOn: 'toDate'` with `attainmentToDate`).
 */
import { describe, expect, it } from 'vitest';
import {
  calculateStatement,
  definePlan,
  explainLine,
  finalizeStatement,
  payoutCurve,
  summarizeStatement,
  type StatementContext,
} from '../../src/commission/index.js';
import { month } from '../../src/core/index.js';
import { credit, member, planOf, usd } from './helpers.js';

// QuotaPath's "Accelerators & Decelerators" AE sample (https://comp.quotapath.com/account-executive/
// accelerators-decelerators): monthly quota $33,000 ARR, 10 % base rate, 20 % at 100 % of quota and above. Here
// the accelerator (the 10 points from 10 % to 20 %) is judged on the year to date against the annual quota,
// 12 × 33,000 = 396,000: no accelerator unless year-to-date attainment reaches the annual quota.
const plan = planOf([
  { id: 'base', kind: 'rate', rate: '0.1' },
  { id: 'accelerator', kind: 'rate', rate: '0.1', gate: '1', gateOn: 'toDate' },
]);
const annual = usd('396000');

function monthStatement(m: number, carriedIn: string, arr: string) {
  return calculateStatement({
    plan,
    member,
    period: month(2026, m),
    quota: usd('33000'),
    credits: [credit(`k${m}`, arr, `${month(2026, m).start.slice(0, 8)}15`)],
    attainmentToDate: { carriedIn: usd(carriedIn), quota: annual },
  });
}

describe("gateOn: 'toDate'", () => {
  it('November at 121 % of its month but 380,000 of 396,000 for the year: no accelerator', () => {
    // by hand: 340,000 + 40,000 = 380,000 < 396,000 → base 40,000 × 10 % = 4,000.00, accelerator 0
    const s = monthStatement(11, '340000', '40000');
    expect(s.attainment).toBeCloseTo(40000 / 33000, 12);
    expect(s.lines.map((l) => [l.componentId, l.kind, l.amount.amount])).toEqual([
      ['base', 'commission', '4000.00'],
      ['accelerator', 'gate', '0.00'],
    ]);
    expect(explainLine(s.lines[1] as (typeof s.lines)[number], s)).toBe(
      'gate 1 (100%) of the quota to date 396000.00 not met: credited to date 340000.00 carried in + 40000.00 this ' +
        'period = 380000.00 < 396000.00; pays 0.00',
    );
  });

  it('December crosses the annual quota: 380,000 + 30,000 = 410,000 ≥ 396,000 pays the accelerator', () => {
    // by hand: base 30,000 × 10 % = 3,000.00; accelerator 30,000 × 10 % = 3,000.00 → 20 % in all, 6,000.00
    const s = monthStatement(12, '380000', '30000');
    expect(s.lines.map((l) => [l.componentId, l.amount.amount])).toEqual([
      ['base', '3000.00'],
      ['accelerator', '3000.00'],
    ]);
    expect(s.earned.amount).toBe('6000.00');
    // exactly on the annual quota meets the gate (366,000 + 30,000 = 396,000)
    expect(monthStatement(12, '366000', '30000').earned.amount).toBe('6000.00');
    expect(monthStatement(12, '365999.99', '30000').earned.amount).toBe('3000.00');
  });

  it('a period-judged gate would have paid November: the option decides', () => {
    const periodPlan = planOf([
      { id: 'base', kind: 'rate', rate: '0.1' },
      { id: 'accelerator', kind: 'rate', rate: '0.1', gate: '1' },
    ]);
    const s = calculateStatement({
      plan: periodPlan,
      member,
      period: month(2026, 11),
      quota: usd('33000'),
      credits: [credit('k', '40000', '2026-11-15')],
    });
    expect(s.earned.amount).toBe('8000.00'); // 40,000 × 20 %, by hand
  });

  it('the summary path gives the same statement', () => {
    const context: StatementContext = {
      plan,
      member,
      period: month(2026, 12),
      quota: usd('33000'),
      attainmentToDate: { carriedIn: usd('380000'), quota: annual },
    };
    const credits = [credit('a', '10000', '2026-12-01'), credit('b', '20000', '2026-12-20')];
    expect(finalizeStatement(summarizeStatement(credits, context), context)).toEqual(
      calculateStatement({ ...context, credits }),
    );
  });

  it('refuses a statement without attainmentToDate, and one given with a true-up', () => {
    const base = { plan, member, period: month(2026, 12), quota: usd('33000'), credits: [] };
    expect(() => calculateStatement(base)).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', field: 'attainmentToDate' }),
    );
    expect(() =>
      calculateStatement({
        ...base,
        quota: usd('396000'),
        paidToDate: usd('0'),
        attainmentToDate: { carriedIn: usd('0'), quota: annual },
      }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_OPTION', field: 'attainmentToDate' }));
    expect(() =>
      calculateStatement({
        ...base,
        attainmentToDate: { carriedIn: usd('0'), quota: { amount: '1', currency: 'EUR' } },
      }),
    ).toThrow(expect.objectContaining({ code: 'CURRENCY_MISMATCH' }));
  });

  it('payoutCurve judges a to-date gate as if the period were the whole span', () => {
    const points = payoutCurve(plan, ['0.5', '1'], { quota: usd('33000'), asOf: '2026-12-31' });
    // 16,500 × 10 % = 1,650.00; 33,000 × 20 % = 6,600.00 (by hand)
    expect(points.map((p) => p.payout.amount)).toEqual(['1650.00', '6600.00']);
  });

  it('definePlan refuses gateOn without a gate', () => {
    expect(() => definePlan(planOf([{ id: 'c', kind: 'rate', rate: '0.1', gateOn: 'toDate' }]))).toThrow(
      expect.objectContaining({ code: 'INVALID_PLAN', message: expect.stringContaining('gateOn: is set but gate') }),
    );
  });
});
