/**
 * Calendar dates as `YYYY-MM-DD` strings, with no time zone, and instants as ISO-8601
 * strings with an offset.
 *
 * A calendar date names a day, not a moment: a quarter ends on the same date in Tokyo and
 * in Denver. Arithmetic goes through date-fns on a Date whose calendar fields are kept in UTC
 * (`UtcDate`) and is read back field by field, so the machine's time zone — its DST shifts,
 * or even a day it skipped — never moves a date.
 * @module
 */
import { addDays as fnsAddDays } from 'date-fns/addDays';
import { addMonths as fnsAddMonths } from 'date-fns/addMonths';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { invalid } from './errors.js';
import { UtcDate } from './utc-date.js';

/** A calendar date `YYYY-MM-DD` (years 0001–9999), e.g. `"2026-03-31"`. */
export type IsoDate = string;

/** An instant: ISO-8601 date-time with an explicit offset, e.g. `"2026-03-31T17:05:00Z"` or `"…+09:00"`. */
export type Instant = string;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The number of days in a month of the proleptic Gregorian calendar (`month` 1–12): 28, 29,
 * 30 or 31. The library's one `daysInMonth`.
 *
 * @param year - an integer year 1–9999.
 * @param month - an integer month 1–12.
 * @throws {RevopsError} `INVALID_DATE` naming `year` or `month` for anything else (a numeric
 *   string such as `"2"` included).
 * @example
 * ```ts
 * import { daysInMonth } from 'revops/core';
 * [daysInMonth(2024, 2), daysInMonth(2025, 2), daysInMonth(1900, 2), daysInMonth(2026, 4)];
 * //=> [29, 28, 28, 30]
 * ```
 */
export function daysInMonth(year: number, month: number): number {
  if (!Number.isInteger(year) || year < 1 || year > 9999) {
    throw invalid('INVALID_DATE', 'year', year, 'must be an integer year from 1 to 9999');
  }
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw invalid('INVALID_DATE', 'month', month, 'must be an integer month from 1 to 12');
  }
  return monthLength(year, month);
}

/** {@link daysInMonth} of integers already checked (hot loops). @internal */
export function monthLength(year: number, month: number): number {
  return month === 2
    ? (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
      ? 29
      : 28
    : month === 4 || month === 6 || month === 9 || month === 11
      ? 30
      : 31;
}

/**
 * Whether `value` is a real calendar date written `YYYY-MM-DD` (so `"2025-02-29"` is not).
 *
 * @example
 * ```ts
 * import { isIsoDate } from 'revops/core';
 * [isIsoDate('2024-02-29'), isIsoDate('2025-02-29'), isIsoDate('2025-2-1')];
 * //=> [true, false, false]
 * ```
 */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return y >= 1 && mo >= 1 && mo <= 12 && d >= 1 && d <= monthLength(y, mo);
}

/**
 * Checks a calendar date argument and returns it.
 *
 * @throws {RevopsError} `INVALID_DATE` naming `field` and the value.
 * @example
 * ```ts
 * import { assertIsoDate } from 'revops/core';
 * assertIsoDate('2026-01-31', 'closeDate');
 * //=> '2026-01-31'
 * ```
 */
export function assertIsoDate(value: unknown, field = 'date'): IsoDate {
  if (!isIsoDate(value)) {
    const name = typeof field === 'string' ? field : 'date';
    throw invalid('INVALID_DATE', name, value, 'must be a calendar date YYYY-MM-DD');
  }
  return value;
}

/** The calendar date as a UTC-fields Date at midnight, for date-fns. @internal */
export function toUtcDate(date: IsoDate): Date {
  const d = new UtcDate(Date.UTC(2000, Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))));
  d.setUTCFullYear(Number(date.slice(0, 4))); // years 0001–0099 are not remapped to 19xx
  return d;
}

/** The calendar date of a Date's fields (UTC fields for a UtcDate). @internal */
export function fromLocalDate(d: Date): IsoDate {
  const y = String(d.getFullYear()).padStart(4, '0');
  const m = String(d.getMonth() + 1).padStart(2, '0');
  const day = String(d.getDate()).padStart(2, '0');
  return `${y}-${m}-${day}`;
}

/**
 * Date arithmetic returns only dates the library accepts: a result outside the years
 * 0001–9999 (or past what a JavaScript Date holds, which date-fns returns as an Invalid Date)
 * is refused with `INVALID_DATE` naming the step.
 */
function inCalendar(result: string, field: string, step: number, from: IsoDate): IsoDate {
  if (!isIsoDate(result)) {
    throw invalid('INVALID_DATE', field, step, `moves ${from} outside the calendar years 0001–9999`);
  }
  return result;
}

/**
 * The date `days` days after `date` (before, for a negative number).
 *
 * @throws {RevopsError} `INVALID_DATE` for a malformed date, or a result outside the years
 *   0001–9999; `INVALID_INPUT` for a non-integer number of days.
 * @example
 * ```ts
 * import { addDays } from 'revops/core';
 * addDays('2024-02-28', 2);
 * //=> '2024-03-01'
 * addDays('9999-12-31', 1);
 * //=> throws INVALID_DATE
 * ```
 */
