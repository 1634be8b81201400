/**
 * Clawback lines at the edges of their rules, worked by hand: the last day of a schedule step, a
 * reversal exactly equal to what was paid (not "limited"), the whole months of a term served
 * when the day of the month has not come round yet, the order lines are posted in, and
 * attainment reduced only by a reversal that reverses something.
 */
import { describe, expect, it } from 'vitest';
import { calculateStatement, type ClawbackEvent, type Statement } from '../../src/commission/index.js';
import { credit, JAN_2026, member, planOf, usd } from './helpers.js';

type Policy = NonNullable<NonNullable<NonNullable<Parameters<typeof planOf>[1]>['version']>['clawback']>;

const SCHEDULE: Policy = {
  schedule: [
    { withinDays: 30, share: '1' },
    { withinDays: 90, share: '0.5' },
  ],
};
const TERM: Policy = { basis: 'unservedTerm' };

/** A January 2026 statement of a 10 % plan with `policy`, 1,000 credited, and `events` known on January 20. */
function january(policy: Policy, events: Partial<ClawbackEvent>[]): Statement {
  return calculateStatement({
    plan: planOf([{ id: 'c', kind: 'rate', rate: '0.1' }], { version: { clawback: policy } }),
    member,
    period: JAN_2026,
    quota: usd('10000'),
    credits: [credit('k1', '1000', '2026-01-20')],
    clawbacks: events.map((e, i) => ({
      id: `e${i}`,
      dealId: `D${i}`,
      creditDate: '2025-12-21',
      knownDate: '2026-01-20',
      base: usd('10000'),
      rate: '0.08',
      paid: usd('800'),
      ...e,
    })),
  });
}

const clawbacks = (s: Statement) =>
  s.lines
    .filter((l) => l.kind === 'clawback')
    .map((l) => {
      const d = l.explanation.detail as { limited: boolean; withinDays?: number | null; servedMonths?: number };
      return [l.explanation.ruleId, l.amount.amount, d.limited, d.withinDays ?? d.servedMonths];
    });

describe('a clawback schedule', () => {
  it('counts the 30th day inside the 30-day step; a reversal equal to what was paid is not limited', () => {
    // by hand: Dec 21 → Jan 20 is 10 + 20 = 30 days: share 1, 10,000 × 8 % = 800 = paid; 799.99 paid limits it
    const s = january(SCHEDULE, [{}, { paid: usd('799.99') }]);
    expect(clawbacks(s)).toEqual([
      ['clawback/e0', '-800.00', false, 30],
      ['clawback/e1', '-799.99', true, 30],
    ]);
  });

  it('posts lines by event id, with their credit ids sorted', () => {
    const s = january(SCHEDULE, [
      { id: 'b', creditIds: ['k9', 'k10', 'k1'] },
      { id: 'a', creditDate: '2025-11-21' },
    ]);
    // by hand: a: Nov 21 → Jan 20 = 9 + 31 + 20 = 60 days, share 0.5: 400; b: 30 days: 800
    expect(s.lines.filter((l) => l.kind === 'clawback').map((l) => [l.explanation.ruleId, l.amount.amount])).toEqual([
      ['clawback/a', '-400.00'],
      ['clawback/b', '-800.00'],
    ]);
    expect(s.lines.find((l) => l.explanation.ruleId === 'clawback/b')?.explanation.creditIds).toEqual([
      'k1',
      'k10',
      'k9',
    ]);
    expect(s.lines.find((l) => l.explanation.ruleId === 'clawback/a')?.explanation.creditIds).toEqual([]);
  });

  it('posts a hundred events in id order, whatever order they come in', () => {
    // ids e000…e099 given in the order 37·i mod 100 (a permutation: 37 and 100 are coprime)
    const ids = Array.from({ length: 100 }, (_, i) => `e${String((37 * i) % 100).padStart(3, '0')}`);
    const s = january(
      SCHEDULE,
      ids.map((id) => ({ id, base: usd('1') })),
    );
    expect(s.lines.filter((l) => l.kind === 'clawback').map((l) => l.explanation.ruleId)).toEqual(
      [...ids].sort().map((id) => `clawback/${id}`),
    );
  });

  it('reduces attainment by the base of a reversal, not of one outside the window', () => {
    const policy = { ...SCHEDULE, reducesAttainment: true };
    const inside = january(policy, [{ base: usd('300') }]);
    const outside = january(policy, [{ base: usd('300'), creditDate: '2025-06-01' }]);
    // by hand: 1,000 credited − 300 reversed = 700; outside the 90 days nothing is reversed: 1,000
    expect([inside.credited.amount, outside.credited.amount]).toEqual(['700.00', '1000.00']);
  });
});

describe('a clawback of the unserved term', () => {
  it('counts only whole months served, and a reversal equal to what was paid is not limited', () => {
    const s = january(TERM, [
      { termMonths: 12, creditDate: '2025-03-10', base: usd('12000'), paid: usd('160') },
      { termMonths: 12, creditDate: '2025-03-10', base: usd('12000'), paid: usd('159.99') },
      { termMonths: 12, creditDate: '2025-03-25', base: usd('12000') },
    ]);
    // by hand: 12,000 × 8 % = 960. Mar 10 → Jan 20: 10 whole months, 2/12 unserved: 160 (= paid: not limited;
    // 159.99 paid limits it). Mar 25 → Jan 20: Jan 25 has not come, 9 months: 3/12 × 960 = 240
    expect(clawbacks(s)).toEqual([
      ['clawback/e0', '-160.00', false, 10],
      ['clawback/e1', '-159.99', true, 10],
      ['clawback/e2', '-240.00', false, 9],
    ]);
  });

  it('reduces attainment only while part of the term is unserved', () => {
    const policy: Policy = { ...TERM, reducesAttainment: true };
    const unserved = january(policy, [{ termMonths: 12, creditDate: '2025-03-10', base: usd('300') }]);
    const served = january(policy, [{ termMonths: 6, creditDate: '2025-03-10', base: usd('300') }]);
    // by hand: 10 of 12 months served: 1,000 − 300 = 700; 6 of 6 served: nothing reversed, 1,000
    expect([unserved.credited.amount, served.credited.amount]).toEqual(['700.00', '1000.00']);
    expect(clawbacks(served)).toEqual([['clawback/e0', '0.00', false, 6]]);
  });
});
