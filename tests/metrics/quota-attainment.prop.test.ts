import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  finalizeQuotaAttainment,
  mergeQuotaAttainment,
  quotaAttainment,
  summarizeQuotaAttainment,
} from '../../src/metrics/quota-attainment.js';
import type { Quota } from '../../src/model/quota.js';

const members = [
  { id: 'ann', name: 'Ann', roleId: 'account-executive', teamId: 'east', territoryIds: [], startDate: '2026-02-10' },
  {
    id: 'bob',
    name: 'Bob',
    roleId: 'account-executive',
    teamId: 'west',
    territoryIds: [],
    startDate: '2025-01-01',
    endDate: '2026-03-05',
  },
  { id: 'cy', name: 'Cy', roleId: 'sales-specialist', teamId: 'east', territoryIds: [], startDate: '2025-01-01' },
];
const quotas: Quota[] = [
  {
    memberId: 'ann',
    period: { start: '2026-01-01', end: '2026-03-31' },
    amount: { amount: '90000', currency: 'USD' },
    measure: 'bookings',
  },
  {
    memberId: 'bob',
    period: { start: '2026-01-01', end: '2026-03-31' },
    amount: { amount: '123456.78', currency: 'USD' },
    measure: 'bookings',
  },
  {
    memberId: 'cy',
    period: { start: '2026-02-01', end: '2026-02-28' },
    amount: { amount: '1000', currency: 'USD' },
    measure: 'bookings',
  },
  {
    teamId: 'east',
    period: { start: '2026-01-01', end: '2026-03-31' },
    amount: { amount: '200000', currency: 'USD' },
    measure: 'bookings',
  },
];
const deal = fc.record({
  ownerId: fc.constantFrom('ann', 'bob', 'cy'),
  stage: fc.constantFrom('closed-won', 'closed-lost'),
  closeDate: fc.integer({ min: 0, max: 100 }).map((d) => new Date(Date.UTC(2026, 0, 1 + d)).toISOString().slice(0, 10)),
  amount: fc.integer({ min: 0, max: 10_000_000 }).map((c) => ({ amount: (c / 100).toFixed(2), currency: 'USD' })),
  splits: fc.option(
    fc.constant([
      { memberId: 'cy', share: '0.3', kind: 'revenue' as const },
      { memberId: 'bob', share: '0.25', kind: 'overlay' as const },
    ]),
    { nil: undefined },
  ),
});

describe('quotaAttainment laws', () => {
  it('any split + merge = the whole, exactly', () => {
    fc.assert(
      fc.property(
        fc.array(deal, { maxLength: 30 }),
        fc.nat(),
        fc.constantFrom(undefined, 'teamId' as const, 'roleId' as const),
        (all, cut, groupBy) => {
          const o = groupBy === undefined ? { members } : { members, groupBy };
          const k = cut % (all.length + 1);
          const merged = mergeQuotaAttainment(
            JSON.parse(JSON.stringify(summarizeQuotaAttainment(all.slice(0, k), quotas, o))),
            summarizeQuotaAttainment(all.slice(k), quotas, o),
          );
          expect(finalizeQuotaAttainment(merged)).toEqual(quotaAttainment(all, quotas, o));
        },
      ),
    );
  });
  it('revenue credits conserve the deal amount (owner + revenue splits = amount)', () => {
    fc.assert(
      fc.property(fc.array(deal, { maxLength: 30 }), (all) => {
        const year = { start: '2026-01-01', end: '2026-12-31' };
        const q = ['ann', 'bob', 'cy'].map(
          (memberId): Quota => ({
            memberId,
            period: year,
            amount: { amount: '1', currency: 'USD' },
            measure: 'bookings',
          }),
        );
        const noOverlay = all.map((d) =>
          d.splits === undefined ? d : { ...d, splits: d.splits.filter((s) => s.kind === 'revenue') },
        );
        const r = quotaAttainment(noOverlay, q);
        const cents = noOverlay
          .filter((d) => d.stage === 'closed-won')
          .reduce((s, d) => s + Math.round(Number(d.amount.amount) * 100), 0);
        expect(Math.round(Number(r.attained?.amount ?? '0') * 100)).toBe(cents);
      }),
    );
  });
});
