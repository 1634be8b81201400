/**
 * Behaviour that StrykerJS found untested in core (docs/mutation.md): each test pins a rule of
 * the documentation with values worked out by hand — the limits of a message (60 characters of a
 * string, 80 of an object, 200 of a field name), what a brief value looks like, the defaults of
 * a RevopsError.
 */
import { describe, expect, it } from 'vitest';
import { briefValue, describeValue, invalid, invalidBrief, RevopsError } from '../../src/core/errors.js';
import {
  addDays,
  addMonths,
  assertIsoDate,
  compareDates,
  daysBetween,
  daysInMonth,
  instantToDate,
  instantToEpochMs,
  isInstant,
  isIsoDate,
} from '../../src/core/dates.js';
import { allocate } from '../../src/core/allocate.js';
import { divide, prorate } from '../../src/core/divide.js';
import { formatMoney, formatPercent } from '../../src/core/format.js';
import { money, readMoneyExact, toNumber } from '../../src/core/money.js';
import {
  daysInPeriod,
  fiscalYear,
  month,
  monthOf,
  monthsOf,
  overlap,
  period,
  periodContains,
  quarter,
  quarterOf,
  readPeriod,
} from '../../src/core/periods.js';
import { thrown } from './helpers.js';

describe('RevopsError defaults', () => {
  it('details default to an empty object, and given details are kept as given', () => {
    expect(new RevopsError('INVALID_INPUT', 'x').details).toEqual({});
    const details = { id: 'D-1', first: 0, second: 3 };
    expect(new RevopsError('DUPLICATE_ID', 'x', { details }).details).toBe(details);
  });
});

describe('describeValue at its limits', () => {
  it('a primitive is written as itself, whatever its kind', () => {
    // strings quoted, numbers and booleans as String() writes them
    expect([describeValue(0), describeValue(-0), describeValue(false), describeValue('')]).toEqual([
      '0',
      '0',
      'false',
      '""',
    ]);
  });

  it('an object of exactly 80 characters is written whole; one of 81 is cut to 77 and "..."', () => {
    // {"k":"<52 x>","l":"<n y>"}: 6 + 52 + 7 + n + 2 characters, 80 with n = 13
    const eighty = describeValue({ k: 'x'.repeat(52), l: 'y'.repeat(13) });
    expect(eighty).toBe(`{"k":"${'x'.repeat(52)}","l":"${'y'.repeat(13)}"}`);
    expect(eighty.length).toBe(80);
    // n = 14 makes 81: the first 77 characters (65 + 12 y) and "..."
    const over = describeValue({ k: 'x'.repeat(52), l: 'y'.repeat(14) });
    expect(over).toBe(`{"k":"${'x'.repeat(52)}","l":"${'y'.repeat(12)}...`);
  });

  it('stops writing keys once the text is past 80 characters', () => {
    // 200 one-character keys: without the stop every key would be visited and written
    const many: Record<string, number> = {};
    for (let i = 0; i < 200; i++) many[`k${i}`] = i;
    const text = describeValue(many);
    expect(text.length).toBe(80);
    expect(text.startsWith('{"k0":0,"k1":1,"k2":2,')).toBe(true);
  });

  it('leaves out accessors and non-data values of objects, but not of arrays', () => {
    const o = Object.defineProperty({ a: 1 }, 'g', { get: () => 2, enumerable: true });
    expect(describeValue(o)).toBe('{"a":1}');
    expect(describeValue({ s: Symbol('s'), f: () => 0, u: undefined, n: null })).toBe('{"n":null}');
    // in an array a hole, undefined or a function keeps its place
    expect(describeValue([undefined, () => 0, Symbol('s')])).toBe('[undefined,function,symbol]');
    const a = Object.defineProperty([1, 2], 1, { get: () => 9 });
    expect(describeValue(a)).toBe('[1,null]');
  });

  it('an object inside an array and an array inside an object', () => {
    expect(describeValue([{ a: [1, 'b'] }, null])).toBe('[{"a":[1,"b"]},null]');
    expect(describeValue({})).toBe('{}');
    expect(describeValue([])).toBe('[]');
  });
});

