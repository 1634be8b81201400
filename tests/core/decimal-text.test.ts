/**
 * src/core/decimal-text.ts: the one decimal parser of the library, and its allocation-free reader
 * of the common case, each held to its documentation — which texts `parseSafeDecimal` reads
 * (plain notation, an optional sign, at most 15 significant digits and 15 decimals, at most 40
 * characters) and which it leaves to `parseDecimalText` (NaN); which texts `parseDecimalText`
 * reads, and the reason it gives for the others (`'malformed'`, `'tooLarge'`), which `money` turns
 * into its message; `numberSafe`'s window of doubles and `exactFromNumber` (the shortest decimal,
 * as `String(x)` prints it); Decimal-like objects; the formatter's padding and the small helpers.
 * Every expected value is the text's own digits, read by hand.
 * (StrykerJS P2 survivors, docs/mutation.md.)
 */
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import {
  decimalsOf,
  exactFromNumber,
  exactToNumber,
  formatDecimal,
  formatExact,
  numberSafe,
  parseDecimalText,
  parseSafeDecimal,
  readDecimal,
  safeScale,
} from '../../src/core/decimal-text.js';
import { LIMITS, money } from '../../src/core/index.js';
import { thrown } from './helpers.js';

/** parseSafeDecimal's answer as `{ int, scale }`, or `null` for NaN (text left to the full parser). */
function safe(text: string): { int: number; scale: number } | null {
  const int = parseSafeDecimal(text);
  return Number.isNaN(int) ? null : { int, scale: safeScale.value };
}

/** The message of money(text, 'USD')'s refusal. */
function refusal(text: string): string {
  return thrown(() => money(text, 'USD'), 'INVALID_AMOUNT').message;
}

const LIMIT_MESSAGE = 'must have at most 1000 digits and an exponent from -999 to 999';
const MALFORMED_MESSAGE = 'must be a decimal number such as "12.30"';

describe('parseSafeDecimal reads plain notation up to 15 significant digits and 15 decimals', () => {
  it('reads digits, a point, a sign', () => {
    expect(safe('12.30')).toEqual({ int: 1230, scale: 2 });
    expect(safe('9')).toEqual({ int: 9, scale: 0 });
    expect(safe('10')).toEqual({ int: 10, scale: 0 });
    expect(safe('-5')).toEqual({ int: -5, scale: 0 });
    expect(safe('-0.5')).toEqual({ int: -5, scale: 1 });
    expect(safe('+7')).toEqual({ int: 7, scale: 0 });
    expect(safe('.5')).toEqual({ int: 5, scale: 1 });
    expect(safe('5.')).toEqual({ int: 5, scale: 0 });
    expect(safe('1.5')).toEqual({ int: 15, scale: 1 });
    // 0 never comes back as -0
    expect(Object.is(parseSafeDecimal('-0'), 0)).toBe(true);
  });

  it('reads 15 significant digits and 15 decimals, not 16', () => {
    expect(safe('123456789012345')).toEqual({ int: 123456789012345, scale: 0 });
    expect(safe('0.123456789012345')).toEqual({ int: 123456789012345, scale: 15 });
    expect(safe('0.000000000000001')).toEqual({ int: 1, scale: 15 });
    expect(safe('1234567890123456')).toBeNull();
    expect(safe('0.1234567890123456')).toBeNull();
    expect(safe('0.0000000000000001')).toBeNull();
  });

  it('does not count leading zeros as significant digits', () => {
    // 20 zeros, then 15 significant digits: 35 characters
    expect(safe(`${'0'.repeat(20)}123456789012345`)).toEqual({ int: 123456789012345, scale: 0 });
  });

  it('reads text of 40 characters, not 41', () => {
    // a sign, 23 zeros, a point, 14 zeros and a 1: 40 characters, the value 10^-15
    const forty = `-${'0'.repeat(23)}.${'0'.repeat(14)}1`;
    expect(forty).toHaveLength(40);
    expect(safe(forty)).toEqual({ int: -1, scale: 15 });
    expect(safe(`-0${forty.slice(1)}`)).toBeNull();
    // the full parser reads both the same way
    expect(parseDecimalText(`-0${forty.slice(1)}`)).toEqual({ int: -1, scale: 15 });
  });

  it('leaves every other text to parseDecimalText', () => {
    for (const text of ['', '-', '+', '.', '-.', '1.2.3', '1e5', '1E5', '12a', ' 1', '1 ', '--1', '+-1', 'x']) {
      expect(safe(text), text).toBeNull();
    }
  });
});

