/**
 * Regression tests for the metrics findings of the long fuzz run (issue 14), each with the input
 * the run reported: a `TypeError` or a silent skip must become a `RevopsError` naming the field.
 */
import { describe, expect, it } from 'vitest';
import {
  activityCounts,
  compareRates,
  finalizeRevenuePerRep,
  mergeQuotaAttainment,
  quotaAttainment,
  shrinkRates,
  summarizeQuotaAttainment,
  summarizeTerritoryBalance,
  summarizeWinRate,
  winRate,
} from '../../src/metrics/index.js';
import { bottomlessProxy } from '../fuzz/values.js';
import { thrown } from '../thrown.js';

const usd = (amount: string) => ({ amount, currency: 'USD' as const });

describe('compareRates', () => {
  it('options null is INVALID_OPTION naming options (was a TypeError reading confidence)', () => {
    const e = thrown(() => compareRates({ successes: 56, trials: 70 }, { successes: 48, trials: 80 }, null as never));
    expect(e).toMatchObject({ name: 'RevopsError', code: 'INVALID_OPTION', field: 'options' });
  });
});

describe('group keys that are not strings (were a TypeError when the groups were sorted)', () => {
  const deal = (id: string, stage: string, ownerId: unknown) => ({
    id,
    stage,
    ownerId,
    createdAt: '2026-01-05T10:00:00Z',
    amount: usd('1000.00'),
  });

  it('winRate with deals[1].ownerId a bottomless proxy: INVALID_INPUT naming deals[1] (id "D-2").ownerId', () => {
    const deals = [
      deal('D-1', 'closed-won', 'ann'),
      deal('D-2', 'closed-lost', bottomlessProxy('1')),
      deal('D-3', 'closed-won', 'bob'),
    ];
    const e = thrown(() => winRate(deals as never, { groupBy: 'ownerId' }));
    expect(e).toMatchObject({ name: 'RevopsError', code: 'INVALID_INPUT', field: 'deals[1] (id "D-2").ownerId' });
  });

  it('summarizeWinRate with ownerId Object.create(null): INVALID_INPUT naming deals[0] (id "D-3").ownerId', () => {
    const e = thrown(() =>
      summarizeWinRate([deal('D-3', 'closed-won', Object.create(null))] as never, { groupBy: 'ownerId' }),
    );
    expect(e).toMatchObject({ code: 'INVALID_INPUT', field: 'deals[0] (id "D-3").ownerId' });
  });

  it('without groupBy the owner is not read, and the rate is the same (2 won of 3 closed)', () => {
    const deals = [
      deal('D-1', 'closed-won', 'ann'),
      deal('D-2', 'closed-lost', bottomlessProxy('1')),
      deal('D-3', 'closed-won', 'bob'),
    ];
    expect(winRate(deals as never).rate).toBe(2 / 3);
  });

  it('activityCounts with memberId Symbol() and an activity without durationSeconds: INVALID_INPUT', () => {
    const activities = [
      { kind: 'call', memberId: Symbol('hostile'), at: '2026-01-05T10:00:00Z', durationSeconds: 0 },
      { kind: 'email', memberId: 'ann', at: '2026-01-05T10:00:00Z' },
      { kind: 'call', memberId: 'bob', at: '2026-01-05T10:00:00Z', durationSeconds: 0 },
    ];
    const e = thrown(() => activityCounts(activities as never, { groupBy: 'ownerId' }));
    expect(e).toMatchObject({ name: 'RevopsError', code: 'INVALID_INPUT', field: 'activities[0].ownerId' });
    expect((e as Error).message).toContain('got symbol');
  });

  it('activityCounts with memberId a bottomless proxy: INVALID_INPUT naming activities[2].ownerId', () => {
    const a = (memberId: unknown) => ({ kind: 'call', memberId, at: '2026-01-05T10:00:00Z', durationSeconds: 0 });
    const e = thrown(() =>
      activityCounts([a('ann'), a('bob'), a(bottomlessProxy(1))] as never, { groupBy: 'ownerId' }),
    );
    expect(e).toMatchObject({ code: 'INVALID_INPUT', field: 'activities[2].ownerId' });
  });
});

describe('quotaAttainment (fixed on main before this run ended; held here)', () => {
  const quota = { memberId: 'ae1', period: { start: '2026-01-01', end: '2026-03-31' }, amount: usd('100.00') };

  it('a won deal without amount: INVALID_INPUT naming deals[0].amount', () => {
    const deal = { ownerId: 'ae1', stage: 'closed-won', closeDate: '2026-02-01' };
    expect(thrown(() => summarizeQuotaAttainment([deal] as never, [quota] as never))).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'deals[0].amount',
    });
  });

  it('amount.currency Symbol(): CURRENCY_MISMATCH naming deals[0].amount.currency', () => {
    const deal = {
      ownerId: 'ae1',
      stage: 'closed-won',
      closeDate: '2026-02-01',
      amount: { amount: '30.00', currency: Symbol('hostile') },
    };
    expect(thrown(() => quotaAttainment([deal] as never, [quota] as never))).toMatchObject({
      code: 'CURRENCY_MISMATCH',
      field: 'deals[0].amount.currency',
    });
  });
});

