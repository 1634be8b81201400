/** Worked examples and refusals of the column form (src/core/money-column.ts). */
import { Decimal } from 'decimal.js';
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

describe('columns: each refusal names the line and the column (StrykerJS survivors of core P7)', () => {
  const usd = { currency: 'USD' };
  const refuses = (fn: () => unknown, code: Parameters<typeof thrown>[1], field: string, message: string): void => {
    const e = thrown(fn, code);
    expect(e.field).toBe(field);
    expect(e.message).toBe(message);
  };

  it('toMinorUnitsColumn: the amount, its line and what is wrong with it', () => {
    refuses(
      () => toMinorUnitsColumn([money(1, 'USD'), null as never], 'USD'),
      'INVALID_INPUT',
      'amounts[1]',
      'amounts[1] must be a money object { amount, currency }, got null',
    );
    const unreadable = {
      get amount(): string {
        throw new Error('not readable');
      },
      currency: 'USD',
    };
    refuses(
      () => toMinorUnitsColumn([unreadable], 'USD'),
      'INVALID_INPUT',
      'amounts[0]',
      'amounts[0] must be a money object { amount, currency } whose fields can be read, got {"currency":"USD"}',
    );
    refuses(
      () => toMinorUnitsColumn([{ amount: 'abc', currency: 'USD' }], 'USD'),
      'INVALID_AMOUNT',
      'amounts[0].amount',
      'amounts[0].amount must be a decimal number such as "12.30", got "abc"',
    );
    refuses(
      () => toMinorUnitsColumn([money(1, 'USD'), money(1, 'EUR')], 'USD'),
      'CURRENCY_MISMATCH',
      'amounts[1].currency',
      'amounts[1].currency must be USD to combine with USD money, got "EUR"',
    );
    refuses(
      () => toMinorUnitsColumn([money('1.005', 'USD')], 'USD'),
      'INVALID_AMOUNT',
      'amounts[0].amount',
      'amounts[0].amount has digits below the USD minor unit; round it first, got "1.005"',
    );
    // 2^53 cents: one past the largest safe integer
    refuses(
      () => toMinorUnitsColumn([money('90071992547409.92', 'USD')], 'USD'),
      'INVALID_AMOUNT',
      'amounts[0].amount',
      'amounts[0].amount must be within ±(2^53 − 1) minor units in a column, got "90071992547409.92"',
    );
    refuses(
      () => toMinorUnitsColumn({} as never, 'USD'),
      'INVALID_INPUT',
      'amounts',
      'amounts must be an array, got {}',
    );
  });

  it('toMinorUnitsColumn reads an amount written with fewer decimals than the minor unit', () => {
    // computed by hand: 1.5 dollars are 150 cents; 2 dinars are 2000 fils (BHD: 3 decimals)
    expect(Array.from(toMinorUnitsColumn([{ amount: '1.5', currency: 'USD' }], 'USD'))).toEqual([150]);
    expect(Array.from(toMinorUnitsColumn([{ amount: '2', currency: 'BHD' }], 'BHD'))).toEqual([2000]);
    // 16 digits (past the plain reader) at the minor unit: 2^53 − 1 cents exactly
    expect(Array.from(toMinorUnitsColumn([money('90071992547409.91', 'USD')], 'USD'))).toEqual([2 ** 53 - 1]);
  });

  it('toRateColumn: at most 15 decimals and 15 digits, and each rate fits at the common scale', () => {
    // 1.000000000000001 has 16 digits but 15 decimals, and 10^15 + 1 is a safe integer: accepted
    const r = toRateColumn(['1.000000000000001', '0.5']);
    expect([Array.from(r.units), r.scale]).toEqual([[1_000_000_000_000_001, 500_000_000_000_000], 15]);
    refuses(
      () => toRateColumn([1, '12345678901234567890']),
      'INVALID_AMOUNT',
      'rates[1]',
      'rates[1] must have at most 15 decimals and 15 digits in a column, got "12345678901234567890"',
    );
    refuses(
      () => toRateColumn([1, 'abc']),
      'INVALID_AMOUNT',
      'rates[1]',
      'rates[1] must be a decimal number such as "12.30", got "abc"',
    );
    // 2^53 − 1 at one decimal is 90071992547409910, past 2^53: refused, on either side of zero
    refuses(
      () => toRateColumn(['9007199254740991', '0.1']),
      'INVALID_AMOUNT',
      'rates[0]',
      'rates[0] does not fit a safe integer at 1 decimals, got "9007199254740991"',
    );
    refuses(
      () => toRateColumn(['-9007199254740991', '0.1']),
      'INVALID_AMOUNT',
      'rates[0]',
      'rates[0] does not fit a safe integer at 1 decimals, got "-9007199254740991"',
    );
  });

  it('sumProductsColumn: options, columns and rates refused by name', () => {
    const one = Float64Array.from([1]);
    refuses(
      () => sumProductsColumn(one, compileRate(1), undefined as never),
      'UNKNOWN_CURRENCY',
      'currency',
      'currency must be an ISO 4217 code with minor units such as "USD", got undefined',
    );
    expect(
      thrown(
        () => sumProductsColumn(one, compileRate(1), { currency: 'USD', rounding: 'x' as never }),
        'INVALID_OPTION',
      ).field,
    ).toBe('options.rounding');
    refuses(
      () => sumProductsColumn([1] as never, compileRate(1), usd),
      'INVALID_INPUT',
      'amounts',
      'amounts must be an Int32Array or a Float64Array of minor units, got [1]',
    );
    for (const rates of [null, undefined]) {
      refuses(
        () => sumProductsColumn(one, rates as never, usd),
        'INVALID_INPUT',
        'rates',
        `rates must be a RateColumn { units, scale } or a compiled rate, got ${rates}`,
      );
    }
    // a scale must be an integer 0–15 (15 is accepted: 15 cents × 10^-15 rounds to 0.00)
    for (const scale of [1.5, 16, -1]) {
      expect(
        thrown(() => sumProductsColumn(one, { units: Float64Array.from([1]), scale }, usd), 'INVALID_INPUT').field,
      ).toBe('rates');
    }
    expect(sumProductsColumn(Float64Array.from([15]), { units: Float64Array.from([1]), scale: 15 }, usd).amount).toBe(
      '0.00',
    );
    refuses(
      () => sumProductsColumn(one, toRateColumn([1, 2]), usd),
      'INVALID_INPUT',
      'rates.units',
      'rates.units must have one rate per amount (1), got "2 rates"',
    );
    refuses(
      () => sumProductsColumn(one, { kind: 'compiledRate', units: 1.5, scale: 2 } as never, usd),
      'INVALID_AMOUNT',
      'rates',
      'rates must be a rate from compileRate(), got {"kind":"compiledRate","units":1.5,"scale":2}',
    );
  });

  it('sumProductsColumn: a value that is not a safe integer is refused, naming its column', () => {
    refuses(
      () => sumProductsColumn(Float64Array.from([1]), { units: Float64Array.from([0.5]), scale: 0 }, usd),
      'INVALID_AMOUNT',
      'rates.units[0]',
      'rates.units[0] must be a safe integer, got 0.5',
    );
    // 2^60 is an integer but not a safe one: refused whatever the rate, zero included
    // (before: an unsafe amount times a zero rate was summed as 0)
    for (const rates of [compileRate(1), toRateColumn([0]), compileRate(0)]) {
      refuses(
        () => sumProductsColumn(Float64Array.from([2 ** 60]), rates, usd),
        'INVALID_AMOUNT',
        'amounts[0]',
        'amounts[0] must be a safe integer, got 1152921504606847000',
      );
    }
  });

  it('sumProductsColumn: a compiled rate past 15 digits or 15 decimals is applied exactly', () => {
    // computed by hand: 1.00 × 12345678901234567890 = 12345678901234567890.00, and 0.03 × it =
    // 370370367037037036.70; total 12716049268271604926.70
    expect(sumProductsColumn(Float64Array.from([100, 3]), compileRate('12345678901234567890'), usd).amount).toBe(
      '12716049268271604926.70',
    );
    // computed by hand: 0.05 × 10^-16 and 0.03 × 10^-16 round to 0.00 (16 decimals), and so do
    // 0.05 × 10^-23 and 0.03 × 10^-23 (23 decimals: past the table of exact powers of ten in a double)
    expect(sumProductsColumn(Float64Array.from([5, 3]), compileRate('0.0000000000000001'), usd).amount).toBe('0.00');
    expect(sumProductsColumn(Float64Array.from([5, 3]), compileRate('1e-23'), usd).amount).toBe('0.00');
    // computed by hand: 2^53 − 1 cents × 10^-23 = 9007199254740991e-25 dollars → 0.00 (half away from zero);
    // 10^23 × 10^-23 = 1 cent
    expect(sumProductsColumn(Float64Array.from([2 ** 53 - 1, 1]), compileRate('1e-23'), usd).amount).toBe('0.00');
    expect(sumProductsColumn(Float64Array.from([1]), compileRate('1e23'), usd).amount).toBe(
      '1000000000000000000000.00',
    );
  });

  it('sumProductsColumn: a running total past 2^52 stays exact, positive or negative', () => {
    // computed by hand: 3 × (2^52 − 1) + 1 = 13510798882111486 cents (a double sum without the
    // spill at 2^52 gives ...484: 2^53 + 2^52 − 3 is not a double)
    const lines = [4503599627370495, 4503599627370495, 4503599627370495, 1];
    expect(sumProductsColumn(Float64Array.from(lines), compileRate(1), usd).amount).toBe('135107988821114.86');
    expect(sumProductsColumn(Float64Array.from(lines.map((x) => -x)), compileRate(1), usd).amount).toBe(
      '-135107988821114.86',
    );
  });
});

describe('columns read every kind of amount and rate money and compileRate read', () => {
  it('an amount given as a number, a rate given as a Decimal', () => {
    // by hand: 5 dollars are 500 cents; 0.25 and 1 at the common scale 2 are 25 and 100
    expect(Array.from(toMinorUnitsColumn([{ amount: 5 as never, currency: 'USD' }], 'USD'))).toEqual([500]);
    const r = toRateColumn([new Decimal('0.25'), 1]);
    expect([Array.from(r.units), r.scale]).toEqual([[25, 100], 2]);
  });
});
