/** RevopsError and the helpers that build its messages. */
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { RevopsError } from '../../src/core/index.js';
import { briefValue, describeThrown, describeValue, invalid, unreadableField } from '../../src/core/errors.js';

describe('RevopsError', () => {
  it('carries code, field, value, issues and cause', () => {
    const cause = new Error('inner');
    const issues = [{ path: ['amount'], message: 'bad', code: 'custom' }];
    const e = new RevopsError('INVALID_COUNT', 'total must be a non-negative integer, got -1', {
      field: 'total',
      value: -1,
      issues,
      cause,
    });
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('RevopsError');
    expect(e.code).toBe('INVALID_COUNT');
    expect(e.message).toBe('total must be a non-negative integer, got -1');
    expect(e.field).toBe('total');
    expect(e.value).toBe(-1);
    expect(e.issues).toEqual(issues);
    expect(e.cause).toBe(cause);
    expect(String(e)).toBe('RevopsError: total must be a non-negative integer, got -1');
  });

  it('defaults: no field, no value, no issues, no cause', () => {
    const e = new RevopsError('INVALID_INPUT', 'x');
    expect(e.field).toBeUndefined();
    expect(e.value).toBeUndefined();
    expect(e.issues).toEqual([]);
    expect('cause' in e).toBe(false);
  });
});

describe('invalid()', () => {
  it('names the field and the value: "<field> <expectation>, got <value>"', () => {
    const e = invalid('INVALID_RATE', 'probability', 40, 'must be a fraction in [0, 1]');
    expect(e.code).toBe('INVALID_RATE');
    expect(e.message).toBe('probability must be a fraction in [0, 1], got 40');
    expect(e.field).toBe('probability');
    expect(e.value).toBe(40);
    expect(invalid('INVALID_DATE', 'closeDate', '2025-02-29', 'must be a date').message).toBe(
      'closeDate must be a date, got "2025-02-29"',
    );
  });
});

describe('describeValue()', () => {
  it('renders every kind of value briefly and never throws', () => {
    expect(describeValue('abc')).toBe('"abc"');
    // 61 characters are cut to 57 plus "..."
    expect(describeValue('x'.repeat(61))).toBe(`"${'x'.repeat(57)}..."`);
    expect(describeValue('x'.repeat(60))).toBe(`"${'x'.repeat(60)}"`);
    expect(describeValue(1.5)).toBe('1.5');
    expect(describeValue(NaN)).toBe('NaN');
    expect(describeValue(true)).toBe('true');
    expect(describeValue(null)).toBe('null');
    expect(describeValue(undefined)).toBe('undefined');
    expect(describeValue(5n)).toBe('5n');
    expect(describeValue({ a: 1 })).toBe('{"a":1}');
    expect(describeValue([1, 2])).toBe('[1,2]');
    const long = describeValue({ k: 'y'.repeat(100), l: 'z'.repeat(100) });
    expect(long.length).toBe(80);
    expect(long.endsWith('...')).toBe(true);
    // a string inside an object is cut like a string on its own
    expect(describeValue({ k: 'y'.repeat(100) })).toBe(`{"k":"${'y'.repeat(57)}..."}`);
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(describeValue(circular)).toBe('{"self":<cycle>}');
    expect(describeValue(() => 1)).toBe('function');
    expect(describeValue(Symbol('s'))).toBe('symbol');
    expect(describeValue({ big: 1n })).toBe('{"big":1n}');
    // like JSON: undefined, functions and symbols are left out of objects; holes are null
    expect(describeValue({ a: undefined, f: () => 1, n: 1 })).toBe('{"n":1}');
    // biome-ignore lint/suspicious/noSparseArray: a hole on purpose
    expect(describeValue([1, , 3])).toBe('[1,null,3]');
    expect(describeValue({ x: Number.NaN, y: Number.POSITIVE_INFINITY })).toBe('{"x":NaN,"y":Infinity}');
  });

  it('shows a Decimal by its own fields, never through its methods', () => {
    // decimal.js keeps a value as digit words d, exponent e and sign s (own enumerable fields)
    expect(describeValue(new Decimal('12.5'))).toBe('{"s":1,"e":1,"d":[12,5000000]}');
  });

  it('takes bounded time and space for hostile values (issue 14: a corrupted Decimal hung a message)', () => {
    // exponent 9e15: decimal.js' toString would write nine quadrillion digits
    const huge = new Decimal(1);
    (huge as unknown as { e: number }).e = 9e15;
    const t0 = performance.now();
    expect(describeValue(huge)).toBe('{"s":1,"e":9000000000000000,"d":[1]}');
    // a million elements, 10,000 levels of nesting, a proxy whose traps throw, a throwing getter
    const million = new Array(1e6).fill({ amount: '1.00', currency: 'USD' });
    expect(describeValue(million)).toHaveLength(80);
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i++) deep = { a: deep };
    expect(describeValue(deep)).toHaveLength(80);
    const trap = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new TypeError('trap');
        },
      },
    );
    expect(describeValue(trap)).toBe('object');
    const getter = Object.defineProperty({ b: 2 }, 'a', {
      get: () => {
        throw new Error('getter');
      },
      enumerable: true,
    });
    expect(describeValue(getter)).toBe('{"b":2}');
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});

