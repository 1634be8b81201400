/**
 * core's input readers (src/core/read.ts), tested directly at their boundaries: what each one
 * accepts and returns, what it refuses, with which code, and the exact message
 * (`"<field> <expectation>, got <value>"`, docs/conventions.md). Expected epoch milliseconds are
 * written out and were checked with `Date.parse` of the ISO-8601 text in the comment.
 */
import { describe, expect, it } from 'vitest';
import {
  entityPath,
  LIMITS,
  readArray,
  readAsOf,
  readFraction,
  readInteger,
  readNumber,
  readObject,
  readOneOf,
  readString,
} from '../../src/core/read.js';
import { thrown } from './helpers.js';

describe('LIMITS', () => {
  it('are the documented bounds', () => {
    expect(LIMITS).toEqual({
      horizon: 10_000,
      runs: 10_000_000,
      seasonLength: 1_000,
      decimalDigits: 1_000,
      decimalExponent: 999,
      listLength: 100_000,
      curvePoints: 100_000,
    });
  });
});

describe('readInteger', () => {
  it('returns a safe integer in range unchanged, both bounds included', () => {
    expect(readInteger(0, 'n')).toBe(0);
    expect(readInteger(7, 'n')).toBe(7);
    expect(readInteger(Number.MAX_SAFE_INTEGER, 'n')).toBe(9_007_199_254_740_991);
    expect(readInteger(1, 'h', { min: 1, max: 10_000 })).toBe(1);
    expect(readInteger(10_000, 'h', { min: 1, max: 10_000 })).toBe(10_000);
    expect(readInteger(-3, 'u', { min: -5 })).toBe(-3);
    expect(readInteger(-Number.MAX_SAFE_INTEGER, 'u', { min: -Number.MAX_SAFE_INTEGER })).toBe(-9_007_199_254_740_991);
  });

  it('reads -0 as +0 (a count has no sign)', () => {
    expect(Object.is(readInteger(-0, 'n'), 0)).toBe(true);
  });

  it('refuses one past each bound, naming the field, the range and the value', () => {
    expect(thrown(() => readInteger(0, 'options.horizon', { min: 1, max: 10_000 }), 'INVALID_COUNT').message).toBe(
      'options.horizon must be an integer from 1 to 10000, got 0',
    );
    expect(thrown(() => readInteger(10_001, 'options.horizon', { min: 1, max: 10_000 }), 'INVALID_COUNT').message).toBe(
      'options.horizon must be an integer from 1 to 10000, got 10001',
    );
    // the default range is 0 … MAX_SAFE_INTEGER, written "≥ 0"
    expect(thrown(() => readInteger(-1, 'count'), 'INVALID_COUNT').message).toBe(
      'count must be an integer ≥ 0, got -1',
    );
    expect(thrown(() => readInteger(2 ** 53, 'count'), 'INVALID_COUNT').message).toBe(
      'count must be an integer ≥ 0, got 9007199254740992',
    );
  });

  it('issue 14: 2 ** 32 as a horizon is refused at once (it once aborted Node with "invalid size")', () => {
    const e = thrown(
      () => readInteger(2 ** 32, 'options.horizon', { min: 1, max: LIMITS.horizon, code: 'INVALID_OPTION' }),
      'INVALID_OPTION',
    );
    expect(e.message).toBe('options.horizon must be an integer from 1 to 10000, got 4294967296');
    expect(e.field).toBe('options.horizon');
    expect(e.value).toBe(2 ** 32);
  });

  it.each([
    ['the numeric string "2"', '2', '"2"'],
    ['the string "1e3"', '1e3', '"1e3"'],
    ['true', true, 'true'],
    ['1.5', 1.5, '1.5'],
    ['NaN', Number.NaN, 'NaN'],
    ['Infinity', Number.POSITIVE_INFINITY, 'Infinity'],
    ['-Infinity', Number.NEGATIVE_INFINITY, '-Infinity'],
    ['null', null, 'null'],
    ['undefined', undefined, 'undefined'],
    ['2n', 2n, '2n'],
    ['an array', [2], 'array(1)'],
    ['an object', { valueOf: () => 2 }, 'object'],
  ])('refuses %s with the default code INVALID_COUNT', (_, value, shown) => {
    const e = thrown(() => readInteger(value, 'credits[0].units'), 'INVALID_COUNT');
    expect(e.message).toBe(`credits[0].units must be an integer ≥ 0, got ${shown}`);
    expect(e.field).toBe('credits[0].units');
  });

  it('refuses with the code it is given', () => {
    thrown(() => readInteger(-1, 'options.runs', { code: 'INVALID_OPTION' }), 'INVALID_OPTION');
  });
});

