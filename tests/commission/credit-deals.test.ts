/**
 * Crediting against published split examples (research/commission.md EX-10, Spiff S5) and
 * roll-up without double counting (X16).
 */
import { describe, expect, it } from 'vitest';
import { calculateStatement, creditDeals } from '../../src/commission/index.js';
import type { Deal } from '../../src/model/deal.js';
import type { Member } from '../../src/model/member.js';
import type { Pipeline } from '../../src/model/pipeline.js';
import { planOf, usd } from './helpers.js';

function deal(id: string, amount: string, extra: Partial<Deal> = {}): Deal {
  return {
    id,
    name: id,
    accountId: 'acc',
    ownerId: 'ae1',
    type: 'new',
    amount: { amount, currency: extra.amount?.currency ?? 'USD' },
    stage: 'closed-won',
    probability: 1,
    probabilitySource: 'stage',
    forecastCategory: 'closed',
    expectedCloseDate: '2026-01-20',
    closeDate: '2026-01-20',
    createdAt: '2026-01-01T00:00:00Z',
    history: [],
    ...extra,
  };
}

const m = (id: string, extra: Partial<Member> = {}): Member => ({
  id,
  name: id,
  roleId: 'ae',
  startDate: '2020-01-01',
  territoryIds: [],
  ...extra,
});

describe('creditDeals', () => {
  it('moneyphp/money PR #492 (EX-10d): €99.99 at 75/25 → 74.99 / 25.00, not 75.00 / 24.99', () => {
    const credits = creditDeals([
      deal('d', '99.99', {
        amount: { amount: '99.99', currency: 'EUR' },
        splits: [{ memberId: 'ae2', share: '0.25', kind: 'revenue' }],
      }),
    ]);
    expect(credits.map((c) => [c.id, c.amount.amount, c.share])).toEqual([
      ['d/owner/ae1', '74.99', '0.75'],
      ['d/split/ae2', '25.00', '0.25'],
    ]);
  });
  it('prowi territory split (EX-10a): 100,000 at 60/40 and 10 % → 6,000 / 4,000', () => {
    const credits = creditDeals([
      deal('d', '100000', { splits: [{ memberId: 'ae2', share: '0.4', kind: 'revenue' }] }),
    ]);
    const plan = planOf([{ id: 'c', kind: 'rate', rate: '0.1' }]);
    const pay = (id: string) =>
      calculateStatement({
        plan,
        member: m(id),
        period: { start: '2026-01-01', end: '2026-01-31' },
        quota: usd('1'),
        credits,
      }).payable.amount;
    expect([pay('ae1'), pay('ae2')]).toEqual(['6000.00', '4000.00']); // published
  });
  it('prowi hand-off split (EX-10c): 80,000 × 10 % split 60/40 by stages owned → 4,800 / 3,200', () => {
    const credits = creditDeals([deal('d', '80000', { splits: [{ memberId: 'ae2', share: '0.4', kind: 'revenue' }] })]);
    const plan = planOf([{ id: 'c', kind: 'rate', rate: '0.1' }]);
    const pay = (id: string) =>
      calculateStatement({
        plan,
        member: m(id),
        period: { start: '2026-01-01', end: '2026-01-31' },
        quota: usd('1'),
        credits,
      }).payable.amount;
    expect([pay('ae1'), pay('ae2')]).toEqual(['4800.00', '3200.00']); // published
  });
  it('Spiff opportunity splits (S5): A 50 % revenue + 20 % overlay, B 50 % revenue; overlay is additional', () => {
    const credits = creditDeals([
      deal('d', '1000.01', {
        ownerId: 'A',
        splits: [
          { memberId: 'B', share: '0.5', kind: 'revenue' },
          { memberId: 'A', share: '0.2', kind: 'overlay' },
        ],
      }),
    ]);
    // by hand: 1000.01 / 2 = 500.005 → largest remainder tie goes to the earlier part (owner A): 500.01 / 500.00;
    // overlay 200.002 → 200.00
    expect(credits.map((c) => [c.kind, c.memberId, c.amount.amount])).toEqual([
      ['owner', 'A', '500.01'],
      ['split', 'B', '500.00'],
      ['overlay', 'A', '200.00'],
    ]);
  });
  it('credits the source SDR with one unit and the full amount', () => {
    const credits = creditDeals([deal('d', '5000', { sourceMemberId: 'sdr1' })]);
    expect(credits[1]).toMatchObject({ id: 'd/source/sdr1', kind: 'source', units: 1, amount: usd('5000.00') });
    expect(creditDeals([deal('d', '5000', { sourceMemberId: 'sdr1' })], { source: false })).toHaveLength(1);
  });
  it('rolls up to the manager as of the credit date, summed per deal (no double counting)', () => {
    const members = [
      m('ae1', {
        reportingHistory: [
          { managerId: 'old', start: '2020-01-01', end: '2026-01-15' },
          { managerId: 'mgr', start: '2026-01-16' },
        ],
      }),
      m('ae2', { managerId: 'mgr' }),
      m('mgr', { managerId: 'vp' }),
    ];
    const d = deal('d', '100000', { splits: [{ memberId: 'ae2', share: '0.5', kind: 'revenue' }] });
    const direct = creditDeals([d], { members, rollup: 'manager' }).filter((c) => c.kind === 'rollup');
    // by hand: both reps report to mgr on 2026-01-20 → one rollup credit of 50,000 + 50,000
    expect(direct.map((c) => [c.memberId, c.amount.amount])).toEqual([['mgr', '100000.00']]);
    const chain = creditDeals([d], { members, rollup: 'allManagers' }).filter((c) => c.kind === 'rollup');
    expect(chain.map((c) => [c.memberId, c.amount.amount])).toEqual([
      ['mgr', '100000.00'],
      ['vp', '100000.00'],
    ]);
    const early = creditDeals([{ ...d, closeDate: '2026-01-10' }], { members, rollup: 'manager' }).filter(
      (c) => c.kind === 'rollup',
    );
    expect(early.map((c) => [c.memberId, c.amount.amount])).toEqual([
      ['old', '50000.00'],
      ['mgr', '50000.00'],
    ]);
  });
  it(
    'a credit note gives negative credits that reduce the base (ADempiere #1628: 1,000 invoiced, 200 credited at ' +
      '4 % → 32, not 48)',
    () => {
      const credits = creditDeals([deal('inv', '1000'), deal('cn', '-200')]);
      const plan = planOf([{ id: 'c', kind: 'rate', rate: '0.04' }]);
      const s = calculateStatement({
        plan,
        member: m('ae1'),
        period: { start: '2026-01-01', end: '2026-01-31' },
        quota: usd('1'),
        credits,
      });
      expect(s.payable.amount).toBe('32.00'); // published expected 32 (the bug paid 48)
    },
  );
  it('rejects revenue shares over 100 % and deals without a close date', () => {
    expect(() =>
      creditDeals([
        deal('d', '1', {
          splits: [
            { memberId: 'x', share: '0.6', kind: 'revenue' },
            { memberId: 'y', share: '0.5', kind: 'revenue' },
          ],
        }),
      ]),
    ).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    const { closeDate: _c, ...open } = deal('d', '1');
    expect(() => creditDeals([open as Deal])).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => creditDeals([deal('d', '1')], { rollup: 'manager' })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
  });
});

