import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wilsonInterval } from '../../src/metrics/wilson-interval.js';

const counts = fc.integer({ min: 1, max: 5000 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)));

describe('wilsonInterval laws', () => {
  it('contains the observed rate and stays in [0, 1]', () => {
    fc.assert(
      fc.property(counts, fc.double({ min: 0.5, max: 0.999, noNaN: true }), ([k, n], c) => {
        const r = wilsonInterval(k, n, { confidence: c });
        expect(r.lower as number).toBeGreaterThanOrEqual(0);
        expect(r.upper as number).toBeLessThanOrEqual(1);
        expect(r.lower as number).toBeLessThanOrEqual(k / n + 1e-15);
        expect(r.upper as number).toBeGreaterThanOrEqual(k / n - 1e-15);
      }),
    );
  });
  it('is symmetric: the interval of n − k is 1 minus the interval of k', () => {
    fc.assert(
      fc.property(counts, ([k, n]) => {
        const a = wilsonInterval(k, n);
        const b = wilsonInterval(n - k, n);
        expect(Math.abs((a.lower as number) - (1 - (b.upper as number)))).toBeLessThan(1e-12);
      }),
    );
  });
  it('widens with the confidence level', () => {
    fc.assert(
      fc.property(counts, ([k, n]) => {
        const a = wilsonInterval(k, n, { confidence: 0.9 });
        const b = wilsonInterval(k, n, { confidence: 0.99 });
        expect(b.lower as number).toBeLessThanOrEqual(a.lower as number);
        expect(b.upper as number).toBeGreaterThanOrEqual(a.upper as number);
      }),
    );
  });
});
