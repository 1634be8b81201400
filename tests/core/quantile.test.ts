import { describe, expect, it } from 'vitest';
import { quantileSorted } from '../../src/core/quantile.js';

describe('quantileSorted (Hyndman & Fan type 7)', () => {
  it('matches R quantile(type = 7)', () => {
    // R: quantile(c(1, 2, 3, 4), c(0, 0.25, 0.5, 1), type = 7) → 1, 1.75, 2.5, 4
    expect([0, 0.25, 0.5, 1].map((p) => quantileSorted([1, 2, 3, 4], p))).toEqual([1, 1.75, 2.5, 4]);
    // R: quantile(c(1, 3, 7, 15), 0.9, type = 7) → h = 3 × 0.9 = 2.7 → 7 + 0.7 × 8 = 12.6
    expect(quantileSorted([1, 3, 7, 15], 0.9)).toBeCloseTo(12.6, 12);
  });

  it('reads typed arrays and a single value', () => {
    // computed by hand: h = 2 × 0.5 = 1 → the middle value
    expect(quantileSorted(Float64Array.of(10, 20, 30), 0.5)).toBe(20);
    expect(quantileSorted([42], 0.3)).toBe(42);
  });
});
