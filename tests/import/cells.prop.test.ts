/**
 * The char-code reading of a plain `DD.MM.YYYY`, `DD/MM/YYYY` or `MM/DD/YYYY` cell gives what the
 * layout's regular expression gives: the same date, or the same problem. A leading space takes a
 * cell past the char-code path (it is trimmed, then read by the expression), so each cell is read
 * both ways.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainLocalDate, readDateCell, readDateTimeCell } from '../../src/import/cells.js';

const FORMATS = ['MM/DD/YYYY', 'DD/MM/YYYY', 'DD.MM.YYYY'] as const;
/** Ten characters, mostly digits and the two separators: dates, near-dates and non-dates. */
const tenChars = fc
  .array(fc.constantFrom('0', '1', '2', '3', '9', '/', '.', '-', 'a', ' '), { minLength: 10, maxLength: 10 })
  .map((c) => c.join(''));
/** Well-formed cells, valid or not as calendar dates. */
const shaped = fc
  .tuple(fc.integer({ min: 0, max: 39 }), fc.integer({ min: 0, max: 19 }), fc.integer({ min: 0, max: 9999 }))
  .chain(([a, b, y]) =>
    fc
      .constantFrom('/', '.')
      .map((s) => `${String(a).padStart(2, '0')}${s}${String(b).padStart(2, '0')}${s}${String(y).padStart(4, '0')}`),
  );

describe('plain local dates by char codes', () => {
  it('worked cells: day first, month first, 29 February', () => {
    expect(readDateCell('31.01.2026', 'DD.MM.YYYY')).toBe('2026-01-31');
    expect(readDateCell('01/31/2026', 'MM/DD/YYYY')).toBe('2026-01-31');
    expect(readDateCell('31/01/2026', 'DD/MM/YYYY')).toBe('2026-01-31');
    expect(readDateCell('02/29/2024', 'MM/DD/YYYY')).toBe('2024-02-29'); // 2024 is a leap year
    expect(plainLocalDate('29/02/2025', 'DD/MM/YYYY')).toBeUndefined(); // 2025 is not
    expect(readDateCell('29/02/2025', 'DD/MM/YYYY')).toEqual({
      problem: 'INVALID_DATE',
      expected: expect.stringContaining('DD/MM/YYYY'),
    });
    expect(plainLocalDate('31.01.2026', 'DD/MM/YYYY')).toBeUndefined(); // the other separator
    expect(plainLocalDate('31.01.2026', 'DD.MM.YYYY')).toBe('2026-01-31');
    expect(plainLocalDate('12/31/2026', 'MM/DD/YYYY')).toBe('2026-12-31');
    expect(plainLocalDate('1/31/2026', 'MM/DD/YYYY')).toBeUndefined(); // one-digit month: the expression's
  });

  it.each(FORMATS)('%s: the same date or problem as the regular expression', (format) => {
    fc.assert(
      fc.property(fc.oneof(tenChars, shaped), (cell) => {
        expect(readDateCell(cell, format)).toEqual(readDateCell(` ${cell}`, format));
        expect(readDateTimeCell(cell, format)).toEqual(readDateTimeCell(` ${cell}`, format));
      }),
      { seed: 41, numRuns: 3000 },
    );
  });
});
