/**
 * Calendar dates (YYYY-MM-DD, no time zone) and instants (with an offset).
 * Day counts were checked with Python's datetime (proleptic Gregorian): e.g.
 * `date(9999,12,31).toordinal() - date(1,1,1).toordinal()` = 3652058.
 */
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  assertIsoDate,
  compareDates,
  daysBetween,
  instantToDate,
  instantToEpochMs,
  isInstant,
  isIsoDate,
  month,
  monthsOf,
  period,
} from '../../src/core/index.js';
import { inTimeZone, thrown } from './helpers.js';

describe('isIsoDate() and assertIsoDate()', () => {
  it('accepts only real Gregorian dates written YYYY-MM-DD, years 0001–9999', () => {
    // Gregorian leap rule: divisible by 4, except centuries not divisible by 400
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('2025-04-31')).toBe(false);
    expect(isIsoDate('2025-04-30')).toBe(true);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('2025-00-10')).toBe(false);
    expect(isIsoDate('2025-01-00')).toBe(false);
    expect(isIsoDate('0000-01-01')).toBe(false);
    expect(isIsoDate('0001-01-01')).toBe(true);
    expect(isIsoDate('9999-12-31')).toBe(true);
    for (const bad of [
      '2025-2-1',
      '2025-02-01T00:00:00Z',
      ' 2025-02-01',
      '20250201',
      '+02025-02-01',
      20250201,
      null,
      undefined,
      new Date(0),
    ]) {
      expect(isIsoDate(bad)).toBe(false);
    }
  });

  it('assertIsoDate returns the date or throws INVALID_DATE naming field and value', () => {
    expect(assertIsoDate('2026-01-31', 'closeDate')).toBe('2026-01-31');
    const e = thrown(() => assertIsoDate('2025-02-29', 'closeDate'), 'INVALID_DATE');
    expect(e.field).toBe('closeDate');
    expect(e.message).toBe('closeDate must be a calendar date YYYY-MM-DD, got "2025-02-29"');
    expect(thrown(() => assertIsoDate(1), 'INVALID_DATE').field).toBe('date');
  });
});

describe('addDays()', () => {
  it('steps over month ends, leap days and year ends', () => {
    // computed by hand from the calendar
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01'); // 2024 is leap: Feb 29 exists
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2023-01-01', 365)).toBe('2024-01-01');
    expect(addDays('2024-01-01', 366)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2026-05-17', 0)).toBe('2026-05-17');
    // years below 100 are not remapped to 19xx
    expect(addDays('0099-12-31', 1)).toBe('0100-01-01');
    expect(addDays('0001-01-02', -1)).toBe('0001-01-01');
    // Python: date(1970,1,1) + timedelta(10957) == date(2000,1,1)
    expect(addDays('1970-01-01', 10957)).toBe('2000-01-01');
  });

  it('validates its arguments', () => {
    thrown(() => addDays('2025-02-30', 1), 'INVALID_DATE');
    const e = thrown(() => addDays('2025-02-01', 1.5), 'INVALID_INPUT');
    expect(e.field).toBe('days');
    thrown(() => addDays('2025-02-01', NaN), 'INVALID_INPUT');
  });
});

describe('addMonths()', () => {
  it('clamps to the end of the month', () => {
    // computed by hand from the calendar
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonths('2025-03-31', 1)).toBe('2025-04-30');
    expect(addMonths('2025-11-15', 2)).toBe('2026-01-15');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2024-02-29', 48)).toBe('2028-02-29');
  });

  it('validates its arguments', () => {
    thrown(() => addMonths('2025-1-1', 1), 'INVALID_DATE');
    expect(thrown(() => addMonths('2025-01-01', 0.5), 'INVALID_INPUT').field).toBe('months');
  });
});

