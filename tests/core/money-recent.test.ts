/**
 * Money results read back without parsing (src/core/money.ts keeps the exact form of the
 * results it created last): the cached form is exactly what parsing the amount text gives,
 * and a result whose amount was changed afterwards is read from its text again.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { add, money, multiply, roundMoney, type Money } from '../../src/core/index.js';
import { parseDecimalText } from '../../src/core/decimal-text.js';
import { moneyAmount } from '../../src/core/money.js';

describe('the exact form of recent results', () => {
  it('is what parsing the amount text gives: same integer, same scale', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n }),
        fc.integer({ min: 0, max: 8 }),
        fc.bigInt({ min: -(10n ** 6n), max: 10n ** 6n }),
        fc.integer({ min: 0, max: 6 }),
        fc.constantFrom('USD', 'JPY', 'BHD'),
        (a, as, f, fs, currency) => {
          const amount = money(`${a}e-${as}`, currency);
          const product = multiply(amount, `${f}e-${fs}`);
          expect(moneyAmount(product, 'm')).toEqual(parseDecimalText(product.amount));
          const rounded = roundMoney(product);
          expect(moneyAmount(rounded, 'm')).toEqual(parseDecimalText(rounded.amount));
        },
      ),
      { seed: 20261203, numRuns: 300 },
    );
  });

  it('is not used once the amount of a result was changed', () => {
    // 10.00 × 0.5 = 5.00; the object is then changed to 7.25 by a careless caller: 7.25 + 1.00 = 8.25
    const half = multiply(money('10.00', 'USD'), '0.5') as { amount: string; currency: string };
    half.amount = '7.25';
    expect(add(half as Money, money('1', 'USD'))).toEqual({ amount: '8.25', currency: 'USD' });
  });

  it('chains multiply → roundMoney → add exactly (worked: 19.99 × 0.075 = 1.49925 → 1.50; 1.50 + 1.50)', () => {
    const line = roundMoney(multiply(money('19.99', 'USD'), '0.075'));
    expect(add(line, line)).toEqual({ amount: '3.00', currency: 'USD' });
    expect(JSON.stringify(line)).toBe('{"amount":"1.50","currency":"USD"}');
    expect(Object.getPrototypeOf(line)).toBe(Object.prototype);
  });
});
