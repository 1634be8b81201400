/**
 * The `statements` computation's merge keeps one array for a member's credit ids, attainment's and
 * a plain component's (a merge of commission's summaries gives three equal arrays): the same
 * summary as commission's `mergeStatement`, deeply, with a third of the arrays.
 */
import { describe, expect, it } from 'vitest';
import { mergeStatement } from '../../src/commission/index.js';
import type { Credit } from '../../src/model/index.js';
import { mergeStatements, summarizeStatements } from '../../src/parallel/statements.js';

const plan = {
  id: 'p',
  currency: 'USD',
  periodLength: 'month' as const,
  versions: [
    {
      id: 'v',
      effectiveFrom: '2020-01-01',
      components: [
        { id: 'c', kind: 'rate' as const, rate: '0.08' },
        // per unit: its own sums (units), not attainment's; its ids are the credit ids when every credit counts
        { id: 'u', kind: 'perUnit' as const, amountPerUnit: '5.00' },
      ],
    },
  ],
};
const member = { id: 'm1', name: 'M', roleId: 'ae', territoryIds: [], startDate: '2020-01-01' };
const options = {
  plan,
  period: { start: '2026-01-01', end: '2026-01-31' },
  members: [member],
  quotas: { m1: { amount: '1000.00', currency: 'USD' } },
};
const credit = (id: string, amount: string): Credit =>
  ({
    id,
    dealId: `d-${id}`,
    memberId: 'm1',
    kind: 'owner',
    measure: 'bookings',
    date: '2026-01-10',
    amount: { amount, currency: 'USD' },
  }) as Credit;

describe('mergeStatements', () => {
  it('equals mergeStatement member by member, with one array for the shared id lists', () => {
    const a = summarizeStatements([credit('k1', '100.00'), credit('k3', '50.00')], options);
    const b = summarizeStatements([credit('k2', '25.00')], options);
    const x = a['m1'];
    const y = b['m1'];
    if (x === undefined || y === undefined) throw new Error('no summary');
    // one array per part already (summarizeStatement gives attainment and the rate component the credit ids)
    expect([x.attainment.creditIds === x.creditIds, x.components['c']?.creditIds === x.creditIds]).toEqual([
      true,
      true,
    ]);
    const merged = mergeStatements(a, b)['m1'];
    const plain = mergeStatement(x, y);
    expect(merged).toEqual(plain);
    expect(plain.attainment.creditIds === plain.creditIds).toBe(false); // commission's merge: three arrays
    expect(merged?.creditIds).toEqual(['k1', 'k2', 'k3']);
    expect(merged?.attainment.creditIds).toBe(merged?.creditIds);
    expect(merged?.components['c']?.creditIds).toBe(merged?.creditIds);
    // the per-unit component keeps its own list where the parts did
    const u = merged?.components['u']?.creditIds;
    expect(u === merged?.creditIds).toBe(x.components['u']?.creditIds === x.creditIds);
  });
});