export function addDays(date: IsoDate, days: number): IsoDate {
  assertIsoDate(date, 'date');
  if (!Number.isSafeInteger(days)) throw invalid('INVALID_INPUT', 'days', days, 'must be an integer');
  return inCalendar(fromLocalDate(fnsAddDays(toUtcDate(date), days)), 'days', days, date);
}

/**
 * The date `months` calendar months after `date`, clamped to the end of the month
 * (`2025-01-31` + 1 month is `2025-02-28`).
 *
 * @throws {RevopsError} `INVALID_DATE` for a malformed date, or a result outside the years
 *   0001–9999; `INVALID_INPUT` for a non-integer number of months.
 * @example
 * ```ts
 * import { addMonths } from 'revops/core';
 * addMonths('2025-01-31', 1);
 * //=> '2025-02-28'
 * ```
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  assertIsoDate(date, 'date');
  if (!Number.isSafeInteger(months)) throw invalid('INVALID_INPUT', 'months', months, 'must be an integer');
  return inCalendar(fromLocalDate(fnsAddMonths(toUtcDate(date), months)), 'months', months, date);
}

/**
 * Whole days from `from` to `to` (`to − from`; negative when `to` is earlier).
 *
 * @throws {RevopsError} `INVALID_DATE` for a malformed date.
 * @example
 * ```ts
 * import { daysBetween } from 'revops/core';
 * daysBetween('2024-02-01', '2024-03-01');
 * //=> 29
 * ```
 */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  assertIsoDate(from, 'from');
  assertIsoDate(to, 'to');
  return differenceInCalendarDays(toUtcDate(to), toUtcDate(from));
}

/**
 * Compares two calendar dates: `-1`, `0` or `1` (a sort comparator).
 *
 * @example
 * ```ts
 * import { compareDates } from 'revops/core';
 * ['2026-03-01', '2025-12-31'].sort(compareDates);
 * //=> ['2025-12-31', '2026-03-01']
 * ```
 */
export function compareDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  assertIsoDate(a, 'a');
  assertIsoDate(b, 'b');
  return a === b ? 0 : a < b ? -1 : 1;
}

/**
 * Whether `value` is an ISO-8601 instant with an explicit offset (`Z` or `±hh:mm`).
 *
 * @example
 * ```ts
 * import { isInstant } from 'revops/core';
 * [isInstant('2026-03-31T17:05:00Z'), isInstant('2026-03-31T17:05:00'), isInstant('2026-03-31')];
 * //=> [true, false, false]
 * ```
 */
export function isInstant(value: unknown): value is Instant {
  if (typeof value !== 'string') return false;
  const m = INSTANT_RE.exec(value);
  if (!m) return false;
  if (!isIsoDate(`${m[1]}-${m[2]}-${m[3]}`)) return false;
  const h = Number(m[4]);
  const min = Number(m[5]);
  const s = m[6] === undefined ? 0 : Number(m[6]);
  if (h > 23 || min > 59 || s > 59) return false;
  if (m[8] !== 'Z') {
    const oh = Number(m[8]!.slice(1, 3));
    const om = Number(m[8]!.slice(4, 6));
    if (oh > 14 || om > 59) return false;
  }
  return true;
}

/**
 * Milliseconds since the Unix epoch of an instant.
 *
 * @throws {RevopsError} `INVALID_DATE` for a string that is not an instant with an offset.
 * @example
 * ```ts
 * import { instantToEpochMs } from 'revops/core';
 * instantToEpochMs('1970-01-02T09:00:00+09:00');
 * //=> 86400000
 * ```
 */
export function instantToEpochMs(instant: Instant, field = 'instant'): number {
  if (!isInstant(instant)) {
    throw invalid(
      'INVALID_DATE',
      typeof field === 'string' ? field : 'instant',
      instant,
      'must be an ISO-8601 instant with an offset, e.g. "2026-03-31T17:05:00Z"',
    );
  }
  return Date.parse(instant);
}

/**
 * The calendar date of an instant in an explicit IANA time zone (never the machine's).
 *
 * @throws {RevopsError} `INVALID_DATE` for a malformed instant, or one whose local date falls
 *   outside the years 0001–9999; `INVALID_OPTION` for an unknown time zone.
 * @example
 * ```ts
 * import { instantToDate } from 'revops/core';
 * [instantToDate('2026-03-31T23:30:00Z', 'Asia/Tokyo'), instantToDate('2026-03-31T23:30:00Z', 'America/Denver')];
 * //=> ['2026-04-01', '2026-03-31']
 * ```
 */
export function instantToDate(instant: Instant, timeZone: string): IsoDate {
  const ms = instantToEpochMs(instant);
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      era: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).formatToParts(ms);
  } catch {
    throw invalid('INVALID_OPTION', 'timeZone', timeZone, 'must be an IANA time zone such as "Europe/Paris"');
  }
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  const date = `${get('year').padStart(4, '0')}-${get('month')}-${get('day')}`;
  if (get('era') !== 'AD' || !isIsoDate(date)) {
    throw invalid('INVALID_DATE', 'instant', instant, `falls outside the calendar years 0001–9999 in ${timeZone}`);
  }
  return date;
}
