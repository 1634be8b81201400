/** Periods: months cover a period, quarters partition a fiscal year (any start month, both namings). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  daysInPeriod,
  fiscalYear,
  monthsOf,
  overlap,
  period,
  periodContains,
  prorationFraction,
  quarter,
  quarterOf,
} from '../../src/core/index.js';
import { isoDateArb } from './arbitraries.js';

const periodArb = fc
  .tuple(isoDateArb, fc.integer({ min: 0, max: 2000 }))
  .map(([start, len]) => period(start, addDays(start, len)));
const fiscalArb = fc.record({
  fiscalYearStartMonth: fc.integer({ min: 1, max: 12 }),
  fiscalYearNaming: fc.constantFrom('end' as const, 'start' as const),
});

describe('monthsOf()', () => {
  it('covers the period with contiguous whole months; the days inside add up to daysInPeriod', () => {
    fc.assert(
      fc.property(periodArb, (p) => {
        const months = monthsOf(p);
        expect(periodContains(months[0]!, p.start)).toBe(true);
        expect(periodContains(months[months.length - 1]!, p.end)).toBe(true);
        for (let i = 1; i < months.length; i++) expect(months[i]!.start).toBe(addDays(months[i - 1]!.end, 1));
        const inside = months.reduce((s, m) => s + daysInPeriod(overlap(m, p)!), 0);
        expect(inside).toBe(daysInPeriod(p));
      }),
      { numRuns: 200 },
    );
  });
});

describe('quarter() and fiscalYear()', () => {
  it('quarter(y, 1..4) partitions fiscalYear(y) for any start month and naming', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 9000 }), fiscalArb, (y, options) => {
        const fy = fiscalYear(y, options);
        const qs = [1, 2, 3, 4].map((q) => quarter(y, q, options));
        expect(qs[0]!.start).toBe(fy.start);
        expect(qs[3]!.end).toBe(fy.end);
        for (let i = 1; i < 4; i++) expect(qs[i]!.start).toBe(addDays(qs[i - 1]!.end, 1));
        expect(qs.reduce((s, q) => s + daysInPeriod(q), 0)).toBe(daysInPeriod(fy));
        expect([365, 366]).toContain(daysInPeriod(fy));
        // consecutive fiscal years are contiguous
        expect(fiscalYear(y + 1, options).start).toBe(addDays(fy.end, 1));
        // each quarter is three whole months
        for (const q of qs) expect(monthsOf(q)).toHaveLength(3);
      }),
      { numRuns: 300 },
    );
  });

  it('quarterOf(d) is the quarter that contains d', () => {
    fc.assert(
      fc.property(isoDateArb, fiscalArb, (d, options) => {
        const q = quarterOf(d, options);
        expect(periodContains(q, d)).toBe(true);
        expect(quarter(q.fiscalYear, q.quarter, options)).toEqual({ start: q.start, end: q.end });
        expect(periodContains(fiscalYear(q.fiscalYear, options), d)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('prorationFraction()', () => {
  it('counts the shared days: 0 ≤ numerator ≤ denominator = daysInPeriod(whole)', () => {
    fc.assert(
      fc.property(periodArb, periodArb, (part, whole) => {
        const f = prorationFraction(part, whole);
        const shared = overlap(part, whole);
        expect(f.denominator).toBe(daysInPeriod(whole));
        expect(f.numerator).toBe(shared === null ? 0 : daysInPeriod(shared));
        expect(f.numerator).toBeLessThanOrEqual(f.denominator);
        expect(f.value).toBe(f.numerator / f.denominator);
        expect(prorationFraction(whole, whole).value).toBe(1);
        expect(daysInPeriod(whole)).toBe(daysBetween(whole.start, whole.end) + 1);
      }),
    );
  });
});
