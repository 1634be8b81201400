/** daysInMonth (src/core/dates.ts), the library's one month length. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysInMonth } from '../../src/core/index.js';
import { thrown } from './helpers.js';

describe('daysInMonth()', () => {
  it('knows the Gregorian leap rule', () => {
    // Gregorian calendar: every 4th year, except centuries, except every 400th year
    expect([daysInMonth(2024, 2), daysInMonth(2025, 2), daysInMonth(1900, 2), daysInMonth(2000, 2)]).toEqual([
      29, 28, 28, 29,
    ]);
    expect([1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2026, m))).toEqual([
      31, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]);
  });

  it('agrees with the day before the 1st of the next month in UTC, for years 0001–9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        const d = new Date(0);
        d.setUTCFullYear(y, m, 0); // day 0 of month m (0-based next month) is the last day of month m
        expect(daysInMonth(y, m)).toBe(d.getUTCDate());
      }),
      { numRuns: 2000 },
    );
  });
});

describe('daysInMonth() refusals (found by the fuzz suite)', () => {
  it('a month given as the string "2", a fraction or 13, a year 0 or 10000: INVALID_DATE', () => {
    // exact input of the fuzz finding: daysInMonth(2024, '2') answered 31 (February read as a 31-day month)
    expect(thrown(() => daysInMonth(2024, '2' as never), 'INVALID_DATE').field).toBe('month');
    expect(thrown(() => daysInMonth(2024, 2.5), 'INVALID_DATE').field).toBe('month');
    expect(thrown(() => daysInMonth(2024, 13), 'INVALID_DATE').field).toBe('month');
    expect(thrown(() => daysInMonth(0, 1), 'INVALID_DATE').field).toBe('year');
    expect(thrown(() => daysInMonth(10_000, 1), 'INVALID_DATE').field).toBe('year');
    expect(thrown(() => daysInMonth('2024' as never, 2), 'INVALID_DATE').field).toBe('year');
  });
});
