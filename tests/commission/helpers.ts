/** Builders shared by the commission tests. */
import type { Credit } from '../../src/model/credit.js';
import type { Member } from '../../src/model/member.js';
import type { PlanInput } from '../../src/model/plan.js';

type Components = PlanInput['versions'][number]['components'];

export function planOf(
  components: Components,
  extra: Partial<PlanInput> & { version?: Partial<PlanInput['versions'][number]> } = {},
): PlanInput {
  const { version, ...rest } = extra;
  return {
    id: 'plan',
    currency: 'USD',
    periodLength: 'month',
    versions: [{ id: 'v1', effectiveFrom: '2010-01-01', components, ...version }],
    ...rest,
  };
}

export const member: Member = { id: 'ae', name: 'Ana', roleId: 'ae', startDate: '2019-01-01', territoryIds: [] };

export function credit(id: string, amount: string, date = '2026-01-15', extra: Partial<Credit> = {}): Credit {
  return {
    id,
    dealId: `d-${id}`,
    memberId: 'ae',
    kind: 'owner',
    measure: 'bookings',
    date,
    amount: { amount, currency: extra.amount?.currency ?? 'USD' },
    ...extra,
  };
}

export const JAN_2026 = { start: '2026-01-01', end: '2026-01-31' };

export function usd(amount: string): { amount: string; currency: string } {
  return { amount, currency: 'USD' };
}

export function tiered(
  split: 'marginal' | 'retroactive' | 'interpolated',
  scope: 'perCredit' | 'periodToDate' | 'yearToDate',
  boundary: 'lower' | 'higher',
  tiers: { from: string; to?: string; rate: string }[],
  basis: 'amount' | 'attainment' = 'amount',
): Components[number] {
  return { id: 't', kind: 'tiered', basis, split, scope, boundary, tiers };
}
