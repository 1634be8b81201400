import { describe, expect, it } from 'vitest';
import { finalizeSalesCycleLength, salesCycleLength } from '../../src/metrics/cycle-length.js';
import { deal } from './fixtures.js';

describe('salesCycleLength', () => {
  it('mean and median days from creation to close (by hand: 10, 30, 90 ⇒ mean 43⅓, median 30)', () => {
    const deals = ['2026-01-11', '2026-01-31', '2026-04-01'].map((closeDate) =>
      deal('closed-won', '1', { createdAt: '2026-01-01T09:00:00Z', closeDate }),
    );
    expect(salesCycleLength(deals)).toEqual({ count: 3, totalDays: 130, meanDays: 130 / 3, medianDays: 30 });
  });
  it('uses the calendar date written in createdAt (its own offset), across a leap day', () => {
    // 2024-02-28 (local, −05:00) to 2024-03-01 = 2 days (by hand, 2024 is a leap year)
    const d = deal('closed-won', '1', { createdAt: '2024-02-28T23:30:00-05:00', closeDate: '2024-03-01' });
    expect(salesCycleLength([d]).meanDays).toBe(2);
  });
  it('counts days across the year 99/100 boundary without two-digit-year remapping (by hand: 1 day)', () => {
    const d = deal('closed-won', '1', { createdAt: '0099-12-31T09:00:00Z', closeDate: '0100-01-01' });
    expect(salesCycleLength([d]).meanDays).toBe(1);
  });
  it('median of an even count is the mean of the two middle values (5, 7 ⇒ 6)', () => {
    const deals = ['2026-01-06', '2026-01-08'].map((closeDate) =>
      deal('closed-won', '1', { createdAt: '2026-01-01T09:00:00Z', closeDate }),
    );
    expect(salesCycleLength(deals).medianDays).toBe(6);
  });
  it('skips open deals and closed deals without a close date; lost with outcome', () => {
    const deals = [
      deal('closed-won', '1'),
      deal('proposal', '1'),
      deal('closed-lost', '1', { closeDate: '2026-01-15' }),
    ];
    expect(salesCycleLength(deals)).toEqual({ count: 0, totalDays: 0, meanDays: null, medianDays: null });
    expect(salesCycleLength(deals, { outcome: 'lost' }).meanDays).toBe(10);
    expect(salesCycleLength(deals, { outcome: 'closed', groupBy: 'ownerId' }).groups?.ae1?.count).toBe(1);
  });
  it('throws for a close date before creation, a bad date or a bad option', () => {
    expect(() => salesCycleLength([deal('closed-won', '1', { closeDate: '2025-12-31' })])).toThrow(
      expect.objectContaining({ code: 'INVALID_DATE', field: 'deals[0].closeDate' }),
    );
    expect(() => salesCycleLength([deal('closed-won', '1', { closeDate: '2026-02-30' })])).toThrow(
      expect.objectContaining({ code: 'INVALID_DATE' }),
    );
    expect(() => salesCycleLength([], { outcome: 'open' as never })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION' }),
    );
    expect(() => finalizeSalesCycleLength(null as never)).toThrow(
      expect.objectContaining({ code: 'INVALID_SUMMARY', field: 'summary' }),
    );
  });
});