describe('readNumber', () => {
  it('returns a finite number unchanged, the largest doubles included', () => {
    expect(readNumber(0.1, 'x')).toBe(0.1);
    expect(readNumber(Number.MAX_VALUE, 'x')).toBe(Number.MAX_VALUE);
    expect(readNumber(-Number.MAX_VALUE, 'x')).toBe(-Number.MAX_VALUE);
    expect(readNumber(5e-324, 'x')).toBe(5e-324);
    expect(Object.is(readNumber(-0, 'x'), 0)).toBe(true);
  });

  it('accepts both bounds of a range; an exclusive minimum refuses the bound itself', () => {
    expect(readNumber(0, 'p', { min: 0, max: 1 })).toBe(0);
    expect(readNumber(1, 'p', { min: 0, max: 1 })).toBe(1);
    expect(readNumber(5e-324, 'rate', { min: 0, exclusiveMin: true })).toBe(5e-324);
    expect(thrown(() => readNumber(0, 'rate', { min: 0, exclusiveMin: true }), 'INVALID_INPUT').message).toBe(
      'rate must be a finite number > 0, got 0',
    );
    // exclusiveMin false is the default: the bound is accepted
    expect(readNumber(2, 'rate', { min: 2, exclusiveMin: false })).toBe(2);
  });

  it('words the range from the bounds given', () => {
    // no bound: "a finite number"
    expect(thrown(() => readNumber(Number.NaN, 'x'), 'INVALID_INPUT').message).toBe(
      'x must be a finite number, got NaN',
    );
    // a minimum only
    expect(thrown(() => readNumber(-0.5, 'x', { min: 0 }), 'INVALID_INPUT').message).toBe(
      'x must be a finite number ≥ 0, got -0.5',
    );
    // both bounds
    expect(thrown(() => readNumber(1.5, 'x', { min: 0, max: 1 }), 'INVALID_INPUT').message).toBe(
      'x must be a finite number ≥ 0 and ≤ 1, got 1.5',
    );
    expect(thrown(() => readNumber(-1e-9, 'x', { min: 0, max: 1 }), 'INVALID_INPUT').message).toBe(
      'x must be a finite number ≥ 0 and ≤ 1, got -1e-9',
    );
    // a maximum only: the default minimum is written as it is
    expect(thrown(() => readNumber(3, 'x', { max: 2 }), 'INVALID_INPUT').message).toBe(
      'x must be a finite number ≥ -1.7976931348623157e+308 and ≤ 2, got 3',
    );
  });

  it.each([
    ['"0.5"', '0.5'],
    ['true', true],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['-Infinity', Number.NEGATIVE_INFINITY],
    ['null', null],
    ['1n', 1n],
  ])('refuses %s', (_, value) => {
    thrown(() => readNumber(value, 'x'), 'INVALID_INPUT');
  });

  it('refuses with the code it is given', () => {
    thrown(() => readNumber('1', 'options.alpha', { code: 'INVALID_OPTION' }), 'INVALID_OPTION');
  });
});

describe('readFraction', () => {
  it('returns 0, 1 and anything between unchanged; -0 as +0', () => {
    expect(readFraction(0, 'p')).toBe(0);
    expect(readFraction(1, 'p')).toBe(1);
    expect(readFraction(0.25, 'p')).toBe(0.25);
    expect(readFraction(5e-324, 'p')).toBe(5e-324);
    expect(Object.is(readFraction(-0, 'p'), 0)).toBe(true);
  });

  it.each([
    ['just above 1', 1.0000000000000002, '1.0000000000000002'],
    ['just below 0', -5e-324, '-5e-324'],
    ['NaN', Number.NaN, 'NaN'],
    ['"0.5"', '0.5', '"0.5"'],
    ['true', true, 'true'],
  ])('refuses %s with INVALID_RATE', (_, value, shown) => {
    expect(thrown(() => readFraction(value, 'deals[0].probability'), 'INVALID_RATE').message).toBe(
      `deals[0].probability must be a fraction from 0 to 1, got ${shown}`,
    );
  });
});

describe('readString', () => {
  it('returns a string unchanged; the empty string only with allowEmpty', () => {
    expect(readString('D-1', 'id')).toBe('D-1');
    expect(readString('', 'note', { allowEmpty: true })).toBe('');
    expect(thrown(() => readString('', 'id'), 'INVALID_INPUT').message).toBe('id must be a non-empty string, got ""');
    thrown(() => readString('', 'id', { allowEmpty: false }), 'INVALID_INPUT');
  });

  it('refuses what is not a string, with the code it is given', () => {
    expect(thrown(() => readString(17, 'id'), 'INVALID_INPUT').message).toBe('id must be a non-empty string, got 17');
    thrown(() => readString(null, 'id', { allowEmpty: true }), 'INVALID_INPUT');
    thrown(() => readString(['a'], 'options.currency', { code: 'INVALID_OPTION' }), 'INVALID_OPTION');
  });
});

