/**
 * How core's readFailure and findThrowingRead search the caller's arguments for the read that threw
 * (src/core/read.ts, readFailure's JSDoc: depth first in key order, own keys then those of each prototype
 * below Object.prototype / Array.prototype, at most 8 prototypes per object, functions not entered, typed
 * arrays not read, each object once, at most 2,000,000 reads; the same exception is the same value or an
 * Error of the same class and message). Issue 14; the StrykerJS survivors of the incremental reruns.
 */
import { describe, expect, it } from 'vitest';
import { RevopsError } from '../../src/core/errors.js';
import { findThrowingRead, readFailure } from '../../src/core/read.js';
import { throwingGetterAt } from '../thrown.js';

const boom = new Error('locked');

/** An object whose own property `key` is a getter that throws `error`. */
const throwing = (key: string | symbol, error: unknown): object =>
  Object.defineProperty({}, key, {
    get: () => {
      throw error;
    },
    enumerable: true,
  });

/** `readFailure(thrown, roots)`'s RevopsError as `[code, message, field, cause]`, or the value it returned. */
function facts(thrown: unknown, roots: Readonly<Record<string, unknown>>, code?: 'INVALID_PLAN'): unknown {
  const e = code === undefined ? readFailure(thrown, roots) : readFailure(thrown, roots, code);
  return e instanceof RevopsError ? [e.code, e.message, e.field, e.cause] : e;
}

/** A plain array of `length` zeros whose last element is a getter that throws `boom`. */
function zerosThenThrowing(length: number): unknown[] {
  const list: unknown[] = new Array(length).fill(0);
  return Object.defineProperty(list, length - 1, {
    get: () => {
      throw boom;
    },
  });
}

describe('readFailure: which exception is the one thrown', () => {
  it('a thrown string: the read that throws the same string is named, and the message quotes it', () => {
    expect(facts('nope', { options: throwing('rate', 'nope') })).toEqual([
      'INVALID_INPUT',
      'options.rate could not be read (reading it threw "nope")',
      'options.rate',
      'nope',
    ]);
  });

  it('an object that is not an Error, thrown afresh with the same fields, is not the same exception', () => {
    const first = { message: 'locked' };
    const o = Object.defineProperty({}, 'rate', {
      get: () => {
        throw { message: 'locked' };
      },
      enumerable: true,
    });
    expect(readFailure(first, { options: o })).toBe(first);
  });

  it('an Error of another class with the same message is not the same exception', () => {
    const first = new RangeError('locked');
    const o = Object.defineProperty({}, 'rate', {
      get: () => {
        throw new TypeError('locked');
      },
      enumerable: true,
    });
    expect(readFailure(first, { options: o })).toBe(first);
  });

  it('an Error thrown afresh whose message cannot be read is not the same exception', () => {
    const first = new Error('locked');
    const o = Object.defineProperty({}, 'rate', {
      get: () => {
        throw Object.defineProperty(new Error('locked'), 'message', {
          get: () => {
            throw new Error('inner');
          },
        });
      },
      enumerable: true,
    });
    expect(readFailure(first, { options: o })).toBe(first);
  });

  it('a proxy thrown afresh that looks like an Error at one look and not at the next is not the same exception', () => {
    // the answers of its getPrototypeOf trap, one per call: Error.prototype then Object.prototype, or the reverse
    const changing = (answers: readonly object[]): object => {
      let calls = 0;
      return new Proxy({ message: 'locked' }, { getPrototypeOf: () => answers[Math.min(calls++, 1)] ?? null });
    };
    for (const answers of [
      [Error.prototype, Object.prototype],
      [Object.prototype, Error.prototype],
    ]) {
      const first = new Error('locked');
      const o = Object.defineProperty({}, 'rate', {
        get: () => {
          throw changing(answers);
        },
        enumerable: true,
      });
      expect(readFailure(first, { options: o })).toBe(first);
    }
  });

  it('a read whose keys cannot be listed for another exception is passed over for the read that throws', () => {
    const deals = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('other');
        },
      },
    );
    expect(facts(boom, { deals, options: throwing('rate', boom) })).toEqual([
      'INVALID_INPUT',
      'options.rate could not be read (reading it threw Error: locked)',
      'options.rate',
      boom,
    ]);
  });
});

describe('readFailure: the code', () => {
  it('one code for every argument', () => {
    expect(facts(boom, { plan: throwing('components', boom) }, 'INVALID_PLAN')).toEqual([
      'INVALID_PLAN',
      'plan.components could not be read (reading it threw Error: locked)',
      'plan.components',
      boom,
    ]);
  });

  it('a code per argument: an argument the record does not name gets INVALID_INPUT', () => {
    const e = readFailure(boom, { summary: {}, options: throwing('rate', boom) }, { summary: 'INVALID_SUMMARY' });
    expect([(e as RevopsError).code, (e as RevopsError).field]).toEqual(['INVALID_INPUT', 'options.rate']);
  });
});

