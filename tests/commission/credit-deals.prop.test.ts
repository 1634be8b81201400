/** Crediting laws: revenue credits sum to the deal amount to the cent; deterministic. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { creditDeals } from '../../src/commission/index.js';
import type { Deal } from '../../src/model/deal.js';

describe('creditDeals laws', () => {
  it('owner + revenue split credits sum exactly to the deal amount (largest remainder), in any currency', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000_000, max: 10_000_000 }),
        fc.constantFrom(['USD', 2] as const, ['JPY', 0] as const, ['BHD', 3] as const),
        fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 5 }),
        (minor, [currency, digits], weights) => {
          const total = weights.reduce((a, b) => a + b, 0);
          // shares with 4 decimals whose sum never passes 1
          const shares = weights.map((w) =>
            total === 0 ? 0 : Math.floor((w / Math.max(total, 1000)) * 10000) / 10000,
          );
          const amount = (minor / 10 ** digits).toFixed(digits);
          const deal: Deal = {
            id: 'd',
            name: 'd',
            accountId: 'a',
            ownerId: 'owner',
            type: 'new',
            amount: { amount, currency },
            stage: 'closed-won',
            probability: 1,
            probabilitySource: 'stage',
            forecastCategory: 'closed',
            expectedCloseDate: '2026-01-01',
            closeDate: '2026-01-01',
            createdAt: '2026-01-01T00:00:00Z',
            history: [],
            splits: shares.map((s, i) => ({ memberId: `m${i}`, share: String(s), kind: 'revenue' as const })),
          };
          const credits = creditDeals([deal]).filter((c) => c.kind === 'owner' || c.kind === 'split');
          const sum = credits.reduce((s, c) => s + BigInt(c.amount.amount.replace('.', '')), 0n);
          expect(sum).toBe(BigInt(minor));
          expect(creditDeals([deal])).toEqual(creditDeals([deal]));
        },
      ),
    );
  });
});
