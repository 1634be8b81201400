/** explainStatement: the text a rep checks by hand. */
import { describe, expect, it } from 'vitest';
import { calculateStatement, definePlan, explainStatement } from '../../src/commission/index.js';
import { credit, member, planOf, usd } from './helpers.js';

describe('explainStatement', () => {
  it('shows proration, the evaluated range of a true-up, deferred and carried balances', () => {
    const plan = planOf([{ id: 'c', kind: 'rate', rate: '0.5', cap: { amount: '100', mode: 'defer' } }], {
      version: { clawback: { schedule: [{ withinDays: 30, share: '1' }] } },
    });
    const s = calculateStatement({
      plan,
      member: { ...member, startDate: '2026-03-17' },
      period: { start: '2026-03-01', end: '2026-03-31' },
      quota: usd('0'),
      credits: [credit('k', '1000', '2026-03-20')],
      paidToDate: usd('900'),
    });
    const text = explainStatement(s).split('\n');
    // by hand: 15 of the year's 90 days (Jan 1 – Mar 31); 500 earned; the monthly cap over Jan–Mar to date is
    // 100 × (0/31 + 0/28 + 15/31) = 48.39 → 451.61 deferred; true-up 48.39 − 900 = −851.61, carried forward
    expect(text[0]).toBe(
      'Statement for ae — plan plan, version v1, period 2026-03-01..2026-03-31 (evaluated 2026-01-01..2026-03-31)',
    );
    expect(text[1]).toBe(
      'Quota 0.00 USD (prorated: active 15 of 90 days); credited 1000.00 USD; attainment n/a (zero quota)',
    );
    expect(text.at(-2)).toBe('Earned 48.39 USD; payable 0.00 USD');
    expect(text.at(-1)).toBe('Carried forward: draw balance 0.00 USD; deferred c 451.61; negative balance -851.61 USD');
    expect(text[4]).toBe(
      '  2. cap c: -451.61 USD — capped at 48.39 (100.00 per month over 3 months to date, prorated by active ' +
        'days): 500.00 earned, -451.61 deferred to later periods [rule v1/c]',
    );
  });
  it(
    'a realistic AE quarter reads line by line: mid-quarter hire, accelerators, bonus, spiff, clawback, ' +
      'adjustment, recoverable draw',
    () => {
      const plan = definePlan({
        id: 'ae-2026',
        currency: 'USD',
        periodLength: 'quarter',
        versions: [
          {
            id: 'fy26',
            effectiveFrom: '2026-01-01',
            components: [
              {
                id: 'base',
                kind: 'tiered',
                basis: 'attainment',
                split: 'marginal',
                scope: 'periodToDate',
                boundary: 'higher',
                tiers: [
                  { from: 0, to: 0.5, rate: 0.04 },
                  { from: 0.5, to: 1, rate: 0.08 },
                  { from: 1, rate: 0.12 },
                ],
                cap: { amount: 60000, mode: 'defer' },
              },
              {
                id: 'club',
                kind: 'bonus',
                steps: [
                  { atLeast: 1, amount: 5000 },
                  { atLeast: 1.25, amount: 8000 },
                ],
              },
              {
                id: 'multiyear',
                kind: 'spiff',
                window: { start: '2026-02-01', end: '2026-03-31' },
                amountPerCredit: 500,
                filter: { minTermMonths: 24 },
              },
            ],
            draw: { type: 'recoverable', amount: 6000, start: '2026-01-01', end: '2026-06-30', recoveryShare: 0.5 },
            clawback: {
              schedule: [
                { withinDays: 90, share: 1 },
                { withinDays: 180, share: 0.5 },
              ],
            },
          },
        ],
      });
      const s = calculateStatement({
        plan,
        member: { ...member, startDate: '2026-01-12' },
        period: { start: '2026-01-01', end: '2026-03-31' },
        quota: usd('300000'),
        credits: [
          credit('c1', '84000', '2026-01-28'),
          credit('c2', '120000', '2026-02-17', { termMonths: 36 }),
          credit('c3', '61250.50', '2026-03-09'),
          credit('c4', '-4000', '2026-03-20'),
          credit('c5', '35000', '2026-03-30', { termMonths: 24, kind: 'split' }),
        ],
        adjustments: [{ id: 'adj-7', amount: usd('250'), reason: 'SPIFF paid late for December demo' }],
        clawbacks: [
          {
            id: 'cb1',
            dealId: 'D-9',
            creditDate: '2025-11-20',
            knownDate: '2026-03-02',
            base: usd('20000'),
            rate: '0.08',
            paid: usd('1500'),
            creditIds: ['old9'],
          },
        ],
        priorBalance: { draw: usd('3000') },
      });
      // computed by hand: active Jan 12 – Mar 31 = 20 + 28 + 31 = 79 of 90 days; quota 300,000 × 79/90 = 263,333.33;
      // credited 84,000 + 120,000 + 61,250.50 − 4,000 + 35,000 = 296,250.50 (112.5 %);
      // tiers: 131,666.665 × 4 % = 5,266.67; 131,666.665 × 8 % = 10,533.33;
      // (296,250.50 − 263,333.33) × 12 % = 3,950.06;
      // bonus 5,000 × 79/90 = 4,388.89 (125 % step not reached);
      // spiff: c2 and c5 have ≥ 24 months in the window, 2 × 500;
      // clawback: 102 days (10 + 31 + 31 + 28 + 2) → 50 % step, 20,000 × 8 % × 0.5 = 800 ≤ 1,500 paid;
      // draw 6,000 × 79/90 = 5,266.67; recovery min(3,000, ⌊0.5 × (25,138.95 − 800 + 250)⌋) = 3,000.
      expect(s.lines.map((l) => l.amount.amount)).toEqual([
        '5266.67',
        '10533.33',
        '3950.06',
        '4388.89',
        '1000.00',
        '-800.00',
        '250.00',
        '5266.67',
        '-3000.00',
      ]);
      expect([s.earned.amount, s.payable.amount, s.balances.draw.amount]).toEqual(['25138.95', '26855.62', '5266.67']);
      const text = explainStatement(s).split('\n');
      expect(text[1]).toBe(
        'Quota 263333.33 USD (prorated: active 79 of 90 days); credited 296250.50 USD; attainment 112.50%',
      );
      expect(text[5]).toBe(
        '  3. tier base: 3950.06 USD — tier 3 [263333.33, ∞) (100% of quota and above): the part of the period total ' +
          '296250.50 inside this tier, 32917.17 at 0.12 (12%) = 3950.06 [rule fy26/base; credits c1, c2, c3, c4, c5]',
      );
      expect(text[6]).toBe(
        '  4. bonus club: 4388.89 USD — credited 296250.50 reached the step at 1 (100%) of quota (263333.33): bonus ' +
          '5000.00 prorated 79/90 days = 4388.89 [rule fy26/club; credits c1, c2, c3, c4, c5]',
      );
      expect(text[10]).toBe(
        '  8. draw: 5266.67 USD — recoverable draw of 6000.00 prorated 79/90 days = 5266.67, paid in addition to ' +
          'earnings (added to the draw balance, recovered from later earnings) [rule draw]',
      );
    },
  );
});