describe('daysBetween() and compareDates()', () => {
  it('counts whole calendar days (to − from)', () => {
    // computed by hand: February 2024 has 29 days, February 2025 28
    expect(daysBetween('2024-02-01', '2024-03-01')).toBe(29);
    expect(daysBetween('2025-02-01', '2025-03-01')).toBe(28);
    expect(daysBetween('2025-03-01', '2025-02-01')).toBe(-28);
    expect(daysBetween('2025-03-01', '2025-03-01')).toBe(0);
    // Python: (date(2000,1,1) - date(1970,1,1)).days == 10957
    expect(daysBetween('1970-01-01', '2000-01-01')).toBe(10957);
    // Python: date(9999,12,31).toordinal() - 1 == 3652058
    expect(daysBetween('0001-01-01', '9999-12-31')).toBe(3652058);
    // a DST change in Europe and the US (March 2026) does not make a day short
    expect(daysBetween('2026-03-01', '2026-04-01')).toBe(31);
    expect(daysBetween('2026-10-25', '2026-11-02')).toBe(8);
    thrown(() => daysBetween('2025-02-30', '2025-03-01'), 'INVALID_DATE');
    expect(thrown(() => daysBetween('2025-03-01', 'x'), 'INVALID_DATE').field).toBe('to');
  });

  it('compareDates sorts', () => {
    expect(['2026-03-01', '2025-12-31', '2026-01-15'].sort(compareDates)).toEqual([
      '2025-12-31',
      '2026-01-15',
      '2026-03-01',
    ]);
    expect(compareDates('2026-01-01', '2026-01-01')).toBe(0);
    thrown(() => compareDates('2026-01-01', '2026-1-1'), 'INVALID_DATE');
  });
});

describe('instants', () => {
  it('isInstant requires an explicit offset and a real date and time', () => {
    expect(isInstant('2026-03-31T17:05:00Z')).toBe(true);
    expect(isInstant('2026-03-31T17:05Z')).toBe(true);
    expect(isInstant('2026-03-31T17:05:00.123456789+09:00')).toBe(true);
    expect(isInstant('2026-03-31T17:05:00-14:00')).toBe(true);
    // the last minute and second of a day, and the largest offset minutes
    expect(isInstant('2026-03-31T23:59:59Z')).toBe(true);
    expect(isInstant('2026-03-31T23:59:59.999+05:59')).toBe(true);
    expect(isInstant('2026-03-31T17:05:00')).toBe(false);
    expect(isInstant('2026-03-31')).toBe(false);
    expect(isInstant('2026-02-30T00:00:00Z')).toBe(false);
    expect(isInstant('2026-03-31T24:00:00Z')).toBe(false);
    expect(isInstant('2026-03-31T23:60:00Z')).toBe(false);
    expect(isInstant('2026-03-31T23:59:60Z')).toBe(false);
    expect(isInstant('2026-03-31T23:59:00+15:00')).toBe(false);
    expect(isInstant('2026-03-31T23:59:00+01:60')).toBe(false);
    expect(isInstant(0)).toBe(false);
  });

  it('instantToEpochMs reads the offset', () => {
    // computed by hand: 1970-01-02T09:00+09:00 is 1970-01-02T00:00Z, one day after the epoch
    expect(instantToEpochMs('1970-01-02T09:00:00+09:00')).toBe(86400000);
    // Python: int(datetime(2026,3,31,17,5,tzinfo=timezone.utc).timestamp()*1000) == 1774976700000
    expect(instantToEpochMs('2026-03-31T17:05:00Z')).toBe(1774976700000);
    expect(instantToEpochMs('2026-03-31T18:05:00+01:00')).toBe(1774976700000);
    const e = thrown(() => instantToEpochMs('2026-03-31T17:05:00', 'createdAt'), 'INVALID_DATE');
    expect(e.field).toBe('createdAt');
  });

  it('instantToDate uses the explicit zone, never the machine one', () => {
    // Tokyo is UTC+9, Denver UTC−6 in summer time (from 2026-03-08)
    expect(instantToDate('2026-03-31T23:30:00Z', 'Asia/Tokyo')).toBe('2026-04-01');
    expect(instantToDate('2026-03-31T23:30:00Z', 'America/Denver')).toBe('2026-03-31');
    // Kiritimati is UTC+14
    expect(instantToDate('2026-03-31T10:00:00Z', 'Pacific/Kiritimati')).toBe('2026-04-01');
    expect(inTimeZone('Pacific/Kiritimati', () => instantToDate('2026-03-31T09:00:00Z', 'UTC'))).toBe('2026-03-31');
    expect(thrown(() => instantToDate('2026-03-31T23:30:00Z', 'Not/AZone'), 'INVALID_OPTION').field).toBe('timeZone');
    thrown(() => instantToDate('2026-03-31', 'UTC'), 'INVALID_DATE');
  });
});

