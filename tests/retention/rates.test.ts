import { describe, expect, it } from 'vitest';
import { churnRate, customerRetentionRate } from '../../src/retention/rates.js';

describe('customerRetentionRate', () => {
  it('(E − N)/S with counts', () => {
    // computed by hand: (95 − 5)/100 = 0.9
    expect(customerRetentionRate({ start: 100, end: 95, acquired: 5 })).toEqual({
      rate: 0.9,
      numerator: 90,
      denominator: 100,
    });
    // computed by hand: everyone kept, nobody added → 1
    expect(customerRetentionRate({ start: 7, end: 7, acquired: 0 }).rate).toBe(1);
  });
  it('an empty starting base gives null, never NaN', () => {
    expect(customerRetentionRate({ start: 0, end: 3, acquired: 3 })).toEqual({
      rate: null,
      numerator: 0,
      denominator: 0,
    });
  });
  it('refuses impossible counts', () => {
    expect(() => customerRetentionRate({ start: 10, end: 3, acquired: 5 })).toThrow(
      expect.objectContaining({ code: 'INVALID_COUNT', field: 'acquired' }),
    );
    expect(() => customerRetentionRate({ start: 10, end: 20, acquired: 5 })).toThrow(
      expect.objectContaining({ code: 'INVALID_COUNT', field: 'end' }),
    );
    expect(() => customerRetentionRate({ start: -1, end: 0, acquired: 0 })).toThrow(
      expect.objectContaining({ code: 'INVALID_COUNT', field: 'start' }),
    );
    expect(() => customerRetentionRate({ start: 1.5, end: 0, acquired: 0 })).toThrow(
      expect.objectContaining({ code: 'INVALID_COUNT' }),
    );
  });
});

describe('churnRate: the four published conventions on one data set', () => {
  // computed by hand: 100 customers at start, 10 of them churn, 1 customer joins and
  // churns inside the window → ChartMogul 10 %, Baremetrics 11 %, Stripe 10.89 %, ProfitWell 10 %.
  // Sources: ChartMogul help 203359321 "Metric: Customer Churn rate"; Baremetrics help 5380347
  // "User and revenue churn" + changelog "Churn Update"; Stripe support "Calculating churn rate in
  // Billing"; Paddle ProfitWell metrics help, compare pages ("to not inflate new + churn").
  const counts = { start: 100, churned: 10, acquired: 1, acquiredAndChurned: 1 };
  it('ChartMogul excludes same-window joiners: 10/100', () => {
    expect(churnRate(counts, { preset: 'chartmogul' })).toEqual({ rate: 0.1, numerator: 10, denominator: 100 });
  });
  it('Baremetrics counts them in the numerator: 11/100', () => {
    expect(churnRate(counts, { preset: 'baremetrics' })).toEqual({ rate: 0.11, numerator: 11, denominator: 100 });
  });
  it('Stripe adds new subscribers to the denominator: 11/101 = 10.89 %', () => {
    const r = churnRate(counts, { preset: 'stripe' });
    expect(r.numerator).toBe(11);
    expect(r.denominator).toBe(101);
    expect(Math.round((r.rate ?? 0) * 10000) / 100).toBe(10.89); // 11/101 = 10.89 %
  });
  it('ProfitWell ignores them entirely: 10/100', () => {
    expect(churnRate(counts, { preset: 'profitwell' }).rate).toBe(0.1);
  });
  it('an explicit rule overrides the preset; the default is exclude', () => {
    expect(churnRate(counts, { preset: 'stripe', sameWindow: 'exclude' }).rate).toBe(0.1);
    expect(churnRate(counts).rate).toBe(0.1);
  });
  it('refuses impossible counts and unknown options', () => {
    expect(() => churnRate({ start: 5, churned: 6 })).toThrow(
      expect.objectContaining({ code: 'INVALID_COUNT', field: 'churned' }),
    );
    expect(() => churnRate({ start: 5, churned: 1, acquired: 1, acquiredAndChurned: 2 })).toThrow(
      expect.objectContaining({ code: 'INVALID_COUNT', field: 'acquiredAndChurned' }),
    );
    // @ts-expect-error wrong option on purpose
    expect(() => churnRate(counts, { preset: 'recurly' })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
    // @ts-expect-error wrong option on purpose
    expect(() => churnRate(counts, { sameWindow: 'ignore' })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION' }),
    );
    // @ts-expect-error a prototype key is not a preset
    expect(() => churnRate(counts, { preset: 'toString' })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION' }),
    );
  });
});
