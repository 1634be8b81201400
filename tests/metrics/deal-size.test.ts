import { describe, expect, it } from 'vitest';
import { averageDealSize, finalizeAverageDealSize } from '../../src/metrics/deal-size.js';
import { deal } from './fixtures.js';

describe('averageDealSize', () => {
  // Freshworks' average deal size article (six deals); Σ and average by hand
  it('Freshworks six deals: Σ = 12,285 exactly, average 12,285 / 6 = 2,047.50', () => {
    const deals = ['3950', '3060', '1460', '1340', '1285', '1190'].map((a) => deal('closed-won', a));
    expect(averageDealSize(deals)).toEqual({
      count: 6,
      total: { amount: '12285.00', currency: 'USD' },
      average: { amount: '2047.50', currency: 'USD' },
    });
  });
  it('rounds the quotient once, half away from zero: 100.00 / 3 = 33.33, 0.05 / 2 = 0.025 → 0.03 (by hand)', () => {
    expect(
      averageDealSize([deal('closed-won', '100'), deal('closed-won', '0'), deal('closed-won', '0')]).average,
    ).toEqual({ amount: '33.33', currency: 'USD' });
    expect(averageDealSize([deal('closed-won', '0.05'), deal('closed-won', '0')]).average).toEqual({
      amount: '0.03',
      currency: 'USD',
    });
    expect(
      averageDealSize([deal('closed-won', '1000', { currency: 'JPY' }), deal('closed-won', '1', { currency: 'JPY' })])
        .average,
    ).toEqual({ amount: '501', currency: 'JPY' });
  });
  it('selects deals by outcome (won by default)', () => {
    const deals = [deal('closed-won', '10'), deal('closed-lost', '30'), deal('proposal', '50')];
    expect(averageDealSize(deals).count).toBe(1);
    expect(averageDealSize(deals, { outcome: 'lost' }).average?.amount).toBe('30.00');
    expect(averageDealSize(deals, { outcome: 'closed' }).average?.amount).toBe('20.00');
    expect(averageDealSize(deals, { outcome: 'open' }).average?.amount).toBe('50.00');
    expect(averageDealSize(deals, { outcome: 'all' }).average?.amount).toBe('30.00');
  });
  it('filters open deals by creation date and closed ones by close date', () => {
    const deals = [
      deal('proposal', '10', { createdAt: '2026-02-03T10:00:00Z' }),
      deal('proposal', '20', { createdAt: '2026-03-03T10:00:00Z' }),
    ];
    expect(
      averageDealSize(deals, { outcome: 'open', period: { start: '2026-02-01', end: '2026-02-28' } }).total?.amount,
    ).toBe('10.00');
  });
  it('keeps exactness past 2^53 minor units (BigInt path): 2 × 90,071,992,547,409.93', () => {
    const r = averageDealSize([deal('closed-won', '90071992547409.93'), deal('closed-won', '90071992547409.93')]);
    expect(r.total?.amount).toBe('180143985094819.86');
    expect(r.average?.amount).toBe('90071992547409.93');
  });
  it('is null with no deals, and groups by member', () => {
    expect(averageDealSize([])).toEqual({ count: 0, total: null, average: null });
    const r = averageDealSize(
      [deal('closed-won', '10', { ownerId: 'a' }), deal('closed-won', '30', { ownerId: 'b' })],
      { groupBy: 'ownerId' },
    );
    expect(r.groups?.a?.average?.amount).toBe('10.00');
    expect(r.average?.amount).toBe('20.00');
  });
  it('throws on bad input', () => {
    expect(() => averageDealSize([], { outcome: 'maybe' as never })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION', field: 'options.outcome' }),
    );
    expect(() => averageDealSize([deal('closed-won', '1'), deal('closed-won', '1', { currency: 'EUR' })])).toThrow(
      expect.objectContaining({ code: 'CURRENCY_MISMATCH' }),
    );
    expect(() => averageDealSize([{ ...deal('closed-won', '1'), amount: null as never }])).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', field: 'deals[0].amount' }),
    );
    expect(() => finalizeAverageDealSize({ kind: 'winRate' } as never)).toThrow(
      expect.objectContaining({ code: 'INVALID_SUMMARY', field: 'summary.kind' }),
    );
  });
});