describe('crediting feeds overrides', () => {
  it(
    'prowi override commission (EX-11a) end to end: five reps, roll-up as of the close date, 3 % override = ' +
      '9,000; reps 10 % = 30,000',
    () => {
      const sales = ['75000', '60000', '67500', '52500', '45000'];
      const members = [m('mgr'), ...sales.map((_, i) => m(`rep${i}`, { managerId: 'mgr' }))];
      const deals = sales.map((a, i) => deal(`d${i}`, a, { ownerId: `rep${i}` }));
      const credits = creditDeals(deals, { members, rollup: 'manager' });
      const period = { start: '2026-01-01', end: '2026-01-31' };
      const override = calculateStatement({
        plan: planOf([{ id: 'ov', kind: 'override', rate: '0.03' }]),
        member: m('mgr'),
        period,
        quota: usd('300000'),
        credits,
      });
      expect(override.payable.amount).toBe('9000.00'); // published
      expect(override.lines[0]?.explanation.creditIds).toEqual([
        'd0/rollup/mgr',
        'd1/rollup/mgr',
        'd2/rollup/mgr',
        'd3/rollup/mgr',
        'd4/rollup/mgr',
      ]);
      const repPlan = planOf([{ id: 'c', kind: 'rate', rate: '0.1' }]);
      const reps = sales.map(
        (_, i) =>
          calculateStatement({ plan: repPlan, member: m(`rep${i}`), period, quota: usd('1'), credits }).payable.amount,
      );
      expect(reps).toEqual(['7500.00', '6000.00', '6750.00', '5250.00', '4500.00']); // published
    },
  );
  it(
    'refuses a deal that is not won, and a member credited twice on one deal (ids would collide, the split would ' +
      'be ambiguous)',
    () => {
      expect(() =>
        creditDeals([
          deal('d', '100', { stage: 'closed-lost', forecastCategory: 'omitted', probability: 0, lostReason: 'price' }),
        ]),
      ).toThrow(/only won deals are credited/);
      expect(() =>
        creditDeals([
          deal('d', '100', {
            splits: [
              { memberId: 'ae2', share: '0.2', kind: 'revenue' },
              { memberId: 'ae2', share: '0.3', kind: 'revenue' },
            ],
          }),
        ]),
      ).toThrow(/two revenue credits/);
      expect(() =>
        creditDeals([deal('d', '100', { splits: [{ memberId: 'ae1', share: '0.5', kind: 'revenue' }] })]),
      ).toThrow(/two revenue credits/);
    },
  );
  it('an SDR is paid per sourced deal from creditDeals: perUnit on source credits in the deal measure', () => {
    const credits = creditDeals([
      deal('d1', '40000', { sourceMemberId: 'sdr' }),
      deal('d2', '-5000', { sourceMemberId: 'sdr' }),
      deal('d3', '12000', { sourceMemberId: 'sdr' }),
    ]);
    const plan = planOf([
      { id: 'sourced', kind: 'perUnit', amountPerUnit: '150', kinds: ['source'], measure: 'bookings' },
      { id: 'share', kind: 'rate', rate: '0.01', kinds: ['source'] },
    ]);
    const s = calculateStatement({
      plan,
      member: m('sdr'),
      period: { start: '2026-01-01', end: '2026-01-31' },
      quota: usd('0'),
      credits,
    });
    // computed by hand: 2 sourced deals × 150 = 300 (the credit note's source credit has 0 units: it never adds a
    // unit);
    // 1 % of (40,000 − 5,000 + 12,000) = 470
    expect(s.lines.map((l) => [l.componentId, l.amount.amount])).toEqual([
      ['sourced', '300.00'],
      ['share', '470.00'],
    ]);
  });
  // model's dealOutcomeOf decides
  describe("won is the stage's kind in the pipeline, never closeDate or forecastCategory", () => {
    const hubspot: Pipeline = {
      id: 'default',
      name: 'Sales pipeline',
      entity: 'deal',
      stages: [
        {
          id: 'contractsent',
          name: 'C',
          kind: 'open',
          probability: 0.9,
          forecastCategory: 'commit',
          requiredFields: [],
        },
        { id: 'closedwon', name: 'W', kind: 'won', probability: 1, forecastCategory: 'closed', requiredFields: [] },
        { id: 'closedlost', name: 'L', kind: 'lost', probability: 0, forecastCategory: 'omitted', requiredFields: [] },
      ],
      transitions: [],
      handoffStages: [],
    };
    it('credits a deal in a won stage of the given pipeline, whatever its forecastCategory', () => {
      const credits = creditDeals([deal('h1', '500', { stage: 'closedwon', forecastCategory: 'commit' })], {
        pipeline: hubspot,
      });
      expect(credits.map((c) => [c.id, c.amount.amount])).toEqual([['h1/owner/ae1', '500.00']]);
    });
    it('refuses an open deal that carries an (expected) close date, as Salesforce exports fill it', () => {
      expect(() => creditDeals([deal('o1', '500', { stage: 'negotiation', forecastCategory: 'closed' })])).toThrow(
        expect.objectContaining({ code: 'INVALID_INPUT', field: 'deals[0] (id "o1").stage' }),
      );
    });
    it('refuses a stage the pipeline does not have (never silently open or won)', () => {
      expect(() => creditDeals([deal('x1', '500', { stage: 'Verbal Commit' })])).toThrow(
        expect.objectContaining({ code: 'INVALID_INPUT', message: expect.stringContaining('Verbal Commit') }),
      );
    });
    it('a won deal without a close date is refused: closeDate dates the credits', () => {
      const { closeDate: _, ...undated } = deal('w1', '500');
      expect(() => creditDeals([undated as Deal])).toThrow(
        expect.objectContaining({ code: 'INVALID_INPUT', field: 'deals[0] (id "w1").closeDate' }),
      );
    });
  });
});
