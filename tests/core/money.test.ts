/**
 * money(), zero(), the JSON form and its parser, isMoney, toNumber.
 * Minor units are from the ISO 4217 table (USD 2, JPY 0, BHD 3, CLF 4).
 */
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { isMoney, money, multiply, parseMoney, toNumber, zero } from '../../src/core/index.js';
import { thrown } from './helpers.js';

describe('money()', () => {
  it('pads to the currency minor unit and keeps the exact decimal', () => {
    // ISO 4217: USD has 2 minor digits, so 12.3 is written "12.30"
    expect(money(12.3, 'USD')).toEqual({ amount: '12.30', currency: 'USD' });
    // ISO 4217: JPY has 0 minor digits; 1e3 is one thousand
    expect(money('1e3', 'JPY')).toEqual({ amount: '1000', currency: 'JPY' });
    // ISO 4217: BHD has 3 minor digits
    expect(money('1.5', 'BHD')).toEqual({ amount: '1.500', currency: 'BHD' });
    // ISO 4217: CLF has 4 minor digits
    expect(money(2, 'CLF')).toEqual({ amount: '2.0000', currency: 'CLF' });
  });

  it('reads a number as its shortest round-trip decimal (0.1 is one tenth)', () => {
    // String(0.1) === "0.1": the shortest decimal that round-trips the double
    expect(money(0.1, 'USD').amount).toBe('0.10');
    // String(1e21) === "1e+21": 1 followed by 21 zeros
    expect(money(1e21, 'USD').amount).toBe('1000000000000000000000.00');
    // 5e-324 is the smallest subnormal double; its shortest decimal is "5e-324"
    expect(money(5e-324, 'USD').amount).toBe(`0.${'0'.repeat(323)}5`);
  });

  it('does not round: digits below the minor unit are kept', () => {
    // computed by hand: 1.2345 has 4 decimals, more than USD's 2, all kept
    expect(money('1.2345', 'USD').amount).toBe('1.2345');
    // computed by hand: 1.5e-3 = 0.0015 (4 decimals, more than BHD's 3)
    expect(money('1.5e-3', 'BHD').amount).toBe('0.0015');
  });

  it('canonicalises: no leading zeros, no trailing zeros beyond the minor unit, never -0', () => {
    // computed by hand
    expect(money('0012.500', 'EUR').amount).toBe('12.50');
    expect(money('-0', 'USD').amount).toBe('0.00');
    expect(money('-0.000', 'USD').amount).toBe('0.00');
    expect(money(-0, 'JPY').amount).toBe('0');
    expect(money('+7', 'USD').amount).toBe('7.00');
    expect(money('.5', 'USD').amount).toBe('0.50');
    expect(money('-1.10', 'USD').amount).toBe('-1.10');
  });

  it('reads a decimal.js value exactly', () => {
    // computed by hand: Decimal("1.10") is 1.1
    expect(money(new Decimal('1.10'), 'USD').amount).toBe('1.10');
    // computed by hand: 1e-40 in plain notation has 40 decimals
    expect(money(new Decimal('1e-40'), 'USD').amount).toBe(`0.${'0'.repeat(39)}1`);
  });

  it('rejects non-finite and malformed amounts with INVALID_AMOUNT naming the field and value', () => {
    for (const bad of [NaN, Infinity, -Infinity, 'abc', '', '.', '1.2.3', ' 1', '1 ', '0x10', 'e5', '1e', '1,5']) {
      const e = thrown(() => money(bad, 'USD'), 'INVALID_AMOUNT');
      expect(e.field).toBe('amount');
      expect(e.message).toContain('amount');
    }
    const e = thrown(() => money('12,30', 'USD'), 'INVALID_AMOUNT');
    expect(e.message).toContain('"12,30"');
    thrown(() => money(new Decimal(NaN), 'USD'), 'INVALID_AMOUNT');
    thrown(() => money({} as never, 'USD'), 'INVALID_AMOUNT');
    thrown(() => money(null as never, 'USD'), 'INVALID_AMOUNT');
    thrown(() => money(10n as never, 'USD'), 'INVALID_AMOUNT');
  });

  it('bounds the work: more than 1000 digits or an exponent beyond ±1000 is INVALID_AMOUNT', () => {
    thrown(() => money('1'.repeat(1001), 'USD'), 'INVALID_AMOUNT');
    thrown(() => money('1e1001', 'USD'), 'INVALID_AMOUNT');
    // 1000 digits is accepted
    expect(money('1'.repeat(1000), 'USD').amount).toBe(`${'1'.repeat(1000)}.00`);
  });

  it('rejects unknown currencies with UNKNOWN_CURRENCY', () => {
    for (const bad of ['usd', 'XAU', 'XXX', '', 'US', 'USDD', 'constructor', '__proto__']) {
      const e = thrown(() => money(1, bad), 'UNKNOWN_CURRENCY');
      expect(e.field).toBe('currency');
    }
  });
});

describe('zero()', () => {
  it('is zero at the minor unit of the currency', () => {
    // ISO 4217 minor units: BHD 3, JPY 0, USD 2
    expect(zero('BHD')).toEqual({ amount: '0.000', currency: 'BHD' });
    expect(zero('JPY')).toEqual({ amount: '0', currency: 'JPY' });
    expect(zero('USD')).toEqual({ amount: '0.00', currency: 'USD' });
  });
});

