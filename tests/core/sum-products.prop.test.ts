/** sumProducts() equals the sum of roundMoney(multiply(a, f)) per line, or roundMoney of the exact sum. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { add, multiply, ROUNDING_MODES, roundMoney, sum, sumProducts, zero } from '../../src/core/index.js';
import { currencyArb, decimalStringArb, moneyArb } from './arbitraries.js';

const caseArb = currencyArb.chain((c) =>
  fc.record({
    currency: fc.constant(c),
    amounts: fc.array(moneyArb(c, 4), { maxLength: 20 }),
    factor: fc.oneof(
      decimalStringArb(4),
      fc.integer({ min: -1000, max: 1000 }),
      fc.constantFrom('0.05', '0.1', '1e-3'),
    ),
    mode: fc.constantFrom(...ROUNDING_MODES),
  }),
);

describe('sumProducts()', () => {
  it("round 'eachLine' = Σ roundMoney(multiply(aᵢ, f)); round 'total' = roundMoney(Σ multiply(aᵢ, f))", () => {
    fc.assert(
      fc.property(caseArb, ({ currency, amounts, factor, mode }) => {
        const lines = amounts.map((a) => roundMoney(multiply(a, factor), mode));
        expect(sumProducts(amounts, factor, { currency, rounding: mode })).toEqual(lines.reduce(add, zero(currency)));
        const exact = sum(
          amounts.map((a) => multiply(a, factor)),
          { currency },
        );
        expect(sumProducts(amounts, factor, { currency, rounding: mode, round: 'total' })).toEqual(
          roundMoney(exact, mode),
        );
        // one factor per line gives the same as the single factor
        expect(
          sumProducts(
            amounts,
            amounts.map(() => factor),
            { currency, rounding: mode },
          ),
        ).toEqual(sumProducts(amounts, factor, { currency, rounding: mode }));
      }),
      { numRuns: 300 },
    );
  });
});
