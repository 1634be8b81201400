/**
 * A read of the caller's data that throws (a getter, a proxy trap) inside one of core's public
 * functions becomes `INVALID_INPUT` naming the field's path as the function names its arguments,
 * with the caller's exception as `cause` (docs/conventions.md, "Errors and refusals"; issue 14;
 * `readFailure` in src/core/read.ts). Had the function not searched its arguments, the caller's
 * exception would come out unchanged, with no field. Inputs: each function's @example, with one
 * field made unreadable. Written for the StrykerJS survivors `readFailure(thrown, { … }) → {}`
 * listed in docs/mutation-survivors.md.
 */
import { describe, expect, it } from 'vitest';
import {
  allocate,
  compileRate,
  createRng,
  divide,
  formatMoney,
  formatPercent,
  money,
  multiply,
  prorate,
  quarter,
  quarterOf,
  sum,
  sumProducts,
  sumProductsColumn,
  toMinorUnitsColumn,
  toRateColumn,
  weekCalendarPositionOf,
  weekCalendarYear,
  type Money,
} from '../../src/core/index.js';
import { throwingGetterAt, unreadableFacts } from '../thrown.js';

const boom = new Error('locked');
/** What every case below expects: the code, the message naming `field`, the field, the caller's exception. */
const named = (field: string): [string, string, string, unknown] => [
  'INVALID_INPUT',
  `${field} could not be read (reading it threw Error: locked)`,
  field,
  boom,
];

/** A copy of `list` whose element `i` is a getter that throws `boom`. */
function throwingElementAt<T>(list: readonly T[], i: number): T[] {
  return Object.defineProperty([...list], i, {
    get: () => {
      throw boom;
    },
    enumerable: true,
  });
}

/**
 * Money whose `currency` getter answers `'USD'` on its first read and throws `boom` on every later
 * one (a source that expires): the money readers catch a throw of their first read of each field
 * themselves, so this is the read that reaches the function's own `readFailure`.
 */
function usdOnce(amount: string): Money {
  let reads = 0;
  return Object.defineProperty({ amount }, 'currency', {
    get: () => {
      reads++;
      if (reads > 1) throw boom;
      return 'USD';
    },
    enumerable: true,
  }) as unknown as Money;
}

const usd = (amount: string): Money => money(amount, 'USD');

