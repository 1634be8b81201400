/**
 * The review checklist for bad input, in one place: each case is a RevopsError with a stable
 * code naming the field and the value, or a documented behaviour (overlapping rows add up;
 * rows need not be whole months; zero churn is `{ finite: false }`).
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
    expect(() => mrrMovements(rows, FEB)).toThrow(err('INVALID_AMOUNT', 'subscriptions[0].mrr.amount', /-0\.01/));
    expect(() => cohortRetention(rows)).toThrow(err('INVALID_AMOUNT', 'subscriptions[0].mrr.amount', /-0\.01/));
  });
  it('"-0" MRR is zero, not negative (computed by hand: no revenue → starting 0)', () => {
    expect(mrrMovements([row('a', '2026-01-01', '2026-01-31', '-0')], FEB, { currency: 'USD' }).starting.amount).toBe(
      '0.00',
    );
  });
  it('mixed currencies across rows: CURRENCY_MISMATCH naming the second row', () => {
    const rows = [
      row('a', '2026-01-01', '2026-01-31', '5'),
      { ...row('b', '2026-01-01', '2026-01-31', '5'), mrr: { amount: '5', currency: 'EUR' } },
    ];
    expect(() => mrrMovements(rows, FEB)).toThrow(err('CURRENCY_MISMATCH', 'subscriptions[1].mrr.currency', /EUR/));
    expect(() => cohortRetention(rows)).toThrow(err('CURRENCY_MISMATCH', 'subscriptions[1].mrr.currency', /EUR/));
  });
  it('overlapping rows of one customer add up (documented: deduplicate first)', () => {
    // computed by hand: both rows cover the January month end → 10 + 10 = 20 starting MRR for February
    const rows = [
      row('a', '2026-01-01', '2026-01-31', '10', { subscriptionId: 's' }),
      row('a', '2026-01-15', '2026-02-28', '10', { subscriptionId: 's' }),
    ];
    const m = mrrMovements(rows, FEB);
    expect([m.starting.amount, m.contraction.amount, m.ending.amount]).toEqual(['20.00', '10.00', '10.00']);
  });
  it('row periods need not be whole months; a window must be (INVALID_PERIOD naming the end)', () => {
    // computed by hand: Jan 15–Feb 14 contains the January month end only → churned in February
    expect(mrrMovements([row('a', '2026-01-15', '2026-02-14', '7')], FEB).churned.amount).toBe('7.00');
    expect(() =>
      mrrMovements([row('a', '2026-01-01', '2026-01-31', '7')], { start: '2026-02-01', end: '2026-02-14' }),
    ).toThrow(err('INVALID_PERIOD', 'window.end', /2026-02-14/));
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
      expect(() => sbgDel(p, d)).toThrow(err('INVALID_RATE', 'discountRate', /discountRate/));
      expect(() => sbgDerl(p, d, 1)).toThrow(err('INVALID_RATE', 'discountRate', /discountRate/));
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
    // computed by hand: E[T] = E[1/θ] under θ ~ Beta(α, β) is ∫ θ^(α−2)(1−θ)^(β−1) dθ / B(α, β), which diverges at θ = 0 for α ≤ 1
    expect(sbgExpectedLifetime({ alpha: 1, beta: 1 })).toEqual({ finite: false, value: null });
    expect(sbgExpectedLifetime({ alpha: 0.7, beta: 1 })).toEqual({ finite: false, value: null });
  });
});
