import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compoundChurn, compoundRetention } from '../../src/retention/compound.js';

describe('compounding churn and retention', () => {
  it('2–5 % monthly churn is 21.5–46.0 % a year, not 24–60 %', () => {
    // computed by hand: 1 − 0.98¹² = 0.21528, 1 − 0.95¹² = 0.45964 (21.5 % and 46.0 %)
    expect(compoundChurn(0.02, 12)).toBeCloseTo(0.21528, 5);
    expect(compoundChurn(0.05, 12)).toBeCloseTo(0.45964, 5);
  });
  it('annual → monthly with a fractional period count, and refusals', () => {
    // computed by hand: 0.9^(1/12) = 0.991258…
    expect(compoundRetention(0.9, 1 / 12)).toBeCloseTo(0.9912584, 7);
    expect(() => compoundChurn(1.5, 12)).toThrow(expect.objectContaining({ code: 'INVALID_RATE' }));
    expect(() => compoundChurn(0.1, 0)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
  it('round trip and consistency: churn = 1 − retention at every horizon', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.01, max: 60, noNaN: true }),
        (c, n) => {
          expect(compoundChurn(c, n)).toBeCloseTo(1 - compoundRetention(1 - c, n), 12);
          expect(compoundRetention(compoundRetention(1 - c, n), 1 / n)).toBeCloseTo(1 - c, 9);
        },
      ),
    );
  });
});
