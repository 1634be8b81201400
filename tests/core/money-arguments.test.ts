/**
 * What core's money functions say about a bad argument: the code, the field (the argument's
 * name, `name[i]` for an item of a list, `.amount` / `.currency` for the part that is wrong) and
 * the message `"<field> <expectation>, got <value>"` (docs/conventions.md). Written for the
 * StrykerJS survivors of core P6 (docs/mutation.md): each field and message below was changed
 * to `""` by a mutant that no test noticed.
 */
import { describe, expect, it } from 'vitest';
import {
  abs,
  allocate,
  add,
  compare,
  equals,
  fromMinorUnits,
  money,
  multiply,
  negate,
  roundMoney,
  sign,
  subtract,
  sum,
  sumProducts,
  toMinorUnits,
  type Money,
} from '../../src/core/index.js';
import { readMoneyExact } from '../../src/core/money.js';
import { thrown } from './helpers.js';

const one = money('1', 'USD');
/** A money object whose `amount` getter throws (a proxy or a getter of the caller). */
const unreadable = (): Money =>
  ({
    get amount(): string {
      throw new Error('not readable');
    },
    currency: 'USD',
  }) as Money;
const malformed = { amount: 'abc', currency: 'USD' } as Money;

const CANNOT_READ = 'must be a money object { amount, currency } whose fields can be read, got {"currency":"USD"}';
const NOT_MONEY = 'must be a money object { amount, currency }, got null';
const NOT_MONEY_UNDEFINED = 'must be a money object { amount, currency }, got undefined';
const NOT_DECIMAL = 'must be a decimal number such as "12.30", got "abc"';

/** Expects `fn` to throw `code` naming `field`, with the message `field + ' ' + rest`. */
function refuses(fn: () => unknown, code: Parameters<typeof thrown>[1], field: string, rest: string): void {
  const e = thrown(fn, code);
  expect(e.field).toBe(field);
  expect(e.message).toBe(`${field} ${rest}`);
}

