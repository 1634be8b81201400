/**
 * add, subtract, multiply, negate, abs, sum, roundMoney, toMinorUnits, fromMinorUnits.
 * Each operation is checked on the safe-integer fast path (small amounts) and on the BigInt
 * path (amounts beyond 2^53 minor units, or sub-minor digits).
 */
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import {
  abs,
  allocate,
  add,
  fromMinorUnits,
  money,
  multiply,
  negate,
  roundMoney,
  subtract,
  sum,
  toMinorUnits,
  type Money,
} from '../../src/core/index.js';
import { thrown } from './helpers.js';

const usd = (a: string | number): Money => money(a, 'USD');
// 2^53 − 1 = 9007199254740991 cents is the largest safe integer; amounts above it use BigInt.
const BIG = '90071992547409.91';

describe('add()', () => {
  it('must show: 0.1 + 0.2 in money is exactly 0.30', () => {
    // computed by hand: one tenth plus two tenths is three tenths (not 0.30000000000000004)
    expect(add(money(0.1, 'USD'), money(0.2, 'USD'))).toEqual({ amount: '0.30', currency: 'USD' });
    expect(add(money(0.1, 'USD'), money(0.2, 'USD')).amount).toBe('0.30');
  });

  it('adds exactly, keeping sub-minor digits', () => {
    // computed by hand
    expect(add(usd('0.005'), usd('0.005')).amount).toBe('0.01');
    expect(add(usd('1.001'), usd('2')).amount).toBe('3.001');
    expect(add(usd('-5.25'), usd('5.25')).amount).toBe('0.00');
    expect(add(money(1, 'JPY'), money(2, 'JPY'))).toEqual({ amount: '3', currency: 'JPY' });
    expect(add(money('0.001', 'BHD'), money('0.0005', 'BHD')).amount).toBe('0.0015');
  });

  it('is exact beyond 2^53 minor units (BigInt path)', () => {
    // computed by hand: 90071992547409.91 + 0.01 = 90071992547409.92 (9007199254740992 cents = 2^53)
    expect(add(usd(BIG), usd('0.01')).amount).toBe('90071992547409.92');
    // computed by hand: digit-wise addition
    expect(add(usd('12345678901234567890.12'), usd('0.88')).amount).toBe('12345678901234567891.00');
    // a canonical amount with an exponent written by hand still works
    expect(add({ amount: '1e2', currency: 'USD' }, usd(1)).amount).toBe('101.00');
  });

  it('throws CURRENCY_MISMATCH for mixed currencies, naming the field and the currency', () => {
    const e = thrown(() => add(money(1, 'USD'), money(1, 'EUR')), 'CURRENCY_MISMATCH');
    expect(e.field).toBe('b.currency');
    expect(e.value).toBe('EUR');
    expect(e.message).toContain('b.currency');
    expect(e.message).toContain('"EUR"');
    thrown(() => add(money(BIG, 'USD'), money(BIG, 'EUR')), 'CURRENCY_MISMATCH');
  });

  it('validates its arguments', () => {
    thrown(() => add(null as never, usd(1)), 'INVALID_INPUT');
    thrown(() => add({ amount: '1', currency: 'usd' }, usd(1)), 'UNKNOWN_CURRENCY');
    thrown(() => add({ amount: 'x', currency: 'USD' }, usd(1)), 'INVALID_AMOUNT');
  });
});

describe('subtract()', () => {
  it('subtracts exactly', () => {
    // computed by hand
    expect(subtract(money('10.00', 'EUR'), money('12.5', 'EUR'))).toEqual({ amount: '-2.50', currency: 'EUR' });
    expect(subtract(usd('0.3'), usd('0.1')).amount).toBe('0.20');
    expect(subtract(usd('1.50'), usd('1.5')).amount).toBe('0.00');
    // computed by hand: 2^53 cents minus one cent
    expect(subtract(usd('90071992547409.92'), usd('0.01')).amount).toBe(BIG);
    expect(subtract(usd('0'), usd('12345678901234567890.5')).amount).toBe('-12345678901234567890.50');
  });

  it('throws CURRENCY_MISMATCH for mixed currencies', () => {
    thrown(() => subtract(money(1, 'USD'), money(1, 'JPY')), 'CURRENCY_MISMATCH');
  });
});

