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
        expect(Math.abs(sum - r.change)).toBeLessThanOrEqual(1e-9 * scale);
      }),
      { numRuns: 2000 },
    );
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