describe('a money argument whose amount cannot be read or parsed is named', () => {
  it('add and subtract: a and b', () => {
    refuses(() => add(unreadable(), one), 'INVALID_INPUT', 'a', CANNOT_READ);
    refuses(() => add(one, unreadable()), 'INVALID_INPUT', 'b', CANNOT_READ);
    refuses(() => add(malformed, one), 'INVALID_AMOUNT', 'a.amount', NOT_DECIMAL);
    refuses(() => subtract(one, malformed), 'INVALID_AMOUNT', 'b.amount', NOT_DECIMAL);
  });

  it('multiply: money and factor', () => {
    refuses(() => multiply(unreadable(), 2), 'INVALID_INPUT', 'money', CANNOT_READ);
    refuses(() => multiply(one, 'abc'), 'INVALID_AMOUNT', 'factor', NOT_DECIMAL);
    refuses(() => multiply(malformed, 2), 'INVALID_AMOUNT', 'money.amount', NOT_DECIMAL);
  });

  it('allocate: money', () => {
    refuses(() => allocate(unreadable(), [1, 1]), 'INVALID_INPUT', 'money', CANNOT_READ);
    refuses(() => allocate(malformed, [1, 1]), 'INVALID_AMOUNT', 'money.amount', NOT_DECIMAL);
  });

  it('negate, abs, toMinorUnits, roundMoney and sign: money', () => {
    refuses(() => negate(undefined as unknown as Money), 'INVALID_INPUT', 'money', NOT_MONEY_UNDEFINED);
    refuses(() => add(one, undefined as unknown as Money), 'INVALID_INPUT', 'b', NOT_MONEY_UNDEFINED);
    refuses(() => negate(null as unknown as Money), 'INVALID_INPUT', 'money', NOT_MONEY);
    refuses(() => abs(null as unknown as Money), 'INVALID_INPUT', 'money', NOT_MONEY);
    refuses(() => toMinorUnits(null as unknown as Money), 'INVALID_INPUT', 'money', NOT_MONEY);
    refuses(() => roundMoney(null as unknown as Money), 'INVALID_INPUT', 'money', NOT_MONEY);
    refuses(() => roundMoney(unreadable()), 'INVALID_INPUT', 'money', CANNOT_READ);
    refuses(() => roundMoney(malformed), 'INVALID_AMOUNT', 'money.amount', NOT_DECIMAL);
    refuses(() => sign(null as unknown as Money), 'INVALID_INPUT', 'money', NOT_MONEY);
  });

  it('compare and equals: a and b', () => {
    refuses(() => compare(null as unknown as Money, one), 'INVALID_INPUT', 'a', NOT_MONEY);
    refuses(() => compare(one, null as unknown as Money), 'INVALID_INPUT', 'b', NOT_MONEY);
    refuses(() => equals(null as unknown as Money, one), 'INVALID_INPUT', 'a', NOT_MONEY);
    refuses(() => equals(one, null as unknown as Money), 'INVALID_INPUT', 'b', NOT_MONEY);
  });

  it('sum: values[i], options', () => {
    refuses(() => sum([one, unreadable()], { currency: 'USD' }), 'INVALID_INPUT', 'values[1]', CANNOT_READ);
    refuses(() => sum([one, malformed], { currency: 'USD' }), 'INVALID_AMOUNT', 'values[1].amount', NOT_DECIMAL);
    refuses(
      () => sum([], null as unknown as { currency: string }),
      'INVALID_OPTION',
      'options',
      'must be an object { currency }, got null',
    );
    refuses(
      () => sum([], { currency: 5 } as unknown as { currency: string }),
      'UNKNOWN_CURRENCY',
      'options.currency',
      'must be an ISO 4217 code such as "USD", got 5',
    );
    refuses(
      () => sum({} as Money[], { currency: 'USD' }),
      'INVALID_INPUT',
      'values',
      'must be an array of Money, got {}',
    );
  });

  it('sumProducts: amounts[i], factors, options', () => {
    const usd = { currency: 'USD' };
    refuses(() => sumProducts([one, null as unknown as Money], 1, usd), 'INVALID_INPUT', 'amounts[1]', NOT_MONEY);
    refuses(() => sumProducts([one, unreadable()], 1, usd), 'INVALID_INPUT', 'amounts[1]', CANNOT_READ);
    refuses(() => sumProducts([one, malformed], 1, usd), 'INVALID_AMOUNT', 'amounts[1].amount', NOT_DECIMAL);
    refuses(
      () => sumProducts([one, money(1, 'EUR')], 1, usd),
      'CURRENCY_MISMATCH',
      'amounts[1].currency',
      'must be USD, got "EUR"',
    );
    refuses(
      () => sumProducts([], 1, null as unknown as typeof usd),
      'INVALID_OPTION',
      'options',
      'must be an object { currency, round?, rounding? }, got null',
    );
    refuses(
      () => sumProducts([], 1, { currency: 1 } as unknown as typeof usd),
      'UNKNOWN_CURRENCY',
      'options.currency',
      'must be an ISO 4217 code such as "USD", got 1',
    );
    refuses(() => sumProducts({} as Money[], 1, usd), 'INVALID_INPUT', 'amounts', 'must be an array of Money, got {}');
    refuses(
      () => sumProducts([], 1, { currency: 'USD', round: 'x' as 'total' }),
      'INVALID_OPTION',
      'options.round',
      `must be 'eachLine' or 'total', got "x"`,
    );
    refuses(
      () => sumProducts([one], [1, 2], usd),
      'INVALID_INPUT',
      'factors',
      'must have one factor per amount (1), got "2 factors"',
    );
  });
});

