import { describe, expect, it } from 'vitest';
import { defaultDealPipeline } from '../../src/pipeline/index.js';
import { diagnosePerformance, diagnoseTopPerformers } from '../../src/planning/index.js';

const usd = (amount: string) => ({ amount, currency: 'USD' });
const period = { start: '2026-04-01', end: '2026-06-30' };
const won = (id: string, ownerId: string, amount: string) => ({
  id,
  ownerId,
  stage: 'closed-won',
  amount: usd(amount),
  closeDate: '2026-05-20',
  createdAt: '2026-04-20T09:00:00Z',
});
const lost = (id: string, ownerId: string, furthest: string) => ({
  id,
  ownerId,
  stage: 'closed-lost',
  amount: usd('10000.00'),
  closeDate: '2026-06-02',
  history: [{ to: 'discovery' }, { to: furthest }, { to: 'closed-lost' }],
});
const activities = (memberId: string, n: number) =>
  Array.from({ length: n }, (_, i) => ({ memberId, at: `2026-05-${String((i % 28) + 1).padStart(2, '0')}T10:00:00Z` }));

// Ana: 30 activities, 6 decided deals: won 25,000 and 30,000; lost after discovery ×2, demo, proposal.
// The team (Ben, Cy): 60 activities, 12 decided: Ben won 4 × 20,000 and lost after demo, proposal,
// negotiation and discovery; Cy won 15,000 and 25,000 and lost after discovery and negotiation.
const deals = [
  won('a1', 'ana', '25000.00'),
  won('a2', 'ana', '30000.00'),
  lost('a3', 'ana', 'discovery'),
  lost('a4', 'ana', 'discovery'),
  lost('a5', 'ana', 'demo'),
  lost('a6', 'ana', 'proposal'),
  ...['b1', 'b2', 'b3', 'b4'].map((id) => won(id, 'ben', '20000.00')),
  lost('b5', 'ben', 'demo'),
  lost('b6', 'ben', 'proposal'),
  lost('b7', 'ben', 'negotiation'),
  lost('b8', 'ben', 'discovery'),
  won('c1', 'cy', '15000.00'),
  won('c2', 'cy', '25000.00'),
  lost('c3', 'cy', 'discovery'),
  lost('c4', 'cy', 'negotiation'),
  // open, and closed outside the period: not counted
  { id: 'x1', ownerId: 'ana', stage: 'proposal', amount: usd('99999.00') },
  { ...won('x2', 'ben', '99999.00'), closeDate: '2026-07-01' },
];
const members = ['ana', 'ben', 'cy'].map((id) => ({
  id,
  name: id,
  roleId: 'account-executive',
  teamId: 't1',
  startDate: '2025-01-01',
  territoryIds: [],
}));
const data = {
  deals,
  activities: [...activities('ana', 30), ...activities('ben', 40), ...activities('cy', 20)],
  accounts: [
    { ownerId: 'ana', annualSpend: usd('400000.00') },
    { ownerId: 'ben', annualSpend: usd('300000.00') },
    { ownerId: 'cy', annualSpend: usd('500000.00') },
  ],
};

