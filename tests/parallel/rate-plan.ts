/** A one-component plan (8 % of bookings, January 2026) for the statements tests, with its members and credits. */
import type { Credit, Member } from '../../src/model/index.js';
import type { ParallelStatementsOptions } from '../../src/parallel/statements.js';

/** Members `ids`, each with a quota of 1,000.00 USD, under the 8 % rate plan. */
export function ratePlanOptions(ids: readonly string[]): ParallelStatementsOptions & { members: Member[] } {
  const members: Member[] = ids.map((id, i) => ({
    id,
    name: `Member ${i}`,
    roleId: 'ae',
    territoryIds: [],
    startDate: '2020-01-01',
  }));
  return {
    plan: {
      id: 'p',
      currency: 'USD',
      periodLength: 'month',
      versions: [{ id: 'v', effectiveFrom: '2020-01-01', components: [{ id: 'c', kind: 'rate', rate: '0.08' }] }],
    },
    period: { start: '2026-01-01', end: '2026-01-31' },
    members,
    quotas: Object.fromEntries(ids.map((id) => [id, { amount: '1000.00', currency: 'USD' }])),
  };
}

/** An owner credit of 10.00 USD on 2026-01-05 for `memberId`, deal `D-<id>`. */
export const ownerCredit = (id: string, memberId: string): Credit => ({
  id,
  dealId: `D-${id}`,
  memberId,
  kind: 'owner',
  amount: { amount: '10.00', currency: 'USD' },
  date: '2026-01-05',
  measure: 'bookings',
});
