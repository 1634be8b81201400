import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lmdiDecomposition } from '../../src/planning/index.js';

const factor = fc.double({ min: 1e-3, max: 1e4, noNaN: true });
const factors = fc.tuple(factor, factor, factor, factor);
const named = ([a, b, c, d]: [number, number, number, number]) => ({ a, b, c, d });

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
        const sum = effects.reduce((s, e) => s + e, 0);
        const scale = Math.max(Math.abs(r.change), ...effects.map(Math.abs));
        // below 2.2e-308 doubles are a fixed grid of 5e-324 steps: each of the four effects can be off by
        // one step, which no relative tolerance covers (base 1.06e-240·5e-324·1.74e115·2.71e124 and a
        // target as small round to the same 5e-324, change 0, while the effects sum to 5e-324)
        expect(Math.abs(sum - r.change)).toBeLessThanOrEqual(1e-9 * scale + 4 * Number.MIN_VALUE);
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
