import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignAccountTiers } from '../../src/metrics/account-tiers.js';

const usd = (amount: string) => ({ amount, currency: 'USD' });
const tiers = [
  { tier: 'A', minAnnualSpend: usd('100000') },
  { tier: 'B', minAnnualSpend: usd('25000') },
  { tier: 'C', minAnnualSpend: usd('0.01') },
];

describe('assignAccountTiers', () => {
  it('gives the highest tier reached, exactly at the boundary (by hand)', () => {
    const accounts = [
      { id: 'a', annualSpend: usd('100000.00') },
      { id: 'b', annualSpend: usd('99999.99') },
      { id: 'c', annualSpend: usd('0.01') },
      { id: 'd', annualSpend: usd('0'), tier: 'A' },
    ];
    const r = assignAccountTiers(accounts, tiers);
    expect(r.accounts).toEqual([
      { id: 'a', annualSpend: usd('100000.00'), tier: 'A' },
      { id: 'b', annualSpend: usd('99999.99'), tier: 'B' },
      { id: 'c', annualSpend: usd('0.01'), tier: 'C' },
      { id: 'd', annualSpend: usd('0') },
    ]);
    expect(r.counts).toEqual({ A: 1, B: 1, C: 1 });
    expect(r.untiered).toBe(1);
    expect(accounts[3]?.tier).toBe('A'); // input untouched
  });
  it('puts accounts below every threshold in the default tier', () => {
    expect(assignAccountTiers([{ annualSpend: usd('0') }], tiers, { defaultTier: 'D' }).counts).toEqual({
      A: 0,
      B: 0,
      C: 0,
      D: 1,
    });
  });
  it('throws on bad thresholds and currencies', () => {
    expect(() => assignAccountTiers([], [])).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION', field: 'thresholds' }),
    );
    expect(() => assignAccountTiers([], [tiers[1]!, tiers[0]!])).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION', field: 'thresholds[1].minAnnualSpend' }),
    );
    expect(() => assignAccountTiers([], [tiers[0]!, { tier: 'A', minAnnualSpend: usd('1') }])).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION', field: 'thresholds[1].tier' }),
    );
    expect(() => assignAccountTiers([], tiers, { defaultTier: 'A' })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION' }),
    );
    expect(() => assignAccountTiers([], tiers, { defaultTier: '' })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION', field: 'defaultTier' }),
    );
    expect(() => assignAccountTiers([], [{ tier: '', minAnnualSpend: usd('1') }])).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION' }),
    );
    expect(() =>
      assignAccountTiers([], [tiers[0]!, { tier: 'X', minAnnualSpend: { amount: '1', currency: 'EUR' } }]),
    ).toThrow(expect.objectContaining({ code: 'CURRENCY_MISMATCH' }));
    expect(() => assignAccountTiers([{ annualSpend: { amount: '1', currency: 'EUR' } }], tiers)).toThrow(
      expect.objectContaining({ code: 'CURRENCY_MISMATCH', field: 'accounts[0].annualSpend.currency' }),
    );
    expect(() => assignAccountTiers([null as never], tiers)).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
  });
  it('is monotone: more spend never gives a lower tier; counts add up (property)', () => {
    const rank = (t: string | undefined) => (t === undefined ? 3 : ['A', 'B', 'C'].indexOf(t));
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20_000_000 }), { maxLength: 30 }), (cents) => {
        const accounts = cents.map((c) => ({ annualSpend: usd((c / 100).toFixed(2)) }));
        const r = assignAccountTiers(accounts, tiers);
        const order = cents
          .map((c, i) => [c, rank((r.accounts[i] as { tier?: string } | undefined)?.tier)] as const)
          .sort((x, y) => x[0] - y[0]);
        for (let i = 1; i < order.length; i++) expect(order[i]![1]).toBeLessThanOrEqual(order[i - 1]![1]);
        expect(Object.values(r.counts).reduce((s, x) => s + x, 0) + r.untiered).toBe(accounts.length);
      }),
    );
  });
});