describe('summarizeTerritoryBalance with 1e6 holes', () => {
  const territories = [{ id: 't1', name: 'North', ownerIds: [] }];

  it('territories = new Array(1e6): INVALID_INPUT naming territories[0] (was a TypeError reading id)', () => {
    const e = thrown(() => summarizeTerritoryBalance([], Object.freeze(new Array(1e6)) as never));
    expect(e).toMatchObject({ name: 'RevopsError', code: 'INVALID_INPUT', field: 'territories[0]' });
  });

  it('accounts = new Array(1e6): INVALID_INPUT naming accounts[0] (holes were skipped: 0 accounts in silence)', () => {
    const e = thrown(() => summarizeTerritoryBalance(Object.freeze(new Array(1e6)) as never, territories as never));
    expect(e).toMatchObject({ name: 'RevopsError', code: 'INVALID_INPUT', field: 'accounts[0]' });
  });
});

describe('subnormal numbers that overflowed a result', () => {
  it('finalizeRevenuePerRep with total.reps 5e-324: INVALID_SUMMARY naming it (was perRep = Infinity)', () => {
    const summary = {
      kind: 'revenuePerRep',
      version: 1,
      groupBy: null,
      period: { start: '2026-01-01', end: '2026-03-31' },
      headcount: 'fte',
      groups: {},
      total: { revenue: '300000', currency: 'USD', reps: 5e-324 },
    };
    expect(thrown(() => finalizeRevenuePerRep(summary as never))).toMatchObject({
      code: 'INVALID_SUMMARY',
      field: 'summary.total.reps',
    });
    // the worked example: 300,000 ÷ 2.5 reps
    expect(finalizeRevenuePerRep({ ...summary, total: { ...summary.total, reps: 2.5 } } as never).perRep).toBe(120000);
  });

  it('shrinkRates with prior.alpha or .beta 5e-324: INVALID_OPTION (was a -Infinity or NaN log-likelihood)', () => {
    const groups = [
      { key: 'ann', successes: 2, trials: 2 },
      { key: 'bob', successes: 180, trials: 300 },
    ];
    for (const prior of [
      { alpha: 5e-324, beta: 4 },
      { alpha: 6, beta: 5e-324 },
    ]) {
      const e = thrown(() => shrinkRates(groups, { prior }));
      expect(e).toMatchObject({ code: 'INVALID_OPTION' });
      expect((e as { field: string }).field).toMatch(/^prior\.(alpha|beta)$/);
    }
    // (2 + 6) / (2 + 10) = 0.666…, (180 + 6) / (300 + 10) = 0.6: the worked example
    const r = shrinkRates(groups, { prior: { alpha: 6, beta: 4 } });
    expect(r.groups.map((g) => g.shrunkRate)).toEqual([8 / 12, 186 / 310]);
  });
});

describe('1e6 copies of one quota or one summary row (calls over 2 s in the fuzz run)', () => {
  const quota = { memberId: 'ae1', period: { start: '2026-01-01', end: '2026-03-31' }, amount: usd('100.00') };
  const deal = { ownerId: 'ae1', stage: 'closed-won', closeDate: '2026-02-01', amount: usd('30.00') };

  it('quotaAttainment with quotas = 1e6 copies: DUPLICATE_ID at quotas[1] at once (was 17.6 s)', () => {
    const start = performance.now();
    const e = thrown(() => quotaAttainment([deal] as never, Object.freeze(new Array(1e6).fill(quota)) as never));
    expect(performance.now() - start).toBeLessThan(1000);
    expect(e).toMatchObject({ code: 'DUPLICATE_ID', field: 'quotas[1]' });
  });

  it('mergeQuotaAttainment with a.rows = 1e6 copies of a row: INVALID_SUMMARY at a.rows[1] at once (was 2.4 s)', () => {
    const a = summarizeQuotaAttainment([deal] as never, [quota] as never);
    const copies = { ...a, rows: Object.freeze(new Array(1e6).fill(a.rows[0])) };
    const start = performance.now();
    const e = thrown(() => mergeQuotaAttainment(copies as never, a));
    expect(performance.now() - start).toBeLessThan(1000);
    expect(e).toMatchObject({ code: 'INVALID_SUMMARY', field: 'a.rows[1]' });
    // the one-row summaries still merge: 30.00 + 30.00 attained
    expect(mergeQuotaAttainment(a, a).rows[0]?.attained).toBe('60');
  });
});