describe('multiply()', () => {
  it('multiplies exactly without rounding', () => {
    // computed by hand: 100 × 0.125 = 12.5
    expect(multiply(usd('100.00'), 0.125)).toEqual({ amount: '12.50', currency: 'USD' });
    // computed by hand: 19.99 × 0.075 = 1.49925
    expect(multiply(usd('19.99'), '0.075').amount).toBe('1.49925');
    // computed by hand
    expect(multiply(usd('5'), -1).amount).toBe('-5.00');
    expect(multiply(usd('5'), 0).amount).toBe('0.00');
    expect(multiply(usd('-5'), 0).amount).toBe('0.00');
    expect(multiply(usd('5'), -0).amount).toBe('0.00');
    expect(multiply(usd('2.50'), '+4').amount).toBe('10.00');
    expect(multiply(money(3, 'JPY'), '0.5').amount).toBe('1.5');
  });

  it('reads number factors as their shortest decimal, including exponent forms', () => {
    // String(1e-7) === "1e-7"; 100 × 0.0000001 = 0.00001
    expect(multiply(usd('100.00'), 1e-7).amount).toBe('0.00001');
    // String(1.1) === "1.1"; 3 × 1.1 = 3.3 (a double product would be 3.3000000000000003)
    expect(multiply(usd('3'), 1.1).amount).toBe('3.30');
    // computed by hand: 1e21 × 2
    expect(multiply(usd('2'), 1e21).amount).toBe('2000000000000000000000.00');
  });

  it('accepts a decimal.js factor', () => {
    // computed by hand: 10 × 0.333 = 3.33
    expect(multiply(usd('10'), new Decimal('0.333')).amount).toBe('3.33');
  });

  it('is exact beyond 2^53 (BigInt path)', () => {
    // computed by hand: 123456789012345.67 × 3 = 370370367037037.01
    expect(multiply(usd('123456789012345.67'), 3).amount).toBe('370370367037037.01');
    // computed by hand: 90071992547409.91 × 2 = 180143985094819.82
    expect(multiply(usd(BIG), '2').amount).toBe('180143985094819.82');
  });

  it('rejects a factor that is not a finite decimal (INVALID_AMOUNT, field factor)', () => {
    const e = thrown(() => multiply(usd(1), NaN), 'INVALID_AMOUNT');
    expect(e.field).toBe('factor');
    thrown(() => multiply(usd(1), 'abc'), 'INVALID_AMOUNT');
    thrown(() => multiply(usd(1), Infinity), 'INVALID_AMOUNT');
  });
});

describe('negate() and abs()', () => {
  it('flip and drop the sign, never producing -0', () => {
    // computed by hand
    expect(negate(usd('5'))).toEqual({ amount: '-5.00', currency: 'USD' });
    expect(negate(usd('-0.125')).amount).toBe('0.125');
    expect(negate(usd('0')).amount).toBe('0.00');
    expect(abs(usd('-5.25'))).toEqual({ amount: '5.25', currency: 'USD' });
    expect(abs(usd('5.25')).amount).toBe('5.25');
    expect(abs(money(0, 'JPY')).amount).toBe('0');
  });
});

describe('an unknown currency in a money argument', () => {
  it("is UNKNOWN_CURRENCY naming the argument's currency field", () => {
    const xxx = { amount: '1', currency: 'XXX' } as never;
    expect(thrown(() => add(xxx, usd(1)), 'UNKNOWN_CURRENCY').field).toBe('a.currency');
    expect(thrown(() => add(usd(1), xxx), 'UNKNOWN_CURRENCY').field).toBe('b.currency');
    expect(thrown(() => multiply(xxx, 2), 'UNKNOWN_CURRENCY').field).toBe('money.currency');
    expect(thrown(() => allocate(xxx, [1]), 'UNKNOWN_CURRENCY').field).toBe('money.currency');
    expect(thrown(() => sum([usd(1), xxx], { currency: 'USD' }), 'UNKNOWN_CURRENCY').field).toBe('values[1].currency');
  });
});