describe('other refusals of money-arithmetic name what is wrong', () => {
  it('an unknown rounding mode lists the nine modes', () => {
    refuses(
      () => roundMoney(one, 'up' as 'floor'),
      'INVALID_OPTION',
      'mode',
      'must be one of halfAwayFromZero, halfEven, halfTowardZero, halfUp, halfDown, awayFromZero, towardZero, ' +
        'ceiling, floor, got "up"',
    );
  });

  it('toMinorUnits of an amount below the minor unit, fromMinorUnits of a non-integer', () => {
    refuses(
      () => toMinorUnits(money('1.005', 'USD')),
      'INVALID_AMOUNT',
      'money.amount',
      'has digits below the USD minor unit; round it first, got "1.005"',
    );
    refuses(
      () => fromMinorUnits(1.5, 'USD'),
      'INVALID_AMOUNT',
      'units',
      'must be a safe integer number of minor units, got 1.5',
    );
    refuses(
      () => fromMinorUnits('5' as unknown as number, 'USD'),
      'INVALID_AMOUNT',
      'units',
      'must be an integer number of minor units, got "5"',
    );
  });
});

describe('the plain-number path of add and subtract stops at ±(2^53 − 1) minor units', () => {
  it('a sum just past 2^53 cents is exact (a double would round 2^53 + 1 to 2^53)', () => {
    // computed by hand: 9007199254740991 + 2 = 9007199254740993 cents (2^53 + 1, not a double)
    expect(add(money('90071992547409.91', 'USD'), money('0.02', 'USD')).amount).toBe('90071992547409.93');
    expect(subtract(money('90071992547409.91', 'USD'), money('-0.02', 'USD')).amount).toBe('90071992547409.93');
    // and below −(2^53 − 1)
    expect(add(money('-90071992547409.91', 'USD'), money('-0.02', 'USD')).amount).toBe('-90071992547409.93');
    expect(subtract(money('-90071992547409.91', 'USD'), money('0.02', 'USD')).amount).toBe('-90071992547409.93');
  });
});

describe('roundMoney of an amount written with fewer digits than the minor unit', () => {
  it('pads it to the minor unit (nothing to round)', () => {
    // computed by hand: 5 dollars is 5.00; 5.1 dinars is 5.100 (BHD has 3 minor digits)
    expect(roundMoney({ amount: '5', currency: 'USD' })).toEqual({ amount: '5.00', currency: 'USD' });
    expect(roundMoney({ amount: '5.1', currency: 'BHD' }, 'floor')).toEqual({ amount: '5.100', currency: 'BHD' });
  });
});

describe('the currency of a money argument', () => {
  it('an unknown code, a code that is not a string, a currency that cannot be read', () => {
    refuses(
      () => add({ amount: '1', currency: 'XXX' }, one),
      'UNKNOWN_CURRENCY',
      'a.currency',
      'must be an ISO 4217 code with minor units such as "USD", got "XXX"',
    );
    refuses(
      () => add({ amount: '1', currency: 5 } as never, one),
      'UNKNOWN_CURRENCY',
      'a.currency',
      'must be an ISO 4217 code such as "USD", got 5',
    );
    const currencyThrows = {
      amount: '1',
      get currency(): string {
        throw new Error('not readable');
      },
    };
    refuses(
      () => add(currencyThrows as Money, one),
      'INVALID_INPUT',
      'a',
      'must be a money object { amount, currency } whose fields can be read, got {"amount":"1"}',
    );
  });

  it('readMoneyExact names `money` unless told another field', () => {
    refuses(() => readMoneyExact(null), 'INVALID_INPUT', 'money', NOT_MONEY);
  });
});

describe('an amount given as a number (read as its decimal, as money() reads it)', () => {
  it('add and multiply', () => {
    // by hand: 5 + 1 = 6.00; 5 × 2 = 10.00
    expect(add({ amount: 5, currency: 'USD' } as never, one)).toEqual({ amount: '6.00', currency: 'USD' });
    expect(multiply({ amount: 5, currency: 'USD' } as never, 2)).toEqual({ amount: '10.00', currency: 'USD' });
  });
});
