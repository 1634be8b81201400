/** Periods: inclusive ranges, months, quarters, fiscal years (any start month, both namings), proration. */
import { describe, expect, it } from 'vitest';
import {
  daysInPeriod,
  fiscalYear,
  month,
  monthOf,
  monthsOf,
  overlap,
  period,
  periodContains,
  prorationFraction,
  quarter,
  quarterOf,
  addDays,
  type FiscalYearOptions,
} from '../../src/core/index.js';
import { thrown } from './helpers.js';

describe('period()', () => {
  it('is inclusive and checks its ends', () => {
    expect(period('2026-01-01', '2026-03-31')).toEqual({ start: '2026-01-01', end: '2026-03-31' });
    expect(period('2026-01-01', '2026-01-01')).toEqual({ start: '2026-01-01', end: '2026-01-01' });
    const e = thrown(() => period('2026-02-01', '2026-01-31'), 'INVALID_PERIOD');
    expect(e.field).toBe('end');
    expect(e.message).toContain('"2026-01-31"');
    expect(thrown(() => period('2026-02-30', '2026-03-01'), 'INVALID_DATE').field).toBe('start');
  });
});

describe('month()', () => {
  it('knows month lengths and leap years', () => {
    // Gregorian calendar: Feb has 29 days in 2024 and 2000, 28 in 2025 and 1900
    expect(month(2024, 2)).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(month(2025, 2)).toEqual({ start: '2025-02-01', end: '2025-02-28' });
    expect(month(2000, 2).end).toBe('2000-02-29');
    expect(month(1900, 2).end).toBe('1900-02-28');
    expect(month(2026, 4).end).toBe('2026-04-30');
    expect(month(2026, 12)).toEqual({ start: '2026-12-01', end: '2026-12-31' });
    expect(month(1, 1)).toEqual({ start: '0001-01-01', end: '0001-01-31' });
    expect(month(9999, 12).end).toBe('9999-12-31');
  });

  it('rejects bad months and years with INVALID_PERIOD', () => {
    for (const m of [0, 13, 1.5, NaN]) expect(thrown(() => month(2026, m), 'INVALID_PERIOD').field).toBe('month');
    for (const y of [0, 10000, 2026.5]) expect(thrown(() => month(y, 1), 'INVALID_PERIOD').field).toBe('year');
  });
});

describe('fiscalYear()', () => {
  it('is the calendar year by default', () => {
    expect(fiscalYear(2026)).toEqual({ start: '2026-01-01', end: '2026-12-31' });
    // naming does not matter for a January start
    expect(fiscalYear(2026, { fiscalYearNaming: 'start' })).toEqual({ start: '2026-01-01', end: '2026-12-31' });
  });

  it('names a straddling year by its end (default) or its start', () => {
    // Microsoft's FY2026 runs 2025-07-01 to 2026-06-30 (named by its end)
    expect(fiscalYear(2026, { fiscalYearStartMonth: 7 })).toEqual({ start: '2025-07-01', end: '2026-06-30' });
    expect(fiscalYear(2025, { fiscalYearStartMonth: 7, fiscalYearNaming: 'start' })).toEqual({
      start: '2025-07-01',
      end: '2026-06-30',
    });
    // US federal FY2026 runs 2025-10-01 to 2026-09-30
    expect(fiscalYear(2026, { fiscalYearStartMonth: 10 })).toEqual({ start: '2025-10-01', end: '2026-09-30' });
    // a February start (many retailers): FY2026 named by its end runs 2025-02-01 to 2026-01-31
    expect(fiscalYear(2026, { fiscalYearStartMonth: 2 })).toEqual({ start: '2025-02-01', end: '2026-01-31' });
    expect(fiscalYear(2026, { fiscalYearStartMonth: 12, fiscalYearNaming: 'start' })).toEqual({
      start: '2026-12-01',
      end: '2027-11-30',
    });
  });

  it('has 366 days when it contains a 29 February', () => {
    // computed by hand: 2023-03-01..2024-02-29 contains 2024-02-29
    expect(daysInPeriod(fiscalYear(2024, { fiscalYearStartMonth: 3 }))).toBe(366);
    expect(fiscalYear(2024, { fiscalYearStartMonth: 3 }).end).toBe('2024-02-29');
    // computed by hand: 2024-03-01..2025-02-28 does not
    expect(daysInPeriod(fiscalYear(2024, { fiscalYearStartMonth: 3, fiscalYearNaming: 'start' }))).toBe(365);
    expect(daysInPeriod(fiscalYear(2024))).toBe(366);
    expect(daysInPeriod(fiscalYear(2100))).toBe(365); // 2100 is not a leap year
  });

  it('validates its options', () => {
    for (const m of [0, 13, 2.5]) {
      expect(thrown(() => fiscalYear(2026, { fiscalYearStartMonth: m }), 'INVALID_OPTION').field).toBe(
        'fiscalYearStartMonth',
      );
    }
    expect(thrown(() => fiscalYear(2026, { fiscalYearNaming: 'middle' as never }), 'INVALID_OPTION').field).toBe(
      'fiscalYearNaming',
    );
    thrown(() => fiscalYear(0), 'INVALID_PERIOD');
    // FY0001 named by its end would start in year 0
    thrown(() => fiscalYear(1, { fiscalYearStartMonth: 7 }), 'INVALID_PERIOD');
  });

  // Regression: FY9999 named by its start would end in year 10000; it once threw INVALID_DATE.
  it('fiscalYear(9999) that would end in year 10000 throws INVALID_PERIOD', () => {
    thrown(() => fiscalYear(9999, { fiscalYearStartMonth: 7, fiscalYearNaming: 'start' }), 'INVALID_PERIOD');
  });
});

