/** sumProducts(): Σ amountᵢ × factorᵢ, rounded per line (default) or once on the total. */
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { money, sumProducts } from '../../src/core/index.js';
import { thrown } from './helpers.js';

const usd = (a: string): ReturnType<typeof money> => money(a, 'USD');

describe('sumProducts()', () => {
  it('rounds each line, then sums (a statement)', () => {
    // computed by hand: 1000.10 × 0.05 = 50.005 → 50.01; 333.33 × 0.05 = 16.6665 → 16.67;
    // 0.07 × 0.05 = 0.0035 → 0.00; total 66.68
    expect(sumProducts([usd('1000.10'), usd('333.33'), usd('0.07')], '0.05', { currency: 'USD' })).toEqual({
      amount: '66.68',
      currency: 'USD',
    });
    // computed by hand: 0.01 × 0.5 = 0.005 per line → 0.01 each half away (0.03), 0.00 each half even
    const three = [usd('0.01'), usd('0.01'), usd('0.01')];
    expect(sumProducts(three, '0.5', { currency: 'USD' }).amount).toBe('0.03');
    expect(sumProducts(three, '0.5', { currency: 'USD', rounding: 'halfEven' }).amount).toBe('0.00');
  });

  it("round: 'total' sums the exact products and rounds once", () => {
    // computed by hand: 3 × 0.005 = 0.015 → 0.02 (half away from zero)
    const three = [usd('0.01'), usd('0.01'), usd('0.01')];
    expect(sumProducts(three, '0.5', { currency: 'USD', round: 'total' }).amount).toBe('0.02');
    // computed by hand: 50.005 + 16.6665 + 0.0035 = 66.675 → 66.68
    expect(
      sumProducts([usd('1000.10'), usd('333.33'), usd('0.07')], '0.05', { currency: 'USD', round: 'total' }).amount,
    ).toBe('66.68');
  });

  it('takes one factor per line', () => {
    // computed by hand: 1000.10 + 2 × 333.33 + 3 × 0.07 = 1000.10 + 666.66 + 0.21 = 1666.97
    expect(sumProducts([usd('1000.10'), usd('333.33'), usd('0.07')], [1, 2, 3], { currency: 'USD' }).amount).toBe(
      '1666.97',
    );
    // computed by hand: repeated factors (cached) and a Decimal factor: 10 × 0.1 + 10 × 0.1 + 10 × 0.25 = 4.50
    expect(
      sumProducts([usd('10'), usd('10'), usd('10')], ['0.1', '0.1', new Decimal('0.25')], { currency: 'USD' }).amount,
    ).toBe('4.50');
    expect(sumProducts([usd('10'), usd('10')], [0.1, 0.1], { currency: 'USD', round: 'total' }).amount).toBe('2.00');
  });

  it('is exact beyond 2^53 and with sub-minor amounts (BigInt paths)', () => {
    // computed by hand: 2 × 90071992547409.91 = 180143985094819.82
    expect(sumProducts([usd('90071992547409.91'), usd('90071992547409.91')], 1, { currency: 'USD' }).amount).toBe(
      '180143985094819.82',
    );
    // computed by hand: 0.005 × 1 → 0.01 (line rounded), 0.004 × 1 → 0.00
    expect(sumProducts([usd('0.005'), usd('0.004')], 1, { currency: 'USD' }).amount).toBe('0.01');
    // computed by hand: 12345678901234567.89 × 2 = 24691357802469135.78
    expect(sumProducts([usd('12345678901234567.89')], '2', { currency: 'USD' }).amount).toBe('24691357802469135.78');
    // computed by hand: a 20-decimal factor: 1.00 × 0.00000000000000000001 → 0.00
    expect(sumProducts([usd('1')], '0.00000000000000000001', { currency: 'USD' }).amount).toBe('0.00');
    // computed by hand: a factor beyond 2^53: 0.01 × 10^20 = 10^18
    expect(sumProducts([usd('0.01')], '100000000000000000000', { currency: 'USD' }).amount).toBe(
      '1000000000000000000.00',
    );
  });

  it('an empty list is zero in the currency', () => {
    expect(sumProducts([], '0.1', { currency: 'JPY' })).toEqual({ amount: '0', currency: 'JPY' });
    expect(sumProducts([], [], { currency: 'USD', round: 'total' })).toEqual({ amount: '0.00', currency: 'USD' });
  });

  it('validates its arguments', () => {
    const e = thrown(() => sumProducts([usd('1'), money('1', 'EUR')], 1, { currency: 'USD' }), 'CURRENCY_MISMATCH');
    expect(e.field).toBe('amounts[1].currency');
    thrown(() => sumProducts([money('1', 'EUR')], 1, { currency: 'USD', round: 'total' }), 'CURRENCY_MISMATCH');
    expect(thrown(() => sumProducts([usd('1')], [1, 2], { currency: 'USD' }), 'INVALID_INPUT').field).toBe('factors');
    expect(thrown(() => sumProducts([usd('1')], 'x', { currency: 'USD' }), 'INVALID_AMOUNT').field).toBe('factors');
    expect(thrown(() => sumProducts([usd('1')], ['x'], { currency: 'USD' }), 'INVALID_AMOUNT').field).toBe(
      'factors[0]',
    );
    expect(
      thrown(() => sumProducts([usd('1')], 1, { currency: 'USD', round: 'line' as never }), 'INVALID_OPTION').field,
    ).toBe('options.round');
    expect(
      thrown(() => sumProducts([usd('1')], 1, { currency: 'USD', rounding: 'up' as never }), 'INVALID_OPTION').field,
    ).toBe('options.rounding');
    thrown(() => sumProducts([null as never], 1, { currency: 'USD' }), 'INVALID_INPUT');
    thrown(() => sumProducts([], 1, { currency: 'usd' }), 'UNKNOWN_CURRENCY');
  });

  it('refuses a missing list or options with RevopsError (found by the long fuzz run)', () => {
    // exact inputs of the fuzz finding: a TypeError reading length before
    expect(thrown(() => sumProducts(undefined as never, '0.05', { currency: 'USD' }), 'INVALID_INPUT').field).toBe(
      'amounts',
    );
    expect(thrown(() => sumProducts(undefined as never, '0.05', 'USD' as never), 'INVALID_OPTION').field).toBe(
      'options',
    );
    expect(thrown(() => sumProducts([], '0.05', null as never), 'INVALID_OPTION').field).toBe('options');
    expect(thrown(() => sumProducts([], '0.05', {} as never), 'UNKNOWN_CURRENCY').field).toBe('options.currency');
  });
});