describe('JSON form', () => {
  it('JSON.stringify writes { amount: "12.30", currency: "USD" }', () => {
    // the JSON form of issue 2
    expect(JSON.stringify(money(12.3, 'USD'))).toBe('{"amount":"12.30","currency":"USD"}');
  });

  it('parseMoney copies with the canonical amount', () => {
    const m = money('12.3', 'USD');
    const j = parseMoney(m);
    // computed by hand: canonical USD form
    expect(j).toEqual({ amount: '12.30', currency: 'USD' });
    expect(j).not.toBe(m);
    // a non-canonical hand-made object is canonicalised
    expect(parseMoney({ amount: '5', currency: 'USD' })).toEqual({ amount: '5.00', currency: 'USD' });
  });

  it('parseMoney reads the JSON form and validates both fields', () => {
    // computed by hand: EUR has 2 minor digits
    expect(parseMoney(JSON.parse('{"amount":"0.5","currency":"EUR"}'))).toEqual({ amount: '0.50', currency: 'EUR' });
    // a number amount is read as its decimal
    expect(parseMoney({ amount: 1.25, currency: 'USD' })).toEqual({ amount: '1.25', currency: 'USD' });
    for (const bad of [null, undefined, 'x', 12, true]) {
      const e = thrown(() => parseMoney(bad), 'INVALID_INPUT');
      expect(e.field).toBe('money');
    }
    const e1 = thrown(() => parseMoney({ amount: '1' }), 'UNKNOWN_CURRENCY');
    expect(e1.field).toBe('money.currency');
    thrown(() => parseMoney({ amount: '1', currency: 'ABC' }), 'UNKNOWN_CURRENCY');
    const e2 = thrown(() => parseMoney({ amount: 'ten', currency: 'USD' }), 'INVALID_AMOUNT');
    expect(e2.field).toBe('money.amount');
    expect(e2.message).toContain('"ten"');
    thrown(() => parseMoney({ currency: 'USD' }), 'INVALID_AMOUNT');
  });

  it('round-trips: parseMoney(JSON.parse(JSON.stringify(m))) equals m', () => {
    for (const m of [money('12.30', 'USD'), money('-0.125', 'USD'), money(1000, 'JPY'), money('0.0001', 'CLF')]) {
      expect(parseMoney(JSON.parse(JSON.stringify(m)))).toEqual(m);
    }
  });
});

describe('isMoney()', () => {
  it('accepts well-formed money and rejects everything else', () => {
    expect(isMoney({ amount: '1.00', currency: 'USD' })).toBe(true);
    expect(isMoney({ amount: '1', currency: 'USD' })).toBe(true);
    expect(isMoney({ amount: 1, currency: 'USD' })).toBe(false); // amount must be a string
    expect(isMoney({ amount: '1.00', currency: 'usd' })).toBe(false);
    expect(isMoney({ amount: 'x', currency: 'USD' })).toBe(false);
    expect(isMoney(null)).toBe(false);
    expect(isMoney('1.00 USD')).toBe(false);
  });
});

describe('toNumber()', () => {
  // Regression: beyond ~1.8e308 toNumber returned Infinity; it now throws INVALID_AMOUNT.
  it('toNumber throws INVALID_AMOUNT rather than return ±Infinity', () => {
    expect(() => toNumber(money('1e400', 'USD'))).toThrow(
      expect.objectContaining({ code: 'INVALID_AMOUNT', field: 'money.amount' }),
    );
    expect(() => toNumber(money('-1e400', 'USD'))).toThrow(expect.objectContaining({ code: 'INVALID_AMOUNT' }));
  });

  it('gives the nearest double', () => {
    // computed by hand
    expect(toNumber(money('1234.56', 'USD'))).toBe(1234.56);
    expect(toNumber(money('-0.10', 'USD'))).toBe(-0.1);
    expect(toNumber(money(1000, 'JPY'))).toBe(1000);
  });
});

describe('amounts printed exactly past the plain-number range', () => {
  it('2^53 − 1 dollars (past 2^53 cents) and a product with 21 decimals', () => {
    // by hand: 9007199254740991 dollars are 900719925474099100 cents, not a double: printed from the exact value
    expect(money('9007199254740991', 'USD').amount).toBe('9007199254740991.00');
    expect(money('-9007199254740991', 'JPY').amount).toBe('-9007199254740991');
    // by hand: 10^-15 × 10^-6 = 10^-21
    expect(multiply(money('0.000000000000001', 'USD'), '0.000001').amount).toBe('0.000000000000000000001');
    // by hand: 10^-15 × 10^-9 = 10^-24, and 10^-15 × 3 × 10^-15 = 3 × 10^-30: past the 22 powers of ten a
    // double holds exactly
    expect(multiply(money('0.000000000000001', 'USD'), '0.000000001').amount).toBe(`0.${'0'.repeat(23)}1`);
    expect(multiply(money('0.000000000000001', 'USD'), '0.000000000000003').amount).toBe(`0.${'0'.repeat(29)}3`);
  });
});
