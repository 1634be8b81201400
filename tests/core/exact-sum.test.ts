/**
 * ExactSum and addDecimalStrings (src/core/exact-sum.ts), the adders behind sums, statements
 * and summary merges: what they refuse and how they name it. Written for the StrykerJS
 * survivors of core P7 (docs/mutation.md).
 */
import { describe, expect, it } from 'vitest';
import { addDecimalStrings, ExactSum } from '../../src/core/exact-sum.js';
import { thrown } from './helpers.js';

describe('ExactSum.add', () => {
  it('adds decimal strings exactly, keeping digits below the scale', () => {
    // by hand: 1.005 − 0.5 = 0.505
    const s = new ExactSum(2);
    s.add('1.005');
    s.add('-0.5', 'x');
    expect(s.toString(2)).toBe('0.505');
  });

  it('refuses malformed text, naming `amount` unless told another field', () => {
    const s = new ExactSum(2);
    const e = thrown(() => s.add('abc'), 'INVALID_AMOUNT');
    expect(e.field).toBe('amount');
    expect(e.message).toBe('amount must be a decimal number such as "12.30", got "abc"');
    expect(thrown(() => s.add('1..2', 'credits[3].amount'), 'INVALID_AMOUNT').field).toBe('credits[3].amount');
  });
});

describe('addDecimalStrings', () => {
  it('adds two decimal strings with at least minScale decimals', () => {
    // by hand: 1.5 + 2.25 = 3.75, printed with 3 decimals
    expect(addDecimalStrings('1.5', '2.25', 'total', 3)).toBe('3.750');
  });

  it('refuses anything but a decimal string on either side (a number included), naming the field', () => {
    const a = thrown(() => addDecimalStrings(5 as never, '1'), 'INVALID_AMOUNT');
    expect([a.field, a.message]).toEqual(['amount', 'amount must be a decimal string, got 5']);
    const b = thrown(() => addDecimalStrings('1', 5 as never, 'total'), 'INVALID_AMOUNT');
    expect([b.field, b.message]).toEqual(['total', 'total must be a decimal string, got 5']);
    const c = thrown(() => addDecimalStrings('abc', '1'), 'INVALID_AMOUNT');
    expect([c.field, c.message]).toEqual(['amount', 'amount must be a decimal number such as "12.30", got "abc"']);
  });
});
