/**
 * Law of cash-basis plans: over the plan's life, what is payable never exceeds what was earned,
 * and once every customer has paid in full it equals it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Balances, calculateStatement } from '../../src/commission/index.js';
import { add, compare, money, month } from '../../src/core/index.js';
import { credit, member, planOf, usd } from './helpers.js';

const plan = planOf(
  [
    {
      id: 't',
      kind: 'tiered',
      basis: 'amount',
      split: 'marginal',
      scope: 'periodToDate',
      boundary: 'higher',
      tiers: [
        { from: '0', to: '5000', rate: '0.05' },
        { from: '5000', rate: '0.0833' },
      ],
    },
  ],
  { version: { payableOn: 'payment' } },
);

// per month: deals booked (amount in cents) and payments (a fraction in tenths of each open deal's amount)
const monthArb = fc.record({
  deals: fc.array(fc.integer({ min: 1, max: 2_000_000 }), { maxLength: 3 }),
  pays: fc.array(fc.integer({ min: 0, max: 10 }), { maxLength: 6 }),
});

describe("payableOn: 'payment' (property)", () => {
  it('cumulative payable ≤ cumulative earned every month, and equal once all is paid', () => {
    fc.assert(
      fc.property(fc.array(monthArb, { minLength: 1, maxLength: 5 }), (months) => {
        let prior: Partial<Balances> | undefined;
        let earned = money('0', 'USD');
        let payable = money('0', 'USD');
        const open = new Map<string, { amount: bigint; collected: bigint }>();
        const run = (m: number, credits: ReturnType<typeof credit>[], payments: unknown[]) => {
          const s = calculateStatement({
            plan,
            member,
            period: month(2026, m),
            quota: usd('10000'),
            credits,
            payments: payments as never,
            ...(prior === undefined ? {} : { priorBalance: prior }),
          });
          prior = s.balances;
          earned = add(earned, s.earned);
          payable = add(payable, s.payable);
          expect(compare(payable, earned)).toBeLessThanOrEqual(0);
        };
        const cents = (c: bigint) => `${c / 100n}.${String(c % 100n).padStart(2, '0')}`;
        months.forEach((mo, i) => {
          const m = i + 1;
          const credits = mo.deals.map((c, k) => {
            open.set(`D${m}-${k}`, { amount: BigInt(c), collected: 0n });
            return credit(`k${m}-${k}`, cents(BigInt(c)), month(2026, m).end, { dealId: `D${m}-${k}` });
          });
          const payments: unknown[] = [];
          [...open.entries()].forEach(([dealId, d], k) => {
            const tenths = BigInt(mo.pays[k] ?? 0);
            const amount = ((d.amount - d.collected) * tenths) / 10n;
            if (amount <= 0n) return;
            d.collected += amount;
            payments.push({
              id: `p${m}-${dealId}`,
              dealId,
              date: month(2026, m).end,
              amount: usd(cents(amount)),
              dealAmount: usd(cents(d.amount)),
            });
          });
          run(m, credits, payments);
        });
        // December: every customer pays the rest
        const rest = [...open.entries()]
          .filter(([, d]) => d.amount > d.collected)
          .map(([dealId, d]) => ({
            id: `last-${dealId}`,
            dealId,
            date: '2026-12-15',
            amount: usd(cents(d.amount - d.collected)),
            dealAmount: usd(cents(d.amount)),
          }));
        run(12, [], rest);
        expect(payable).toEqual(earned);
        expect(prior?.held).toEqual({});
      }),
      { numRuns: 120, seed: 13 },
    );
  });
});