describe('parseDecimalText past the plain reader', () => {
  it('reads a sign before an exponent or past 15 significant digits', () => {
    expect(parseDecimalText('+1e3')).toEqual({ int: 1000, scale: 0 });
    expect(parseDecimalText('-1e3')).toEqual({ int: -1000, scale: 0 });
    expect(parseDecimalText('+1234567890123456')).toEqual({ int: 1234567890123456, scale: 0 });
    expect(parseDecimalText('-1234567890123456.7')).toEqual({ int: -12345678901234567n, scale: 1 });
  });

  it('reads the exponent after e or E, past 15 significant digits too', () => {
    // 1234567890123456 × 10^2 is past 2^53: a bigint
    expect(parseDecimalText('1234567890123456E2')).toEqual({ int: 123456789012345600n, scale: 0 });
    expect(parseDecimalText('1234567890123456e2')).toEqual({ int: 123456789012345600n, scale: 0 });
    expect(parseDecimalText('1234567890123456E-2')).toEqual({ int: 1234567890123456, scale: 2 });
    expect(money('1234567890123456E2', 'USD').amount).toBe('123456789012345600.00');
  });

  it('refuses an exponent with anything but digits', () => {
    for (const text of ['1e5x', '1e5-', '1e5.', '1e5 ', '1e-5+', '1e:', '1e/', '1E5e']) {
      expect(parseDecimalText(text), text).toBe('malformed');
    }
    expect(refusal('1e5x')).toContain(MALFORMED_MESSAGE);
  });

  it('reads text of LIMITS.decimalDigits + 16 characters, and refuses longer text as too large', () => {
    const longest = LIMITS.decimalDigits + 16;
    // leading zeros do not count as digits: this is 1
    expect(parseDecimalText(`${'0'.repeat(longest - 1)}1`)).toEqual({ int: 1, scale: 0 });
    expect(money(`${'0'.repeat(longest - 1)}1`, 'USD').amount).toBe('1.00');
    expect(parseDecimalText(`${'0'.repeat(longest)}1`)).toBe('tooLarge');
    expect(refusal(`${'0'.repeat(longest)}1`)).toContain(LIMIT_MESSAGE);
  });

  it('names the limits when the exponent or the plain-notation digits are beyond them', () => {
    expect(parseDecimalText('1e1000')).toBe('tooLarge');
    expect(refusal('1e1000')).toContain(LIMIT_MESSAGE);
    // 1001 digits, written out: within the length limit, beyond the digit limit
    expect(parseDecimalText(`1${'0'.repeat(1000)}`)).toBe('tooLarge');
    expect(refusal(`1${'0'.repeat(1000)}`)).toContain(LIMIT_MESSAGE);
    // and a text that is no decimal gets the other message
    expect(refusal('12.3.4')).toContain(MALFORMED_MESSAGE);
    expect(refusal('12.3.4')).not.toContain('at most');
  });
});

