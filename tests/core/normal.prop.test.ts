import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile } from '../../src/core/normal.js';

describe('normal distribution laws', () => {
  // Tolerance, stated: Φ is accurate to 10 ulp (6 in the lower tail) and Φ⁻¹ to 10 ulp for |z| ≥ 0.25
  // (against mpmath: tests/core/normal-accuracy.test.ts), so the round trip is held to 1e-14 relative
  // (about 45 ulp, a wide margin); in the far tail Φ is ill-conditioned, a relative error ε in z moving
  // Φ by about z²·ε.
  // (The former bound 4e-16·(4 + z²) failed now and then, e.g. at p = 0.11096418202992368.)
  it('Φ(Φ⁻¹(p)) = p (round trip, to (1e-14 + 4e-16·z²) relative)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-250, max: 0.5, noNaN: true }), (p) => {
        const z = normalQuantile(p);
        expect(Math.abs(normalCdf(z) - p)).toBeLessThanOrEqual((1e-14 + 4e-16 * z * z) * p);
      }),
      { examples: [[0.11096418202992368]] },
    );
  });
  it('symmetry Φ⁻¹(1 − p) = −Φ⁻¹(p) and monotonicity', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 1, noNaN: true, maxExcluded: true }),
        fc.double({ min: 0.5, max: 1, noNaN: true, maxExcluded: true }),
        (p, q) => {
          expect(normalQuantile(p) + 0).toBe(-normalQuantile(1 - p) + 0);
          if (p < q) expect(normalQuantile(p)).toBeLessThanOrEqual(normalQuantile(q));
        },
      ),
    );
  });
});
