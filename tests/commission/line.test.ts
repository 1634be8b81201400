/**
 * A statement line's rounding (`makeLine`) on both of its paths — safe integers and BigInt — and
 * `sortedIds`. Each expected value is worked out by hand: the exact quotient written out in
 * digits, then rounded half away from zero at the currency's minor unit.
 */
import { describe, expect, it } from 'vitest';
import type { ResolvedContext } from '../../src/commission/context.js';
import { makeLine, sortedIds } from '../../src/commission/line.js';

/** Only the three fields `makeLine` reads of a context: minor-unit digits, rounding mode and currency. */
function ctx(digits: number): ResolvedContext {
  const partial = { digits, mode: 'halfAwayFromZero', currency: digits === 0 ? 'JPY' : 'USD' };
  return partial as unknown as ResolvedContext;
}

const amount = (digits: number, num: bigint, den: bigint): string =>
  makeLine(ctx(digits), 'commission', 'c', { num, den }, { ruleId: 'r', detail: { rule: 'priorBalance' } }).amount
    .amount;

describe('makeLine rounds exactly past the safe integers', () => {
  it('an amount of 21 digits keeps every digit (2^53 ≈ 9.007e15 minor units is far below it)', () => {
    // 123456789012345678901 / 1 at 2 digits: 12345678901234567890100 minor units, exact
    expect(amount(2, 123456789012345678901n, 1n)).toBe('123456789012345678901.00');
    expect(amount(2, -123456789012345678901n, 1n)).toBe('-123456789012345678901.00');
  });

  it('a quotient of 21 digits over 7 is rounded at the cent: 100000000000000000001 / 7', () => {
    // 100000000000000000001 / 7 = 14285714285714285714.428571… → .43 (long division by hand)
    expect(amount(2, 100000000000000000001n, 7n)).toBe('14285714285714285714.43');
    expect(amount(2, -100000000000000000001n, 7n)).toBe('-14285714285714285714.43');
  });

  it('a denominator past 2^53 is not rounded to a double: 2^52 / (2^53 + 1) is below one half', () => {
    // 2^52 / (2^53 + 1) = 0.4999999999999999444… → 0 yen; as doubles 2^53 + 1 becomes 2^53 and the
    // quotient exactly 0.5, which half away from zero would round up to 1
    expect(amount(0, 2n ** 52n, 2n ** 53n + 1n)).toBe('0');
    expect(amount(0, -(2n ** 52n), 2n ** 53n + 1n)).toBe('0');
  });

  it('small values: 1 / 3 and 2 / 3 of a dollar, 5 / 1000 exactly half a cent', () => {
    expect([amount(2, 1n, 3n), amount(2, 2n, 3n), amount(2, 5n, 1000n), amount(2, -5n, 1000n)]).toEqual([
      '0.33',
      '0.67',
      '0.01',
      '-0.01',
    ]);
  });
});

describe('sortedIds', () => {
  it('gives back the same array when it is already in code-unit order (ties included)', () => {
    const ids = ['a', 'b', 'b', 'c'];
    expect(sortedIds(ids)).toBe(ids);
    const one = ['z'];
    expect(sortedIds(one)).toBe(one);
  });

  it('sorts a copy, leaving the argument as it was', () => {
    const ids = ['c', 'a', 'b'];
    const out = sortedIds(ids);
    expect(out).toEqual(['a', 'b', 'c']);
    expect(out).not.toBe(ids);
    expect(ids).toEqual(['c', 'a', 'b']);
  });

  it('sorts when only the last pair is out of order, by code unit ("B" < "a")', () => {
    expect(sortedIds(['a', 'b', 'a'])).toEqual(['a', 'a', 'b']);
    expect(sortedIds(['a', 'B'])).toEqual(['B', 'a']);
  });
});
