/**
 * Purity: every metric reads its inputs without changing them. Inputs are deep-frozen (a write
 * would throw in strict-mode ESM) and the answer must equal the answer on an unfrozen copy.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as M from '../../src/metrics/index.js';
import { deal, pipeline, walker } from './fixtures.js';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

const arbDeal = fc
  .record({
    stage: fc.constantFrom('closed-won', 'closed-lost', 'proposal'),
    cents: fc.integer({ min: 0, max: 10_000_000 }),
    owner: fc.constantFrom('ae1', 'ae2'),
    day: fc.integer({ min: 0, max: 80 }),
    cycle: fc.integer({ min: 0, max: 60 }),
  })
  .map(({ stage, cents, owner, day, cycle }) =>
    deal(stage, (cents / 100).toFixed(2), {
      ownerId: owner,
      createdAt: new Date(Date.UTC(2026, 0, 1 + day, 9)).toISOString(),
      closeDate: new Date(Date.UTC(2026, 0, 1 + day + cycle)).toISOString().slice(0, 10),
      teamId: owner === 'ae1' ? 'east' : 'west',
      territoryId: owner === 'ae1' ? 't1' : 't2',
    }),
  );
const arbPath = fc.constantFrom(
  ['a'],
  ['a', 'b'],
  ['a', 'c', 'won'],
  ['a', 'b', 'lost'],
  ['b', 'won'],
  ['a', 'b', 'c', 'won'],
);
const arbEntity = fc
  .tuple(arbPath, fc.integer({ min: 1, max: 28 }))
  .map(([path, d]) => walker(path, `2026-01-${String(d).padStart(2, '0')}`));
const members = [
  { id: 'ae1', name: 'A', roleId: 'account-executive', teamId: 'east', territoryIds: ['t1'], startDate: '2026-02-01' },
  { id: 'ae2', name: 'B', roleId: 'account-executive', teamId: 'west', territoryIds: ['t2'], startDate: '2025-01-01' },
];
const period = { start: '2026-01-01', end: '2026-03-31' };
const quotas = [
  { memberId: 'ae1', period, amount: { amount: '50000.00', currency: 'USD' }, measure: 'bookings' as const },
  { teamId: 'east', period, amount: { amount: '90000.00', currency: 'USD' }, measure: 'bookings' as const },
];
const KINDS = ['call', 'email', 'meeting', 'demo'] as const;
const activity = (i: number) => ({
  kind: KINDS[i % 4] as (typeof KINDS)[number],
  memberId: i % 2 ? 'ae1' : 'ae2',
  at: `2026-01-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00Z`,
  durationSeconds: 30 * i,
});

describe('metrics do not mutate their inputs (deep-frozen inputs, same answer as unfrozen copies)', () => {
  it('deal KPIs, attainment, revenue per rep, territory balance and tiers', () => {
    fc.assert(
      fc.property(
        fc.array(arbDeal, { maxLength: 25 }),
        fc.constantFrom('ownerId' as const, 'teamId' as const, 'territoryId' as const, 'roleId' as const),
        (deals, groupBy) => {
          const calls = (d: typeof deals, m: typeof members, q: typeof quotas) => {
            const accounts = d.map((x, i) => ({ id: `acc${i}`, territoryId: x.territoryId, annualSpend: x.amount }));
            return [
              M.winRate(d, { by: 'value', groupBy, members: m }),
              M.averageDealSize(d, { groupBy, members: m }),
              M.salesCycleLength(d, { groupBy, members: m }),
              M.quotaAttainment(d, q, { groupBy, members: m }),
              M.revenuePerRep(d, m, { period, groupBy }),
              M.territoryBalance(accounts, [{ id: 't1' }, { id: 't2' }]),
              M.assignAccountTiers(accounts, [{ tier: 'A', minAnnualSpend: { amount: '50000', currency: 'USD' } }], {
                defaultTier: 'B',
              }),
            ];
          };
          const expected = calls(structuredClone(deals), structuredClone(members), structuredClone(quotas));
          expect(
            calls(deepFreeze(deals), deepFreeze(structuredClone(members)), deepFreeze(structuredClone(quotas))),
          ).toEqual(expected);
        },
      ),
      { numRuns: 50 },
    );
  });
  it('funnel (both modes) and activity KPIs', () => {
    fc.assert(
      fc.property(fc.array(arbEntity, { maxLength: 25 }), fc.nat({ max: 30 }), (entities, n) => {
        const acts = Array.from({ length: n }, (_, i) => activity(i));
        const calls = (e: typeof entities, a: typeof acts) => [
          M.funnel(e, { pipeline, groupBy: 'ownerId' }),
          M.funnel(e, { pipeline, mode: 'period', period: { start: '2026-01-10', end: '2026-01-31' } }),
          M.activityCounts(a, { groupBy: 'ownerId' }),
          M.averageCallDuration(a, { groupBy: 'teamId', members }),
        ];
        const expected = calls(structuredClone(entities), structuredClone(acts));
        expect(calls(deepFreeze(entities), deepFreeze(acts))).toEqual(expected);
      }),
      { numRuns: 50 },
    );
  });
  it('rate functions leave their group lists alone', () => {
    const groups = deepFreeze([
      { key: 'a', successes: 2, trials: 2 },
      { key: 'b', successes: 180, trials: 300 },
      { key: 'c', successes: 40, trials: 120 },
    ]);
    expect(M.shrinkRates(groups)).toEqual(M.shrinkRates(structuredClone(groups)));
    const a = deepFreeze({ successes: 5, trials: 83 });
    const b = deepFreeze({ successes: 12, trials: 99 });
    expect(M.compareRates(a, b)).toEqual(M.compareRates({ ...a }, { ...b }));
  });
});
