/**
 * Regression tests for the core findings of the long fuzz run of 2026-12-04 (issue 14), each with
 * the input the run reported.
 */
import { describe, expect, it } from 'vitest';
import { maxMoney, minMoney, money } from '../../src/core/index.js';

describe('minMoney / maxMoney return a new Money, never the caller’s object', () => {
  // the run: minMoney(money(5, 'USD'), b) with b = money(3, 'USD') carrying an own `__proto__` key
  // { polluted: -Infinity } (or a Float64Array [1, NaN]); the result was b itself, so it held -Infinity
  for (const polluted of [Number.NEGATIVE_INFINITY, new Float64Array([1, Number.NaN])]) {
    it(`b with an own __proto__ key { polluted: ${String(polluted)} }: { amount: '3.00', currency: 'USD' }`, () => {
      const b = Object.defineProperty({ ...money(3, 'USD') }, '__proto__', {
        value: { polluted },
        enumerable: true,
      });
      const r = minMoney(money(5, 'USD'), b);
      expect(r).toEqual({ amount: '3.00', currency: 'USD' });
      expect(Object.keys(r)).toEqual(['amount', 'currency']);
      expect(Object.getPrototypeOf(r)).toBe(Object.prototype);
      expect(maxMoney(b, money(1, 'USD'))).toEqual({ amount: '3.00', currency: 'USD' });
    });
  }
});
