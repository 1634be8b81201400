/**
 * Fiscal calendars of whole weeks: 4-4-5, 4-5-4 and 5-4-4 quarters in 52- or 53-week years,
 * as retailers and many public companies close their books (the NRF 4-5-4 calendar, Apple's,
 * Cisco's), beside the calendar months of {@link fiscalYear}.
 * @module
 */
import { invalid } from './errors.js';
import type { IsoDate } from './dates.js';
import type { Period } from './periods.js';
import { readFailure } from './read.js';

/** How a week-based fiscal year is laid out. */
export interface WeekCalendarOptions {
  /** Weeks per month in each quarter: `'4-4-5'`, `'4-5-4'` or `'5-4-4'`. */
  readonly pattern: '4-4-5' | '4-5-4' | '5-4-4';
  /** The month (1–12) at whose end the fiscal year ends (1 for the NRF retail calendar: late January). */
  readonly yearEndMonth: number;
  /** The weekday every fiscal year ends on: 0 Sunday … 6 Saturday. Default 6 (Saturday). */
  readonly yearEndWeekday?: number;
  /**
   * `'nearest'` (default): the year ends on that weekday nearest the last day of `yearEndMonth`
   * (up to three days into the next month: the NRF rule); `'last'`: on the last such weekday of
   * the month.
   */
  readonly yearEndRule?: 'nearest' | 'last';
  /**
   * Which calendar year names a fiscal year: `'end'` (default; the year in which its last month
   * falls) or `'start'` (the NRF names fiscal 2023 for the year February 2023 – January 2024).
   */
  readonly naming?: 'end' | 'start';
  /**
   * Which month gets the extra week of a 53-week year: `'lastMonth'` (default; the NRF calendar)
   * or `'firstMonth'` (Apple adds it to its first fiscal quarter).
   */
  readonly extraWeek?: 'lastMonth' | 'firstMonth';
}

/** A week-based fiscal year, with its quarters and months. */
export interface WeekCalendarYear {
  /** The year's name (see `naming`). */
  readonly year: number;
  /** First and last day. */
  readonly period: Period;
  /** 52 or 53. */
  readonly weeks: 52 | 53;
  /** The four quarters (13 weeks each; 14 for the one with the extra week of a 53-week year). */
  readonly quarters: readonly Period[];
  /** The twelve months; a 53-week year gives its extra week to the last (or first) month. */
  readonly months: readonly Period[];
}

/** Where a date falls in a week-based fiscal calendar. */
export interface WeekCalendarPosition {
  /** The fiscal year's name. */
  readonly year: number;
  /** 1–4. */
  readonly quarter: number;
  /** 1–12, counted from the first month of the fiscal year. */
  readonly month: number;
  /** 1–53, counted from the first week of the fiscal year. */
  readonly week: number;
}

const DAY = 86_400_000;
const PATTERNS = { '4-4-5': [4, 4, 5], '4-5-4': [4, 5, 4], '5-4-4': [5, 4, 4] } as const;

interface Read {
  readonly weeksByMonth: readonly number[];
  readonly endMonth: number;
  readonly weekday: number;
  readonly nearest: boolean;
  readonly naming: 'end' | 'start';
  readonly extraMonth: number;
}

function readOptions(options: WeekCalendarOptions): Read {
  if (typeof options !== 'object' || options === null) {
    throw invalid('INVALID_OPTION', 'options', options, 'must be { pattern, yearEndMonth }');
  }
  const pattern = options.pattern;
  if (pattern !== '4-4-5' && pattern !== '4-5-4' && pattern !== '5-4-4') {
    throw invalid('INVALID_OPTION', 'options.pattern', pattern, "must be '4-4-5', '4-5-4' or '5-4-4'");
  }
  const endMonth = options.yearEndMonth;
  if (typeof endMonth !== 'number' || !Number.isInteger(endMonth) || endMonth < 1 || endMonth > 12) {
    throw invalid('INVALID_OPTION', 'options.yearEndMonth', endMonth, 'must be an integer month 1–12');
  }
  const weekday = options.yearEndWeekday ?? 6;
  if (typeof weekday !== 'number' || !Number.isInteger(weekday) || weekday < 0 || weekday > 6) {
    throw invalid('INVALID_OPTION', 'options.yearEndWeekday', weekday, 'must be 0 (Sunday) … 6 (Saturday)');
  }
  const rule = options.yearEndRule ?? 'nearest';
  if (rule !== 'nearest' && rule !== 'last') {
    throw invalid('INVALID_OPTION', 'options.yearEndRule', rule, "must be 'nearest' or 'last'");
  }
  const naming = options.naming ?? 'end';
  if (naming !== 'end' && naming !== 'start') {
    throw invalid('INVALID_OPTION', 'options.naming', naming, "must be 'end' or 'start'");
  }
  const extra = options.extraWeek ?? 'lastMonth';
  if (extra !== 'lastMonth' && extra !== 'firstMonth') {
    throw invalid('INVALID_OPTION', 'options.extraWeek', extra, "must be 'lastMonth' or 'firstMonth'");
  }
  const q = PATTERNS[pattern];
  const extraMonth = extra === 'lastMonth' ? 11 : 0;
  return { weeksByMonth: [...q, ...q, ...q, ...q], endMonth, weekday, nearest: rule === 'nearest', naming, extraMonth };
}

