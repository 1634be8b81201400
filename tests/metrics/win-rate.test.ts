import { describe, expect, it } from 'vitest';
import { finalizeWinRate, mergeWinRate, summarizeWinRate, winRate } from '../../src/metrics/win-rate.js';
import { deal, pipeline } from './fixtures.js';

describe('winRate', () => {
  it('by count over closed deals only: 28 won, 72 lost, 5 open ⇒ 0.28 (SaaSGrid stage conversion example)', () => {
    const deals = [
      ...Array.from({ length: 28 }, () => deal('closed-won', '1.00')),
      ...Array.from({ length: 72 }, () => deal('closed-lost', '1.00')),
      ...Array.from({ length: 5 }, () => deal('proposal', '1.00')),
    ];
    expect(winRate(deals, { by: 'count' })).toEqual({
      by: 'count',
      rate: 0.28,
      won: 28,
      lost: 72,
      wonAmount: null,
      closedAmount: null,
    });
  });
  // by hand; floats would give 0.30000000000000004
  it('by value uses exact sums: won 0.10 + 0.20, lost 0.70 ⇒ 0.30 / 1.00', () => {
    const r = winRate([deal('closed-won', '0.10'), deal('closed-won', '0.20'), deal('closed-lost', '0.70')], {
      by: 'value',
    });
    expect(r.rate).toBe(0.3);
    expect(r.wonAmount).toEqual({ amount: '0.30', currency: 'USD' });
    expect(r.closedAmount).toEqual({ amount: '1.00', currency: 'USD' });
  });
  it('value rate is below count rate when big deals are lost: 2/3 vs 15000/105000', () => {
    const deals = [deal('closed-won', '10000'), deal('closed-lost', '90000'), deal('closed-won', '5000')];
    expect(winRate(deals).rate).toBe(2 / 3);
    expect(winRate(deals, { by: 'value' }).rate).toBe(15000 / 105000);
  });
  it('null over no closed deals (library rule)', () => {
    expect(winRate([deal('proposal', '5')]).rate).toBeNull();
    expect(winRate([], { by: 'value' })).toMatchObject({ rate: null, wonAmount: null, closedAmount: null });
  });
  it('reads outcomes from a pipeline and filters by close date in the window', () => {
    const deals = [
      deal('won', '1', { closeDate: '2026-02-10' }),
      deal('lost', '1', { closeDate: '2026-02-11' }),
      deal('lost', '1', { closeDate: '2026-03-01' }),
      deal('lost', '1'),
    ];
    expect(winRate(deals, { pipeline, period: { start: '2026-02-01', end: '2026-02-28' } })).toMatchObject({
      won: 1,
      lost: 1,
      rate: 0.5,
    });
  });
  it('groups by team, falling back to the member’s team', () => {
    const members = [
      { id: 'bo', name: 'Bo', roleId: 'account-executive', teamId: 'west', territoryIds: [], startDate: '2025-01-01' },
    ];
    const deals = [
      deal('closed-won', '1', { teamId: 'east' }),
      deal('closed-lost', '1', { ownerId: 'bo' }),
      deal('closed-won', '1', { ownerId: 'bo' }),
      deal('closed-won', '1', { ownerId: 'zed' }),
    ];
    const r = winRate(deals, { groupBy: 'teamId', members });
    expect(r.groups).toEqual({
      '(unassigned)': { by: 'count', rate: 1, won: 1, lost: 0, wonAmount: null, closedAmount: null },
      east: { by: 'count', rate: 1, won: 1, lost: 0, wonAmount: null, closedAmount: null },
      west: { by: 'count', rate: 0.5, won: 1, lost: 1, wonAmount: null, closedAmount: null },
    });
  });
  it('groups by role and segment', () => {
    const members = [
      { id: 'ae1', name: 'A', roleId: 'account-executive', territoryIds: ['t9'], startDate: '2025-01-01' },
    ];
    const deals = [deal('closed-won', '1', { segment: 'b2b' }), deal('closed-lost', '1')];
    expect(Object.keys(winRate(deals, { groupBy: 'roleId', members }).groups ?? {})).toEqual(['account-executive']);
    expect(Object.keys(winRate(deals, { groupBy: 'segment' }).groups ?? {})).toEqual(['(unassigned)', 'b2b']);
    expect(Object.keys(winRate(deals, { groupBy: 'territoryId', members }).groups ?? {})).toEqual(['t9']);
  });
  it('throws on two currencies by value, bad options and bad summaries', () => {
    expect(() =>
      winRate([deal('closed-won', '1'), deal('closed-lost', '1', { currency: 'EUR' })], { by: 'value' }),
    ).toThrow(expect.objectContaining({ code: 'CURRENCY_MISMATCH', field: 'deals[1].amount.currency' }));
    expect(() =>
      winRate([deal('closed-won', '1'), deal('closed-won', '1', { currency: 'EUR' })], { by: 'value' }),
    ).toThrow(expect.objectContaining({ code: 'CURRENCY_MISMATCH' }));
    expect(winRate([deal('closed-won', '1'), deal('closed-lost', '1', { currency: 'EUR' })]).rate).toBe(0.5);
    expect(() => winRate([], { by: 'amount' as never })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION', field: 'options.by' }),
    );
    expect(() => winRate([null as never])).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', field: 'deals[0]' }),
    );
    expect(() => winRate([deal('closed-won', 'abc')], { by: 'value' })).toThrow(
      expect.objectContaining({ code: 'INVALID_AMOUNT' }),
    );
    expect(() => mergeWinRate(summarizeWinRate([]), summarizeWinRate([], { by: 'value' }))).toThrow(
      expect.objectContaining({ code: 'INVALID_SUMMARY', field: 'b.by' }),
    );
    expect(() => finalizeWinRate({} as never)).toThrow(
      expect.objectContaining({ code: 'INVALID_SUMMARY', field: 'summary.kind' }),
    );
    expect(() =>
      mergeWinRate(
        summarizeWinRate([deal('closed-won', '1')], { by: 'value' }),
        summarizeWinRate([deal('closed-won', '1', { currency: 'EUR' })], { by: 'value' }),
      ),
    ).toThrow(expect.objectContaining({ code: 'CURRENCY_MISMATCH' }));
  });
});

