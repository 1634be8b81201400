/**
 * The lines of one component (src/commission/component-lines.ts) at the edges of their rules,
 * worked by hand: interpolated tiers in the open last tier, a year-to-date total that goes down,
 * amounts exactly at a cap, floor or override threshold, a gate judged against a zero quota, and
 * the deferred cap balance carried through a period whose gate is not met.
 */
import { describe, expect, it } from 'vitest';
import { calculateStatement, type Statement, type StatementInput } from '../../src/commission/index.js';
import { credit, JAN_2026, member, planOf, tiered, usd } from './helpers.js';

type Components = Parameters<typeof planOf>[0];

function january(c: Components, rest: Partial<StatementInput> = {}): Statement {
  return calculateStatement({
    plan: planOf(c),
    member,
    period: JAN_2026,
    quota: usd('10000'),
    credits: [credit('k1', '1000', '2026-01-20')],
    ...rest,
  });
}

const amounts = (s: Statement) => s.lines.map((l) => [l.kind, l.amount.amount]);
const INTERPOLATED = [
  { from: '0', to: '2000', rate: '0.01' },
  { from: '2000', rate: '0.03' },
];

describe('tiered lines', () => {
  it('a period total in a retroactive table pays its whole total at the tier it reached, and says so', () => {
    const table = [
      { from: '0', to: '1000', rate: '0.05' },
      { from: '1000', rate: '0.1' },
    ];
    const t = { ...tiered('retroactive', 'periodToDate', 'higher', table), id: 't' };
    const s = january([t], { credits: [credit('k1', '1500', '2026-01-20')] });
    // by hand: the total 1,500 reaches the second tier, which pays all of it: 1,500 × 10 % = 150
    const line = s.lines[0];
    expect([line?.amount.amount, line?.explanation.detail]).toEqual([
      '150.00',
      expect.objectContaining({ rule: 'tier', how: 'totalReached', scope: 'periodToDate', total: '1500.00' }),
    ]);
  });

  it('an interpolated table is flat in its open last tier, for a period total and per credit', () => {
    const total = { ...tiered('interpolated', 'periodToDate', 'higher', INTERPOLATED), id: 't' };
    const per = { ...tiered('interpolated', 'perCredit', 'higher', INTERPOLATED), id: 'p' };
    const credits = [credit('k1', '3000', '2026-01-20'), credit('k2', '1000', '2026-01-21')];
    const s = january([total, per], { credits });
    // by hand: the total 4,000 is past 2,000, in the flat last tier: 4,000 × 3 % = 120; per credit:
    // k1 3,000 × 3 % = 90, k2 1,000 at 1 % + 2 % × 1,000/2,000 = 2 %: 20
    expect(amounts(s)).toEqual([
      ['tier', '120.00'],
      ['tier', '20.00'],
      ['tier', '90.00'],
    ]);
    expect(s.lines.map((l) => l.explanation.detail.rule === 'tier' && l.explanation.detail.interpolation)).toEqual([
      null,
      { nextRate: '0.03', at: null },
      null,
    ]);
  });

  it('a year-to-date total that goes down reverses the part of each tier it leaves', () => {
    const c = {
      ...tiered('marginal', 'yearToDate', 'higher', [
        { from: '0', to: '4000', rate: '0.01' },
        { from: '4000', rate: '0.02' },
      ]),
      id: 'y',
    };
    const s = january([c], { credits: [credit('k1', '-1500', '2026-01-20')], carriedIn: { y: '5000' } });
    // by hand: 5,000 → 3,500: −500 in the first tier × 1 % = −5, −1,000 in the second × 2 % = −20; the
    // negative total, 25, is carried forward
    expect(amounts(s)).toEqual([
      ['tier', '-5.00'],
      ['tier', '-20.00'],
      ['carryForward', '25.00'],
    ]);
    expect(s.lines.slice(0, 2).map((l) => [l.explanation.base?.amount, l.explanation.detail])).toEqual([
      [
        '-500.00',
        expect.objectContaining({ how: 'partOfTotal', scope: 'yearToDate', total: '3500.00', carriedIn: '5000.00' }),
      ],
      ['-1000.00', expect.objectContaining({ total: '3500.00', carriedIn: '5000.00' })],
    ]);
  });

  it('a period total carries no year-to-date figure', () => {
    const c = { ...tiered('marginal', 'periodToDate', 'higher', [{ from: '0', rate: '0.01' }]), id: 't' };
    expect(january([c]).lines[0]?.explanation.detail).toEqual({
      rule: 'tier',
      weight: null,
      how: 'partOfTotal',
      scope: 'periodToDate',
      total: '1000.00',
      carriedIn: null,
      ofQuota: null,
      interpolation: null,
    });
  });

  it('a credit of zero still lands in a per-credit tier, with its id', () => {
    const c = { ...tiered('marginal', 'perCredit', 'higher', [{ from: '0', rate: '0.01' }]), id: 'p' };
    const s = january([c], { credits: [credit('k0', '0', '2026-01-20')] });
    expect(s.lines.map((l) => [l.amount.amount, l.explanation.base?.amount, l.explanation.creditIds])).toEqual([
      ['0.00', '0.00', ['k0']],
    ]);
  });
});

