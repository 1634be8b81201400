/** Worked examples and refusals of the column form (src/core/money-column.ts). */
import { describe, expect, it } from 'vitest';
import { compileRate, money, sumProductsColumn, toMinorUnitsColumn, toRateColumn } from '../../src/core/index.js';
import { thrown } from './helpers.js';

describe('columns', () => {
  it('sum the rounded products: worked example', () => {
    // computed by hand: 1000.10 × 0.05 = 50.005 → 50.01; 333.33 × 0.1 = 33.333 → 33.33;
    // 0.07 × 0.5 = 0.035 → 0.04 (half away from zero); total 83.38. With floor: 50.00 + 33.33 + 0.03 = 83.36
    const cents = Int32Array.from([100010, 33333, 7]);
    const rates = toRateColumn(['0.05', 0.1, '0.5']);
    expect(rates.scale).toBe(2);
    expect(Array.from(rates.units)).toEqual([5, 10, 50]);
    expect(sumProductsColumn(cents, rates, { currency: 'USD' })).toEqual({ amount: '83.38', currency: 'USD' });
    expect(sumProductsColumn(cents, rates, { currency: 'USD', rounding: 'floor' }).amount).toBe('83.36');
    // JPY has no minor digits: 1000 × 0.333 = 333 yen exactly, 7 × 0.5 = 3.5 → 4
    expect(sumProductsColumn(Int32Array.from([1000, 7]), toRateColumn([0.333, 0.5]), { currency: 'JPY' }).amount).toBe(
      '337',
    );
    expect(sumProductsColumn(new Float64Array(0), compileRate(1), { currency: 'BHD' }).amount).toBe('0.000');
  });

  it('stay exact past 2^53', () => {
    // computed by hand: (2^53 − 1) cents × 3 = 27021597764222973 cents, twice → 540431955284459.46
    const big = Float64Array.from([2 ** 53 - 1, 2 ** 53 - 1]);
    expect(sumProductsColumn(big, compileRate(3), { currency: 'USD' }).amount).toBe('540431955284459.46');
  });

  it('refuse what is not a column of safe integers in one currency', () => {
    expect(thrown(() => toMinorUnitsColumn([money('1.005', 'USD')], 'USD'), 'INVALID_AMOUNT').field).toBe(
      'amounts[0].amount',
    );
    thrown(() => toMinorUnitsColumn([money('1', 'EUR')], 'USD'), 'CURRENCY_MISMATCH');
    thrown(() => toMinorUnitsColumn([money('1e20', 'USD')], 'USD'), 'INVALID_AMOUNT');
    thrown(() => toRateColumn(['0.1234567890123456']), 'INVALID_AMOUNT');
    thrown(() => toRateColumn(['abc']), 'INVALID_AMOUNT');
    expect(
      thrown(() => sumProductsColumn(Float64Array.from([1.5]), compileRate(1), { currency: 'USD' }), 'INVALID_AMOUNT')
        .field,
    ).toBe('amounts[0]');
    thrown(() => sumProductsColumn([1] as never, compileRate(1), { currency: 'USD' }), 'INVALID_INPUT');
    thrown(() => sumProductsColumn(Int32Array.from([1]), toRateColumn([1, 2]), { currency: 'USD' }), 'INVALID_INPUT');
    thrown(() => sumProductsColumn(Int32Array.from([1]), compileRate(1), { currency: 'usd' }), 'UNKNOWN_CURRENCY');
    thrown(
      () => sumProductsColumn(Int32Array.from([1]), compileRate(1), { currency: 'USD', rounding: 'up' as never }),
      'INVALID_OPTION',
    );
    thrown(
      () => sumProductsColumn(Int32Array.from([1]), { units: [1], scale: 2 } as never, { currency: 'USD' }),
      'INVALID_INPUT',
    );
  });
});

describe('columns that are not arrays (found by the fuzz suite)', () => {
  it('toRateColumn(undefined) and toMinorUnitsColumn(undefined, …) refuse with INVALID_INPUT', () => {
    // exact input of the fuzz finding: a TypeError reading length before
    expect(thrown(() => toRateColumn(undefined as never), 'INVALID_INPUT').field).toBe('rates');
    expect(thrown(() => toRateColumn({ length: 2 } as never), 'INVALID_INPUT').field).toBe('rates');
    expect(thrown(() => toMinorUnitsColumn(undefined as never, 'USD'), 'INVALID_INPUT').field).toBe('amounts');
    // typed arrays are columns: 0.5 and 0.25 at the common scale 2 are 50 and 25
    expect(Array.from(toRateColumn(Float64Array.of(0.5, 0.25)).units)).toEqual([50, 25]);
  });
});
