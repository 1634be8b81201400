/** Properties of money arithmetic: exactness against a 200-digit decimal.js oracle, and the algebraic laws. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { add, equals, money, multiply, parseMoney, subtract, sum, zero, type Money } from '../../src/core/index.js';
import { currencyArb, exact, moneyArb, sameCurrency } from './arbitraries.js';

describe('add / subtract / multiply / sum laws', () => {
  it('add is exact (200-digit decimal.js oracle)', () => {
    fc.assert(
      fc.property(sameCurrency(2), ([a, b]) => {
        expect(exact(add(a!, b!)).eq(exact(a!).plus(exact(b!)))).toBe(true);
      }),
    );
  });

  it('add is commutative', () => {
    fc.assert(
      fc.property(sameCurrency(2), ([a, b]) => {
        expect(add(a!, b!)).toEqual(add(b!, a!));
      }),
    );
  });

  it('add is associative', () => {
    fc.assert(
      fc.property(sameCurrency(3), ([a, b, c]) => {
        expect(add(add(a!, b!), c!)).toEqual(add(a!, add(b!, c!)));
      }),
    );
  });

  it('zero is the identity of add', () => {
    fc.assert(
      fc.property(sameCurrency(1), ([a]) => {
        expect(add(a!, zero(a!.currency))).toEqual(a);
      }),
    );
  });

  it('subtract inverts add: (a + b) − b = a', () => {
    fc.assert(
      fc.property(sameCurrency(2), ([a, b]) => {
        expect(subtract(add(a!, b!), b!)).toEqual(a);
      }),
    );
  });

  it('subtract is exact and a − a = 0', () => {
    fc.assert(
      fc.property(sameCurrency(2), ([a, b]) => {
        expect(exact(subtract(a!, b!)).eq(exact(a!).minus(exact(b!)))).toBe(true);
        expect(subtract(a!, a!)).toEqual(zero(a!.currency));
      }),
    );
  });

  it('multiply by 1 is the identity; multiply is exact', () => {
    fc.assert(
      fc.property(
        sameCurrency(1),
        fc.oneof(
          fc.integer({ min: -1_000_000, max: 1_000_000 }),
          fc.constantFrom('0.075', '-2.5', '1e-7', '3'),
          fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
        ),
        ([a], f) => {
          expect(multiply(a!, 1)).toEqual(a);
          expect(multiply(a!, '1.000')).toEqual(a);
          expect(exact(multiply(a!, f)).eq(exact(a!).times(exact(String(f))))).toBe(true);
        },
      ),
    );
  });

  it('sum equals the folded add, and does not depend on order', () => {
    const listArb = currencyArb.chain((c) =>
      fc
        .array(moneyArb(c), { maxLength: 30 })
        .chain((list) =>
          fc.tuple(
            fc.constant(c),
            fc.constant(list),
            fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }),
          ),
        ),
    );
    fc.assert(
      fc.property(listArb, ([c, list, shuffled]) => {
        const s = sum(list, { currency: c });
        expect(s).toEqual(list.reduce((acc: Money, m) => add(acc, m), zero(c)));
        expect(sum(shuffled, { currency: c })).toEqual(s);
        expect(exact(s).eq(list.reduce((acc, m) => acc.plus(exact(m)), exact('0')))).toBe(true);
      }),
    );
  });
});

describe('JSON form', () => {
  it('money → JSON → parseMoney round-trips, and money() of a canonical amount is itself', () => {
    fc.assert(
      fc.property(sameCurrency(1), ([m]) => {
        expect(parseMoney(JSON.parse(JSON.stringify(m)))).toEqual(m);
        expect(parseMoney(m!)).toEqual(m);
        expect(money(m!.amount, m!.currency)).toEqual(m);
        expect(equals(parseMoney(JSON.parse(JSON.stringify(m))), m!)).toBe(true);
      }),
    );
  });
});
