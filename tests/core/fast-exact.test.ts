/** The safe-integer helpers behind the money fast paths (src/core/fast-exact.ts). */
import { describe, expect, it } from 'vitest';
import { decimalsOf, formatScaledSafe, mulRoundSafe, parseScaledSafe, pow10Number } from '../../src/core/fast-exact.js';

describe('parseScaledSafe()', () => {
  it('reads plain decimals into integer units at a scale', () => {
    // computed by hand: "12.3" at 2 decimals is 1230 units
    expect(parseScaledSafe('12.3', 2)).toBe(1230);
    expect(parseScaledSafe('-0.05', 2)).toBe(-5);
    expect(parseScaledSafe('+1.5', 1)).toBe(15);
    expect(parseScaledSafe('.5', 2)).toBe(50);
    expect(parseScaledSafe('7', 0)).toBe(7);
    // trailing zeros beyond the scale are harmless: "1.500" at 2 decimals is 150
    expect(parseScaledSafe('1.500', 2)).toBe(150);
  });

  it('returns NaN when it cannot be exact in a safe integer', () => {
    for (const [text, scale] of [
      ['1.505', 2], // digits below the scale
      ['1e3', 0], // exponent
      ['', 2],
      ['-', 2],
      ['1.2.3', 2],
      ['1 ', 2],
      ['1234567890123456', 0], // 16 digits
      ['123456789012345', 2], // × 100 passes 2^53
      ['1', 16], // no exact 10^16 in the table
    ] as const) {
      expect(parseScaledSafe(text, scale), `${text} @ ${scale}`).toBeNaN();
    }
  });
});

describe('formatScaledSafe(), decimalsOf(), pow10Number(), mulRoundSafe()', () => {
  it('format with at least minScale decimals, dropping extra trailing zeros, never -0', () => {
    // computed by hand
    expect(formatScaledSafe(5, 0, 2)).toBe('5.00');
    expect(formatScaledSafe(12500, 3, 2)).toBe('12.50');
    expect(formatScaledSafe(-5, 3, 2)).toBe('-0.005');
    expect(formatScaledSafe(-0, 2, 2)).toBe('0.00');
    expect(formatScaledSafe(1234, 0, 0)).toBe('1234');
  });

  it('decimalsOf and pow10Number', () => {
    expect([decimalsOf('12.345'), decimalsOf('12'), decimalsOf('1.')]).toEqual([3, 0, 0]);
    expect(pow10Number(15)).toBe(1e15);
    expect(pow10Number(16)).toBeNaN();
  });

  it('mulRoundSafe rounds the exact product, or says NaN when it would not fit', () => {
    // computed by hand: 1001 × 5 / 100 = 50.05 → 50 (half away: .05 < .5)
    expect(mulRoundSafe(1001, 5, 2, 'halfAwayFromZero')).toBe(50);
    // computed by hand: 150 × 1 / 100 = 1.5 → 2 (half away), 2 (half even)
    expect(mulRoundSafe(150, 1, 2, 'halfAwayFromZero')).toBe(2);
    expect(mulRoundSafe(250, 1, 2, 'halfEven')).toBe(2);
    expect(mulRoundSafe(7, 3, 0, 'floor')).toBe(21);
    expect(mulRoundSafe(2 ** 40, 2 ** 20, 0, 'floor')).toBeNaN();
  });
});
