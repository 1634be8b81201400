/** explainStatement: the text a rep checks by hand. */
import { describe, expect, it } from 'vitest';
import { calculateStatement, explainStatement } from '../../src/commission/index.js';
import { credit, member, planOf, usd } from './helpers.js';

describe('explainStatement', () => {
  it('shows proration, the evaluated range of a true-up, deferred and carried balances', () => {
    const plan = planOf([{ id: 'c', kind: 'rate', rate: '0.5', cap: { amount: '100', mode: 'defer' } }], { version: { clawback: { schedule: [{ withinDays: 30, share: '1' }] } } });
    const s = calculateStatement({
      plan, member: { ...member, startDate: '2026-03-17' }, period: { start: '2026-03-01', end: '2026-03-31' }, quota: usd('0'),
      credits: [credit('k', '1000', '2026-03-20')], paidToDate: usd('900'),
    });
    const text = explainStatement(s).split('\n');
    // by hand: 15 of the year's 90 days (Jan 1 – Mar 31); 500 earned, capped at 100 × 15/90 = 16.67 → 483.33 deferred;
    // true-up 16.67 − 900 = −883.33, carried forward
    expect(text[0]).toBe('Statement for ae — plan plan, version v1, period 2026-03-01..2026-03-31 (evaluated 2026-01-01..2026-03-31)');
    expect(text[1]).toBe('Quota 0.00 USD (prorated: 15/90 days); credited 1000.00 USD; attainment n/a (zero quota)');
    expect(text.at(-2)).toBe('Earned 16.67 USD; payable 0.00 USD');
    expect(text.at(-1)).toBe('Carried forward: draw balance 0.00 USD; deferred c 483.33; negative balance -883.33 USD');
  });
});