describe('quarter()', () => {
  it('splits a calendar year into Jan–Mar, Apr–Jun, Jul–Sep, Oct–Dec', () => {
    expect([1, 2, 3, 4].map((q) => quarter(2026, q))).toEqual([
      { start: '2026-01-01', end: '2026-03-31' },
      { start: '2026-04-01', end: '2026-06-30' },
      { start: '2026-07-01', end: '2026-09-30' },
      { start: '2026-10-01', end: '2026-12-31' },
    ]);
    // 31 + 29 + 31 = 91 days in Q1 2024; 31 + 28 + 31 = 90 in Q1 2025
    expect(daysInPeriod(quarter(2024, 1))).toBe(91);
    expect(daysInPeriod(quarter(2025, 1))).toBe(90);
  });

  it('follows the fiscal calendar', () => {
    // computed by hand: FY2026 from February 2025 → Q1 Feb–Apr 2025
    expect(quarter(2026, 1, { fiscalYearStartMonth: 2 })).toEqual({ start: '2025-02-01', end: '2025-04-30' });
    // computed by hand: FY2026 from November 2025 → Q1 Nov 2025–Jan 2026, Q4 Aug–Oct 2026
    expect(quarter(2026, 1, { fiscalYearStartMonth: 11 })).toEqual({ start: '2025-11-01', end: '2026-01-31' });
    expect(quarter(2026, 4, { fiscalYearStartMonth: 11 })).toEqual({ start: '2026-08-01', end: '2026-10-31' });
    // computed by hand: FY2024 from December 2023 → Q1 Dec 2023–Feb 2024 (leap)
    expect(quarter(2024, 1, { fiscalYearStartMonth: 12 })).toEqual({ start: '2023-12-01', end: '2024-02-29' });
    expect(quarter(2025, 2, { fiscalYearStartMonth: 7, fiscalYearNaming: 'start' })).toEqual({
      start: '2025-10-01',
      end: '2025-12-31',
    });
  });

  it('rejects quarters outside 1–4', () => {
    for (const q of [0, 5, 1.5]) expect(thrown(() => quarter(2026, q), 'INVALID_PERIOD').field).toBe('quarter');
  });
});

