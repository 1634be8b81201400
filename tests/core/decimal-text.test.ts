/**
 * src/core/decimal-text.ts: the one decimal parser of the library, and its allocation-free reader
 * of the common case, each held to its documentation — which texts `parseSafeDecimal` reads
 * (plain notation, an optional sign, at most 15 significant digits and 15 decimals, at most 40
 * characters) and which it leaves to `parseDecimalText` (NaN); which texts `parseDecimalText`
 * reads, and the reason it gives for the others (`'malformed'`, `'tooLarge'`), which `money` turns
 * into its message. Every expected value is the text's own digits, read by hand.
 * (StrykerJS P2 survivors, docs/mutation.md.)
 */
import { describe, expect, it } from 'vitest';
import { parseDecimalText, parseSafeDecimal, safeScale } from '../../src/core/decimal-text.js';
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
