import { describe, expect, it } from 'vitest';
import {
  finalizeQuotaAttainment,
  mergeQuotaAttainment,
  quotaAttainment,
  summarizeQuotaAttainment,
} from '../../src/metrics/quota-attainment.js';
import type { Member } from '../../src/model/member.js';
import type { Quota } from '../../src/model/quota.js';

const Q1 = { start: '2026-01-01', end: '2026-03-31' }; // 31 + 28 + 31 = 90 days
const usd = (amount: string) => ({ amount, currency: 'USD' });
const quota = (memberId: string, amount: string, period = Q1): Quota => ({
  memberId,
  period,
  amount: usd(amount),
  measure: 'bookings',
});
const member = (id: string, extra: Partial<Member> = {}): Member => ({
  id,
  name: id,
  roleId: 'account-executive',
  teamId: 'east',
  territoryIds: [],
  startDate: '2025-01-01',
  ...extra,
});
const won = (
  ownerId: string,
  amount: string,
  closeDate = '2026-02-15',
  splits?: { memberId: string; share: string; kind: 'revenue' | 'overlay' }[],
) => ({
  ownerId,
  stage: 'closed-won',
  closeDate,
  amount: usd(amount),
  ...(splits === undefined ? {} : { splits }),
});

describe('quotaAttainment', () => {
  it('is a fraction: 120,000 booked on a 100,000 quota is 1.2 (DESIGN.md: 1.2 for 120%)', () => {
    const r = quotaAttainment(
      [won('ae1', '70000'), won('ae1', '50000'), won('ae1', '9', '2026-04-01')],
      [quota('ae1', '100000')],
    );
    expect(r.rows[0]).toMatchObject({
      attained: usd('120000.00'),
      attainment: 1.2,
      proration: { numerator: 1, denominator: 1 },
    });
    expect(r.attainment).toBe(1.2);
  });
  it('prorates by days for a member who started mid-period: 59 of 90 days of 90,000 = 59,000 (by hand)', () => {
    const r = quotaAttainment([won('ae1', '29500')], [quota('ae1', '90000')], {
      members: [member('ae1', { startDate: '2026-02-01' })],
    });
    expect(r.rows[0]).toMatchObject({
      proration: { numerator: 59, denominator: 90 },
      proratedQuota: usd('59000.00'),
      attainment: 0.5,
    });
  });
  it('prorates for a member who left: 31 of 90 days ⇒ 31,000 (by hand)', () => {
    const r = quotaAttainment([], [quota('ae1', '90000')], { members: [member('ae1', { endDate: '2026-01-31' })] });
    expect(r.rows[0]?.proratedQuota).toEqual(usd('31000.00'));
    expect(r.rows[0]?.attainment).toBe(0);
  });
  it('rounds the prorated quota once: 1,000.00 × 27/28 = 964.29 (core prorate example)', () => {
    const r = quotaAttainment([], [quota('ae1', '1000.00', { start: '2026-02-01', end: '2026-02-28' })], {
      members: [member('ae1', { startDate: '2026-02-02' })],
    });
    expect(r.rows[0]?.proratedQuota).toEqual(usd('964.29'));
  });
  it('a member who had not started gets a zero quota and a null attainment', () => {
    const r = quotaAttainment([], [quota('ae1', '1000.00')], { members: [member('ae1', { startDate: '2026-06-01' })] });
    expect(r.rows[0]).toMatchObject({ proratedQuota: usd('0.00'), attainment: null });
  });
  it('credits revenue splits and overlays, and team quotas through members (by hand)', () => {
    // 100,000 deal: ae2 revenue 0.4 ⇒ ae1 60,000, ae2 40,000; se1 overlay 0.5 ⇒ 50,000 on top
    const deals = [
      won('ae1', '100000', '2026-02-15', [
        { memberId: 'ae2', share: '0.4', kind: 'revenue' },
        { memberId: 'se1', share: '0.5', kind: 'overlay' },
      ]),
    ];
    const quotas: Quota[] = [
      quota('ae1', '120000'),
      quota('ae2', '80000'),
      quota('se1', '100000'),
      { teamId: 'east', period: Q1, amount: usd('400000'), measure: 'bookings' },
    ];
    const members = [member('ae1'), member('ae2'), member('se1', { roleId: 'sales-specialist', teamId: 'solutions' })];
    const r = quotaAttainment(deals, quotas, { members, groupBy: 'teamId' });
    expect(r.rows.map((x) => x.attainment)).toEqual([0.5, 0.5, 0.5, 0.25]);
    expect(r.rows[3]).toMatchObject({ teamId: 'east', attained: usd('100000.00') });
    // totals over member quotas only: 150,000 / 300,000
    expect(r).toMatchObject({
      quotas: 3,
      attained: usd('150000.00'),
      proratedQuota: usd('300000.00'),
      attainment: 0.5,
    });
    expect(r.groups).toEqual({
      east: { quotas: 2, attained: usd('100000.00'), proratedQuota: usd('200000.00'), attainment: 0.5 },
      solutions: { quotas: 1, attained: usd('50000.00'), proratedQuota: usd('100000.00'), attainment: 0.5 },
    });
  });
  it('is null with no quotas', () => {
    expect(quotaAttainment([], [])).toEqual({
      quotas: 0,
      attained: null,
      proratedQuota: null,
      attainment: null,
      rows: [],
    });
  });
  it('throws on bad input', () => {
    expect(() =>
      quotaAttainment([won('ae1', '1')], [{ ...quota('ae1', '1'), amount: { amount: '1', currency: 'EUR' } }]),
    ).toThrow(expect.objectContaining({ code: 'CURRENCY_MISMATCH', field: 'deals[0].amount.currency' }));
    expect(() => quotaAttainment([], [{ ...quota('ae1', '1'), measure: 'units' }])).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', field: 'quotas[0].measure' }),
    );
    expect(() => quotaAttainment([], [{ period: Q1, amount: usd('1'), measure: 'bookings' } as Quota])).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', field: 'quotas[0]' }),
    );
    expect(() => quotaAttainment([], [null as never])).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => quotaAttainment([], [quota('ae1', '1', { start: '2026-03-01', end: '2026-01-01' })])).toThrow(
      expect.objectContaining({ code: 'INVALID_PERIOD' }),
    );
    expect(() => quotaAttainment([null as never], [])).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', field: 'deals[0]' }),
    );
    expect(() =>
      quotaAttainment(
        [won('ae1', '1', '2026-02-01', [{ memberId: 'x', share: '1.5', kind: 'revenue' }])],
        [quota('ae1', '1')],
      ),
    ).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', field: 'deals[0].splits' }));
    expect(() =>
      quotaAttainment(
        [won('ae1', '1', '2026-02-01', [{ memberId: 'x', share: '-0.5', kind: 'revenue' }])],
        [quota('ae1', '1')],
      ),
    ).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    const a = summarizeQuotaAttainment([], [quota('ae1', '1')]);
    expect(() => mergeQuotaAttainment(a, summarizeQuotaAttainment([], [quota('ae1', '2')]))).toThrow(
      expect.objectContaining({ code: 'INVALID_SUMMARY', field: 'b.rows' }),
    );
    expect(() => finalizeQuotaAttainment({} as never)).toThrow(
      expect.objectContaining({ code: 'INVALID_SUMMARY', field: 'summary.kind' }),
    );
  });
});