describe('briefValue and invalidBrief (the light readers)', () => {
  it('writes primitives as describeValue does', () => {
    expect(briefValue('abc')).toBe('"abc"');
    expect(briefValue('x'.repeat(61))).toBe(`"${'x'.repeat(57)}..."`);
    expect(briefValue(1.5)).toBe('1.5');
    expect(briefValue(Number.NaN)).toBe('NaN');
    expect(briefValue(true)).toBe('true');
    expect(briefValue(false)).toBe('false');
    expect(briefValue(null)).toBe('null');
    expect(briefValue(undefined)).toBe('undefined');
    expect(briefValue(12n)).toBe('12n');
  });

  it('writes an array as array(<length>) and any other object or value by its type', () => {
    expect(briefValue([1, 2, 3])).toBe('array(3)');
    expect(briefValue([])).toBe('array(0)');
    expect(briefValue({ a: 1 })).toBe('object');
    expect(briefValue(() => 1)).toBe('function');
    expect(briefValue(Symbol('s'))).toBe('symbol');
  });

  it('never throws: a proxy of an array whose length read throws is "object"', () => {
    const trap = new Proxy([], {
      get: () => {
        throw new Error('trap');
      },
    });
    expect(briefValue(trap)).toBe('object');
  });

  it('invalidBrief builds "<field> <expectation>, got <brief value>" with field and value', () => {
    const e = invalidBrief('INVALID_COUNT', 'total', [1, 2], 'must be a non-negative integer');
    expect(e).toBeInstanceOf(RevopsError);
    expect(e.code).toBe('INVALID_COUNT');
    expect(e.message).toBe('total must be a non-negative integer, got array(2)');
    expect(e.field).toBe('total');
    expect(e.value).toEqual([1, 2]);
  });
});

describe('invalid() bounds the field name', () => {
  it('keeps a name of 200 characters and cuts one of 201 to 197 and "..."', () => {
    const f200 = 'f'.repeat(200);
    expect(invalid('INVALID_INPUT', f200, 1, 'must be 2').message).toBe(`${f200} must be 2, got 1`);
    const f201 = 'f'.repeat(201);
    expect(invalid('INVALID_INPUT', f201, 1, 'must be 2').message).toBe(`${'f'.repeat(197)}... must be 2, got 1`);
    // the field itself is kept whole on the error for code to read
    expect(invalid('INVALID_INPUT', f201, 1, 'must be 2').field).toBe(f201);
  });

  it('a field that is not a string (a key from the input) is written through String and cut', () => {
    const e = invalid('INVALID_INPUT', ['f'.repeat(300)] as unknown as string, 1, 'must be 2');
    expect(e.message).toBe(`${'f'.repeat(197)}... must be 2, got 1`);
  });
});

describe('reading a money argument: which refusal, in which words', () => {
  it('null and a number are not money objects (INVALID_INPUT naming the field)', () => {
    for (const [value, got] of [
      [null, 'null'],
      [5, '5'],
    ] as const) {
      const e = thrown(() => readMoneyExact(value, 'x'), 'INVALID_INPUT');
      expect(e.field).toBe('x');
      expect(e.message).toBe(`x must be a money object { amount, currency }, got ${got}`);
    }
  });

  it('a currency that is not a string is named as x.currency; an unknown code is refused by the table', () => {
    const e = thrown(() => readMoneyExact({ amount: '1', currency: 5 }, 'x'), 'UNKNOWN_CURRENCY');
    expect(e.message).toBe('x.currency must be an ISO 4217 code such as "USD", got 5');
    const zzz = thrown(() => readMoneyExact({ amount: '1', currency: 'ZZZ' }, 'x'), 'UNKNOWN_CURRENCY');
    expect(zzz.message).toBe('x.currency must be an ISO 4217 code with minor units such as "USD", got "ZZZ"');
  });

  it('a currency getter that throws on its second read, or an amount getter that throws: unreadable', () => {
    let reads = 0;
    const stateful = {
      amount: '1',
      get currency() {
        reads++;
        if (reads > 1) throw new Error('second read');
        return 'ZZZ';
      },
    };
    const e = thrown(() => readMoneyExact(stateful, 'x'), 'INVALID_INPUT');
    expect(e.message).toBe(
      'x must be a money object { amount, currency } whose fields can be read, got {"amount":"1"}',
    );
    const getter = {
      currency: 'USD',
      get amount(): string {
        throw new Error('getter');
      },
    };
    const g = thrown(() => readMoneyExact(getter, 'x'), 'INVALID_INPUT');
    expect(g.message).toBe(
      'x must be a money object { amount, currency } whose fields can be read, got {"currency":"USD"}',
    );
  });

  it('toNumber names money.amount: a malformed amount, and one past the range of a number', () => {
    const bad = thrown(() => toNumber({ amount: 'x', currency: 'USD' }), 'INVALID_AMOUNT');
    expect(bad.field).toBe('money.amount');
    const big = thrown(() => toNumber(money('1e400', 'USD')), 'INVALID_AMOUNT');
    expect(big.field).toBe('money.amount');
    expect(big.message.startsWith('money.amount is too large for a JavaScript number, got "1000')).toBe(true);
  });
});