describe('readFailure: where it looks', () => {
  it('an array element whose own read throws is named by its index', () => {
    const ratios = Object.defineProperty([1, 2], 1, {
      get: () => {
        throw boom;
      },
    });
    expect(facts(boom, { ratios })).toEqual([
      'INVALID_INPUT',
      'ratios[1] could not be read (reading it threw Error: locked)',
      'ratios[1]',
      boom,
    ]);
  });

  it('reads an object without a prototype (Object.create(null))', () => {
    const options = Object.defineProperty(Object.create(null), 'rate', {
      get: () => {
        throw boom;
      },
      enumerable: true,
    });
    expect(facts(boom, { options })).toEqual([
      'INVALID_INPUT',
      'options.rate could not be read (reading it threw Error: locked)',
      'options.rate',
      boom,
    ]);
  });

  it('reads the keys of 8 prototypes below the object, not of the 9th', () => {
    // the getter is on the prototype `depth` steps up from the object (1: its own prototype)
    const inherited = (depth: number): object => {
      let o: object = throwing('rate', boom);
      for (let i = 0; i < depth; i++) o = Object.create(o) as object;
      return o;
    };
    expect(facts(boom, { options: inherited(8) })).toEqual([
      'INVALID_INPUT',
      'options.rate could not be read (reading it threw Error: locked)',
      'options.rate',
      boom,
    ]);
    expect(readFailure(boom, { options: inherited(9) })).toBe(boom);
  });

  it('does not enter a function or read a symbol key', () => {
    const groupBy = Object.defineProperty(() => 'a', 'weight', {
      get: () => {
        throw boom;
      },
      enumerable: true,
    });
    expect(readFailure(boom, { options: { groupBy } })).toBe(boom);
    expect(readFailure(boom, { options: throwing(Symbol('rate'), boom) })).toBe(boom);
  });

  it('does not read a typed array: the getter named is the one after it', () => {
    const data = Object.defineProperty(new Uint8Array(4), 'x', {
      get: () => {
        throw boom;
      },
    });
    expect(facts(boom, { options: throwingGetterAt({ data, rate: 0, last: 0 }, 'last', boom) })).toEqual([
      'INVALID_INPUT',
      'options.last could not be read (reading it threw Error: locked)',
      'options.last',
      boom,
    ]);
  });

  it('reads the elements an array has, no more: a getter after a short array is found', () => {
    expect(facts(boom, { deals: [{ id: 'a' }], options: throwing('rate', boom) })).toEqual([
      'INVALID_INPUT',
      'options.rate could not be read (reading it threw Error: locked)',
      'options.rate',
      boom,
    ]);
  });

  it('makes the 2,000,000th read and not the 2,000,001st', () => {
    // The reads, in order: roots.before (1), before.a (2: {}, no keys of its own, none below Object.prototype),
    // before.b (3: an object on Array.prototype, no keys of its own), roots.list (4), list[i] (5 + i). A list
    // of n elements throws at read n + 4: the 2,000,000th for n = 1,999,996, the 2,000,001st for n = 1,999,997.
    const leading = () => ({ a: {}, b: Object.create(Array.prototype) as object });
    expect(facts(boom, { before: leading(), list: zerosThenThrowing(1_999_996) })).toEqual([
      'INVALID_INPUT',
      'list[1999995] could not be read (reading it threw Error: locked)',
      'list[1999995]',
      boom,
    ]);
    expect(readFailure(boom, { before: leading(), list: zerosThenThrowing(1_999_997) })).toBe(boom);
  });
});

describe('findThrowingRead', () => {
  it('gives the path, the keys from the argument down and the argument', () => {
    const credits = [{ id: 'c0', amount: 1 }, throwingGetterAt({ id: 'C-4', amount: 2 }, 'amount', boom)];
    expect(findThrowingRead({ '': { plan: {}, credits } }, boom)).toEqual({
      path: 'credits[1] (id "C-4").amount',
      keys: ['credits', 1, 'amount'],
      root: '',
    });
    expect(findThrowingRead({ deals: [], options: throwing('rate', boom) }, boom)).toEqual({
      path: 'options.rate',
      keys: ['options', 'rate'],
      root: 'options',
    });
  });

  it('is null for a RevopsError and for an exception no read throws again', () => {
    const refusal = new RevopsError('INVALID_INPUT', 'x must be y, got z');
    expect(findThrowingRead({ x: throwingGetterAt({ a: 1 }, 'a', refusal) }, refusal)).toBeNull();
    expect(findThrowingRead({ x: { a: 1 } }, boom)).toBeNull();
  });
});
