import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { money } from '../../src/core/money.js';
import { customerAcquisitionCost } from '../../src/retention/index.js';

const arbChannel = fc.record({
  cents: fc.bigInt({ min: 0n, max: 10n ** 15n }),
  n: fc.integer({ min: 0, max: 10_000 }),
});

describe('customerAcquisitionCost (laws)', () => {
  it('CAC is total spend ÷ total customers rounded half away from zero: |CAC × n − spend| ≤ n/2 cents', () => {
    fc.assert(
      fc.property(fc.array(arbChannel, { minLength: 1, maxLength: 8 }), (rows) => {
        const n = rows.reduce((s, r) => s + r.n, 0);
        fc.pre(n > 0);
        const spend = rows.reduce((s, r) => s + r.cents, 0n);
        const r = customerAcquisitionCost({
          channels: rows.map((row, i) => ({
            channel: `c${i}`,
            spend: money((Number(row.cents) / 100).toFixed(2), 'USD'),
            newCustomers: row.n,
          })),
        });
        // Reference: integer cents, rounded half away from zero (spend ≥ 0): floor((2·spend + n) / 2n).
        const expected = (2n * spend + BigInt(n)) / (2n * BigInt(n));
        expect(BigInt(r.cac.amount.replace('.', ''))).toBe(expected);
        expect(BigInt(r.spend.amount.replace('.', ''))).toBe(spend);
        expect(r.newCustomers).toBe(n);
        r.channels.forEach((c, i) => expect(c.cac === null).toBe(rows[i]?.n === 0));
      }),
    );
  });
});