describe('summarizeQuotaAttainment with many quotas of one member (long fuzz run, session 12)', () => {
  it('100,000 quotas of one member, one per day, read in linear time; only the day of the won deal attains it', () => {
    // Indexing was quadratic in quotas per member (1e6 quotas ran for over 25 minutes). Days from
    // 2026-01-01: the deal closes on day 31 (2026-02-01), so that row reads 30000 and every other 0.
    const day = (k: number) => new Date(Date.UTC(2026, 0, 1 + k)).toISOString().slice(0, 10);
    const quotas = Array.from({ length: 100_000 }, (_, k) => ({
      memberId: 'ae1',
      period: { start: day(k), end: day(k) },
      amount: { amount: '1000.00', currency: 'USD' },
    }));
    const deal = {
      ownerId: 'ae1',
      stage: 'closed-won',
      closeDate: '2026-02-01',
      amount: { amount: '30000.00', currency: 'USD' },
    };
    const s = summarizeQuotaAttainment([deal] as never, quotas as never);
    expect(s.rows).toHaveLength(100_000);
    expect(s.rows[31]?.attained).toBe('30000');
    expect(s.rows.filter((r) => r.attained !== '0')).toHaveLength(1);
  });

  it('1e6 copies of one quota: DUPLICATE_ID at quotas[1] at once (the same quota counted 1e6 times; was 2.4 s)', () => {
    const quota = {
      memberId: 'ae1',
      period: { start: '2026-01-01', end: '2026-03-31' },
      amount: { amount: '100000.00', currency: 'USD' },
      measure: 'bookings',
    } as const;
    const start = performance.now();
    let error: unknown;
    try {
      summarizeQuotaAttainment([], Object.freeze(new Array(1e6).fill(quota)));
    } catch (e) {
      error = e;
    }
    expect(performance.now() - start).toBeLessThan(1000);
    expect(error).toMatchObject({ code: 'DUPLICATE_ID', field: 'quotas[1]', details: { first: 0, second: 1 } });
  });
});
