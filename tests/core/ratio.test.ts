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

describe('ratio(): what it refuses and the zero it returns (StrykerJS survivors of core P8)', () => {
  it('a zero numerator over a negative denominator is 0, not -0', () => {
    // 0 / -5 is -0 in IEEE arithmetic; a rate is never -0
    expect(Object.is(ratio(0, -5), 0)).toBe(true);
  });

  it('names the argument that is not a number, and refuses a quotient past the largest double', () => {
    expect(() => ratio('1' as never, 2)).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', field: 'numerator' }),
    );
    expect(() => ratio(1, '2' as never)).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', field: 'denominator' }),
    );
    // 1e308 / 1e-10 = 1e318, beyond Number.MAX_VALUE (1.8e308)
    expect(() => ratio(1e308, 1e-10)).toThrow(
      expect.objectContaining({
        code: 'INVALID_INPUT',
        field: 'numerator',
        message: 'numerator divided by 1e-10 overflows a double, got 1e+308',
      }),
    );
  });
});