describe('winRate on hostile input (issue 14)', () => {
  const summary = (won: unknown, lost: unknown) =>
    ({
      kind: 'winRate',
      version: 1,
      groupBy: null,
      period: null,
      by: 'count',
      groups: {},
      total: { won, lost, wonAmount: '0', lostAmount: '0', currency: null },
    }) as never;
  it('refuses a summary whose counts came back as strings (it merged into 0.00996 instead of 0.625)', () => {
    // by hand: 3 + 2 won, 1 + 2 lost ⇒ 5 / 8 = 0.625; concatenated strings gave '32' / '3212' ≈ 0.00996
    expect(finalizeWinRate(mergeWinRate(summary(3, 1), summary(2, 2))).rate).toBe(0.625);
    expect(() => mergeWinRate(summary('3', '1'), summary(2, 2))).toThrow(
      expect.objectContaining({ code: 'INVALID_SUMMARY', field: 'a.total.won' }),
    );
    expect(() => finalizeWinRate(summary(1, -1))).toThrow(
      expect.objectContaining({ code: 'INVALID_SUMMARY', field: 'summary.total.lost' }),
    );
  });
  it('refuses the same deal id twice, naming both positions (it was counted twice)', () => {
    const d = { ...deal('closed-won', '100.00'), id: 'D-1' };
    const e = { ...deal('closed-lost', '100.00'), id: 'D-2' };
    expect(() => winRate([d, e, d])).toThrow(
      expect.objectContaining({
        code: 'DUPLICATE_ID',
        field: 'deals[2] (id "D-1").id',
        details: { id: 'D-1', first: 0, second: 2 },
      }),
    );
  });
  it('names the deal by index and id in an amount error', () => {
    const bad = { ...deal('closed-won', '-5000.00'), id: 'D-17' };
    expect(() => winRate([deal('closed-won', '1.00'), bad], { by: 'value' })).toThrow(
      expect.objectContaining({ code: 'INVALID_AMOUNT', field: 'deals[1] (id "D-17").amount.amount' }),
    );
  });
});