describe('monthOf() and quarterOf()', () => {
  it('find the month and fiscal quarter of a date', () => {
    expect(monthOf('2026-11-23')).toEqual({ start: '2026-11-01', end: '2026-11-30' });
    expect(monthOf('2024-02-10').end).toBe('2024-02-29');
    // computed by hand: July start, named by end → December 2025 is in FY2026 Q2 (Oct–Dec)
    expect(quarterOf('2025-12-15', { fiscalYearStartMonth: 7 })).toEqual({
      fiscalYear: 2026,
      quarter: 2,
      start: '2025-10-01',
      end: '2025-12-31',
    });
    expect(quarterOf('2025-12-15', { fiscalYearStartMonth: 7, fiscalYearNaming: 'start' })).toEqual({
      fiscalYear: 2025,
      quarter: 2,
      start: '2025-10-01',
      end: '2025-12-31',
    });
    expect(quarterOf('2026-01-31')).toEqual({ fiscalYear: 2026, quarter: 1, start: '2026-01-01', end: '2026-03-31' });
    // computed by hand: February start → January 2026 is the last month of FY2026 (named by end)
    expect(quarterOf('2026-01-31', { fiscalYearStartMonth: 2 })).toEqual({
      fiscalYear: 2026,
      quarter: 4,
      start: '2025-11-01',
      end: '2026-01-31',
    });
    thrown(() => monthOf('2026-02-30'), 'INVALID_DATE');
    thrown(() => quarterOf('x'), 'INVALID_DATE');
    thrown(() => quarterOf('2026-01-01', { fiscalYearStartMonth: 0 }), 'INVALID_OPTION');
  });

  it('quarterOf is consistent with quarter for every start month, both namings, every day of 2023–2025', () => {
    for (let startMonth = 1; startMonth <= 12; startMonth++) {
      for (const naming of ['end', 'start'] as const) {
        const options: FiscalYearOptions = { fiscalYearStartMonth: startMonth, fiscalYearNaming: naming };
        for (let d = '2023-01-01'; d <= '2025-12-31'; d = addDays(d, 1)) {
          const q = quarterOf(d, options);
          expect(quarter(q.fiscalYear, q.quarter, options)).toEqual({ start: q.start, end: q.end });
          expect(periodContains(q, d)).toBe(true);
          expect(periodContains(fiscalYear(q.fiscalYear, options), d)).toBe(true);
        }
      }
    }
  });
});

describe('daysInPeriod(), periodContains(), overlap()', () => {
  it('count both ends and test membership', () => {
    expect(daysInPeriod(period('2026-01-01', '2026-01-01'))).toBe(1);
    expect(daysInPeriod(month(2024, 2))).toBe(29);
    expect(daysInPeriod(fiscalYear(2025))).toBe(365);
    expect([
      periodContains(month(2026, 3), '2026-03-31'),
      periodContains(month(2026, 3), '2026-04-01'),
      periodContains(month(2026, 3), '2026-03-01'),
    ]).toEqual([true, false, true]);
    thrown(() => periodContains(month(2026, 3), '2026-3-1'), 'INVALID_DATE');
    thrown(() => daysInPeriod({ start: '2026-02-01', end: '2026-01-01' }), 'INVALID_PERIOD');
  });

  it('overlap is the shared days or null', () => {
    expect(overlap(period('2026-01-15', '2026-02-10'), period('2026-02-01', '2026-02-28'))).toEqual({
      start: '2026-02-01',
      end: '2026-02-10',
    });
    // touching on one day
    expect(overlap(period('2026-01-01', '2026-01-31'), period('2026-01-31', '2026-02-28'))).toEqual({
      start: '2026-01-31',
      end: '2026-01-31',
    });
    expect(overlap(period('2026-01-01', '2026-01-30'), period('2026-01-31', '2026-02-28'))).toBeNull();
    expect(overlap(month(2026, 1), quarter(2026, 1))).toEqual(month(2026, 1));
  });
});

describe('prorationFraction()', () => {
  it('a mid-month hire covers 27 of 28 days of February 2026', () => {
    // computed by hand: 2026-02-02..2026-02-28 is 27 days; February 2026 has 28
    expect(prorationFraction(period('2026-02-02', '2026-12-31'), month(2026, 2))).toEqual({
      numerator: 27,
      denominator: 28,
      value: 27 / 28,
    });
    // computed by hand: a leap February: 2024-02-03..2024-02-29 is 27 of 29 days
    expect(prorationFraction(period('2024-02-03', '2024-06-30'), month(2024, 2))).toEqual({
      numerator: 27,
      denominator: 29,
      value: 27 / 29,
    });
  });

  it('is 0 without overlap and 1 for full coverage', () => {
    expect(prorationFraction(period('2026-03-01', '2026-03-31'), month(2026, 2))).toEqual({
      numerator: 0,
      denominator: 28,
      value: 0,
    });
    expect(prorationFraction(period('2025-01-01', '2027-01-01'), quarter(2026, 3))).toEqual({
      numerator: 92,
      denominator: 92,
      value: 1,
    });
    // a leaver: 2026-01-01..2026-03-15 covers 31 + 28 + 15 = 74 of Q1's 90 days
    expect(prorationFraction(period('2025-06-01', '2026-03-15'), quarter(2026, 1))).toEqual({
      numerator: 74,
      denominator: 90,
      value: 74 / 90,
    });
  });
});

