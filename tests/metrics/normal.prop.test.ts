import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile } from '../../src/metrics/normal.js';

describe('normal distribution laws', () => {
  // Φ is ill-conditioned in the far tail: a relative error ε in z moves Φ by about z²·ε relative.
  it('Φ(Φ⁻¹(p)) = p (round trip, to the conditioning 4e-16·(1 + z²) relative)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-250, max: 0.5, noNaN: true }), (p) => {
        const z = normalQuantile(p);
        expect(Math.abs(normalCdf(z) - p)).toBeLessThanOrEqual(4e-16 * (4 + z * z) * p);
      }),
    );
  });
  it('symmetry Φ⁻¹(1 − p) = −Φ⁻¹(p) and monotonicity', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 1, noNaN: true, maxExcluded: true }), fc.double({ min: 0.5, max: 1, noNaN: true, maxExcluded: true }), (p, q) => {
        expect(normalQuantile(p) + 0).toBe(-normalQuantile(1 - p) + 0);
        if (p < q) expect(normalQuantile(p)).toBeLessThanOrEqual(normalQuantile(q));
      }),
    );
  });
});