describe('readOneOf', () => {
  it('returns the allowed value it matches (strict equality)', () => {
    expect(readOneOf('value', 'options.by', ['count', 'value'])).toBe('value');
    expect(readOneOf(2, 'k', [1, 2, 3])).toBe(2);
    expect(readOneOf(false, 'flag', [true, false])).toBe(false);
  });

  it('lists the allowed values, strings quoted, in the message; default code INVALID_OPTION', () => {
    expect(thrown(() => readOneOf('Value', 'options.by', ['count', 'value']), 'INVALID_OPTION').message).toBe(
      "options.by must be one of 'count', 'value', got \"Value\"",
    );
    expect(thrown(() => readOneOf('1', 'k', [1, true]), 'INVALID_OPTION').message).toBe(
      'k must be one of 1, true, got "1"',
    );
  });

  it('refuses with the code it is given', () => {
    thrown(() => readOneOf('x', 'deals[0].type', ['new', 'renewal'], 'INVALID_INPUT'), 'INVALID_INPUT');
  });

  it('cuts a long value to 57 characters and "..." in the message', () => {
    expect(thrown(() => readOneOf('x'.repeat(10_000), 'k', ['a']), 'INVALID_OPTION').message).toBe(
      `k must be one of 'a', got "${'x'.repeat(57)}..."`,
    );
  });
});

describe('readObject and readArray', () => {
  it('return the value itself (not a copy)', () => {
    const o = { a: 1 };
    const a = [1, 2];
    expect(readObject(o, 'options')).toBe(o);
    expect(readArray(a, 'deals')).toBe(a);
    expect(readArray([], 'deals')).toEqual([]);
  });

  it('readObject refuses null, arrays and primitives', () => {
    expect(thrown(() => readObject(null, 'options'), 'INVALID_INPUT').message).toBe(
      'options must be an object, got null',
    );
    expect(thrown(() => readObject([], 'options'), 'INVALID_INPUT').message).toBe(
      'options must be an object, got array(0)',
    );
    thrown(() => readObject('x', 'options'), 'INVALID_INPUT');
    thrown(() => readObject(undefined, 'options'), 'INVALID_INPUT');
    thrown(() => readObject(null, 'options', 'INVALID_OPTION'), 'INVALID_OPTION');
  });

  it('readArray copies an array with its own constructor key or prototype, element by element', () => {
    // ECMA-262 ArraySpeciesCreate would call such a constructor: the reader hands back a plain copy
    const own = Object.assign(['a', undefined, 'c'], { constructor: 7 });
    const copy = readArray(own, 'deals');
    expect(copy).not.toBe(own);
    expect(Object.getPrototypeOf(copy)).toBe(Array.prototype);
    expect(Object.hasOwn(copy, 'constructor')).toBe(false);
    expect(copy).toHaveLength(3);
    expect([...copy]).toEqual(['a', undefined, 'c']);
    class Items extends Array<number> {}
    const sub = Items.from([1, 2]);
    const plain = readArray(sub, 'deals');
    expect(plain).not.toBe(sub);
    expect(Object.getPrototypeOf(plain)).toBe(Array.prototype);
    expect([...plain]).toEqual([1, 2]);
  });

  it('readArray refuses what is not an array', () => {
    expect(thrown(() => readArray({ length: 1, 0: 'x' }, 'deals'), 'INVALID_INPUT').message).toBe(
      'deals must be an array, got object',
    );
    thrown(() => readArray('ab', 'deals'), 'INVALID_INPUT');
    thrown(() => readArray(null, 'deals', 'INVALID_SUMMARY'), 'INVALID_SUMMARY');
  });
});

