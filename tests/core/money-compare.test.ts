/** compare, equals, greaterThan, lessThan, sign, isZero, minMoney, maxMoney. */
import { describe, expect, it } from 'vitest';
import {
  compare,
  equals,
  greaterThan,
  isZero,
  lessThan,
  maxMoney,
  minMoney,
  money,
  sign,
} from '../../src/core/index.js';
import { thrown } from './helpers.js';

describe('compare()', () => {
  it('orders amounts of one currency and sorts', () => {
    // computed by hand: -1 < 2.5 < 3
    expect([money('3', 'USD'), money('-1', 'USD'), money('2.5', 'USD')].sort(compare).map((m) => m.amount)).toEqual([
      '-1.00',
      '2.50',
      '3.00',
    ]);
    expect(compare(money('1.5', 'USD'), money('1.50', 'USD'))).toBe(0);
    expect(compare(money('0.001', 'USD'), money('0', 'USD'))).toBe(1);
    expect(compare(money('-0.001', 'USD'), money('0', 'USD'))).toBe(-1);
    // computed by hand: 10^20 + 0.01 > 10^20
    expect(compare(money('100000000000000000000.01', 'USD'), money('1e20', 'USD'))).toBe(1);
  });

  it('throws CURRENCY_MISMATCH across currencies (compare, greaterThan, lessThan, min, max)', () => {
    const a = money(1, 'USD');
    const b = money(1, 'EUR');
    const e = thrown(() => compare(a, b), 'CURRENCY_MISMATCH');
    expect(e.field).toBe('b.currency');
    thrown(() => greaterThan(a, b), 'CURRENCY_MISMATCH');
    thrown(() => lessThan(a, b), 'CURRENCY_MISMATCH');
    thrown(() => minMoney(a, b), 'CURRENCY_MISMATCH');
    thrown(() => maxMoney(a, b), 'CURRENCY_MISMATCH');
  });
});

describe('equals()', () => {
  it('compares value and currency; different currencies are simply unequal', () => {
    expect(equals(money('1.5', 'USD'), money('1.50', 'USD'))).toBe(true);
    expect(equals({ amount: '1.5', currency: 'USD' }, { amount: '1.500', currency: 'USD' })).toBe(true);
    expect(equals(money(1, 'USD'), money(1, 'EUR'))).toBe(false);
    expect(equals(money('0.01', 'USD'), money('0.010001', 'USD'))).toBe(false);
  });
});

describe('greaterThan(), lessThan()', () => {
  it('are strict', () => {
    // computed by hand
    expect(greaterThan(money('10', 'USD'), money('9.99', 'USD'))).toBe(true);
    expect(lessThan(money('10', 'USD'), money('9.99', 'USD'))).toBe(false);
    expect(greaterThan(money('10', 'USD'), money('10.00', 'USD'))).toBe(false);
    expect(lessThan(money('10', 'USD'), money('10.00', 'USD'))).toBe(false);
  });
});

describe('sign(), isZero()', () => {
  it('give the sign of an amount', () => {
    expect([sign(money('-0.01', 'USD')), sign(money(0, 'USD')), sign(money(7, 'JPY'))]).toEqual([-1, 0, 1]);
    expect(sign(money('-0.0000001', 'USD'))).toBe(-1);
    expect(isZero(money('0.000', 'USD'))).toBe(true);
    expect(isZero({ amount: '-0', currency: 'USD' })).toBe(true);
    expect(isZero(money('0.001', 'USD'))).toBe(false);
  });
});

describe('minMoney(), maxMoney()', () => {
  it('return the smaller / larger as a new Money, never the caller’s object (fuzz run, issue 14)', () => {
    const five = money(5, 'USD');
    const three = money(3, 'USD');
    expect(minMoney(five, three)).toEqual({ amount: '3.00', currency: 'USD' });
    expect(maxMoney(five, three)).toEqual({ amount: '5.00', currency: 'USD' });
    expect(minMoney(five, three)).not.toBe(three);
    expect(maxMoney(five, three)).not.toBe(five);
    const a = money('1.5', 'USD');
    const b = money('1.50', 'USD');
    expect(minMoney(a, b)).toEqual({ amount: '1.50', currency: 'USD' });
    expect(maxMoney(a, b)).toEqual({ amount: '1.50', currency: 'USD' });
    // an amount with more digits than the currency's keeps them; one without is written with them
    expect(minMoney({ amount: '3', currency: 'USD' }, { amount: '3.005', currency: 'USD' })).toEqual({
      amount: '3.00',
      currency: 'USD',
    });
    expect(maxMoney({ amount: '3', currency: 'USD' }, { amount: '3.005', currency: 'USD' })).toEqual({
      amount: '3.005',
      currency: 'USD',
    });
  });
});
