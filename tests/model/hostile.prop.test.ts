/**
 * Hostile input (issue: "safeParseX never throws"): every safeParseX of revops/model returns a
 * Result for any value whatsoever — throwing getters, proxies whose traps throw, cyclic
 * objects, odd prototypes, deep nesting, valid entities with one field made hostile — and every
 * parseX throws only RevopsError.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as model from '../../src/model/index.js';
import { CASES } from './fixtures.js';

const exported = model as unknown as Record<string, unknown>;
const parsers = Object.keys(exported)
  .filter((name) => name.startsWith('safeParse') && typeof exported[name] === 'function')
  .map((name) => [name, exported[name] as (input: unknown) => unknown] as const);

const thrower = (): never => {
  throw new TypeError('hostile getter');
};

function throwingGetter(key: string): object {
  return Object.defineProperty({}, key, { get: thrower, enumerable: true });
}

function trapAll(target: object): object {
  return new Proxy(target, {
    get: thrower,
    has: thrower,
    ownKeys: thrower,
    getOwnPropertyDescriptor: thrower,
    getPrototypeOf: thrower,
  });
}

function cyclic(): object {
  const o: Record<string, unknown> = { id: 'c', name: 'c' };
  o.self = o;
  o.fields = o;
  o.history = [o];
  return o;
}

function nested(depth: number): unknown {
  let v: unknown = 'x';
  for (let i = 0; i < depth; i++) v = { fields: v, history: [v] };
  return v;
}

class Odd {
  id = 'x';
  get name(): string {
    return thrower();
  }
}

/** Picks one of the values the thunks make (fast-check never holds a hostile value itself). */
function oneOfMade(makers: readonly (() => unknown)[]): fc.Arbitrary<() => unknown> {
  return fc.nat({ max: makers.length - 1 }).map((i) => makers[i] as () => unknown);
}

const hostileValues = (): unknown[] => [
  throwingGetter('id'),
  throwingGetter('stage'),
  trapAll({}),
  trapAll([]),
  new Proxy({ id: 'p' }, { getPrototypeOf: thrower }),
  cyclic(),
  nested(10_000),
  Object.create(null),
  Object.assign(Object.create(null), { id: 'n', name: 'n' }),
  new Odd(),
  Object.create(throwingGetter('amount')),
  { id: { length: -1 } },
  { id: { length: 2 ** 53, toString: thrower } },
  JSON.parse('{"__proto__": {"polluted": 1}, "id": "x"}'),
  new Date(Number.NaN),
  Symbol('s'),
  10n ** 400n,
];

const badFields = (): unknown[] => [
  throwingGetter('amount'),
  trapAll({}),
  cyclic(),
  nested(5_000),
  { amount: '1e1000', currency: 'USD' },
  '1e1000',
  Number.NaN,
];

/** Hostile values, and valid entities with one field replaced by a hostile value (as thunks). */
const hostile: fc.Arbitrary<() => unknown> = fc.oneof(
  fc.anything().map((v) => () => v),
  oneOfMade(hostileValues().map((_, i) => () => hostileValues()[i])),
  fc
    .tuple(fc.nat({ max: CASES.length - 1 }), fc.nat({ max: badFields().length - 1 }), fc.nat())
    .map(([c, b, k]) => () => {
      const valid = (CASES[c] as (typeof CASES)[number]).valid;
      const keys = Object.keys(valid);
      return { ...valid, [keys[k % keys.length] as string]: badFields()[b] };
    }),
  fc.nat({ max: CASES.length - 1 }).map((c) => () => trapAll({ ...CASES[c]?.valid })),
  fc
    .nat({ max: CASES.length - 1 })
    .map((c) => () => Object.defineProperty({ ...CASES[c]?.valid }, 'name', { get: thrower, enumerable: true })),
);

describe('safeParseX never throws; parseX throws only RevopsError', () => {
  it.each(parsers)('%s', (name, safeParse) => {
    const parse = exported[name.replace('safeParse', 'parse')] as ((input: unknown) => unknown) | undefined;
    fc.assert(
      fc.property(hostile, (make) => {
        const input = make();
        const r = safeParse(input) as { ok: boolean; error?: { code: string; name: string } };
        expect(typeof r.ok).toBe('boolean');
        if (!r.ok) {
          expect(r.error?.name).toBe('RevopsError');
          expect(r.error?.code).toBe('INVALID_INPUT');
        }
        try {
          parse?.(input);
        } catch (e) {
          expect((e as { name?: unknown }).name).toBe('RevopsError');
        }
      }),
      { seed: 14, numRuns: 150 },
    );
  });

  it('names the field whose getter throws, with the exception as the cause', () => {
    const input = throwingGetter('id');
    const r = model.safeParseDeal(input);
    const thrown = (() => {
      try {
        return (input as { id?: unknown }).id;
      } catch (e) {
        return e;
      }
    })();
    expect(r.ok ? [] : [r.error.code, r.error.message, r.error.field, r.error.issues[0]?.path]).toEqual([
      'INVALID_INPUT',
      'Invalid Deal: id could not be read (reading it threw TypeError: hostile getter)',
      'id',
      ['id'],
    ]);
    // the cause is the caller's own exception: an Error of the same class and message as the getter throws
    expect(r.ok ? undefined : r.error.cause).toEqual(thrown);
  });

  it('an amount whose money form would not parse back is refused, so JSON always round-trips', () => {
    const c = CASES.find((x) => x.name === 'Account');
    const r = model.safeParseAccount({ ...c?.valid, annualSpend: { amount: '1e1000', currency: 'USD' } });
    expect(r.ok).toBe(false);
    const near = model.parseAccount({ ...c?.valid, annualSpend: { amount: '1e990', currency: 'USD' } });
    expect(model.parseAccount(JSON.parse(JSON.stringify(near)))).toEqual(near);
  });
});