describe('monthsOf()', () => {
  it('lists the full months a period touches', () => {
    expect(monthsOf(period('2026-01-15', '2026-03-02')).map((p) => p.start)).toEqual([
      '2026-01-01',
      '2026-02-01',
      '2026-03-01',
    ]);
    expect(monthsOf(period('2026-01-15', '2026-01-15'))).toEqual([month(2026, 1)]);
    expect(monthsOf(period('2025-12-31', '2026-01-01'))).toEqual([month(2025, 12), month(2026, 1)]);
    expect(monthsOf(fiscalYear(2026, { fiscalYearStartMonth: 7 }))).toHaveLength(12);
    thrown(() => monthsOf({ start: '2026-02-01', end: '2026-01-01' }), 'INVALID_PERIOD');
  });
});

describe('fiscal options that are not an object (found by the long fuzz run)', () => {
  it('quarter(2026, 1, null) refuses with INVALID_OPTION; fiscalYear and quarterOf too', () => {
    // exact input of the fuzz finding: a TypeError reading fiscalYearStartMonth before
    expect(thrown(() => quarter(2026, 1, null as never), 'INVALID_OPTION').field).toBe('options');
    expect(thrown(() => fiscalYear(2026, null as never), 'INVALID_OPTION').field).toBe('options');
    expect(thrown(() => quarterOf('2026-05-01', 'x' as never), 'INVALID_OPTION').field).toBe('options');
    // undefined still means a calendar fiscal year: Q1 2026 is January to March
    expect(quarter(2026, 1, undefined)).toEqual({ start: '2026-01-01', end: '2026-03-31' });
  });
});

describe('the last year of the calendar (found by StrykerJS, 2026-12-03: the mutant `startMonth > 1` → `true`)', () => {
  // The end of a year, quarter or month was "the next start minus a day", and the day after 9999-12-31 is no date:
  // fiscalYear(9999) and quarter(9999, 4) threw INVALID_DATE naming `months`, and monthsOf stopped at December 9999.
  it('fiscalYear(9999) is the calendar year 9999; quarter(9999, 4) its last quarter', () => {
    expect(fiscalYear(9999)).toEqual({ start: '9999-01-01', end: '9999-12-31' });
    expect(quarter(9999, 4)).toEqual({ start: '9999-10-01', end: '9999-12-31' });
    expect(quarterOf('9999-12-15')).toEqual({ fiscalYear: 9999, quarter: 4, start: '9999-10-01', end: '9999-12-31' });
    // a fiscal year from July ending in June 9999 is the last one that ends by 9999
    expect(fiscalYear(9999, { fiscalYearStartMonth: 7 })).toEqual({ start: '9998-07-01', end: '9999-06-30' });
    expect(
      thrown(() => fiscalYear(9999, { fiscalYearStartMonth: 7, fiscalYearNaming: 'start' }), 'INVALID_PERIOD').value,
    ).toBe(10_000);
  });

  it('monthsOf a period that ends on 9999-12-31 lists its months up to December', () => {
    expect(monthsOf({ start: '9999-11-15', end: '9999-12-31' })).toEqual([
      { start: '9999-11-01', end: '9999-11-30' },
      { start: '9999-12-01', end: '9999-12-31' },
    ]);
    // across a year end, and within one month
    expect(monthsOf({ start: '2025-12-31', end: '2026-01-01' }).map((m) => m.start)).toEqual([
      '2025-12-01',
      '2026-01-01',
    ]);
    expect(monthsOf({ start: '2026-02-10', end: '2026-02-11' })).toEqual([{ start: '2026-02-01', end: '2026-02-28' }]);
  });

  it('ends of fiscal years and quarters in leap and common years', () => {
    // March-start fiscal years end on the last day of February: 2024 is a leap year, 2025 is not
    expect(fiscalYear(2024, { fiscalYearStartMonth: 3 })).toEqual({ start: '2023-03-01', end: '2024-02-29' });
    expect(fiscalYear(2025, { fiscalYearStartMonth: 3 })).toEqual({ start: '2024-03-01', end: '2025-02-28' });
    expect(quarter(2024, 4, { fiscalYearStartMonth: 3 })).toEqual({ start: '2023-12-01', end: '2024-02-29' });
  });
});