describe('sumProducts(): an amount given as a number', () => {
  it('is read as its decimal, as money() reads it', () => {
    // by hand: 5 × 0.1 = 0.50; 2.5 × 3 = 7.50; total 8.00
    const lines = [{ amount: 5, currency: 'USD' }, money('2.5', 'USD')] as never;
    expect(sumProducts(lines, ['0.1', 3], { currency: 'USD' }).amount).toBe('8.00');
    expect(sumProducts([{ amount: 5, currency: 'USD' }] as never, '0.1', { currency: 'USD' }).amount).toBe('0.50');
  });
});

describe('sumProducts(): products with many decimals', () => {
  it('an amount and a factor of 15 decimals each (a product at scale 30) round exactly', () => {
    // by hand: 10^-15 × 10^-15 = 10^-30, which rounds to 0.00 (and to 0 yen); 0.5 × 0.000000000000001 = 5·10^-16
    const tiny = '0.000000000000001';
    expect(sumProducts([money(tiny, 'USD')], [tiny], { currency: 'USD' }).amount).toBe('0.00');
    expect(sumProducts([money(tiny, 'USD')], tiny, { currency: 'USD' }).amount).toBe('0.00');
    expect(sumProducts([money(tiny, 'JPY'), money('3', 'JPY')], [tiny, tiny], { currency: 'JPY' }).amount).toBe('0');
  });
});