describe('describeValue and briefValue: array holes, accessors, undefined (StrykerJS survivors of core P1)', () => {
  it('an array hole and an array element behind a getter are written null (the getter is not called)', () => {
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point
    expect(describeValue([1, , 3])).toBe('[1,null,3]');
    const withGetter = [1, 2, 3];
    Object.defineProperty(withGetter, 1, {
      get(): number {
        throw new Error('must not be called');
      },
    });
    expect(describeValue(withGetter)).toBe('[1,null,3]');
  });

  it('briefValue writes undefined as `undefined`', () => {
    expect(briefValue(undefined)).toBe('undefined');
  });
});

describe('describeValue of a proxy whose traps change their answers', () => {
  it('skips a key whose property is gone when it is read (never throws)', () => {
    // Object.keys sees `a` (the first descriptor), the walker finds no descriptor the second time
    let calls = 0;
    const shifty = new Proxy(
      { a: 1 },
      {
        getOwnPropertyDescriptor(target, key) {
          calls++;
          return calls === 1 ? Reflect.getOwnPropertyDescriptor(target, key) : undefined;
        },
      },
    );
    expect(describeValue(shifty)).toBe('{}');
  });
});

describe('describeThrown() and unreadableField(): the text of a read that threw', () => {
  // "Error: " is 7 characters, so a message of 113 characters makes the 120 describeThrown keeps whole
  // (src/core/errors.ts, describeThrown: "bounded (120 characters)"); one more is cut to 117 and "...".
  it('writes an Error as "<name>: <message>", whole up to 120 characters, cut to 117 and "..." past them', () => {
    const whole = `Error: ${'m'.repeat(113)}`;
    expect(describeThrown(new Error('m'.repeat(113)))).toBe(whole);
    expect(describeThrown(new Error('m'.repeat(114)))).toBe(`Error: ${'m'.repeat(110)}...`);
    expect(describeThrown(new TypeError('x is not a function'))).toBe('TypeError: x is not a function');
    class LockedError extends Error {
      override name = 'LockedError';
    }
    expect(describeThrown(new LockedError('row 7'))).toBe('LockedError: row 7');
  });

  it('writes anything else thrown as describeValue writes it', () => {
    expect(describeThrown('nope')).toBe('"nope"');
    expect(describeThrown({ name: 'E', message: 'm' })).toBe('{"name":"E","message":"m"}');
    expect(describeThrown(undefined)).toBe('undefined');
  });

  it('writes an Error whose message cannot be read as "an unreadable value"', () => {
    const e = Object.defineProperty(new Error('hidden'), 'message', {
      get: () => {
        throw new Error('inner');
      },
    });
    expect(describeThrown(e)).toBe('an unreadable value');
  });

  it('unreadableField: INVALID_INPUT by default, the field whole up to 200 characters, cut to 197 and "..."', () => {
    const boom = new Error('locked');
    const e = unreadableField('deals[0].stage', boom);
    expect([e.code, e.message, e.field, e.cause]).toEqual([
      'INVALID_INPUT',
      'deals[0].stage could not be read (reading it threw Error: locked)',
      'deals[0].stage',
      boom,
    ]);
    expect(unreadableField('f'.repeat(200), boom, 'INVALID_PLAN').field).toBe('f'.repeat(200));
    const cut = unreadableField('f'.repeat(201), boom);
    expect([cut.field, cut.message]).toEqual([
      `${'f'.repeat(197)}...`,
      `${'f'.repeat(197)}... could not be read (reading it threw Error: locked)`,
    ]);
  });
});
