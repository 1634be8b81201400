import { describe, expect, it } from 'vitest';
import { lmdiDecomposition, logarithmicMean } from '../../src/planning/index.js';

describe('lmdiDecomposition', () => {
  // Additive LMDI-I (Ang 2005, Energy Policy 33:867–871). Bookings = activities × opportunities per
  // activity × win rate × deal size; team 400 × 0.10 × 0.25 × 20,000 = 200,000, rep 300 × 0.12 × 0.20 ×
  // 25,000 = 180,000. Effects computed by hand with Python's math module: L(180000, 200000) =
  // 189,824.4316; L · ln(300/400) = −54,609.0859, L · ln(1.2) = 34,609.0859, L · ln(0.8) = −42,358.0978,
  // L · ln(1.25) = 42,358.0978.
  const d = lmdiDecomposition(
    { activities: 400, conversion: 0.1, winRate: 0.25, dealSize: 20000 },
    { activities: 300, conversion: 0.12, winRate: 0.2, dealSize: 25000 },
  );

  it('reproduces the worked example', () => {
    expect(d.base).toBeCloseTo(200000, 6);
    expect(d.target).toBeCloseTo(180000, 6);
    expect(d.effects.activities).toBeCloseTo(-54609.0859, 3);
    expect(d.effects.conversion).toBeCloseTo(34609.0859, 3);
    expect(d.effects.winRate).toBeCloseTo(-42358.0978, 3);
    expect(d.effects.dealSize).toBeCloseTo(42358.0978, 3);
  });

  it('leaves no residual', () => {
    const sum = Object.values(d.effects).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(-20000, 6);
  });

  it('gives the whole change to a factor that went to zero (Ang & Liu 2007 analytical limit)', () => {
    // Rep with win rate 0: the rep books nothing; the whole −200,000 is the win rate's.
    const z = lmdiDecomposition(
      { activities: 400, conversion: 0.1, winRate: 0.25, dealSize: 20000 },
      { activities: 300, conversion: 0.12, winRate: 0, dealSize: 25000 },
    );
    expect(z.effects).toEqual({ activities: 0, conversion: 0, winRate: -200000, dealSize: 0 });
  });

  it('shares the change among several zero factors, and gives 0 when both products are 0', () => {
    const z = lmdiDecomposition({ a: 0, b: 0, c: 5 }, { a: 2, b: 3, c: 5 });
    expect(z.effects).toEqual({ a: 15, b: 15, c: 0 });
    expect(lmdiDecomposition({ a: 0, b: 1 }, { a: 1, b: 0 }).effects).toEqual({ a: 0, b: 0 });
  });

  it('refuses negative, non-finite and missing factors', () => {
    expect(() => lmdiDecomposition({ a: -1 }, { a: 1 })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => lmdiDecomposition({ a: 1 }, { a: Number.NaN })).toThrow(/target\.a must be a finite number/);
    expect(() => lmdiDecomposition({ a: 1 } as Record<string, number>, { a: 1, b: 2 })).toThrow(/base\.b/);
  });
});

describe('logarithmicMean', () => {
  it('is (a − b) / (ln a − ln b), a at a = b, 0 with a zero', () => {
    // ln(200000/180000) = 0.1053605157; 20000 / 0.1053605157 = 189,824.4316 (by hand).
    expect(logarithmicMean(180000, 200000)).toBeCloseTo(189824.4316, 3);
    expect(logarithmicMean(7, 7)).toBe(7);
    expect(logarithmicMean(0, 7)).toBe(0);
    // Near-equal arguments keep their digits: L(1, 1 + 1e-12) = 1 + 5e-13 to first order.
    expect(logarithmicMean(1, 1 + 1e-12)).toBeCloseTo(1 + 5e-13, 14);
  });
});