describe('readAsOf', () => {
  it('a date is the end of that day in UTC', () => {
    // 2026-03-31T23:59:59.999Z
    expect(readAsOf('2026-03-31')).toEqual({ date: '2026-03-31', epochMs: 1_775_001_599_999 });
    // 2024-02-29T23:59:59.999Z (a leap day)
    expect(readAsOf('2024-02-29')).toEqual({ date: '2024-02-29', epochMs: 1_709_251_199_999 });
    // the calendar's ends: 0001-01-01T23:59:59.999Z and 9999-12-31T23:59:59.999Z
    expect(readAsOf('0001-01-01')).toEqual({ date: '0001-01-01', epochMs: -62_135_510_400_001 });
    expect(readAsOf('9999-12-31')).toEqual({ date: '9999-12-31', epochMs: 253_402_300_799_999 });
  });

  it('a date in the years 0001–0099 is that year, not 19xx (Date.UTC maps 0–99 to 1900–1999)', () => {
    // 0050-06-30T23:59:59.999Z
    expect(readAsOf('0050-06-30')).toEqual({ date: '0050-06-30', epochMs: -60_573_657_600_001 });
  });

  it('an instant is that moment; its date is its UTC date', () => {
    // 2026-03-31T23:30:00-05:00 = 2026-04-01T04:30:00Z
    expect(readAsOf('2026-03-31T23:30:00-05:00')).toEqual({ date: '2026-04-01', epochMs: 1_775_017_800_000 });
    expect(readAsOf('1970-01-01T00:00:00Z')).toEqual({ date: '1970-01-01', epochMs: 0 });
    // the first moment of the calendar, written with an offset
    expect(readAsOf('0001-01-01T00:30:00+00:30')).toEqual({ date: '0001-01-01', epochMs: -62_135_596_800_000 });
  });

  it('refuses an instant whose UTC date falls outside the years 0001–9999', () => {
    // 0001-01-01T00:29:00+00:30 is 0000-12-31T23:59Z; 9999-12-31T23:30:00-00:31 is 10000-01-01T00:01Z
    expect(thrown(() => readAsOf('0001-01-01T00:29:00+00:30'), 'INVALID_DATE').message).toBe(
      'asOf must fall in the years 0001–9999 (UTC), got "0001-01-01T00:29:00+00:30"',
    );
    thrown(() => readAsOf('9999-12-31T23:30:00-00:31', 'options.asOf'), 'INVALID_DATE');
    // one minute inside: 9999-12-31T23:59Z
    expect(readAsOf('9999-12-31T23:30:00-00:29').date).toBe('9999-12-31');
  });

  it.each([
    ['a day February does not have', '2025-02-29'],
    ['a date without zero padding', '2026-3-31'],
    ['an instant without an offset', '2026-03-31T10:00:00'],
    ['hour 24', '2026-01-01T24:00:00Z'],
    ['a six-digit year', '+275760-09-13'],
    ['an epoch number', 1_775_001_599_999],
    ['a Date object', new Date(0)],
    ['null', null],
  ])('refuses %s with INVALID_DATE naming the field', (_, value) => {
    const e = thrown(() => readAsOf(value, 'options.asOf'), 'INVALID_DATE');
    expect(e.field).toBe('options.asOf');
    expect(
      e.message.startsWith('options.asOf must be a YYYY-MM-DD date or an ISO-8601 instant with an offset, got'),
    ).toBe(true);
  });

  it("the field defaults to 'asOf'", () => {
    expect(thrown(() => readAsOf('yesterday'), 'INVALID_DATE').message).toBe(
      'asOf must be a YYYY-MM-DD date or an ISO-8601 instant with an offset, got "yesterday"',
    );
  });
});

describe('entityPath', () => {
  it('names the position and a string id', () => {
    expect(entityPath('deals', 3, { id: 'D-17' })).toBe('deals[3] (id "D-17")');
    expect(entityPath('credits', 0, { id: 'a"b' })).toBe('credits[0] (id "a\\"b")');
  });

  it('names the position only when there is no usable id', () => {
    expect(entityPath('deals', 3, { id: '' })).toBe('deals[3]');
    expect(entityPath('deals', 3, { id: 17 })).toBe('deals[3]');
    expect(entityPath('deals', 3, {})).toBe('deals[3]');
    expect(entityPath('deals', 3, null)).toBe('deals[3]');
    expect(entityPath('deals', 3, 'D-17')).toBe('deals[3]');
    const hostile = Object.defineProperty({}, 'id', {
      get() {
        throw new Error('getter');
      },
    });
    expect(entityPath('deals', 3, hostile)).toBe('deals[3]');
    // only an object is an entity: a function that carries an id is not read
    const fn = Object.assign(() => 1, { id: 'F-1' });
    expect(entityPath('deals', 3, fn)).toBe('deals[3]');
  });

  it('cuts an id longer than 40 characters to 37 and "..."', () => {
    const forty = 'x'.repeat(40);
    expect(entityPath('deals', 0, { id: forty })).toBe(`deals[0] (id "${forty}")`);
    expect(entityPath('deals', 0, { id: `${forty}y` })).toBe(`deals[0] (id "${'x'.repeat(37)}...")`);
    expect(entityPath('deals', 0, { id: 'z'.repeat(100_000) }).length).toBe('deals[0] (id "")'.length + 40);
  });
});
