import { describe, expect, it } from 'vitest';
import { linearTrend } from '../../src/forecast/index.js';
import { codeOf } from './helpers.js';

describe('linearTrend', () => {
  it('simple-statistics README example: m = 0.425, b = 0.785 (research S2)', () => {
    // Oracle: simple-statistics README linearRegression([[1,1],[2,2],[3,1.3],[4,3.75],[5,2.25]]) ⇒ { m: 0.425, b: 0.785
    // }.
    const t = linearTrend([1, 2, 1.3, 3.75, 2.25], { horizon: 2 });
    expect(t.slope).toBeCloseTo(0.425, 14);
    expect(t.intercept).toBeCloseTo(0.785, 14);
    // By hand: 0.785 + 0.425·6 = 3.335, ·7 = 3.76.
    expect(t.forecast[0]).toBeCloseTo(3.335, 13);
    expect(t.forecast[1]).toBeCloseTo(3.76, 13);
    // By hand: ȳ = 2.06, SST = Σ(y − ȳ)² = 4.597, regression SS = Sxy²/Sxx = 4.25²/10 = 1.80625 ⇒ R² = 1.80625/4.597.
    expect(t.rSquared).toBeCloseTo(1.80625 / 4.597, 13);
  });

  it('recovers an exact line; R² is null for a constant series', () => {
    // Computed by hand: y = 3 + 2t for t = 1…4 exactly, so slope 2, intercept 3, R² = 1.
    const t = linearTrend([5, 7, 9, 11]);
    expect(t.slope).toBe(2);
    expect(t.intercept).toBe(3);
    expect(t.rSquared).toBe(1);
    expect(t.fitted).toEqual([5, 7, 9, 11]);
    expect(linearTrend([4, 4, 4]).rSquared).toBeNull();
  });

  it('rejects bad input', () => {
    expect(codeOf(() => linearTrend([1]))).toBe('INSUFFICIENT_DATA');
    expect(codeOf(() => linearTrend([1, Number.POSITIVE_INFINITY]))).toBe('INVALID_INPUT');
    expect(codeOf(() => linearTrend([1, 2], { horizon: 0 }))).toBe('INVALID_OPTION');
  });
});
