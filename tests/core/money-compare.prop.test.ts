/** compare is a total order consistent with equals and with the exact decimal order. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compare,
  equals,
  greaterThan,
  lessThan,
  maxMoney,
  minMoney,
  money,
  sign,
  subtract,
} from '../../src/core/index.js';
import { currencyArb, exact, moneyArb, sameCurrency } from './arbitraries.js';

describe('compare()', () => {
  it('agrees with the exact decimal order and with equals', () => {
    fc.assert(
      fc.property(sameCurrency(2, 3), ([a, b]) => {
        const c = compare(a!, b!);
        expect(c).toBe(exact(a!).cmp(exact(b!)));
        expect(compare(b!, a!)).toBe(-c === 0 ? 0 : -c);
        expect(c === 0).toBe(equals(a!, b!));
        expect(greaterThan(a!, b!)).toBe(c > 0);
        expect(lessThan(a!, b!)).toBe(c < 0);
        expect(sign(subtract(a!, b!))).toBe(c);
        expect(compare(minMoney(a!, b!), maxMoney(a!, b!))).toBeLessThanOrEqual(0);
      }),
    );
  });

  it('is reflexive on equal values written differently', () => {
    fc.assert(
      fc.property(sameCurrency(1), ([a]) => {
        const padded = { amount: `${a!.amount.includes('.') ? a!.amount : `${a!.amount}.`}000`, currency: a!.currency };
        expect(compare(a!, padded)).toBe(0);
        expect(equals(a!, padded)).toBe(true);
      }),
    );
  });

  it('is transitive: sorting with compare gives a non-decreasing exact sequence', () => {
    const listArb = currencyArb.chain((c) => fc.array(moneyArb(c, 3), { maxLength: 25 }));
    fc.assert(
      fc.property(listArb, (list) => {
        const sorted = [...list].sort(compare);
        for (let i = 1; i < sorted.length; i++) expect(exact(sorted[i - 1]!).lte(exact(sorted[i]!))).toBe(true);
        for (let i = 2; i < sorted.length; i++) expect(compare(sorted[i - 2]!, sorted[i]!)).toBeLessThanOrEqual(0);
      }),
    );
  });

  it('amounts in different currencies are never equal', () => {
    fc.assert(
      fc.property(fc.integer(), (n) => {
        expect(equals(money(n, 'USD'), money(n, 'EUR'))).toBe(false);
      }),
    );
  });
});