describe('sum()', () => {
  it('sums exactly; the empty sum is zero in the given currency', () => {
    // computed by hand: 0.10 + 0.20 + 0.70 = 1.00
    expect(sum([usd('0.10'), usd('0.20'), usd('0.70')], { currency: 'USD' })).toEqual({
      amount: '1.00',
      currency: 'USD',
    });
    // ISO 4217: JPY has 0 minor digits
    expect(sum([], { currency: 'JPY' })).toEqual({ amount: '0', currency: 'JPY' });
    // computed by hand: ten times 0.1 is 1 (a double loop gives 0.9999999999999999)
    expect(
      sum(
        Array.from({ length: 10 }, () => money(0.1, 'USD')),
        { currency: 'USD' },
      ).amount,
    ).toBe('1.00');
    // computed by hand: sub-minor digits are kept
    expect(sum([usd('0.001'), usd('0.002')], { currency: 'USD' }).amount).toBe('0.003');
  });

  it('mixes the fast and BigInt paths exactly', () => {
    // computed by hand: 90071992547409.91 + 0.01 + 0.005 + 1 = 90071992547410.925
    expect(sum([usd(BIG), usd('0.01'), usd('0.005'), usd('1')], { currency: 'USD' }).amount).toBe('90071992547410.925');
    // computed by hand: 10 × 9999999999999.99 = 99999999999999.90; the safe-integer accumulator
    // (999999999999999 cents per line) passes 2^53 on the tenth line
    expect(
      sum(
        Array.from({ length: 10 }, () => usd('9999999999999.99')),
        { currency: 'USD' },
      ).amount,
    ).toBe('99999999999999.90');
    // computed by hand: 0.0001 + 0.00001 + 2 = 2.00011
    expect(sum([usd('0.0001'), usd('0.00001'), usd('2')], { currency: 'USD' }).amount).toBe('2.00011');
  });

  it('throws CURRENCY_MISMATCH naming the index', () => {
    const e = thrown(() => sum([usd(1), money(1, 'EUR')], { currency: 'USD' }), 'CURRENCY_MISMATCH');
    expect(e.field).toBe('values[1].currency');
    thrown(() => sum([money(1, 'EUR')], { currency: 'USD' }), 'CURRENCY_MISMATCH');
    thrown(() => sum([], { currency: 'usd' }), 'UNKNOWN_CURRENCY');
    const e2 = thrown(() => sum([usd(1), null as never], { currency: 'USD' }), 'INVALID_INPUT');
    expect(e2.field).toBe('values[1]');
  });

  it('takes the currency in one options object', () => {
    thrown(() => sum([usd(1)], 'USD' as never), 'INVALID_OPTION');
    thrown(() => sum([usd(1)], null as never), 'INVALID_OPTION');
    expect(thrown(() => sum([], {} as never), 'UNKNOWN_CURRENCY').field).toBe('options.currency');
    expect(thrown(() => sum(null as never, { currency: 'USD' }), 'INVALID_INPUT').field).toBe('values');
  });
});

