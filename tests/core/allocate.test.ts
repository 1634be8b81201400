/** allocate(): largest remainder (Hamilton), parts in whole minor units summing to the whole. */
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { allocate, money } from '../../src/core/index.js';
import { thrown } from './helpers.js';

const amounts = (ms: { amount: string }[]): string[] => ms.map((m) => m.amount);

describe('allocate()', () => {
  it('must show: 100.00 USD split three ways is 33.34 / 33.33 / 33.33', () => {
    // computed by hand: 10000 cents / 3 = 3333 r 1; equal remainders, the first part gets the cent
    expect(amounts(allocate(money('100.00', 'USD'), [1, 1, 1]))).toEqual(['33.34', '33.33', '33.33']);
  });

  it('gives the leftover units to the largest remainders, ties to the earlier part', () => {
    // computed by hand: 5 cents × 70/100 = 3.5, × 30/100 = 1.5 → floors 3 + 1, one cent left,
    // remainders tie (0.5, 0.5) → first part
    expect(amounts(allocate(money('0.05', 'USD'), [70, 30]))).toEqual(['0.04', '0.01']);
    // computed by hand: 3 cents × (0.5, 0.25, 0.25) = 1.5, 0.75, 0.75 → floors 1, 0, 0; two cents
    // left go to the remainders 0.75, 0.75 (parts 2 and 3), not to the first part
    expect(amounts(allocate(money('0.03', 'USD'), ['0.5', '0.25', '0.25']))).toEqual(['0.01', '0.01', '0.01']);
    // computed by hand: 10 cents × (1, 2, 3, 4)/10 = 1, 2, 3, 4 exactly
    expect(amounts(allocate(money('0.10', 'USD'), [1, 2, 3, 4]))).toEqual(['0.01', '0.02', '0.03', '0.04']);
    // computed by hand: 1 cent over 3 equal parts → first part
    expect(amounts(allocate(money('0.01', 'USD'), [1, 1, 1]))).toEqual(['0.01', '0.00', '0.00']);
    // computed by hand: 1 cent, ratios 1:2 → shares 1/3 and 2/3; remainder of part 2 is larger
    expect(amounts(allocate(money('0.01', 'USD'), [1, 2]))).toEqual(['0.00', '0.01']);
  });

  it('works in every minor unit (ISO 4217: JPY 0, BHD 3)', () => {
    // computed by hand: 100 yen / 3 = 33 r 1
    expect(amounts(allocate(money(100, 'JPY'), [1, 1, 1]))).toEqual(['34', '33', '33']);
    // computed by hand: 1.000 BHD = 1000 fils / 3 = 333 r 1
    expect(amounts(allocate(money(1, 'BHD'), [1, 1, 1]))).toEqual(['0.334', '0.333', '0.333']);
  });

  it('splits a negative amount as its absolute value, negated', () => {
    // computed by hand: mirror of the 100.00 case
    expect(amounts(allocate(money('-100.00', 'USD'), [1, 1, 1]))).toEqual(['-33.34', '-33.33', '-33.33']);
  });

  it('gives a zero ratio zero, and splits zero into zeros', () => {
    expect(amounts(allocate(money('100.00', 'USD'), [1, 0, 1]))).toEqual(['50.00', '0.00', '50.00']);
    expect(amounts(allocate(money('0', 'USD'), [1, 2]))).toEqual(['0.00', '0.00']);
    expect(amounts(allocate(money('7.00', 'USD'), [5]))).toEqual(['7.00']);
  });

  it('is exact beyond 2^53 minor units', () => {
    // computed by hand: 10^20 cents / 3 = 33333333333333333333 r 1
    expect(amounts(allocate(money('1000000000000000000.00', 'USD'), [1, 1, 1]))).toEqual([
      '333333333333333333.34',
      '333333333333333333.33',
      '333333333333333333.33',
    ]);
  });

  it('keeps the currency on every part', () => {
    expect(allocate(money('1', 'EUR'), [1, 1]).map((m) => m.currency)).toEqual(['EUR', 'EUR']);
  });

  it('rejects bad ratios with INVALID_RATIO', () => {
    thrown(() => allocate(money(1, 'USD'), []), 'INVALID_RATIO');
    thrown(() => allocate(money(1, 'USD'), 'abc' as never), 'INVALID_RATIO');
    const e = thrown(() => allocate(money(1, 'USD'), [1, -1]), 'INVALID_RATIO');
    expect(e.field).toBe('ratios[1]');
    thrown(() => allocate(money(1, 'USD'), [0, 0]), 'INVALID_RATIO');
  });

  // Regression: a non-finite ratio once threw INVALID_AMOUNT, not the documented INVALID_RATIO.
  it('a non-finite ratio throws INVALID_RATIO as documented', () => {
    thrown(() => allocate(money(1, 'USD'), [1, NaN]), 'INVALID_RATIO');
  });

  it('a malformed ratio is INVALID_RATIO naming ratios[i]', () => {
    const e = thrown(() => allocate(money(1, 'USD'), [1, 'x']), 'INVALID_RATIO');
    expect(e.field).toBe('ratios[1]');
  });

  it('refuses ratios that are not an array, however they look (null, an array-like object)', () => {
    const e = thrown(() => allocate(money(1, 'USD'), null as never), 'INVALID_RATIO');
    expect(e.field).toBe('ratios');
    expect(e.message).toBe('ratios must be a non-empty array, got null');
    const arrayLike = { length: 2, 0: 1, 1: 1 };
    expect(thrown(() => allocate(money(1, 'USD'), arrayLike as never), 'INVALID_RATIO').field).toBe('ratios');
  });

  it('refuses ratios that are all negative, or a null ratio, naming the first bad one', () => {
    // all negative: their total is not zero, and they must be refused, not split
    const e = thrown(() => allocate(money('1.00', 'USD'), [-1, -2]), 'INVALID_RATIO');
    expect(e.field).toBe('ratios[0]');
    expect(thrown(() => allocate(money('1.00', 'USD'), [2, -1]), 'INVALID_RATIO').field).toBe('ratios[1]');
    expect(thrown(() => allocate(money('1.00', 'USD'), [1, null as never]), 'INVALID_RATIO').field).toBe('ratios[1]');
  });

  it('splits by Decimal ratios as by the numbers they hold', () => {
    // 10000 cents × 1/4 = 2500, × 3/4 = 7500: no remainder
    expect(amounts(allocate(money('100.00', 'USD'), [new Decimal(1), new Decimal(3)]))).toEqual(['25.00', '75.00']);
    expect(amounts(allocate(money('100.00', 'USD'), [new Decimal('0.5'), '1.5']))).toEqual(['25.00', '75.00']);
  });

  it('names money.amount for an unreadable amount whatever the ratios', () => {
    // the ratios are refused only after the amount is read
    const e = thrown(() => allocate({ amount: 'x', currency: 'USD' }, []), 'INVALID_AMOUNT');
    expect(e.field).toBe('money.amount');
  });

  it('refuses an amount with digits below the minor unit (INVALID_AMOUNT)', () => {
    const e = thrown(() => allocate(money('100.005', 'USD'), [1, 1]), 'INVALID_AMOUNT');
    expect(e.field).toBe('money.amount');
  });
});