/** Epoch day (days since 1970-01-01) of the last day of the fiscal year that ends near the end of `endMonth` of `y`. */
function yearEndDay(y: number, r: Read): number {
  // day 0 of the next month = last day of endMonth (setUTCFullYear: Date.UTC reads the years 0–99 as 1900–1999)
  const anchor = new Date(0).setUTCFullYear(y, r.endMonth, 0) / DAY;
  const wd = (((anchor + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday (4)
  const back = (wd - r.weekday + 7) % 7; // days back to the last such weekday on or before the anchor
  return r.nearest && back > 3 ? anchor - back + 7 : anchor - back;
}

const iso = (day: number): IsoDate => new Date(day * DAY).toISOString().slice(0, 10);

function layout(endYear: number, r: Read): WeekCalendarYear {
  const end = yearEndDay(endYear, r);
  const start = yearEndDay(endYear - 1, r) + 1;
  const weeks = (end - start + 1) / 7;
  const months: Period[] = [];
  let day = start;
  r.weeksByMonth.forEach((w, i) => {
    const n = w + (i === r.extraMonth && weeks === 53 ? 1 : 0);
    months.push({ start: iso(day), end: iso(day + n * 7 - 1) });
    day += n * 7;
  });
  const quarters = [0, 1, 2, 3].map((q) => ({
    start: (months[q * 3] as Period).start,
    end: (months[q * 3 + 2] as Period).end,
  }));
  return {
    year: r.naming === 'end' ? endYear : endYear - 1,
    period: { start: iso(start), end: iso(end) },
    weeks: weeks as 52 | 53,
    quarters,
    months,
  };
}

/**
 * The week-based fiscal year named `year`: its first and last day, its 52 or 53 weeks, its
 * quarters and its months.
 *
 * The year ends on `yearEndWeekday` nearest the last day of `yearEndMonth` (or on the last such
 * weekday of that month) and starts the day after the previous one ended, so it has 364 or 371
 * days. Months have 4 or 5 weeks in the quarter pattern; in a 53-week year the last month gets the
 * extra week. The NRF 4-5-4 retail calendar (National Retail Federation,
 * https://nrf.com/resources/4-5-4-calendar) is `{ pattern: '4-5-4', yearEndMonth: 1, naming:
 * 'start' }`: fiscal 2023 ran from 29 January 2023 to 3 February 2024, 53 weeks.
 *
 * @param year - the fiscal year's name, 2–9998.
 * @param options - pattern, year-end month, weekday and rule, naming.
 * @throws {RevopsError} `INVALID_PERIOD` for a year out of range; `INVALID_OPTION` for a bad option.
 * @example
 * ```ts
 * import { weekCalendarYear } from 'revops/core';
 * const nrf = { pattern: '4-5-4', yearEndMonth: 1, naming: 'start' } as const;
 * const fy = weekCalendarYear(2023, nrf);
 * [fy.period, fy.weeks];
 * //=> [{ start: '2023-01-29', end: '2024-02-03' }, 53]
 * fy.months[0];
 * //=> { start: '2023-01-29', end: '2023-02-25' }
 * fy.quarters[3];
 * //=> { start: '2023-10-29', end: '2024-02-03' }
 * ```
 */
export function weekCalendarYear(year: number, options: WeekCalendarOptions): WeekCalendarYear {
  try {
    const r = readOptions(options);
    if (typeof year !== 'number' || !Number.isInteger(year) || year < 2 || year > 9998) {
      throw invalid('INVALID_PERIOD', 'year', year, 'must be an integer year 2–9998');
    }
    return layout(r.naming === 'end' ? year : year + 1, r);
  } catch (thrown) {
    throw readFailure(thrown, { year, options });
  }
}

/**
 * Where `date` falls in a week-based fiscal calendar: its fiscal year, quarter, month and week.
 *
 * @throws {RevopsError} `INVALID_DATE` for a malformed date or one outside years 2–9998;
 *   `INVALID_OPTION` for a bad option.
 * @example
 * ```ts
 * import { weekCalendarPositionOf } from 'revops/core';
 * weekCalendarPositionOf('2024-02-03', { pattern: '4-5-4', yearEndMonth: 1, naming: 'start' });
 * //=> { year: 2023, quarter: 4, month: 12, week: 53 }
 * ```
 */
export function weekCalendarPositionOf(date: IsoDate, options: WeekCalendarOptions): WeekCalendarPosition {
  try {
    const r = readOptions(options);
    const ms =
      typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) ? Date.parse(`${date}T00:00:00Z`) : Number.NaN;
    if (!Number.isFinite(ms) || iso(ms / DAY) !== date) {
      throw invalid('INVALID_DATE', 'date', date, 'must be a real YYYY-MM-DD date');
    }
    const y = Number(date.slice(0, 4));
    if (y < 3 || y > 9997) throw invalid('INVALID_DATE', 'date', date, 'must be in the years 3–9997');
    const day = ms / DAY;
    for (const endYear of [y - 1, y, y + 1]) {
      const fy = layout(endYear, r);
      if (date < fy.period.start || date > fy.period.end) continue;
      const start = Date.parse(`${fy.period.start}T00:00:00Z`) / DAY;
      const month = fy.months.findIndex((m) => date <= m.end) + 1;
      return { year: fy.year, quarter: Math.ceil(month / 3), month, week: Math.floor((day - start) / 7) + 1 };
    }
    /* c8 ignore next */
    throw invalid('INVALID_DATE', 'date', date, 'is in no fiscal year');
  } catch (thrown) {
    throw readFailure(thrown, { date, options });
  }
}
