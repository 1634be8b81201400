/**
 * The review checklist for bad input, in one place: each case is a RevopsError with a stable
 * code naming the field and the value, or a documented behaviour (rows of one subscription id
 * that hold the same month end are refused; rows need not be whole months; zero churn is
 * `{ finite: false }`).
 */
import { describe, expect, it } from 'vitest';
import {
  churnRate,
  cohortRetention,
  customerRetentionRate,
  fitShiftedBetaGeometric,
  mrrMovements,
  sbgDel,
  sbgDerl,
  sbgExpectedLifetime,
} from '../../src/retention/index.js';

const FEB = { start: '2026-02-01', end: '2026-02-28' };
const row = (id: string, start: string, end: string, amount: string, extra: object = {}) => ({
  customerId: id,
  period: { start, end },
  mrr: { amount, currency: 'USD' },
  ...extra,
});
const err = (code: string, field: string, value: RegExp) =>
  expect.objectContaining({ code, field, message: expect.stringMatching(value) });

describe('revenue rows', () => {
  it('negative MRR: INVALID_AMOUNT naming the row, in movements and cohorts', () => {
    const rows = [row('a', '2026-01-01', '2026-01-31', '-0.01')];
    expect(() => mrrMovements(rows, { period: FEB })).toThrow(
      err('INVALID_AMOUNT', 'subscriptions[0] (id "a").mrr.amount', /-0\.01/),
    );
    expect(() => cohortRetention(rows)).toThrow(
      err('INVALID_AMOUNT', 'subscriptions[0] (id "a").mrr.amount', /-0\.01/),
    );
  });
  it('"-0" MRR is zero, not negative (computed by hand: no revenue → starting 0)', () => {
    expect(
      mrrMovements([row('a', '2026-01-01', '2026-01-31', '-0')], { period: FEB, currency: 'USD' }).starting.amount,
    ).toBe('0.00');
  });
  it('mixed currencies across rows: CURRENCY_MISMATCH naming the second row', () => {
    const rows = [
      row('a', '2026-01-01', '2026-01-31', '5'),
      { ...row('b', '2026-01-01', '2026-01-31', '5'), mrr: { amount: '5', currency: 'EUR' } },
    ];
    expect(() => mrrMovements(rows, { period: FEB })).toThrow(
      err('CURRENCY_MISMATCH', 'subscriptions[1] (id "b").mrr.currency', /EUR/),
    );
    expect(() => cohortRetention(rows)).toThrow(
      err('CURRENCY_MISMATCH', 'subscriptions[1] (id "b").mrr.currency', /EUR/),
    );
  });
  it('rows of one subscription id that hold the same month end: DUPLICATE_ID naming both rows', () => {
    // a retried import: the January row of subscription s twice, and a row that overlaps it on January 31
    const rows = [
      row('a', '2026-01-01', '2026-01-31', '10', { subscriptionId: 's' }),
      row('a', '2026-01-15', '2026-02-28', '10', { subscriptionId: 's' }),
    ];
    const dup = expect.objectContaining({
      code: 'DUPLICATE_ID',
      field: 'subscriptions[1] (id "s").subscriptionId',
      details: { rows: [0, 1] },
      message: expect.stringMatching(/subscriptions\[1\] \(id "s"\) repeats subscriptions\[0\] \(id "s"\).*2026-01/),
    });
    expect(() => mrrMovements(rows, { period: FEB })).toThrow(dup);
    expect(() => cohortRetention(rows)).toThrow(dup);
    expect(() => mrrMovements([rows[1], rows[0]] as typeof rows, { period: FEB })).toThrow(
      expect.objectContaining({ code: 'DUPLICATE_ID', details: { rows: [0, 1] } }),
    );
  });
  it('rows of one subscription id over different months are its periods; without ids rows add up', () => {
    // computed by hand: s pays 10 in January, 12 in February → starting 10, expansion 2, ending 12
    const periods = [
      row('a', '2026-01-01', '2026-01-31', '10', { subscriptionId: 's' }),
      row('a', '2026-02-01', '2026-02-28', '12', { subscriptionId: 's' }),
    ];
    const m = mrrMovements(periods, { period: FEB });
    expect([m.starting.amount, m.expansion.amount, m.ending.amount]).toEqual(['10.00', '2.00', '12.00']);
    // a mid-month plan change: Jan 1–15 holds no month end, so it never overlaps Jan 16–Feb 15 (which holds Jan 31)
    const change = [
      row('a', '2026-01-01', '2026-01-15', '10', { subscriptionId: 's' }),
      row('a', '2026-01-16', '2026-02-15', '20', { subscriptionId: 's' }),
    ];
    expect(mrrMovements(change, { period: FEB }).churned.amount).toBe('20.00');
    // two subscriptions of one customer (no ids, or different ids) add up: 10 + 10 = 20 starting MRR
    const two = [row('a', '2026-01-01', '2026-01-31', '10'), row('a', '2026-01-15', '2026-02-28', '10')];
    expect(mrrMovements(two, { period: FEB }).starting.amount).toBe('20.00');
  });
  it('row periods need not be whole months; a window must be (INVALID_PERIOD naming the end)', () => {
    // computed by hand: Jan 15–Feb 14 contains the January month end only → churned in February
    expect(mrrMovements([row('a', '2026-01-15', '2026-02-14', '7')], { period: FEB }).churned.amount).toBe('7.00');
    expect(() =>
      mrrMovements([row('a', '2026-01-01', '2026-01-31', '7')], { period: { start: '2026-02-01', end: '2026-02-14' } }),
    ).toThrow(err('INVALID_PERIOD', 'options.period.end', /2026-02-14/));
  });
});