describe('instantToDate() at the edge of the calendar', () => {
  // Regression: an instant whose local date fell before 0001-01-01 (year 0, 1 BC) came back as
  // '0001-12-31' (Intl writes year 0 as "1" with era BC). computed by hand: 0001-01-01T00:00+14:00
  // is 0000-12-31T10:00Z, a day before the supported range.
  it('a local date before 0001-01-01 is INVALID_DATE, not 0001-12-31', () => {
    thrown(() => instantToDate('0001-01-01T00:00:00+14:00', 'UTC'), 'INVALID_DATE');
  });

  it('the first and last supported days come back unchanged', () => {
    expect(instantToDate('0001-01-01T12:00:00Z', 'UTC')).toBe('0001-01-01');
    expect(instantToDate('9999-12-31T12:00:00Z', 'UTC')).toBe('9999-12-31');
    expect(instantToDate('0099-06-01T10:00:00Z', 'UTC')).toBe('0099-06-01');
  });
});

/**
 * The same calendar facts must hold whatever the machine's time zone. Node applies a change of
 * `process.env.TZ` at once, so each zone is set inside the test. Pacific/Kiritimati skipped
 * 1994-12-31 (UTC−10 → UTC+14) and Pacific/Apia skipped 2011-12-30 (UTC−10 → UTC+14): local
 * midnight-to-midnight days that never existed on the local clock.
 */
describe('time-zone independence', () => {
  const facts = (): unknown[] => [
    addDays('1994-12-30', 1),
    addDays('1994-12-31', 0),
    addDays('1994-12-31', 1),
    daysBetween('1994-12-30', '1995-01-01'),
    month(1994, 12).end,
    addDays('2011-12-29', 1),
    addDays('2011-12-30', 1),
    daysBetween('2011-12-29', '2011-12-31'),
    month(2011, 12).end,
    addDays('2026-03-07', 1), // US DST starts 2026-03-08
    addDays('2026-03-08', 1),
    addDays('2026-10-24', 1), // EU DST ends 2026-10-25
    daysBetween('2026-03-01', '2026-11-30'),
    addMonths('2026-03-31', -1),
    monthsOf(period('2026-02-15', '2026-04-01')).map((p) => p.end),
  ];
  // computed by hand from the Gregorian calendar (no time zone involved)
  const expected = [
    '1994-12-31',
    '1994-12-31',
    '1995-01-01',
    2,
    '1994-12-31',
    '2011-12-30',
    '2011-12-31',
    2,
    '2011-12-31',
    '2026-03-08',
    '2026-03-09',
    '2026-10-25',
    274, // 30 (Mar 1→31) + 30+31+30+31+31+30+31+30 = 274
    '2026-02-28',
    ['2026-02-28', '2026-03-31', '2026-04-30'],
  ];

  for (const tz of [
    'UTC',
    'America/Adak',
    'America/New_York',
    'Europe/London',
    'Asia/Kathmandu',
    'Australia/Lord_Howe',
    'America/Santiago',
    'America/St_Johns',
  ]) {
    it(`holds in TZ=${tz}`, () => {
      expect(inTimeZone(tz, facts)).toEqual(expected);
    });
  }

  // Regression: calendar arithmetic once went through a *local* noon Date, which on a day the
  // zone skipped landed on the next day (addDays('1994-12-31', 0) was '1995-01-01' under
  // TZ=Pacific/Kiritimati). Dates now go through UTC fields (src/core/utc-date.ts).
  for (const tz of ['Pacific/Kiritimati', 'Pacific/Apia']) {
    it(`holds in TZ=${tz} (a zone that skipped a whole day)`, () => {
      expect(inTimeZone(tz, facts)).toEqual(expected);
    });
  }
});
