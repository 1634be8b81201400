/**
 * allocate() for any amount in whole minor units (positive, negative, zero) and any
 * non-negative ratios, not all zero: the parts add up to the whole exactly, each part is
 * within one minor unit of its exact proportional share, and the result is deterministic.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, money, sum, toMinorUnits } from '../../src/core/index.js';
import { bigIntArb, currencyArb, decimalString, DIGITS } from './arbitraries.js';

/** A ratio as int / 10^scale, given to allocate as a number, a string or an integer. */
const ratioArb = fc.oneof(
  fc.record({ int: fc.bigInt({ min: 0n, max: 100n }), scale: fc.constant(0) }),
  fc.record({ int: fc.bigInt({ min: 0n, max: 10n ** 12n }), scale: fc.integer({ min: 0, max: 6 }) }),
  fc.constant({ int: 0n, scale: 0 }),
);
const ratiosArb = fc.array(ratioArb, { minLength: 1, maxLength: 12 }).filter((rs) => rs.some((r) => r.int > 0n));

const caseArb = fc.record({
  currency: currencyArb,
  units: fc.oneof(bigIntArb, fc.constant(0n), fc.bigInt({ min: -20n, max: 20n })),
  ratios: ratiosArb,
  asNumber: fc.boolean(),
});

/**
 * Largest remainder written here with BigInt (an oracle independent of src): floor shares,
 * then the leftover units one each by remainder, largest first, ties to the earlier part.
 */
function hamilton(units: bigint, ratios: readonly { int: bigint; scale: number }[]): bigint[] {
  const w = ratios.map((r) => r.int * 10n ** BigInt(12 - r.scale));
  const W = w.reduce((a, b) => a + b, 0n);
  const whole = units < 0n ? -units : units;
  const parts = w.map((wi) => (whole * wi) / W);
  const rest = w.map((wi) => (whole * wi) % W);
  let left = whole - parts.reduce((a, b) => a + b, 0n);
  const order = rest.map((_, i) => i).sort((i, j) => (rest[i] === rest[j] ? i - j : rest[i]! > rest[j]! ? -1 : 1));
  for (const i of order) {
    if (left === 0n) break;
    parts[i] = parts[i]! + 1n;
    left--;
  }
  return parts.map((p) => (units < 0n ? -p : p));
}

describe('allocate()', () => {
  it('gives exactly the largest-remainder parts (ties to the earlier part), on numbers and past 2^53', () => {
    fc.assert(
      fc.property(caseArb, ({ currency, units, ratios, asNumber }) => {
        const digits = DIGITS[currency]!;
        const input = ratios.map((r) => {
          const s = decimalString(r.int, r.scale);
          return asNumber ? Number(s) : s;
        });
        const parts = allocate(money(decimalString(units, digits), currency), input);
        expect(parts.map((m) => toMinorUnits(m))).toEqual(hamilton(units, ratios));
      }),
      { seed: 20261203, numRuns: 1000 },
    );
    // worked by hand: 0.05 USD in [1, 1, 1, 1] → 2, 1, 1, 1 cents (remainders all equal: the first gets it)
    expect(allocate(money('0.05', 'USD'), [1, 1, 1, 1]).map((m) => m.amount)).toEqual(['0.02', '0.01', '0.01', '0.01']);
    // worked by hand: 10 cents in [1, 2] → 10/3 = 3.33…, 20/3 = 6.66… → 3 and 7 (the larger remainder)
    expect(allocate(money('0.10', 'USD'), [1, 2]).map((m) => m.amount)).toEqual(['0.03', '0.07']);
  });

  it('preserves the total, stays within one minor unit of the exact share, and is deterministic', () => {
    fc.assert(
      fc.property(caseArb, ({ currency, units, ratios, asNumber }) => {
        const digits = DIGITS[currency]!;
        const whole = money(decimalString(units, digits), currency);
        const input = ratios.map((r) => {
          const s = decimalString(r.int, r.scale);
          return asNumber && r.scale === 0 && r.int <= 100n ? Number(s) : s;
        });
        const parts = allocate(whole, input);

        expect(parts).toHaveLength(ratios.length);
        expect(sum(parts, { currency })).toEqual(whole);
        expect(allocate(whole, input)).toEqual(parts);

        // exact share of part i, in minor units: units × wᵢ / W, with every ratio at scale 6
        const w = ratios.map((r) => r.int * 10n ** BigInt(6 - r.scale));
        const W = w.reduce((a, b) => a + b, 0n);
        parts.forEach((p, i) => {
          expect(p.currency).toBe(currency);
          const got = toMinorUnits(p); // throws if a part had digits below the minor unit
          const diff = got * W - units * w[i]!; // (part − exact share) × W
          expect(diff < 0n ? -diff : diff).toBeLessThan(W);
          if (w[i] === 0n) expect(got).toBe(0n);
          // every part has the sign of the whole
          if (units > 0n) expect(got >= 0n).toBe(true);
          if (units < 0n) expect(got <= 0n).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('splitting a negative amount mirrors splitting its absolute value', () => {
    fc.assert(
      fc.property(caseArb, ({ currency, units, ratios }) => {
        const digits = DIGITS[currency]!;
        const input = ratios.map((r) => decimalString(r.int, r.scale));
        const pos = allocate(money(decimalString(units < 0n ? -units : units, digits), currency), input);
        const neg = allocate(money(decimalString(units < 0n ? units : -units, digits), currency), input);
        expect(neg.map((m) => toMinorUnits(m))).toEqual(pos.map((m) => -toMinorUnits(m)));
      }),
    );
  });

  it('scaling every ratio by the same factor does not change the split', () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 1, max: 1000 }), ({ currency, units, ratios }, k) => {
        const whole = money(decimalString(units, DIGITS[currency]!), currency);
        const a = allocate(
          whole,
          ratios.map((r) => decimalString(r.int, r.scale)),
        );
        const b = allocate(
          whole,
          ratios.map((r) => decimalString(r.int * BigInt(k), r.scale)),
        );
        expect(b).toEqual(a);
      }),
    );
  });
});
