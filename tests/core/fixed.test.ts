/** The exact scaled-integer decimals under money (src/core/fixed.ts). */
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import {
  addFixed,
  compareFixed,
  fixedToNumber,
  formatFixed,
  multiplyFixed,
  normalizeFixed,
  parseFixed,
  pow10,
  rescaleUp,
  roundFixed,
} from '../../src/core/fixed.js';
import { thrown } from './helpers.js';

describe('parseFixed()', () => {
  it('reads decimal strings exactly as int / 10^scale, normalised', () => {
    // computed by hand: each value written as int / 10^scale without trailing zeros
    expect(parseFixed('12.30')).toEqual({ int: 123n, scale: 1 });
    expect(parseFixed('-1e-3')).toEqual({ int: -1n, scale: 3 });
    expect(parseFixed('1.5e3')).toEqual({ int: 1500n, scale: 0 });
    expect(parseFixed('1.5E+3')).toEqual({ int: 1500n, scale: 0 });
    expect(parseFixed('.5')).toEqual({ int: 5n, scale: 1 });
    expect(parseFixed('5.')).toEqual({ int: 5n, scale: 0 });
    expect(parseFixed('+7')).toEqual({ int: 7n, scale: 0 });
    expect(parseFixed('-0.00')).toEqual({ int: 0n, scale: 0 });
    expect(parseFixed('0001.0100')).toEqual({ int: 101n, scale: 2 });
  });

  it('reads numbers as their shortest decimal', () => {
    // String(0.1) === "0.1"
    expect(parseFixed(0.1)).toEqual({ int: 1n, scale: 1 });
    // safe integers directly
    expect(parseFixed(-42)).toEqual({ int: -42n, scale: 0 });
    // String(1e21) === "1e+21"
    expect(parseFixed(1e21)).toEqual({ int: 10n ** 21n, scale: 0 });
    // String(1.5e-7) === "1.5e-7"
    expect(parseFixed(1.5e-7)).toEqual({ int: 15n, scale: 8 });
  });

  it('reads decimal.js values (any copy) exactly', () => {
    expect(parseFixed(new Decimal('1.25'))).toEqual({ int: 125n, scale: 2 });
    // a Decimal whose toString would use an exponent
    expect(parseFixed(new Decimal('1e-30'))).toEqual({ int: 1n, scale: 30 });
  });

  it('throws INVALID_AMOUNT naming the field', () => {
    for (const bad of [
      NaN,
      Infinity,
      '',
      '.',
      'e5',
      '1e',
      '--1',
      '1..2',
      'Infinity',
      null,
      undefined,
      {},
      [],
      1n,
      new Decimal(Infinity),
    ]) {
      const e = thrown(() => parseFixed(bad, 'rate'), 'INVALID_AMOUNT');
      expect(e.field).toBe('rate');
    }
    expect(thrown(() => parseFixed('abc'), 'INVALID_AMOUNT').field).toBe('value');
  });
});

describe('helpers', () => {
  it('pow10 is exact beyond its table', () => {
    expect(pow10(0)).toBe(1n);
    expect(pow10(40)).toBe(10n ** 40n);
    expect(pow10(50)).toBe(10n ** 50n);
  });

  it('normalizeFixed drops trailing zeros and returns the same object when already normal', () => {
    expect(normalizeFixed({ int: 1500n, scale: 3 })).toEqual({ int: 15n, scale: 1 });
    expect(normalizeFixed({ int: 0n, scale: 5 })).toEqual({ int: 0n, scale: 0 });
    const f = { int: 15n, scale: 1 };
    expect(normalizeFixed(f)).toBe(f);
    expect(normalizeFixed({ int: 1500n, scale: 0 })).toEqual({ int: 1500n, scale: 0 });
  });

  it('rescaleUp, addFixed, multiplyFixed, compareFixed are exact', () => {
    expect(rescaleUp({ int: 15n, scale: 1 }, 3)).toBe(1500n);
    // computed by hand: 1.5 + 0.25 = 1.75
    expect(addFixed({ int: 15n, scale: 1 }, { int: 25n, scale: 2 })).toEqual({ int: 175n, scale: 2 });
    // computed by hand: 1.5 × 0.2 = 0.30 → normalised 0.3
    expect(multiplyFixed({ int: 15n, scale: 1 }, { int: 2n, scale: 1 })).toEqual({ int: 3n, scale: 1 });
    expect(compareFixed({ int: 15n, scale: 1 }, { int: 150n, scale: 2 })).toBe(0);
    expect(compareFixed({ int: 149n, scale: 2 }, { int: 15n, scale: 1 })).toBe(-1);
    expect(compareFixed({ int: -1n, scale: 0 }, { int: -2n, scale: 0 })).toBe(1);
  });

  it('roundFixed rounds once and leaves short values alone', () => {
    // computed by hand: 1.235 half away → 1.24, half even → 1.24, floor → 1.23
    expect(roundFixed({ int: 1235n, scale: 3 }, 2, 'halfAwayFromZero')).toEqual({ int: 124n, scale: 2 });
    expect(roundFixed({ int: 1225n, scale: 3 }, 2, 'halfEven')).toEqual({ int: 122n, scale: 2 });
    expect(roundFixed({ int: 1235n, scale: 3 }, 2, 'floor')).toEqual({ int: 123n, scale: 2 });
    const short = { int: 12n, scale: 1 };
    expect(roundFixed(short, 2, 'floor')).toBe(short);
  });

  it('formatFixed prints plain notation with a minimum scale, never -0', () => {
    // computed by hand
    expect(formatFixed({ int: -5n, scale: 3 }, 2)).toBe('-0.005');
    expect(formatFixed({ int: 0n, scale: 0 }, 2)).toBe('0.00');
    expect(formatFixed({ int: 123n, scale: 0 })).toBe('123');
    expect(formatFixed({ int: -1n, scale: 0 })).toBe('-1');
    expect(formatFixed({ int: 5n, scale: 1 }, 3)).toBe('0.500');
    expect(formatFixed({ int: 123456n, scale: 2 })).toBe('1234.56');
  });

  it('fixedToNumber gives the nearest double', () => {
    expect(fixedToNumber({ int: 123456n, scale: 2 })).toBe(1234.56);
  });
});