describe('thresholds, caps and floors met exactly', () => {
  it('an override at exactly its team threshold has met it', () => {
    const team = [credit('m1', '2000', '2026-01-20', { kind: 'rollup' })];
    const s = january(
      [
        { id: 'x', kind: 'override', rate: '0.05', teamThreshold: '2000' },
        { id: 'a', kind: 'override', rate: '0.05', teamThreshold: '2000', thresholdMode: 'all' },
      ],
      { credits: team },
    );
    // by hand: excess 2,000 − 2,000 = 0; all: 2,000 × 5 % = 100
    expect(amounts(s)).toEqual([
      ['override', '0.00'],
      ['override', '100.00'],
    ]);
    expect(s.lines.map((l) => l.explanation.detail.rule === 'override' && l.explanation.detail.threshold?.met)).toEqual(
      [true, true],
    );
  });

  it('earnings equal to the cap or the floor add no cap, release or floor line', () => {
    // by hand: 1,000 × 10 % = 100 each time
    const capped = january([{ id: 'c', kind: 'rate', rate: '0.1', cap: { amount: '100', mode: 'forfeit' } }]);
    const floored = january([{ id: 'c', kind: 'rate', rate: '0.1', floor: '100' }]);
    const deferring = january([{ id: 'c', kind: 'rate', rate: '0.1', cap: { amount: '100', mode: 'defer' } }], {
      priorBalance: { deferred: { c: usd('500') } },
    });
    expect([amounts(capped), amounts(floored), amounts(deferring)]).toEqual([
      [['commission', '100.00']],
      [['commission', '100.00']],
      [['commission', '100.00']],
    ]);
    expect(deferring.balances.deferred).toEqual({ c: usd('500.00') });
  });

  it('a new excess is added to what was deferred before', () => {
    const s = january([{ id: 'c', kind: 'rate', rate: '0.1', cap: { amount: '300', mode: 'defer' } }], {
      credits: [credit('k1', '5000', '2026-01-20')],
      priorBalance: { deferred: { c: usd('500') } },
    });
    // by hand: 500 earned, capped at 300: 200 more deferred, 700 in all
    expect([amounts(s), s.balances.deferred]).toEqual([
      [
        ['commission', '500.00'],
        ['cap', '-200.00'],
      ],
      { c: usd('700.00') },
    ]);
  });
});

describe('gates', () => {
  const capped = { cap: { amount: '300', mode: 'defer' as const } };

  it('a period whose gate is not met keeps the deferred cap balance', () => {
    const s = january([{ id: 'c', kind: 'rate', rate: '0.1', gate: '0.5', ...capped }], {
      priorBalance: { deferred: { c: usd('500') } },
    });
    // by hand: 1,000 credited < 50 % of 10,000: nothing paid, the 500 deferred stays
    expect([amounts(s), s.balances.deferred]).toEqual([[['gate', '0.00']], { c: usd('500.00') }]);
  });

  it('a gate judged to date: not met against a zero quota, and the deferred balance kept', () => {
    const s = january([{ id: 'c', kind: 'rate', rate: '0.1', gate: '0.5', gateOn: 'toDate', ...capped }], {
      attainmentToDate: { carriedIn: usd('50000'), quota: usd('0') },
      priorBalance: { deferred: { c: usd('500') } },
    });
    expect([amounts(s), s.balances.deferred]).toEqual([[['gate', '0.00']], { c: usd('500.00') }]);
  });
});

describe('what a line carries', () => {
  it('a retroactive table reached in a middle tier pays its own flat rate', () => {
    const c = {
      ...tiered('retroactive', 'periodToDate', 'higher', [
        { from: '0', to: '1000', rate: '0.01' },
        { from: '1000', to: '2000', rate: '0.02' },
        { from: '2000', rate: '0.03' },
      ]),
      id: 't',
    };
    // by hand: 1,500 is in [1,000, 2,000): 1,500 × 2 % = 30 (not moving toward the next tier's 3 %)
    expect(amounts(january([c], { credits: [credit('k1', '1500', '2026-01-20')] }))).toEqual([['tier', '30.00']]);
  });

  it('an amount table pays with a zero quota; an attainment table pays nothing, on a tier line', () => {
    const amount = { ...tiered('marginal', 'periodToDate', 'higher', [{ from: '0', rate: '0.1' }]), id: 'a' };
    const attainment = { ...amount, id: 'q', basis: 'attainment' as const };
    const s = january([amount, attainment], { quota: usd('0') });
    // by hand: 1,000 × 10 % = 100
    expect(s.lines.map((l) => [l.kind, l.componentId, l.amount.amount, l.explanation.detail])).toEqual([
      ['tier', 'a', '100.00', expect.objectContaining({ rule: 'tier' })],
      [
        'tier',
        'q',
        '0.00',
        { rule: 'noTier', reason: 'quotaZero', scope: 'periodToDate', total: null, carriedIn: null },
      ],
    ]);
  });

  it('the facts of a total below the first tier and of a gate judged on the period', () => {
    const below = { ...tiered('marginal', 'periodToDate', 'higher', [{ from: '2000', rate: '0.1' }]), id: 'b' };
    const gated: Components[number] = { id: 'g', kind: 'rate', rate: '0.1', gate: '0.5' };
    expect(january([below, gated]).lines.map((l) => l.explanation.detail)).toEqual([
      { rule: 'noTier', reason: 'belowFirstTier', scope: 'periodToDate', total: '1000.00', carriedIn: null },
      { rule: 'gateNotMet', gate: '0.5', on: 'period', toDate: null },
    ]);
  });
});
