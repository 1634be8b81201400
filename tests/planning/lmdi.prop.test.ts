import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lmdiDecomposition } from '../../src/planning/index.js';

const factor = fc.double({ min: 1e-3, max: 1e4, noNaN: true });
const factors = fc.tuple(factor, factor, factor, factor);
const named = ([a, b, c, d]: [number, number, number, number]) => ({ a, b, c, d });

/**
 * The effects added up. Near 1.8e308 four finite effects can overflow when added left to right
 * (1.11e308 + 6.90e307 is past double range, though their sum with −7.03e307 + 5.66e306 is the
 * change, 1.15e308): there they are added divided by 1,024, exactly (a power of two), and the
 * sum multiplied back.
 */
function sumOf(effects: readonly number[]): number {
  const plain = effects.reduce((s, e) => s + e, 0);
  if (Number.isFinite(plain)) return plain;
  return effects.reduce((s, e) => s + e / 1024, 0) * 1024;
}

/**
 * Below 2.2e-308 doubles are a fixed grid of 5e-324 steps: each of the four effects can be off by
 * one step, which no relative tolerance covers (base 1.06e-240·5e-324·1.74e115·2.71e124 and a
 * target as small round to the same 5e-324, change 0, while the effects sum to 5e-324).
 */
const tolerance = (scale: number): number => 1e-9 * scale + 4 * Number.MIN_VALUE;

describe('lmdiDecomposition laws', () => {
  it('the effects add up to the change, with no residual', () => {
    fc.assert(
      fc.property(factors, factors, (x, y) => {
        const r = lmdiDecomposition(named(x), named(y));
        const sum = Object.values(r.effects).reduce((s, e) => s + e, 0);
        expect(Math.abs(sum - r.change)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(r.base), Math.abs(r.target)));
      }),
    );
  });

  it('over the whole positive double range (subnormals too): the effects add up to the change, or it refuses', () => {
    // factors from 5e-324 to 1.8e308: a product or an effect past double range is refused with a RevopsError;
    // everything else decomposes with finite effects whose sum is the change
    const wide = fc.double({ min: Number.MIN_VALUE, max: Number.MAX_VALUE, noNaN: true });
    const wideFactors = fc.tuple(wide, wide, wide, wide);
    fc.assert(
      fc.property(wideFactors, wideFactors, (x, y) => {
        let r: ReturnType<typeof lmdiDecomposition<'a' | 'b' | 'c' | 'd'>>;
        try {
          r = lmdiDecomposition(named(x), named(y));
        } catch (e) {
          expect(e).toMatchObject({ name: 'RevopsError', code: 'INVALID_INPUT' });
          return;
        }
        const effects = Object.values(r.effects);
        expect(effects.every(Number.isFinite)).toBe(true);
        const scale = Math.max(Math.abs(r.change), ...effects.map(Math.abs));
        expect(Math.abs(sumOf(effects) - r.change)).toBeLessThanOrEqual(tolerance(scale));
      }),
      { numRuns: 2000 },
    );
  });

  it('the subnormal counterexample of seed 195695949: the effects sum to the change within one step per effect', () => {
    const r = lmdiDecomposition(
      named([1.0591217480318787e-240, 5e-324, 1.7397223183167113e115, 2.7135897084178136e124]),
      named([1.158380898941968e-301, 7.175530019276056e70, 1.5373075855780898e-63, 1.933252220920938e-31]),
    );
    const effects = Object.values(r.effects);
    expect(effects.every(Number.isFinite)).toBe(true);
    expect(Math.abs(effects.reduce((s, e) => s + e, 0) - r.change)).toBeLessThanOrEqual(4 * Number.MIN_VALUE);
  });

  it('the counterexample of seed 635839335: finite effects near 1.8e308 add up to the change when added scaled', () => {
    const r = lmdiDecomposition(
      named([9.3099205523343e-311, 8.147817009769189e-181, 1.0841741082285056e250, 3.0037818459304924e-84]),
      named([3.027262609556286e297, 3.556075722753885e198, 3.231811060980686e-136, 3.3097397773135503e-53]),
    );
    // V⁰ = 9.31e-311 · 8.15e-181 · 1.08e250 · 3.00e-84 rounds to 5e-324; Vᵀ = 1.1514919588531837e308
    expect(r.base).toBe(5e-324);
    expect(r.change).toBeCloseTo(1.1514919588531837e308, -300);
    const effects = Object.values(r.effects);
    expect(effects.every(Number.isFinite)).toBe(true);
    expect(effects.reduce((s, e) => s + e, 0)).toBe(Number.POSITIVE_INFINITY); // a + b alone is past 1.8e308
    expect(Math.abs(sumOf(effects) - r.change)).toBeLessThanOrEqual(tolerance(r.change));
  });

  it('is time-reversal invariant: swapping base and target negates every effect', () => {
    fc.assert(
      fc.property(factors, factors, (x, y) => {
        const forward = lmdiDecomposition(named(x), named(y));
        const f = forward.effects;
        const b = lmdiDecomposition(named(y), named(x)).effects;
        const scale = Math.max(1, forward.base, forward.target);
        for (const k of ['a', 'b', 'c', 'd'] as const) expect(Math.abs(f[k] + b[k])).toBeLessThanOrEqual(1e-9 * scale);
      }),
    );
  });

  it('a factor that does not change has no effect, and the sign of an effect is the sign of its change', () => {
    fc.assert(
      fc.property(factors, factors, (x, y) => {
        const base = named(x);
        const target = { ...named(y), d: base.d };
        const e = lmdiDecomposition(base, target).effects;
        expect(e.d).toBe(0);
        expect(Math.sign(e.a)).toBe(Math.sign(target.a - base.a));
      }),
    );
  });
});