describe('numberSafe reads doubles of at most 15 significant digits in its window', () => {
  /** numberSafe's answer as `{ int, scale }`, or `null` for NaN (left to String(x)). */
  function plain(x: number): { int: number; scale: number } | null {
    const int = numberSafe(x);
    return Number.isNaN(int) ? null : { int, scale: safeScale.value };
  }

  it('reads integers, fractions below 1 down to 1e-7, and numbers from 1 to 1e15', () => {
    // each double's shortest decimal (String(x)), as digits and places
    const cases: [number, number, number][] = [
      [0, 0, 0],
      [7, 7, 0],
      [-7, -7, 0],
      [2 ** 53 - 1, 2 ** 53 - 1, 0],
      [0.1, 1, 1],
      [-0.1, -1, 1],
      [0.25, 25, 2],
      [-0.25, -25, 2],
      [1e-7, 1, 7],
      [-1e-7, -1, 7],
      [0.000000123, 123, 9],
      [0.12345678, 12345678, 8],
      [-0.12345678, -12345678, 8],
      [0.123456789012345, 123456789012345, 15],
      [0.999999999999999, 999999999999999, 15],
      [1.5, 15, 1],
      [-1.5, -15, 1],
      [123.45, 12345, 2],
      [-123.45, -12345, 2],
      [99999999999999.9, 999999999999999, 1],
      [-99999999999999.9, -999999999999999, 1],
      [1.00000000000001, 100000000000001, 14],
    ];
    for (const [x, int, scale] of cases) {
      expect(plain(x), String(x)).toEqual({ int, scale });
      expect(exactFromNumber(x), String(x)).toEqual({ int, scale });
    }
  });

  it('never gives -0', () => {
    expect(Object.is(numberSafe(-0), 0)).toBe(true);
    expect(Object.is(exactFromNumber(-0).int, 0)).toBe(true);
  });

  it('leaves the rest to String(x): 16 or 17 significant digits, below 1e-7, past 1e15, not finite', () => {
    for (const x of [
      0.1 + 0.2,
      1e-8,
      -1e-8,
      1e15 + 0.5,
      1e20,
      123456789.0123456,
      Number.NaN,
      Number.POSITIVE_INFINITY,
    ]) {
      expect(plain(x), String(x)).toBeNull();
    }
    // String(x) then gives the exact decimal: 0.30000000000000004 (past 2^53 as an integer), 1e-8
    expect(exactFromNumber(0.1 + 0.2)).toEqual({ int: 30000000000000004n, scale: 17 });
    expect(exactFromNumber(1e-8)).toEqual({ int: 1, scale: 8 });
    expect(exactFromNumber(1e20)).toEqual({ int: 100000000000000000000n, scale: 0 });
  });

  it('exactFromNumber refuses what is not a finite number (a caller checks first)', () => {
    expect(() => exactFromNumber(Number.NaN)).toThrow(new RangeError('not a finite number: NaN'));
    expect(() => exactFromNumber(Number.NEGATIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('readDecimal: numbers, Decimals and Decimal-like objects', () => {
  const GENERIC = 'must be a number, a decimal string or a Decimal';
  /** A Decimal-like object of another copy of decimal.js holding 5 (`d`, `e`, `s`, `toFixed`, `isFinite`). */
  const five = (): Record<string, unknown> => ({
    d: [5],
    e: 0,
    s: 1,
    toFixed: () => '5',
    isFinite: () => true,
  });

  it('reads a Decimal-like object of another copy, and refuses one that lacks a part', () => {
    expect(readDecimal(five(), 'f')).toEqual({ int: 5, scale: 0 });
    for (const key of ['d', 'e', 's', 'toFixed']) {
      const o = five();
      delete o[key];
      // without toFixed, a finiteness test that fails must not be reached either
      if (key === 'toFixed') o.isFinite = () => false;
      expect(thrown(() => readDecimal(o, 'f'), 'INVALID_AMOUNT').message, key).toContain(`f ${GENERIC}, got`);
    }
    const noFinite = five();
    noFinite.isFinite = 'yes';
    expect(thrown(() => readDecimal(noFinite, 'f'), 'INVALID_AMOUNT').message).toContain(GENERIC);
  });

  it('names why a Decimal is refused: not finite, beyond the limits, or not printing a string', () => {
    expect(thrown(() => readDecimal(new Decimal(Infinity), 'f'), 'INVALID_AMOUNT').message).toContain(
      'must be a finite decimal',
    );
    expect(thrown(() => readDecimal(new Decimal(Number.NaN), 'f'), 'INVALID_AMOUNT').message).toContain(
      'must be a finite decimal',
    );
    const limits = 'must have at most 1000 digits and an exponent from -999 to 999';
    // 10^1000 has 1001 digits in plain notation: refused after printing
    expect(thrown(() => readDecimal(new Decimal('1e1000'), 'f'), 'INVALID_AMOUNT').message).toContain(limits);
    // an exponent that is not a number
    const stringExponent = { ...five(), e: '0' };
    expect(thrown(() => readDecimal(stringExponent, 'f'), 'INVALID_AMOUNT').message).toContain(limits);
    // toFixed that gives no string: refused as a malformed decimal, not a TypeError
    const numberText = { ...five(), toFixed: () => 5 };
    expect(thrown(() => readDecimal(numberText, 'f'), 'INVALID_AMOUNT').message).toContain(
      'must be a decimal number such as "12.30"',
    );
    const throwing = {
      ...five(),
      toFixed: () => {
        throw new Error('boom');
      },
    };
    expect(thrown(() => readDecimal(throwing, 'f'), 'INVALID_AMOUNT').message).toBe(
      `f ${GENERIC}, got {"d":[5],"e":0,"s":1}`,
    );
  });

  it('reads a Decimal at the exponent -1000, and one of 144 digit words, within the digit limit', () => {
    // 10^-1000 prints as 0.(999 zeros)1: 1000 fraction digits, the most there can be
    expect(money(new Decimal('1e-1000'), 'USD').amount).toBe(`0.${'0'.repeat(999)}1`);
    // 1.(999 ones): decimal.js keeps it in 144 base-10^7 words; 999 fraction digits
    const d = new Decimal(`1.${'1'.repeat(999)}`);
    expect(d.d).toHaveLength(144);
    expect(readDecimal(d, 'f')).toEqual(parseDecimalText(`1.${'1'.repeat(999)}`));
  });

  it('names the field (default `value`) and says "must be a finite number" for NaN', () => {
    expect(thrown(() => readDecimal('x'), 'INVALID_AMOUNT').field).toBe('value');
    expect(thrown(() => readDecimal(Number.NaN, 'rate'), 'INVALID_AMOUNT').message).toBe(
      'rate must be a finite number, got NaN',
    );
  });

  it('counts the digits of a negative integer without its sign', () => {
    // -(1000 nines): 1000 digits, within the limit
    expect(money(`-${'9'.repeat(1000)}`, 'CLF').amount).toBe(`-${'9'.repeat(1000)}.0000`);
  });
});

describe('the formatter and its helpers', () => {
  it('drops a zero fraction entirely when no decimals are asked for', () => {
    // 500 hundredths = 5; 1000 hundredths = 10; 0 at any scale = 0
    expect(formatDecimal(500, 2)).toBe('5');
    expect(formatDecimal(1000, 2)).toBe('10');
    expect(formatDecimal(0, 3)).toBe('0');
    expect(formatDecimal(-500, 2, 1)).toBe('-5.0');
    expect(formatExact({ int: 10n ** 20n, scale: 2 })).toBe('1000000000000000000');
  });

  it('decimalsOf counts the digits after the point', () => {
    expect(decimalsOf('12.30')).toBe(2);
    expect(decimalsOf('12')).toBe(0);
    expect(decimalsOf('.5')).toBe(1);
    expect(decimalsOf('5.')).toBe(0);
    expect(decimalsOf('-0.125')).toBe(3);
  });

  it('exactToNumber divides exactly up to 10^22 and goes through the text past it', () => {
    expect(exactToNumber({ int: 1, scale: 22 })).toBe(1e-22);
    expect(exactToNumber({ int: 1, scale: 23 })).toBe(1e-23);
    expect(exactToNumber({ int: 12345, scale: 30 })).toBe(1.2345e-26);
    expect(exactToNumber({ int: 10n ** 30n, scale: 2 })).toBe(1e28);
  });
});