// StrykerJS run of 2026-12-03 20:39 (core P3: dates, periods, utc-date): the fields and messages below were
// changed to "" by surviving mutants, or a check dropped; each is pinned with the documented wording.
describe('dates: the field each refusal names, and its words', () => {
  it('daysInMonth names year and month, and refuses a fractional month', () => {
    expect(thrown(() => daysInMonth(0, 1), 'INVALID_DATE').message).toBe(
      'year must be an integer year from 1 to 9999, got 0',
    );
    expect(thrown(() => daysInMonth(2026, 13), 'INVALID_DATE').message).toBe(
      'month must be an integer month from 1 to 12, got 13',
    );
    expect(thrown(() => daysInMonth(2026, 0), 'INVALID_DATE').field).toBe('month');
    // 1.5 is between 1 and 12 but not a month
    expect(thrown(() => daysInMonth(2026, 1.5), 'INVALID_DATE').field).toBe('month');
  });

  it('isIsoDate and isInstant are false for anything but a string, even one that prints as a date', () => {
    // a RegExp would read ['2026-01-01'] as the text '2026-01-01'
    expect(isIsoDate(['2026-01-01'])).toBe(false);
    expect(isInstant(['2026-03-31T17:05:00Z'])).toBe(false);
    expect(isIsoDate(new String('2026-01-01'))).toBe(false);
    // the last hour, minute and second of a day, and the largest offsets, are instants; one past each is not
    expect(isInstant('2026-03-31T23:59:59Z')).toBe(true);
    expect(isInstant('2026-03-31T23:59:59+14:59')).toBe(true);
    expect(
      [
        '2026-03-31T24:00:00Z',
        '2026-03-31T23:60:00Z',
        '2026-03-31T23:59:60Z',
        '2026-03-31T23:59:59+15:00',
        '2026-03-31T23:59:59+14:60',
      ].map(isInstant),
    ).toEqual([false, false, false, false, false]);
  });

  it("assertIsoDate and instantToEpochMs default their field to 'date' and 'instant'", () => {
    expect(thrown(() => assertIsoDate('x'), 'INVALID_DATE').message).toBe(
      'date must be a calendar date YYYY-MM-DD, got "x"',
    );
    // a field that is not a string falls back to the default
    expect(thrown(() => assertIsoDate('x', 5 as never), 'INVALID_DATE').field).toBe('date');
    expect(thrown(() => instantToEpochMs('2026-03-31' as never), 'INVALID_DATE').message).toBe(
      'instant must be an ISO-8601 instant with an offset, e.g. "2026-03-31T17:05:00Z", got "2026-03-31"',
    );
    expect(thrown(() => instantToEpochMs('x' as never, 5 as never), 'INVALID_DATE').field).toBe('instant');
  });

  it('addDays, addMonths, daysBetween and compareDates name their arguments', () => {
    expect(thrown(() => addDays('2026-02-30', 1), 'INVALID_DATE').field).toBe('date');
    expect(thrown(() => addDays('2026-01-01', 1.5), 'INVALID_INPUT').message).toBe('days must be an integer, got 1.5');
    expect(thrown(() => addMonths('2026-02-30', 1), 'INVALID_DATE').field).toBe('date');
    expect(thrown(() => addMonths('2026-01-01', 0.5), 'INVALID_INPUT').message).toBe(
      'months must be an integer, got 0.5',
    );
    expect(thrown(() => addMonths('9999-12-01', 1), 'INVALID_DATE').message).toBe(
      'months moves 9999-12-01 outside the calendar years 0001–9999, got 1',
    );
    expect(thrown(() => daysBetween('x', '2026-01-01'), 'INVALID_DATE').field).toBe('from');
    expect(thrown(() => compareDates('x', '2026-01-01'), 'INVALID_DATE').field).toBe('a');
    expect(thrown(() => compareDates('2026-01-01', 'x'), 'INVALID_DATE').field).toBe('b');
  });

  it('instantToDate names the time zone and an instant that leaves the calendar', () => {
    expect(thrown(() => instantToDate('2026-01-01T00:00:00Z', 'Mars/Olympus'), 'INVALID_OPTION').message).toBe(
      'timeZone must be an IANA time zone such as "Europe/Paris", got "Mars/Olympus"',
    );
    // 9999-12-31T23:00Z is already 10000-01-01 in Kiritimati (UTC+14)
    expect(thrown(() => instantToDate('9999-12-31T23:00:00Z', 'Pacific/Kiritimati'), 'INVALID_DATE').message).toBe(
      'instant falls outside the calendar years 0001–9999 in Pacific/Kiritimati, got "9999-12-31T23:00:00Z"',
    );
  });
});