describe('core: a throwing read inside a function is INVALID_INPUT naming the field, cause set', () => {
  it('allocate: a ratio whose getter throws is ratios[i]', () => {
    const ratios = throwingElementAt([70, 30], 1);
    expect(unreadableFacts(() => allocate(usd('0.05'), ratios))).toEqual(named('ratios[1]'));
  });

  it('divide and prorate: a currency that throws on its second read is value.currency', () => {
    expect(unreadableFacts(() => divide(usdOnce('100.00'), 8))).toEqual(named('value.currency'));
    expect(unreadableFacts(() => prorate(usdOnce('1000.00'), 27, 28))).toEqual(named('value.currency'));
  });

  it('multiply: a currency that throws on its second read is money.currency', () => {
    expect(unreadableFacts(() => multiply(usdOnce('100.00'), 0.125))).toEqual(named('money.currency'));
  });

  it('sum: an amount whose getter throws is values[i]', () => {
    const values = throwingElementAt([usd('0.10'), usd('0.20'), usd('0.70')], 2);
    expect(unreadableFacts(() => sum(values, { currency: 'USD' }))).toEqual(named('values[2]'));
  });

  it('sumProducts: an amount whose getter throws is amounts[i]', () => {
    const amounts = throwingElementAt([usd('1000.10'), usd('333.33'), usd('0.07')], 1);
    expect(unreadableFacts(() => sumProducts(amounts, '0.05', { currency: 'USD' }))).toEqual(named('amounts[1]'));
  });

  it('formatMoney and formatPercent: an option whose getter throws is options.<name>', () => {
    const display = throwingGetterAt({ currencyDisplay: 'code' as const }, 'currencyDisplay', boom);
    expect(unreadableFacts(() => formatMoney(usd('1.00'), 'en-US', display))).toEqual(named('options.currencyDisplay'));
    const digits = throwingGetterAt({ maximumFractionDigits: 2 }, 'maximumFractionDigits', boom);
    expect(unreadableFacts(() => formatPercent(0.1234, 'en-US', digits))).toEqual(
      named('options.maximumFractionDigits'),
    );
  });

  it('toMinorUnitsColumn, toRateColumn: an element whose getter throws is amounts[i], rates[i]', () => {
    const amounts = throwingElementAt([usd('12.34'), usd('-0.05')], 1);
    expect(unreadableFacts(() => toMinorUnitsColumn(amounts, 'USD'))).toEqual(named('amounts[1]'));
    const rates = throwingElementAt<string | number>(['0.05', 0.0725, 1], 2);
    expect(unreadableFacts(() => toRateColumn(rates))).toEqual(named('rates[2]'));
  });

  it('sumProductsColumn: options.currency whose getter throws', () => {
    const options = throwingGetterAt({ currency: 'USD' }, 'currency', boom);
    const cents = Int32Array.from([100010, 33333, 7]);
    expect(unreadableFacts(() => sumProductsColumn(cents, compileRate('0.05'), options))).toEqual(
      named('options.currency'),
    );
  });

  it('weekCalendarYear and weekCalendarPositionOf: options.pattern whose getter throws', () => {
    const nrf = throwingGetterAt({ pattern: '4-5-4', yearEndMonth: 1, naming: 'start' } as const, 'pattern', boom);
    expect(unreadableFacts(() => weekCalendarYear(2023, nrf))).toEqual(named('options.pattern'));
    expect(unreadableFacts(() => weekCalendarPositionOf('2024-02-03', nrf))).toEqual(named('options.pattern'));
  });

  it('createRng: a seed word whose getter throws is seed[i]', () => {
    const seed = throwingElementAt([1, 2, 3, 4], 2) as unknown as [number, number, number, number];
    expect(unreadableFacts(() => createRng(seed))).toEqual(named('seed[2]'));
  });

  it('quarterOf: options.fiscalYearStartMonth whose getter throws', () => {
    const options = throwingGetterAt({ fiscalYearStartMonth: 7 }, 'fiscalYearStartMonth', boom);
    expect(unreadableFacts(() => quarterOf('2025-12-15', options))).toEqual(named('options.fiscalYearStartMonth'));
  });

  it('quarter: a getter that throws on every other read is still named by quarter’s own search', () => {
    // quarter reads its options through fiscalYear: read 1 (fiscalYear reading the option) throws,
    // read 2 (fiscalYear's search) answers 7, so fiscalYear passes the exception on unchanged;
    // read 3 (quarter's search) throws again and names the field.
    let reads = 0;
    const options = Object.defineProperty({}, 'fiscalYearStartMonth', {
      get: () => {
        reads++;
        if (reads % 2 === 1) throw boom;
        return 7;
      },
      enumerable: true,
    });
    expect(unreadableFacts(() => quarter(2026, 1, options))).toEqual(named('options.fiscalYearStartMonth'));
  });

  it('compileRate: the one exception of a Decimal-like rate that leaves readDecimal unworded is named', () => {
    // readDecimal words every throw of a Decimal-like's getters as INVALID_AMOUNT after asking
    // `instanceof RevopsError` of it; a thrown proxy whose getPrototypeOf trap throws makes that
    // question throw the trap's error instead, which compileRate's own search then finds at rate.e
    const first = new Proxy(
      {},
      {
        getPrototypeOf: () => {
          throw boom;
        },
      },
    );
    let reads = 0;
    const rate = Object.defineProperty({ d: [1], s: 1, isFinite: () => true, toFixed: () => '1' }, 'e', {
      get: () => {
        reads++;
        throw reads === 1 ? first : boom;
      },
      enumerable: true,
    });
    expect(unreadableFacts(() => compileRate(rate as never))).toEqual(named('rate.e'));
  });
});
