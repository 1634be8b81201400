import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultDealPipeline } from '../../src/pipeline/index.js';
import { diagnosePerformance, diagnoseTopPerformers } from '../../src/planning/index.js';

const reps = ['r0', 'r1', 'r2', 'r3'];
const open = ['discovery', 'demo', 'proposal', 'negotiation'];
const cents = (amount: string): bigint => BigInt(amount.replace('.', ''));

const deal = fc.record({
  owner: fc.constantFrom(...reps),
  won: fc.boolean(),
  cents: fc.integer({ min: 0, max: 50_000_000 }),
  furthest: fc.integer({ min: 0, max: open.length - 1 }),
  inPeriod: fc.boolean(),
});
const dataset = fc.record({
  deals: fc.array(deal, { maxLength: 40 }),
  activities: fc.array(fc.constantFrom(...reps), { maxLength: 80 }),
  spend: fc.tuple(...reps.map(() => fc.integer({ min: 0, max: 100_000_000 }))),
});

function build(raw: {
  deals: { owner: string; won: boolean; cents: number; furthest: number; inPeriod: boolean }[];
  activities: string[];
  spend: number[];
}) {
  const amount = (c: number) => ({ amount: (c / 100).toFixed(2), currency: 'USD' });
  return {
    deals: raw.deals.map((x, i) => ({
      id: `d${i}`,
      ownerId: x.owner,
      stage: x.won ? 'closed-won' : 'closed-lost',
      amount: amount(x.cents),
      closeDate: x.inPeriod ? '2026-05-15' : '2026-08-15',
      history: [{ to: open[x.furthest] as string }],
    })),
    activities: raw.activities.map((memberId) => ({ memberId, at: '2026-05-01T08:00:00Z' })),
    accounts: raw.spend.map((c, i) => ({ ownerId: reps[i] as string, annualSpend: amount(c) })),
  };
}
const period = { start: '2026-04-01', end: '2026-06-30' };

describe('diagnosePerformance laws', () => {
  it('the drivers add up to the gap exactly, to the cent, and so do territory and execution', () => {
    fc.assert(
      fc.property(dataset, fc.constantFrom(...reps), (raw, member) => {
        const data = build(raw);
        const d = diagnosePerformance(data, { member, against: reps, period, pipeline: defaultDealPipeline });
        const sum = d.drivers.reduce((s, x) => s + cents(x.effect.amount), 0n);
        expect(sum).toBe(cents(d.gap.amount));
        expect(cents(d.gap.amount)).toBe(cents(d.bookings.amount) - cents(d.comparisonBookings.amount));
        const t = d.territory;
        if (raw.spend.every((c) => c > 0)) expect(t).not.toBeNull();
        if (t !== null) expect(cents(t.territoryEffect.amount) + cents(t.executionEffect.amount)).toBe(sum);
      }),
      { numRuns: 300 },
    );
  });

  it('does not depend on the order of the deals', () => {
    fc.assert(
      fc.property(dataset, (raw) => {
        const data = build(raw);
        const reversed = { ...data, deals: data.deals.slice().reverse() };
        const opts = { member: 'r0', against: reps, period, pipeline: defaultDealPipeline } as const;
        expect(diagnosePerformance(reversed, opts)).toEqual(diagnosePerformance(data, opts));
      }),
      { numRuns: 100 },
    );
  });

  it('the top group always books at least as much per member as the rest', () => {
    fc.assert(
      fc.property(dataset, fc.integer({ min: 1, max: 3 }), (raw, top) => {
        const d = diagnoseTopPerformers(build(raw), { members: reps, top, period, pipeline: defaultDealPipeline });
        expect(cents(d.gap.amount) >= 0n).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
