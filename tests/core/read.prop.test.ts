/**
 * Laws of core's input readers (src/core/read.ts): every value in the documented range is
 * accepted and returned unchanged; everything else is refused with the documented code, and the
 * error names the field and carries the value as received.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RevopsError } from '../../src/core/errors.js';
import { entityPath, readAsOf, readFraction, readInteger, readNumber, readString } from '../../src/core/read.js';
import { fromUtcDays, utcDays } from './arbitraries.js';

/** The error `fn` throws (a RevopsError is expected), or null when it returns. */
function errorOf(fn: () => unknown): RevopsError | null {
  try {
    fn();
    return null;
  } catch (e) {
    if (!(e instanceof RevopsError)) throw e;
    return e;
  }
}

/** Anything that is not a number: what a spreadsheet, JSON or a caller might pass instead. */
const notANumber = fc.oneof(
  fc.string(),
  fc.integer().map(String),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.bigInt(),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.object({ maxDepth: 1 }),
);

const same = (a: number, b: number): boolean => a === b; // +0 and -0 are one count

describe('readInteger', () => {
  const range = fc
    .tuple(fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: 0, max: 1e6 }))
    .map(([min, width]) => ({ min, max: min + width }));

  it('accepts every safe integer in [min, max] and returns it unchanged (never -0)', () => {
    fc.assert(
      fc.property(
        range.chain((r) => fc.tuple(fc.constant(r), fc.integer({ min: r.min, max: r.max }))),
        ([r, n]) => {
          const got = readInteger(n, 'n', r);
          expect(same(got, n)).toBe(true);
          expect(Object.is(got, -0)).toBe(false);
        },
      ),
    );
  });

  it('refuses every number outside [min, max] or not an integer, with INVALID_COUNT naming the field', () => {
    const outside = range.chain((r) =>
      fc.tuple(
        fc.constant(r),
        fc.oneof(
          fc.integer({ min: r.max + 1, max: r.max + 1e6 }),
          fc.integer({ min: r.min - 1e6, max: r.min - 1 }),
          fc.double({ noNaN: false }).filter((x) => !Number.isSafeInteger(x)),
        ),
      ),
    );
    fc.assert(
      fc.property(outside, ([r, x]) => {
        const e = errorOf(() => readInteger(x, 'options.horizon', r));
        expect(e?.code).toBe('INVALID_COUNT');
        expect(e?.field).toBe('options.horizon');
        expect(Object.is(e?.value, x)).toBe(true);
        expect(e?.message.startsWith('options.horizon must be an integer from ')).toBe(true);
      }),
    );
  });

  it('refuses every value that is not a number, whatever it looks like', () => {
    fc.assert(
      fc.property(notANumber, (x) => {
        expect(errorOf(() => readInteger(x, 'units', { min: -10, max: 10, code: 'INVALID_INPUT' }))?.code).toBe(
          'INVALID_INPUT',
        );
      }),
    );
  });
});

describe('readNumber and readFraction', () => {
  it('readNumber accepts every finite double and returns it unchanged; refuses NaN and ±Infinity', () => {
    fc.assert(
      fc.property(fc.double(), (x) => {
        if (Number.isFinite(x)) expect(same(readNumber(x, 'x'), x)).toBe(true);
        else expect(errorOf(() => readNumber(x, 'x'))?.code).toBe('INVALID_INPUT');
      }),
    );
  });

  it('readNumber keeps to [min, max] for any bounds', () => {
    const bounds = fc
      .tuple(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.double({ noNaN: true, noDefaultInfinity: true }))
      .map(([a, b]) => (a <= b ? { min: a, max: b } : { min: b, max: a }));
    fc.assert(
      fc.property(bounds, fc.double({ noNaN: true }), (r, x) => {
        const inside = x >= r.min && x <= r.max;
        const e = errorOf(() => readNumber(x, 'x', r));
        expect(e === null).toBe(inside);
      }),
    );
  });

  it('readFraction accepts exactly [0, 1], refusing everything else with INVALID_RATE', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double(), notANumber), (x) => {
        const inside = typeof x === 'number' && x >= 0 && x <= 1;
        const e = errorOf(() => readFraction(x, 'p'));
        if (inside) expect(e).toBeNull();
        else expect(e?.code).toBe('INVALID_RATE');
      }),
    );
  });
});

describe('readString', () => {
  it('returns every non-empty string unchanged and refuses every non-string', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (s) => {
        expect(readString(s, 's')).toBe(s);
      }),
    );
    fc.assert(
      fc.property(
        notANumber.filter((x) => typeof x !== 'string'),
        (x) => {
          expect(errorOf(() => readString(x, 's'))?.code).toBe('INVALID_INPUT');
        },
      ),
    );
  });
});

describe('readAsOf', () => {
  // fromUtcDays writes the years below 1000 with four digits too (toISOString pads them)
  const dateArb = fc.integer({ min: utcDays('0001-01-01'), max: utcDays('9999-12-31') }).map(fromUtcDays);

  it('a date reads as the last millisecond of that UTC day, in every year 0001–9999', () => {
    fc.assert(
      fc.property(dateArb, (d) => {
        expect(readAsOf(d)).toEqual({ date: d, epochMs: Date.parse(`${d}T23:59:59.999Z`) });
      }),
    );
  });

  it('an instant reads as its own moment, and its date is the UTC date of that moment', () => {
    const offsetArb = fc.integer({ min: -14 * 60, max: 14 * 60 });
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse('0002-01-01T00:00:00Z'), max: Date.parse('9998-12-31T00:00:00Z') }),
        offsetArb,
        (ms, offsetMin) => {
          // the same moment written in another offset: local wall time = UTC + offset
          const local = new Date(ms + offsetMin * 60_000).toISOString().slice(0, 19);
          const sign = offsetMin < 0 ? '-' : '+';
          const abs = Math.abs(offsetMin);
          const off = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
          const whole = ms - (((ms % 1000) + 1000) % 1000); // the instant is written to the second
          expect(readAsOf(`${local}${off}`)).toEqual({
            date: new Date(whole).toISOString().slice(0, 10),
            epochMs: whole,
          });
        },
      ),
    );
  });

  it('every other string is refused with INVALID_DATE', () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !/^\d{4}-\d{2}-\d{2}/.test(s)),
        (s) => {
          expect(errorOf(() => readAsOf(s, 'options.asOf'))?.field).toBe('options.asOf');
        },
      ),
    );
  });
});

describe('entityPath', () => {
  it('always starts with the position, and names an id in at most 40 characters', () => {
    fc.assert(
      fc.property(fc.nat(1e6), fc.anything(), (i, id) => {
        const path = entityPath('deals', i, { id });
        expect(path.startsWith(`deals[${i}]`)).toBe(true);
        const named = typeof id === 'string' && id.length > 0;
        expect(path === `deals[${i}]`).toBe(!named);
        if (named) expect(JSON.parse(path.slice(`deals[${i}] (id `.length, -1)).length).toBeLessThanOrEqual(40);
      }),
    );
  });
});
