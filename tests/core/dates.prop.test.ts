/**
 * Date arithmetic against an independent oracle: UTC epoch days (Date.UTC / Date.parse with
 * an explicit Z), which no local time zone can move.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, compareDates, daysBetween, isIsoDate } from '../../src/core/index.js';
import { fromUtcDays, isoDateArb, utcDays } from './arbitraries.js';

const offsetArb = fc.oneof(fc.integer({ min: -400, max: 400 }), fc.integer({ min: -300_000, max: 300_000 }));

describe('addDays() and daysBetween()', () => {
  it('addDays(d, n) then daysBetween gives n, and matches UTC epoch days', () => {
    fc.assert(
      fc.property(isoDateArb, offsetArb, (d, n) => {
        const e = addDays(d, n);
        expect(isIsoDate(e)).toBe(true);
        expect(e).toBe(fromUtcDays(utcDays(d) + n));
        expect(daysBetween(d, e)).toBe(n);
        expect(compareDates(e, d)).toBe(Math.sign(n) + 0);
      }),
      { numRuns: 500 },
    );
  });

  it('addDays round trip: addDays(addDays(d, n), −n) = d, and steps compose', () => {
    fc.assert(
      fc.property(isoDateArb, offsetArb, offsetArb, (d, n, m) => {
        expect(addDays(addDays(d, n), -n)).toBe(d);
        // two steps may leave the years 0001–9999 (1000-01-01 − 600,000 days): then both refuse
        const target = utcDays(d) + n + m;
        if (target >= utcDays('0001-01-01') && target <= utcDays('9999-12-31')) {
          expect(addDays(addDays(d, n), m)).toBe(addDays(d, n + m));
        } else {
          expect(() => addDays(addDays(d, n), m)).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
          expect(() => addDays(d, n + m)).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
        }
      }),
    );
  });

  it('daysBetween matches the UTC oracle and is antisymmetric', () => {
    fc.assert(
      fc.property(isoDateArb, isoDateArb, (a, b) => {
        expect(daysBetween(a, b)).toBe(utcDays(b) - utcDays(a));
        expect(daysBetween(b, a)).toBe(-daysBetween(a, b) + 0);
      }),
    );
  });
});

describe('addMonths()', () => {
  it('lands in the target month, on the same day or the last day of a shorter month', () => {
    fc.assert(
      fc.property(isoDateArb, fc.integer({ min: -1200, max: 1200 }), (d, k) => {
        const e = addMonths(d, k);
        const months = (s: string): number => Number(s.slice(0, 4)) * 12 + Number(s.slice(5, 7)) - 1;
        expect(months(e) - months(d)).toBe(k);
        const day = Number(d.slice(8, 10));
        const got = Number(e.slice(8, 10));
        if (got !== day) {
          expect(got).toBeLessThan(day);
          expect(isIsoDate(addDays(e, 1)) && addDays(e, 1).slice(8, 10)).toBe('01');
        }
      }),
    );
  });
});