describe('diagnosePerformance', () => {
  const d = diagnosePerformance(data, { member: 'ana', members, period, pipeline: defaultDealPipeline });

  it('finds the gap: 55,000 against the team’s 60,000 per rep', () => {
    expect(d.subject).toEqual(['ana']);
    expect(d.comparison).toEqual(['ben', 'cy']);
    expect([d.bookings.amount, d.comparisonBookings.amount, d.gap.amount]).toEqual([
      '55000.00',
      '60000.00',
      '-5000.00',
    ]);
  });

  it('splits it exactly into drivers (LMDI-I, by hand)', () => {
    // Factors, Ana against the team per rep: activities 30 vs 30; opportunities per activity 6/30 vs
    // 12/60; discovery → demo 4/6 vs 10/12; demo → proposal 3/4 vs 9/10; proposal → negotiation 2/3 vs
    // 8/9; negotiation → won 2/2 vs 6/8; deal size 27,500 vs 20,000. L(55000, 60000) = 57,463.75;
    // effects L·ln(xᵀ/x⁰), computed by hand with Python's math module, in cents: −1,282,266.52,
    // −1,047,688.03, −1,653,129.06, +1,653,129.06, +1,829,954.55; rounded by largest remainder to
    // add up to −500,000 cents.
    expect(d.drivers.map((x) => [x.id, x.effect.amount])).toEqual([
      ['activities', '0.00'],
      ['opportunitiesPerActivity', '0.00'],
      ['stage:discovery', '-12822.67'],
      ['stage:demo', '-10476.88'],
      ['stage:proposal', '-16531.29'],
      ['stage:negotiation', '16531.29'],
      ['dealSize', '18299.55'],
    ]);
    expect(d.drivers[6]?.value).toEqual(usd('27500.00'));
    expect(d.drivers[6]?.comparisonValue).toEqual(usd('20000.00'));
  });

  it('gives each rate its test and its shrunk value', () => {
    const first = d.drivers[2];
    expect(first?.counts).toEqual({ subject: { successes: 4, trials: 6 }, comparison: { successes: 10, trials: 12 } });
    // Two-proportion z-test, pooled 14/18, by hand: z = −0.8018, p = erfc(0.8018/√2) = 0.42268.
    expect(first?.pValue).toBeCloseTo(0.4226780741706352, 10);
    // Beta prior of 10 trials at the team's 10/12: (4 + 10·10/12) / (6 + 10) = 0.770833…
    expect(first?.shrunkValue).toBeCloseTo(0.7708333333333334, 12);
    expect(first?.significant).toBe(false);
  });

  it('splits the gap into territory and execution', () => {
    // Potential 400,000 for Ana and (300,000 + 500,000)/2 = 400,000 per rep for the team: the territory
    // explains nothing, execution everything; the team's penetration 60,000/400,000 books 60,000 here.
    expect(d.territory).toEqual({
      potential: usd('400000.00'),
      comparisonPotential: usd('400000.00'),
      fairShare: usd('60000.00'),
      territoryEffect: usd('0.00'),
      executionEffect: usd('-5000.00'),
    });
  });

  it('explains itself in plain lines', () => {
    expect(d.lines[0]).toBe('bookings 55000.00 against 60000.00 for the team: a gap of −5,000.00');
    expect(d.lines).toContain(
      'Discovery / needs analysis → Presentation / demo converts at 67 % against 83 % for the team, p = 0.42: ' +
        '−12,822.67 of the −5,000.00 gap',
    );
    expect(d.lines).toContain(
      'average deal size 27500.00 against 20000.00 for the team: +18,299.55 of the −5,000.00 gap',
    );
    expect(d.lines.at(-1)).toMatch(/^verdict: no rate differs significantly/);
    // Cycle length: every won deal took 30 days minus 9 hours from creation to close.
    expect(d.cycleLengthDays.subject).toBeCloseTo(29.625, 10);
  });

  it('folds the stages into one win rate when a lost deal has no history, and says so', () => {
    const noHistory = deals.map((x) => (x.id === 'a3' ? { ...x, history: [] } : x));
    const r = diagnosePerformance(
      { deals: noHistory },
      { member: 'ana', against: ['ben', 'cy'], period, pipeline: defaultDealPipeline },
    );
    expect(r.drivers.map((x) => x.id)).toEqual(['opportunities', 'winRate', 'dealSize']);
    expect(r.warnings).toContain('a lost deal has no stage history: stages are folded into one win rate');
    // Ana: 6 × 2/6 × 27,500 = 55,000; the team per rep: 6 × 6/12 × 20,000 = 60,000; L = 57,463.75;
    // win rate L·ln((2/6)/(1/2)) = −23,299.55 and deal size L·ln(1.375) = 18,299.55 (by hand).
    expect(r.drivers.map((x) => x.effect.amount)).toEqual(['0.00', '-23299.55', '18299.55']);
  });

  it('refuses what it cannot answer', () => {
    const opts = { member: 'ana', period, pipeline: defaultDealPipeline };
    expect(() => diagnosePerformance(data, opts)).toThrow(/options.members is required/);
    expect(() => diagnosePerformance(data, { ...opts, against: ['ana'] })).toThrow(/at least one member/);
    const dup = { ...data, deals: [...deals, deals[0] as (typeof deals)[number]] };
    expect(() => diagnosePerformance(dup, { ...opts, against: ['ben'] })).toThrow(
      expect.objectContaining({ code: 'DUPLICATE_ID' }),
    );
    const bad = { deals: [{ ...won('z', 'ana', '1.00'), stage: 'verbal-commit' }] };
    expect(() => diagnosePerformance(bad, { ...opts, against: ['ben'] })).toThrow(
      'data.deals[0] (id "z").stage must be a stage of pipeline "deal" (discovery, demo, proposal, negotiation, ' +
        'closed-won, closed-lost), got "verbal-commit"',
    );
    const eur = {
      deals: [won('e1', 'ana', '1.00'), { ...won('e2', 'ben', '1.00'), amount: { amount: '1.00', currency: 'EUR' } }],
    };
    expect(() => diagnosePerformance(eur, { ...opts, against: ['ben'] })).toThrow(
      expect.objectContaining({ code: 'CURRENCY_MISMATCH' }),
    );
  });
});

describe('diagnoseTopPerformers', () => {
  it('compares the best with the rest', () => {
    // Ben books 80,000, Cy 40,000, Ana 55,000: the top one is Ben, against (55,000 + 40,000)/2 = 47,500.
    const d = diagnoseTopPerformers(data, {
      members: ['ana', 'ben', 'cy'],
      top: 1,
      period,
      pipeline: defaultDealPipeline,
    });
    expect(d.subject).toEqual(['ben']);
    expect(d.comparison).toEqual(['ana', 'cy']);
    expect(d.gap.amount).toBe('32500.00');
    const cents = d.drivers.reduce((s, x) => s + Math.round(Number(x.effect.amount) * 100), 0);
    expect(cents).toBe(3250000);
  });

  it('refuses a top group that leaves no one to compare with', () => {
    expect(() =>
      diagnoseTopPerformers(data, { members: ['ana', 'ben'], top: 2, period, pipeline: defaultDealPipeline }),
    ).toThrow(/options.top must be an integer from 1 to 1/);
  });
});