describe('periods: the field each refusal names, and its words', () => {
  it('fiscal options and years', () => {
    expect(thrown(() => fiscalYear(2026, { fiscalYearStartMonth: 13 }), 'INVALID_OPTION').message).toBe(
      'fiscalYearStartMonth must be an integer month 1–12, got 13',
    );
    expect(thrown(() => fiscalYear(2026, { fiscalYearNaming: 'middle' as never }), 'INVALID_OPTION').message).toBe(
      "fiscalYearNaming must be 'end' or 'start', got \"middle\"",
    );
    expect(thrown(() => fiscalYear(0), 'INVALID_PERIOD').message).toBe('year must be an integer year 1–9999, got 0');
    expect(thrown(() => month(2026, 13), 'INVALID_PERIOD').message).toBe('month must be an integer 1–12, got 13');
    expect(thrown(() => quarter(2026, 5), 'INVALID_PERIOD').message).toBe('quarter must be an integer 1–4, got 5');
  });

  it('period() and readPeriod name start and end', () => {
    expect(thrown(() => period('2026-01-01', 'x'), 'INVALID_DATE').field).toBe('end');
    expect(thrown(() => period('2026-02-01', '2026-01-31'), 'INVALID_PERIOD').message).toBe(
      'end must not be before start 2026-02-01, got "2026-01-31"',
    );
    expect(thrown(() => readPeriod(7), 'INVALID_PERIOD').message).toBe('period must be a period { start, end }, got 7');
    const unreadable = Object.defineProperty({}, 'start', {
      get() {
        throw new Error('getter');
      },
    });
    expect(thrown(() => readPeriod(unreadable), 'INVALID_PERIOD').message).toBe(
      'period must be a period { start, end } whose fields can be read, got {}',
    );
    expect(thrown(() => readPeriod({ start: 'x', end: '2026-01-01' }, 'options.period'), 'INVALID_DATE').field).toBe(
      'options.period.start',
    );
    expect(thrown(() => readPeriod({ start: '2026-01-01', end: 'x' }, 'options.period'), 'INVALID_DATE').field).toBe(
      'options.period.end',
    );
    // null is "not a period", not "a period whose fields cannot be read"
    expect(thrown(() => daysInPeriod(null as never), 'INVALID_PERIOD').message).toBe(
      'period must be a period { start, end }, got null',
    );
    expect(thrown(() => daysInPeriod({ start: '2026-02-01', end: '2026-01-31' }), 'INVALID_PERIOD').message).toBe(
      'period.end must not be before period.start 2026-02-01, got "2026-01-31"',
    );
  });

  it('monthOf, quarterOf, periodContains and overlap name their arguments', () => {
    expect(thrown(() => monthOf('x'), 'INVALID_DATE').field).toBe('date');
    expect(thrown(() => quarterOf('x'), 'INVALID_DATE').field).toBe('date');
    expect(thrown(() => periodContains({ start: '2026-01-01', end: '2026-01-31' }, 'x'), 'INVALID_DATE').field).toBe(
      'date',
    );
    expect(thrown(() => periodContains(null as never, '2026-01-01'), 'INVALID_PERIOD').field).toBe('period');
    expect(
      thrown(() => overlap(null as never, { start: '2026-01-01', end: '2026-01-31' }), 'INVALID_PERIOD').field,
    ).toBe('a');
    expect(
      thrown(() => overlap({ start: '2026-01-01', end: '2026-01-31' }, null as never), 'INVALID_PERIOD').field,
    ).toBe('b');
    expect(thrown(() => monthsOf(null as never), 'INVALID_PERIOD').field).toBe('period');
  });

  it('periodContains: a date before the start is outside', () => {
    const jan = { start: '2026-01-10', end: '2026-01-20' };
    expect([
      periodContains(jan, '2026-01-09'),
      periodContains(jan, '2026-01-10'),
      periodContains(jan, '2026-01-20'),
    ]).toEqual([false, true, true]);
    expect(periodContains(jan, '2026-01-21')).toBe(false);
  });
});

