import { describe, expect, it } from 'vitest';
import { money } from '../../src/core/money.js';
import { cacPaybackMonths, customerLifetime, lifetimeValue, ltvToCac } from '../../src/retention/unit-economics.js';

const usd = (a: string) => money(a, 'USD');

describe('customerLifetime', () => {
  it('1 / churn, and a typed infinite answer at zero churn', () => {
    // Baremetrics "Time to churn": 100 / 5 % = 20 months
    expect(customerLifetime(0.05)).toEqual({ finite: true, value: 20 });
    expect(customerLifetime(1)).toEqual({ finite: true, value: 1 });
    expect(customerLifetime(0)).toEqual({ finite: false, value: null });
    expect(() => customerLifetime(5)).toThrow(expect.objectContaining({ code: 'INVALID_RATE' }));
    expect(() => customerLifetime(Number.NaN)).toThrow(expect.objectContaining({ code: 'INVALID_RATE' }));
  });
  it('a churn so small that 1/churn overflows is refused, never Infinity (fast-check counterexample)', () => {
    expect(() => customerLifetime(5e-324)).toThrow(expect.objectContaining({ code: 'INVALID_RATE', field: 'churn' }));
    // computed by hand: 1 / 1e-300 = 1e300, still a number
    const tiny = customerLifetime(1e-300);
    expect(tiny.finite).toBe(true);
    expect((tiny.value ?? 0) / 1e300).toBeCloseTo(1, 12);
  });
  it('LTV:CAC and CAC payback that overflow a number are refused, never Infinity', () => {
    expect(() => ltvToCac(usd('1000000'), { amount: `0.${'0'.repeat(320)}1`, currency: 'USD' })).toThrow(
      expect.objectContaining({ code: 'INVALID_AMOUNT', field: 'cac.amount' }),
    );
    expect(() => cacPaybackMonths(usd('1'), usd('1'), { grossMargin: 5e-324 })).toThrow(
      expect.objectContaining({ code: 'INVALID_AMOUNT', field: 'newMrr.amount' }),
    );
  });
});

describe('lifetimeValue', () => {
  it('ChartMogul example: ARPA $100, churn 5 % → $2,000', () => {
    // help.chartmogul.com 203359061
    expect(lifetimeValue(usd('100'), 0.05)).toEqual({ finite: true, value: usd('2000') });
  });
  it('ProfitWell example: ARPU $10, churn 4 % → $250; 4 % → 6 % is a 33.3 % decrease (not 40 %)', () => {
    // learn.profitwell.com LTV article; 1 − (10/0.06)/(10/0.04) = 1/3 computed by hand
    expect(lifetimeValue(usd('10'), 0.04).value).toEqual(usd('250'));
    expect(lifetimeValue(usd('10'), 0.06).value).toEqual(usd('166.67'));
  });
  it('with gross margin: ARPA × GM ÷ churn', () => {
    // computed with Python fractions: 99.99 × 0.8 / 0.03 = 2666.4
    expect(lifetimeValue(usd('99.99'), 0.03, { grossMargin: 0.8 }).value).toEqual(usd('2666.40'));
  });
  it('the four discounted closed forms (Fader & Hardie 2012, note 024), m = 100, churn 5 %, d = 10 %', () => {
    // Python fractions: m(1+d)/(1+d−r) = 733.33…, m/(1+d−r) = 666.66…, m r/(1+d−r) = 633.33…,
    // m r/((1+d)(1+d−r)) = 575.7575…
    const o = { discountRate: 0.1 } as const;
    expect(lifetimeValue(usd('100'), 0.05, o).value).toEqual(usd('733.33'));
    expect(lifetimeValue(usd('100'), 0.05, { ...o, cashflow: 'end' }).value).toEqual(usd('666.67'));
    expect(lifetimeValue(usd('100'), 0.05, { ...o, firstPayment: 'excluded' }).value).toEqual(usd('633.33'));
    expect(lifetimeValue(usd('100'), 0.05, { ...o, firstPayment: 'excluded', cashflow: 'end' }).value).toEqual(
      usd('575.76'),
    );
  });
  it('Gupta & Lehmann margin multiple r/(1+i−r) = 2.67 at r = 80 %, i = 10 %', () => {
    // computed by hand: r/(1 + i − r) = 0.8/0.3 = 2.67 (the margin multiple of Gupta & Lehmann)
    expect(lifetimeValue(usd('1'), 0.2, { discountRate: 0.1, firstPayment: 'excluded' }).value).toEqual(usd('2.67'));
  });
  it('zero churn: infinite undiscounted, finite discounted m(1+d)/d', () => {
    expect(lifetimeValue(usd('100'), 0)).toEqual({ finite: false, value: null });
    // computed by hand: 100 × 1.1 / 0.1 = 1100
    expect(lifetimeValue(usd('100'), 0, { discountRate: 0.1 }).value).toEqual(usd('1100'));
  });
  it('rounds once, with the chosen mode, in the currency minor unit', () => {
    // Python: 1000 / 0.03 = 33333.33… JPY (0 decimals)
    expect(lifetimeValue(money('1000', 'JPY'), 0.03).value).toEqual(money('33333', 'JPY'));
    expect(lifetimeValue(money('1000', 'JPY'), 0.03, { rounding: 'ceiling' }).value).toEqual(money('33334', 'JPY'));
  });
  it('refuses bad input', () => {
    expect(() => lifetimeValue(usd('-1'), 0.1)).toThrow(expect.objectContaining({ code: 'INVALID_AMOUNT' }));
    expect(() => lifetimeValue(usd('1'), 0.1, { grossMargin: 1.2 })).toThrow(
      expect.objectContaining({ code: 'INVALID_RATE' }),
    );
    expect(() => lifetimeValue(usd('1'), 0.1, { discountRate: -0.1 })).toThrow(
      expect.objectContaining({ code: 'INVALID_RATE' }),
    );
    // @ts-expect-error wrong option on purpose
    expect(() => lifetimeValue(usd('1'), 0.1, { cashflow: 'middle' })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION' }),
    );
  });
});

describe('ltvToCac and cacPaybackMonths', () => {
  it('LTV:CAC', () => {
    // computed by hand: 2000 / 500 = 4; 1000/3 = 333.33…
    expect(ltvToCac(usd('2000'), usd('500'))).toBe(4);
    expect(ltvToCac(usd('1000'), usd('3'))).toBeCloseTo(333.3333333333333, 12);
    expect(ltvToCac(usd('1'), usd('0'))).toBeNull();
    expect(() => ltvToCac(usd('1'), money('1', 'EUR'))).toThrow(expect.objectContaining({ code: 'CURRENCY_MISMATCH' }));
  });
  it('Bessemer Law #6 example: $770k S&M, +$100k MRR at 70 % GM → 11 months', () => {
    // bvp.com/blog/bessemer-cloud-computing-law-6-build-revenue-engine
    expect(cacPaybackMonths(usd('770000'), usd('100000'), { grossMargin: 0.7 })).toEqual({ finite: true, value: 11 });
  });
  it('never repaid is a typed infinite answer', () => {
    expect(cacPaybackMonths(usd('100'), usd('50'), { grossMargin: 0 })).toEqual({ finite: false, value: null });
    expect(() => cacPaybackMonths(usd('-1'), usd('50'))).toThrow(expect.objectContaining({ code: 'INVALID_AMOUNT' }));
  });
});