describe('counts and rates', () => {
  it('NaN or infinite counts: INVALID_COUNT naming the count', () => {
    expect(() => customerRetentionRate({ start: Number.NaN, end: 1, acquired: 0 })).toThrow(
      err('INVALID_COUNT', 'start', /NaN/),
    );
    expect(() => churnRate({ start: 10, churned: Number.NaN })).toThrow(err('INVALID_COUNT', 'churned', /NaN/));
    expect(() => churnRate({ start: 10, churned: 1, acquired: Number.NaN })).toThrow(
      err('INVALID_COUNT', 'acquired', /NaN/),
    );
    expect(() => churnRate({ start: Number.POSITIVE_INFINITY, churned: 1 })).toThrow(
      err('INVALID_COUNT', 'start', /Infinity/),
    );
  });
});

describe('the sBG model', () => {
  it('DEL/DERL with a discount rate ≤ 0: INVALID_RATE naming discountRate', () => {
    const p = { alpha: 1, beta: 1 };
    for (const d of [0, -0.1, Number.NaN]) {
      expect(() => sbgDel(p, { discountRate: d })).toThrow(err('INVALID_RATE', 'options.discountRate', /discountRate/));
      expect(() => sbgDerl(p, { discountRate: d, renewals: 1 })).toThrow(
        err('INVALID_RATE', 'options.discountRate', /discountRate/),
      );
    }
  });
  it('an empty survival series: INSUFFICIENT_DATA naming survivors, for counts and rates', () => {
    expect(() => fitShiftedBetaGeometric([])).toThrow(err('INSUFFICIENT_DATA', 'survivors', /\[\]/));
    expect(() => fitShiftedBetaGeometric([], { input: 'rates' })).toThrow(
      err('INSUFFICIENT_DATA', 'survivors', /\[\]/),
    );
    expect(() => fitShiftedBetaGeometric([100, Number.NaN, 50])).toThrow(err('INVALID_COUNT', 'survivors[1]', /NaN/));
  });
  it('α ≤ 1: the undiscounted expected lifetime is infinite in the type, never a large number', () => {
    // computed by hand: E[T] = E[1/θ] under θ ~ Beta(α, β) is ∫ θ^(α−2)(1−θ)^(β−1) dθ / B(α, β),
    // which diverges at θ = 0 for α ≤ 1
    expect(sbgExpectedLifetime({ alpha: 1, beta: 1 })).toEqual({ finite: false, value: null });
    expect(sbgExpectedLifetime({ alpha: 0.7, beta: 1 })).toEqual({ finite: false, value: null });
  });
});