// StrykerJS run of 2026-12-03 21:02 (core P4: exact, allocate, rounding, divide): the refusals of allocate's exact
// (BigInt) path and of divide / prorate, with their fields and words.
describe('allocate: the BigInt path and its refusals', () => {
  it('an amount past 2^53 minor units without decimals: 10^20 USD in three parts of 3,333…33.34 and …33.33', () => {
    // 10^20 dollars = 10^22 cents; 10^22 / 3 = 3333333333333333333333.33… cents → 1 cent left over, to the first part
    expect(allocate({ amount: '100000000000000000000', currency: 'USD' }, [1, 1, 1]).map((m) => m.amount)).toEqual([
      '33333333333333333333.34',
      '33333333333333333333.33',
      '33333333333333333333.33',
    ]);
    // negative: the same parts with their signs
    expect(allocate({ amount: '-100000000000000000000', currency: 'USD' }, [1, 1, 1]).map((m) => m.amount)).toEqual([
      '-33333333333333333333.34',
      '-33333333333333333333.33',
      '-33333333333333333333.33',
    ]);
  });

  it('the plain-number path keeps to products below 2^52: $26,342,763,150,704.64 at 7 : 6', () => {
    // 2634276315070464 cents × 7 = 18439934205493248 > 2^53: a float product loses the last unit. Exactly:
    // 2634276315070464 × 7 / 13 = 1418456477345634.46…, × 6 / 13 = 1215819837724829.53…; the one unit left goes
    // to the larger remainder (the second part). Found by a search against the BigInt method.
    expect(allocate(money('26342763150704.64', 'USD'), [7, 6]).map((m) => m.amount)).toEqual([
      '14184564773456.34',
      '12158198377248.30',
    ]);
  });

  it('the size check uses the largest ratio, wherever it is: $23,659,509,847,162.88 at 6 : 1', () => {
    // 2365950984716288 cents × 1 is below 2^52 but × 6 is not; exactly: × 6 / 7 = 2027957986899675.43…,
    // × 1 / 7 = 337992997816612.57…: the unit left goes to the second part (found by the same search)
    expect(allocate(money('23659509847162.88', 'USD'), [6, 1]).map((m) => m.amount)).toEqual([
      '20279579868996.75',
      '3379929978166.13',
    ]);
  });

  it('names the money it cannot read', () => {
    expect(thrown(() => allocate({ amount: 'x', currency: 'USD' }, [1]), 'INVALID_AMOUNT').field).toBe('money.amount');
  });

  it('an amount written with fewer decimals than the currency, and zero', () => {
    expect(allocate({ amount: '5', currency: 'USD' }, [1, 1]).map((m) => m.amount)).toEqual(['2.50', '2.50']);
    expect(allocate({ amount: '-5.1', currency: 'USD' }, [1, 1]).map((m) => m.amount)).toEqual(['-2.55', '-2.55']);
    expect(allocate(money('0.00', 'USD'), [1, 2])).toEqual([money('0.00', 'USD'), money('0.00', 'USD')]);
  });

  it('names the amount, the list and the ratio it refuses', () => {
    const big = { amount: '100000000000000000000.001', currency: 'USD' };
    expect(thrown(() => allocate(big, [1, 1]), 'INVALID_AMOUNT').message).toBe(
      'money.amount has digits below the USD minor unit; round it before allocating, got "100000000000000000000.001"',
    );
    const m = money('10.00', 'USD');
    expect(thrown(() => allocate(m, 'x' as never), 'INVALID_RATIO').message).toBe(
      'ratios must be a non-empty array, got "x"',
    );
    expect(thrown(() => allocate(m, []), 'INVALID_RATIO').message).toBe('ratios must be a non-empty array, got []');
    expect(thrown(() => allocate(m, [1, 'abc']), 'INVALID_RATIO').message).toBe(
      'ratios[1] must be a finite, non-negative decimal, got "abc"',
    );
    expect(thrown(() => allocate(m, [1, -1]), 'INVALID_RATIO').message).toBe('ratios[1] must not be negative, got -1');
    expect(thrown(() => allocate(m, [0, '0']), 'INVALID_RATIO').message).toBe(
      'ratios must not all be zero, got [0,"0"]',
    );
  });
});

