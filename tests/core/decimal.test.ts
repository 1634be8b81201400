/** The isolated decimal.js clone: RevopsDecimal has precision 34; the global Decimal is never configured. */
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { divide, money, prorate, RevopsDecimal, toDecimal } from '../../src/core/index.js';
import { thrown } from './helpers.js';

describe('RevopsDecimal', () => {
  it('is a separate clone with precision 34 and half-away-from-zero rounding', () => {
    expect(RevopsDecimal).not.toBe(Decimal);
    expect(RevopsDecimal.precision).toBe(34);
    // decimal.js: ROUND_HALF_UP (4) rounds half away from zero
    expect(RevopsDecimal.rounding).toBe(Decimal.ROUND_HALF_UP);
    // computed by hand: 1/3 to 34 significant digits
    expect(new RevopsDecimal(1).div(3).toString()).toBe(`0.${'3'.repeat(34)}`);
  });

  it('must show: the global Decimal keeps decimal.js defaults after the library is used', () => {
    divide(money(1, 'USD'), 3);
    prorate(money(1, 'USD'), 1, 3);
    toDecimal('0.1').plus(1);
    // decimal.js documentation: default precision 20, rounding ROUND_HALF_UP (4), toExpNeg -7, toExpPos 21
    expect(Decimal.precision).toBe(20);
    expect(Decimal.rounding).toBe(4);
    expect(Decimal.toExpNeg).toBe(-7);
    expect(Decimal.toExpPos).toBe(21);
    // computed by hand: 1/3 to 20 significant digits
    expect(new Decimal(1).div(3).toString()).toBe(`0.${'3'.repeat(20)}`);
  });
});

describe('toDecimal()', () => {
  it('converts exactly', () => {
    // computed by hand: 0.1 + 0.2 = 0.3 in decimal
    expect(toDecimal(0.1).plus('0.2').toString()).toBe('0.3');
    expect(toDecimal('1e-30').toFixed()).toBe(`0.${'0'.repeat(29)}1`);
    expect(toDecimal(new Decimal('2.50')).toString()).toBe('2.5');
  });

  it('throws INVALID_AMOUNT naming the field', () => {
    expect(thrown(() => toDecimal('abc', 'rate'), 'INVALID_AMOUNT').field).toBe('rate');
    thrown(() => toDecimal(NaN), 'INVALID_AMOUNT');
  });
});

describe('toDecimal(): the field it names (StrykerJS survivors of core P8)', () => {
  it('is `value` by default, and when the field given is not a string', () => {
    expect(thrown(() => toDecimal('abc'), 'INVALID_AMOUNT').field).toBe('value');
    expect(thrown(() => toDecimal('abc', 5 as never), 'INVALID_AMOUNT').field).toBe('value');
  });
});