describe('roundMoney()', () => {
  it('rounds to the minor unit, half away from zero by default', () => {
    // computed by hand: 2.675 is exactly halfway between 2.67 and 2.68 (the double 2.675 is below it)
    expect(roundMoney(usd('2.675'))).toEqual({ amount: '2.68', currency: 'USD' });
    expect(roundMoney(usd('-2.675')).amount).toBe('-2.68');
    // computed by hand: banker's rounding goes to the even cent
    expect(roundMoney(usd('2.675'), 'halfEven').amount).toBe('2.68');
    expect(roundMoney(usd('2.665'), 'halfEven').amount).toBe('2.66');
    // computed by hand: never -0
    expect(roundMoney(usd('-0.004')).amount).toBe('0.00');
    expect(roundMoney(usd('-0.004'), 'floor').amount).toBe('-0.01');
    // ISO 4217: JPY 0 digits, BHD 3 digits
    expect(roundMoney(money('2.5', 'JPY')).amount).toBe('3');
    expect(roundMoney(money('2.5', 'JPY'), 'halfEven').amount).toBe('2');
    expect(roundMoney(money('1.0005', 'BHD')).amount).toBe('1.001');
    expect(roundMoney(money('1.00049', 'CLF')).amount).toBe('1.0005');
  });

  it('leaves an amount already at the minor unit unchanged', () => {
    expect(roundMoney(usd('12.30'))).toEqual(usd('12.30'));
    expect(roundMoney(money(7, 'JPY'))).toEqual(money(7, 'JPY'));
  });

  it('is exact beyond 2^53 (BigInt path)', () => {
    // computed by hand: ...567.125 halfway; away from zero → .13, to even → .12
    expect(roundMoney(usd('12345678901234567.125')).amount).toBe('12345678901234567.13');
    expect(roundMoney(usd('12345678901234567.125'), 'halfEven').amount).toBe('12345678901234567.12');
    // computed by hand: 20 decimals, far below the cent
    expect(roundMoney(usd('0.00500000000000000001'), 'halfTowardZero').amount).toBe('0.01');
    expect(roundMoney(usd('0.00500000000000000000'), 'halfTowardZero').amount).toBe('0.00');
  });

  it('reads hand-made amounts with an exponent (BigInt path)', () => {
    // computed by hand: 1.5e-3 = 0.0015 → 0.00; 2.5e0 yen = 2.5 → 3
    expect(roundMoney({ amount: '1.5e-3', currency: 'USD' }).amount).toBe('0.00');
    expect(roundMoney({ amount: '2.5e0', currency: 'JPY' }).amount).toBe('3');
    expect(multiply({ amount: '1e2', currency: 'USD' }, '0.5').amount).toBe('50.00');
  });

  it('rejects an unknown currency before anything else', () => {
    thrown(() => roundMoney({ amount: '1', currency: 'XXX' }), 'UNKNOWN_CURRENCY');
    thrown(() => multiply({ amount: '1', currency: 'XXX' }, 2), 'UNKNOWN_CURRENCY');
    thrown(() => subtract({ amount: '1', currency: 'XXX' }, { amount: '1', currency: 'XXX' }), 'UNKNOWN_CURRENCY');
  });

  it('rejects an unknown mode with INVALID_OPTION', () => {
    const e = thrown(() => roundMoney(usd(1), 'HALF_UP' as never), 'INVALID_OPTION');
    expect(e.field).toBe('mode');
    expect(e.message).toContain('"HALF_UP"');
  });
});

describe('toMinorUnits() and fromMinorUnits()', () => {
  it('convert between amounts and integer minor units', () => {
    // computed by hand: 12.34 USD is 1234 cents
    expect(toMinorUnits(usd('12.34'))).toBe(1234n);
    expect(toMinorUnits(usd('12.3'))).toBe(1230n);
    expect(toMinorUnits(money(1000, 'JPY'))).toBe(1000n);
    expect(toMinorUnits(money('-0.005', 'BHD'))).toBe(-5n);
    expect(toMinorUnits(usd('12345678901234567890.12'))).toBe(1234567890123456789012n);
    // computed by hand
    expect(fromMinorUnits(1234n, 'USD')).toEqual({ amount: '12.34', currency: 'USD' });
    expect(fromMinorUnits(-5, 'BHD')).toEqual({ amount: '-0.005', currency: 'BHD' });
    expect(fromMinorUnits(0, 'JPY')).toEqual({ amount: '0', currency: 'JPY' });
    expect(fromMinorUnits(1n, 'CLF').amount).toBe('0.0001');
  });

  it('refuse inexact conversions', () => {
    const e = thrown(() => toMinorUnits(usd('1.234')), 'INVALID_AMOUNT');
    expect(e.field).toBe('money.amount');
    thrown(() => fromMinorUnits(1.5, 'USD'), 'INVALID_AMOUNT');
    thrown(() => fromMinorUnits(2 ** 53, 'USD'), 'INVALID_AMOUNT');
    thrown(() => fromMinorUnits('12' as never, 'USD'), 'INVALID_AMOUNT');
    thrown(() => fromMinorUnits(1, 'XXX'), 'UNKNOWN_CURRENCY');
  });
});