describe('divide and prorate name what they refuse', () => {
  const m = money('10.00', 'USD');
  it('divisor, numerator and denominator', () => {
    expect(thrown(() => divide(m, 0), 'DIVISION_BY_ZERO').message).toBe('divisor must not be zero, got 0');
    expect(thrown(() => divide(m, 'x'), 'INVALID_AMOUNT').field).toBe('divisor');
    expect(thrown(() => divide({ amount: 'x', currency: 'USD' }, 2), 'INVALID_AMOUNT').field).toBe('money.amount');
    expect(thrown(() => prorate(m, 1, '0.00'), 'DIVISION_BY_ZERO').message).toBe(
      'denominator must not be zero, got "0.00"',
    );
    expect(thrown(() => prorate(m, 'x', 1), 'INVALID_AMOUNT').field).toBe('numerator');
    expect(thrown(() => prorate(m, 1, 'y'), 'INVALID_AMOUNT').field).toBe('denominator');
    expect(thrown(() => prorate({ amount: 'x', currency: 'USD' }, 1, 2), 'INVALID_AMOUNT').field).toBe('money.amount');
  });
});

// StrykerJS run of 2026-12-03 21:41 (core P5: format, summary): format's refusals, fields and limits.
describe('formatMoney and formatPercent: locales, limits and fields', () => {
  const m = money('1234.5', 'EUR');
  it('a list of locales is used in order; a list with a non-string is refused naming locale', () => {
    expect(formatMoney(m, ['en-US', 'de-DE'])).toBe('€1,234.50');
    expect(formatPercent(0.5, ['en-US'])).toBe('50%');
    expect(thrown(() => formatMoney(m, ['en-US', 5] as never), 'INVALID_OPTION').message).toBe(
      'locale must be a BCP 47 language tag or an array of them, got ["en-US",5]',
    );
    expect(thrown(() => formatPercent(0.5, 7 as never), 'INVALID_OPTION').field).toBe('locale');
  });

  it('a locale Intl rejects names options, with the cause', () => {
    const e = thrown(() => formatMoney(m, 'not a locale!'), 'INVALID_OPTION');
    expect(e.field).toBe('options');
    expect(e.message).toMatch(/^options is not usable by Intl\.NumberFormat \(RangeError: .+\), got "not a locale!"$/);
    expect(thrown(() => formatPercent(0.5, 'not a locale!'), 'INVALID_OPTION').field).toBe('options');
  });

  it('formatMoney keeps every digit up to the 20 fraction digits Intl takes on Node 18 and 20', () => {
    expect(formatMoney({ amount: `0.${'1'.repeat(19)}`, currency: 'USD' })).toBe(`$0.${'1'.repeat(19)}`);
    expect(formatMoney({ amount: `0.${'1'.repeat(20)}`, currency: 'USD' })).toBe(`$0.${'1'.repeat(20)}`);
  });

  it('formatMoney refuses what is not money, naming value', () => {
    expect(thrown(() => formatMoney({ amount: 5 } as never), 'INVALID_INPUT').message).toBe(
      'value must be money { amount, currency }, got {"amount":5}',
    );
  });

  it('formatPercent reads a plain decimal string of at most 100 characters', () => {
    const hundred = `0.${'1'.repeat(98)}`; // 100 characters
    expect(formatPercent(hundred)).toBe('11.1%');
    expect(thrown(() => formatPercent(`${hundred}1`), 'INVALID_RATE').message).toBe(
      `rate must be a finite number or a decimal string, got "${hundred.slice(0, 57)}..."`,
    );
    for (const bad of ['1e3', '+-1', '.5x', '', '0x10', '.']) {
      expect(thrown(() => formatPercent(bad), 'INVALID_RATE').field).toBe('rate');
    }
    // a sign, a leading dot and a trailing dot are decimals
    expect([formatPercent('-0.5'), formatPercent('+.25'), formatPercent('1.')].length).toBe(3);
    expect(formatPercent('.25')).toBe('25%');
    expect(formatPercent('-0.5')).toBe('-50%');
  });
});
