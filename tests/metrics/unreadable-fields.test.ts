/**
 * A read of the caller's data that throws becomes a RevopsError naming the field's path, with
 * the caller's exception as `cause`; a `groupBy` callback's own exception passes through
 * unchanged (docs/conventions.md, "Errors and refusals"; issue 14). Inputs: the @example of
 * `summarizeQuotaAttainment` (src/metrics/quota-attainment.ts) with one field replaced.
 */
import { describe, expect, it } from 'vitest';
import {
  mergeQuotaAttainment,
  quotaAttainment,
  summarizeQuotaAttainment,
  summarizeWinRate,
  winRate,
} from '../../src/metrics/index.js';
import { thrown, throwingGetterAt, throwingProxyAt, unreadableFacts } from '../thrown.js';

const boom = new Error('locked');
const quota = {
  memberId: 'ae1',
  period: { start: '2026-01-01', end: '2026-03-31' },
  amount: { amount: '100000.00', currency: 'USD' },
  measure: 'bookings' as const,
};
const deal = (id: string, stage: string) => ({
  id,
  ownerId: 'ae1',
  stage,
  closeDate: '2026-02-01',
  createdAt: '2026-01-05T09:00:00Z',
  amount: { amount: '30000.00', currency: 'USD' },
});

describe('metrics: a throwing read of the caller’s data is named, with cause', () => {
  it('quotaAttainment: deals[1].amount a getter that throws', () => {
    const deals = [deal('d0', 'closed-won'), throwingGetterAt(deal('d1', 'closed-won'), 'amount', boom)];
    expect(unreadableFacts(() => quotaAttainment(deals, [quota]))).toEqual([
      'INVALID_INPUT',
      'deals[1] (id "d1").amount could not be read (reading it threw Error: locked)',
      'deals[1] (id "d1").amount',
      boom,
    ]);
  });

  it('summarizeQuotaAttainment: a quota behind a proxy that throws for period', () => {
    expect(
      unreadableFacts(() =>
        summarizeQuotaAttainment([deal('d0', 'closed-won')], [throwingProxyAt(quota, 'period', boom)]),
      ),
    ).toEqual([
      'INVALID_INPUT',
      'quotas[0].period could not be read (reading it threw Error: locked)',
      'quotas[0].period',
      boom,
    ]);
  });

  it('mergeQuotaAttainment: a summary row that throws is INVALID_SUMMARY', () => {
    const s = summarizeQuotaAttainment([deal('d0', 'closed-won')], [quota]);
    const rows = [throwingGetterAt(s.rows[0] as object, 'attained', boom)];
    expect(unreadableFacts(() => mergeQuotaAttainment(s, { ...s, rows } as never))).toEqual([
      'INVALID_SUMMARY',
      'b.rows[0].attained could not be read (reading it threw Error: locked)',
      'b.rows[0].attained',
      boom,
    ]);
  });

  it('winRate: a deal’s stage behind a proxy that throws', () => {
    const deals = [deal('d0', 'closed-won'), throwingProxyAt(deal('d1', 'closed-lost'), 'stage', boom)];
    expect(unreadableFacts(() => winRate(deals))).toEqual([
      'INVALID_INPUT',
      'deals[1] (id "d1").stage could not be read (reading it threw Error: locked)',
      'deals[1] (id "d1").stage',
      boom,
    ]);
  });

  it('a groupBy callback’s own exception passes through unchanged (the caller may catch it by identity)', () => {
    const mine = new Error('my callback');
    const deals = [deal('d0', 'closed-won'), deal('d1', 'closed-lost')];
    const groupBy = (): string => {
      throw mine;
    };
    expect(thrown(() => summarizeWinRate(deals, { groupBy }))).toBe(mine);
    expect(thrown(() => winRate(deals, { groupBy }))).toBe(mine);
  });
});
