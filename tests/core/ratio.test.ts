/** ratio(): a rate over an empty denominator is null, never 0, NaN or Infinity. */
import { describe, expect, it } from 'vitest';
import { ratio } from '../../src/core/index.js';

describe('ratio()', () => {
  it('divides, and is null over a zero denominator', () => {
    // computed by hand: 20/100 = 0.2
    expect(ratio(20, 100)).toBe(0.2);
    expect(ratio(0, 5)).toBe(0);
    expect(ratio(1, 3)).toBe(1 / 3);
    expect(ratio(0, 0)).toBeNull();
    expect(ratio(5, 0)).toBeNull();
    expect(ratio(-5, -0)).toBeNull();
  });
});
