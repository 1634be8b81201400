/** prorate() is the exact rational m × n ÷ d rounded once; divide() is exact when the quotient terminates. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { divide, money, multiply, prorate, roundMoney, toMinorUnits } from '../../src/core/index.js';
import { bigIntArb, currencyArb, decimalString, DIGITS, exact } from './arbitraries.js';

const caseArb = fc.record({
  currency: currencyArb,
  int: bigIntArb,
  scale: fc.integer({ min: 0, max: 6 }),
  n: fc.integer({ min: -400, max: 400 }),
  d: fc.integer({ min: -400, max: 400 }).filter((d) => d !== 0),
});

describe('prorate()', () => {
  it('is within half a minor unit of the exact rational (default mode)', () => {
    fc.assert(
      fc.property(caseArb, ({ currency, int, scale, n, d }) => {
        const digits = DIGITS[currency]!;
        const m = money(decimalString(int, scale), currency);
        const r = toMinorUnits(prorate(m, n, d));
        // r / 10^digits vs int·n / (d·10^scale): |2·(r·d·10^scale − int·n·10^digits)| ≤ |d·10^scale|
        const den = BigInt(d) * 10n ** BigInt(scale);
        const diff = 2n * (r * den - int * BigInt(n) * 10n ** BigInt(digits));
        const absDen = den < 0n ? -den : den;
        expect(diff < 0n ? -diff : diff).toBeLessThanOrEqual(absDen);
      }),
      { numRuns: 300 },
    );
  });

  it('prorate(m, d, d) = roundMoney(m) and prorate(m, n, 1) = roundMoney(m × n)', () => {
    fc.assert(
      fc.property(caseArb, ({ currency, int, scale, n, d }) => {
        const m = money(decimalString(int, scale), currency);
        expect(prorate(m, d, d)).toEqual(roundMoney(m));
        expect(prorate(m, n, 1, 'halfEven')).toEqual(roundMoney(multiply(m, n), 'halfEven'));
      }),
    );
  });
});

describe('divide()', () => {
  it('is exact for divisors 2^a·5^b (terminating quotients) of up to 34 significant digits', () => {
    fc.assert(
      fc.property(
        currencyArb,
        fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 0, max: 4 }),
        (c, int, a, b) => {
          const m = money(decimalString(int, 2), c);
          const q = divide(m, 2 ** a * 5 ** b);
          expect(exact(q).eq(exact(m).div(2 ** a * 5 ** b))).toBe(true);
          expect(exact(multiply(q, 2 ** a * 5 ** b)).eq(exact(m))).toBe(true);
        },
      ),
    );
  });
});
