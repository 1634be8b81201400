/**
 * Periods: inclusive ranges of calendar dates, with months, quarters and fiscal years that
 * start in any month.
 * @module
 */
import { endOfMonth } from 'date-fns/endOfMonth';
import { invalid } from './errors.js';
import { readObject, readFailure } from './read.js';
import { addMonths, assertIsoDate, daysBetween, fromLocalDate, monthLength, toUtcDate, type IsoDate } from './dates.js';

/** An inclusive range of calendar dates: both `start` and `end` belong to it. */
export interface Period {
  /** First day of the period, `YYYY-MM-DD`, inclusive. */
  readonly start: IsoDate;
  /** Last day of the period, `YYYY-MM-DD`, inclusive (not before `start`). */
  readonly end: IsoDate;
}

/** Options for fiscal calendars. */
export interface FiscalYearOptions {
  /** Month (1–12) in which the fiscal year starts. Default `1` (calendar year). */
  readonly fiscalYearStartMonth?: number;
  /**
   * Which calendar year names a fiscal year that straddles two: `'end'` (default; FY2026
   * starting July 2025 ends June 2026, as Microsoft and the US government count) or
   * `'start'` (FY2025 starts July 2025).
   */
  readonly fiscalYearNaming?: 'end' | 'start';
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/**
 * The last day of the month that `date` falls in. Counting to it (instead of adding a month and
 * stepping back a day) keeps December 9999 inside the calendar: the day after it is not a date.
 */
function monthEnd(date: IsoDate): IsoDate {
  return `${date.slice(0, 8)}${pad(monthLength(Number(date.slice(0, 4)), Number(date.slice(5, 7))), 2)}`;
}

function checkYear(year: number, field = 'year'): void {
  if (!Number.isInteger(year) || year < 1 || year > 9999)
    throw invalid('INVALID_PERIOD', field, year, 'must be an integer year 1–9999');
}

function readFiscal(options: FiscalYearOptions): { startMonth: number; naming: 'end' | 'start' } {
  readObject(options, 'options', 'INVALID_OPTION');
  const startMonth = options.fiscalYearStartMonth ?? 1;
  if (!Number.isInteger(startMonth) || startMonth < 1 || startMonth > 12) {
    throw invalid('INVALID_OPTION', 'fiscalYearStartMonth', startMonth, 'must be an integer month 1–12');
  }
  const naming = options.fiscalYearNaming ?? 'end';
  if (naming !== 'end' && naming !== 'start')
    throw invalid('INVALID_OPTION', 'fiscalYearNaming', naming, "must be 'end' or 'start'");
  return { startMonth, naming };
}

/**
 * An inclusive period from `start` to `end`.
 *
 * @throws {RevopsError} `INVALID_DATE` for a malformed date; `INVALID_PERIOD` when `end`
 *   is before `start`.
 * @example
 * ```ts
 * import { period } from 'revops/core';
 * period('2026-01-01', '2026-03-31');
 * //=> { start: '2026-01-01', end: '2026-03-31' }
 * ```
 */
export function period(start: IsoDate, end: IsoDate): Period {
  try {
    assertIsoDate(start, 'start');
    assertIsoDate(end, 'end');
    if (end < start) throw invalid('INVALID_PERIOD', 'end', end, `must not be before start ${start}`);
    return { start, end };
  } catch (thrown) {
    throw readFailure(thrown, { start, end });
  }
}

/**
 * Reads a {@link Period} argument or option `{ start, end }`: an object whose `start` and `end`
 * are calendar dates, `end` not before `start`. A getter or proxy trap that throws is refused
 * like a malformed period.
 * @throws {RevopsError} `INVALID_PERIOD` naming `field` when it is not such an object or ends
 *   before it starts; `INVALID_DATE` naming `field.start` or `field.end`.
 * @internal
 */
export function readPeriod(value: unknown, field = 'period'): Period {
  if (typeof value !== 'object' || value === null) {
    throw invalid('INVALID_PERIOD', field, value, 'must be a period { start, end }');
  }
  let start: unknown;
  let end: unknown;
  try {
    ({ start, end } = value as { start?: unknown; end?: unknown });
  } catch {
    throw invalid('INVALID_PERIOD', field, value, 'must be a period { start, end } whose fields can be read');
  }
  const s = assertIsoDate(start, `${field}.start`);
  const e = assertIsoDate(end, `${field}.end`);
  if (e < s) throw invalid('INVALID_PERIOD', `${field}.end`, e, `must not be before ${field}.start ${s}`);
  return { start: s, end: e };
}

/**
 * The calendar month `m` (1–12) of year `y`.
 *
 * @throws {RevopsError} `INVALID_PERIOD` for a month outside 1–12 or a year outside 1–9999.
 * @example
 * ```ts
 * import { month } from 'revops/core';
 * month(2024, 2);
 * //=> { start: '2024-02-01', end: '2024-02-29' }
 * ```
 */
export function month(y: number, m: number): Period {
  try {
    checkYear(y);
    if (!Number.isInteger(m) || m < 1 || m > 12) throw invalid('INVALID_PERIOD', 'month', m, 'must be an integer 1–12');
    const start = `${pad(y, 4)}-${pad(m, 2)}-01`;
    return { start, end: fromLocalDate(endOfMonth(toUtcDate(start))) };
  } catch (thrown) {
    throw readFailure(thrown, { y, m });
  }
}

/**
 * Fiscal year `y`, starting in `fiscalYearStartMonth` and named by the calendar year in
 * which it ends (default) or starts.
 *
 * @throws {RevopsError} `INVALID_PERIOD` for a bad year; `INVALID_OPTION` for a bad start
 *   month or naming.
 * @example
 * ```ts
 * import { fiscalYear } from 'revops/core';
 * fiscalYear(2026, { fiscalYearStartMonth: 7 });
 * //=> { start: '2025-07-01', end: '2026-06-30' }
 * fiscalYear(2026);
 * //=> { start: '2026-01-01', end: '2026-12-31' }
 * ```
 */
export function fiscalYear(y: number, options: FiscalYearOptions = {}): Period {
  try {
    checkYear(y);
    const { startMonth, naming } = readFiscal(options);
    const startYear = startMonth === 1 || naming === 'start' ? y : y - 1;
    checkYear(startYear);
    if (startMonth > 1) checkYear(startYear + 1); // the fiscal year must also end by 9999
    const start = `${pad(startYear, 4)}-${pad(startMonth, 2)}-01`;
    return { start, end: monthEnd(addMonths(start, 11)) };
  } catch (thrown) {
    throw readFailure(thrown, { y, options });
  }
}

/**
 * Quarter `q` (1–4) of fiscal year `y`. With the default calendar year, Q1 is
 * January–March.
 *
 * @throws {RevopsError} `INVALID_PERIOD` for a quarter outside 1–4; `INVALID_OPTION` for a
 *   bad fiscal option.
 * @example
 * ```ts
 * import { quarter } from 'revops/core';
 * quarter(2026, 1);
 * //=> { start: '2026-01-01', end: '2026-03-31' }
 * quarter(2026, 1, { fiscalYearStartMonth: 2 });
 * //=> { start: '2025-02-01', end: '2025-04-30' }
 * ```
 */
export function quarter(y: number, q: number, options: FiscalYearOptions = {}): Period {
  try {
    if (!Number.isInteger(q) || q < 1 || q > 4) throw invalid('INVALID_PERIOD', 'quarter', q, 'must be an integer 1–4');
    const fy = fiscalYear(y, options);
    const start = addMonths(fy.start, 3 * (q - 1));
    return { start, end: monthEnd(addMonths(start, 2)) };
  } catch (thrown) {
    throw readFailure(thrown, { y, q, options });
  }
}

/**
 * The month that contains a date.
 *
 * @example
 * ```ts
 * import { monthOf } from 'revops/core';
 * monthOf('2026-11-23');
 * //=> { start: '2026-11-01', end: '2026-11-30' }
 * ```
 */
export function monthOf(date: IsoDate): Period {
  try {
    assertIsoDate(date, 'date');
    return month(Number(date.slice(0, 4)), Number(date.slice(5, 7)));
  } catch (thrown) {
    throw readFailure(thrown, { date });
  }
}

/**
 * The fiscal quarter that contains a date, with its fiscal year and number.
 *
 * @example
 * ```ts
 * import { quarterOf } from 'revops/core';
 * quarterOf('2025-12-15', { fiscalYearStartMonth: 7 });
 * //=> { fiscalYear: 2026, quarter: 2, start: '2025-10-01', end: '2025-12-31' }
 * ```
 */
export function quarterOf(
  date: IsoDate,
  options: FiscalYearOptions = {},
): Period & { readonly fiscalYear: number; readonly quarter: number } {
  try {
    assertIsoDate(date, 'date');
    const { startMonth, naming } = readFiscal(options);
    const y = Number(date.slice(0, 4));
    const m = Number(date.slice(5, 7));
    const monthsIn = (m - startMonth + 12) % 12;
    const startYear = m >= startMonth ? y : y - 1;
    const fy = startMonth === 1 || naming === 'start' ? startYear : startYear + 1;
    const q = Math.floor(monthsIn / 3) + 1;
    return { fiscalYear: fy, quarter: q, ...quarter(fy, q, options) };
  } catch (thrown) {
    throw readFailure(thrown, { date, options });
  }
}

/**
 * Number of days in a period, both ends included.
 *
 * @example
 * ```ts
 * import { daysInPeriod, quarter } from 'revops/core';
 * daysInPeriod(quarter(2024, 1));
 * //=> 91
 * ```
 */
export function daysInPeriod(p: Period): number {
  try {
    const { start, end } = readPeriod(p, 'period');
    return daysBetween(start, end) + 1;
  } catch (thrown) {
    throw readFailure(thrown, { p });
  }
}

/**
 * Whether a date lies in a period (ends included).
 *
 * @example
 * ```ts
 * import { periodContains, month } from 'revops/core';
 * [periodContains(month(2026, 3), '2026-03-31'), periodContains(month(2026, 3), '2026-04-01')];
 * //=> [true, false]
 * ```
 */
export function periodContains(p: Period, date: IsoDate): boolean {
  try {
    assertIsoDate(date, 'date');
    const { start, end } = readPeriod(p, 'period');
    return date >= start && date <= end;
  } catch (thrown) {
    throw readFailure(thrown, { p, date });
  }
}

/**
 * The days two periods share, as a period, or `null` when they do not meet.
 *
 * @example
 * ```ts
 * import { overlap, period } from 'revops/core';
 * overlap(period('2026-01-15', '2026-02-10'), period('2026-02-01', '2026-02-28'));
 * //=> { start: '2026-02-01', end: '2026-02-10' }
 * ```
 */
export function overlap(a: Period, b: Period): Period | null {
  try {
    const x = readPeriod(a, 'a');
    const y = readPeriod(b, 'b');
    const start = x.start > y.start ? x.start : y.start;
    const end = x.end < y.end ? x.end : y.end;
    return start <= end ? { start, end } : null;
  } catch (thrown) {
    throw readFailure(thrown, { a, b });
  }
}

/** The share of a period covered by a window, in whole days. */
export interface ProrationFraction {
  /** Days of `whole` inside `part` (inclusive). */
  readonly numerator: number;
  /** Days of `whole` (inclusive). */
  readonly denominator: number;
  /** `numerator / denominator`, as a number in [0, 1] (an estimate; use the two integers for money). */
  readonly value: number;
}

/**
 * The fraction of `whole` that `part` covers, counted in whole days, inclusive at both ends
 * — e.g. a rep who starts on 2026-02-02 covers 27 of February's 28 days. Feed
 * `numerator`/`denominator` to {@link prorate} for exact money.
 *
 * @example
 * ```ts
 * import { month, period, prorationFraction } from 'revops/core';
 * prorationFraction(period('2026-02-02', '2026-12-31'), month(2026, 2));
 * //=> { numerator: 27, denominator: 28, value: 0.9642857142857143 }
 * ```
 */
export function prorationFraction(part: Period, whole: Period): ProrationFraction {
  try {
    const denominator = daysInPeriod(whole);
    const shared = overlap(part, whole);
    const numerator = shared === null ? 0 : daysInPeriod(shared);
    return { numerator, denominator, value: numerator / denominator };
  } catch (thrown) {
    throw readFailure(thrown, { part, whole });
  }
}

/**
 * The calendar months that a period touches, each as a full month.
 *
 * @example
 * ```ts
 * import { monthsOf, period } from 'revops/core';
 * monthsOf(period('2026-01-15', '2026-03-02')).map((p) => p.start);
 * //=> ['2026-01-01', '2026-02-01', '2026-03-01']
 * ```
 */
export function monthsOf(p: Period): Period[] {
  try {
    const { start, end } = readPeriod(p, 'period');
    const out: Period[] = [];
    // by year and month numbers: the month after December 9999 is never built as a date
    let y = Number(start.slice(0, 4));
    let mo = Number(start.slice(5, 7));
    const last = end.slice(0, 7);
    for (;;) {
      const m = month(y, mo);
      out.push(m);
      if (m.start.slice(0, 7) === last) return out;
      mo = mo === 12 ? 1 : mo + 1;
      if (mo === 1) y++;
    }
  } catch (thrown) {
    throw readFailure(thrown, { p });
  }
}
