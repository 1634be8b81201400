/** divide() at 34 significant digits and prorate() exactly, rounded once. */
import { describe, expect, it } from 'vitest';
import { divide, money, prorate } from '../../src/core/index.js';
import { thrown } from './helpers.js';

describe('divide()', () => {
  it('is exact when the quotient terminates', () => {
    // computed by hand: 100 / 8 = 12.5
    expect(divide(money('100.00', 'USD'), 8)).toEqual({ amount: '12.50', currency: 'USD' });
    // computed by hand: 1 / 0.5 = 2
    expect(divide(money(1, 'USD'), '0.5').amount).toBe('2.00');
    // computed by hand: 10 / -4 = -2.5
    expect(divide(money(10, 'USD'), -4).amount).toBe('-2.50');
    // computed by hand: 1 / 64 = 0.015625
    expect(divide(money(1, 'USD'), 64).amount).toBe('0.015625');
  });

  it('carries 34 significant digits otherwise (half away from zero)', () => {
    // computed by hand: 1/3 to 34 significant digits
    expect(divide(money('1.00', 'USD'), 3).amount).toBe(`0.${'3'.repeat(34)}`);
    // computed by hand: 2/3 = 0.666…, the 34th digit rounds up to 7
    expect(divide(money(2, 'USD'), 3).amount).toBe(`0.${'6'.repeat(33)}7`);
    expect(divide(money(-2, 'USD'), 3).amount).toBe(`-0.${'6'.repeat(33)}7`);
    // computed by hand: 100/3 = 33.33… with 34 significant digits (2 before the point)
    expect(divide(money(100, 'USD'), 3).amount).toBe(`33.${'3'.repeat(32)}`);
  });

  it('throws DIVISION_BY_ZERO and INVALID_AMOUNT', () => {
    const e = thrown(() => divide(money(1, 'USD'), 0), 'DIVISION_BY_ZERO');
    expect(e.field).toBe('divisor');
    thrown(() => divide(money(1, 'USD'), '0.000'), 'DIVISION_BY_ZERO');
    thrown(() => divide(money(1, 'USD'), NaN), 'INVALID_AMOUNT');
    thrown(() => divide(money(1, 'USD'), 'x'), 'INVALID_AMOUNT');
  });
});

describe('prorate()', () => {
  it('pays 27 of 28 days of February exactly, rounded once', () => {
    // computed by hand: 1000 × 27 / 28 = 964.2857142857…; half away → 964.29, floor → 964.28
    expect(prorate(money('1000.00', 'USD'), 27, 28)).toEqual({ amount: '964.29', currency: 'USD' });
    expect(prorate(money('1000.00', 'USD'), 27, 28, 'floor').amount).toBe('964.28');
    // computed by hand: a leap February, 27 of 29 days: 1000 × 27/29 = 931.0344827… → 931.03
    expect(prorate(money('1000.00', 'USD'), 27, 29).amount).toBe('931.03');
  });

  it('rounds exact halves by the mode', () => {
    // computed by hand: 0.01 × 1/2 = 0.005, exactly half a cent
    expect(prorate(money('0.01', 'USD'), 1, 2).amount).toBe('0.01');
    expect(prorate(money('0.01', 'USD'), 1, 2, 'halfEven').amount).toBe('0.00');
    expect(prorate(money('0.03', 'USD'), 1, 2, 'halfEven').amount).toBe('0.02'); // 0.015 → even cent 0.02
    expect(prorate(money('-0.01', 'USD'), 1, 2).amount).toBe('-0.01');
    expect(prorate(money('-0.01', 'USD'), 1, 2, 'halfUp').amount).toBe('0.00');
  });

  it('accepts decimal numerators and denominators and negative denominators', () => {
    // computed by hand: 100 × 0.5 / 1.5 = 33.333… → 33.33
    expect(prorate(money('100', 'USD'), '0.5', '1.5').amount).toBe('33.33');
    // computed by hand: 100 × 1 / -3 = -33.333… → -33.33
    expect(prorate(money('100', 'USD'), 1, -3).amount).toBe('-33.33');
    // computed by hand: 1000 yen × 1/3 = 333.33… → 333 (JPY has 0 digits)
    expect(prorate(money(1000, 'JPY'), 1, 3).amount).toBe('333');
    // computed by hand: sub-minor input 0.125 × 3/3 = 0.125 → 0.13
    expect(prorate(money('0.125', 'USD'), 3, 3).amount).toBe('0.13');
  });

  it('prorate(m, d, d) is m rounded', () => {
    expect(prorate(money('12.34', 'USD'), 31, 31)).toEqual(money('12.34', 'USD'));
  });

  it('throws DIVISION_BY_ZERO and INVALID_OPTION', () => {
    const e = thrown(() => prorate(money(1, 'USD'), 1, 0), 'DIVISION_BY_ZERO');
    expect(e.field).toBe('denominator');
    thrown(() => prorate(money(1, 'USD'), 1, 2, 'up' as never), 'INVALID_OPTION');
    thrown(() => prorate(money(1, 'USD'), 'x', 2), 'INVALID_AMOUNT');
  });
});
