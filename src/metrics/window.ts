/**
 * Reading an optional window of calendar dates, and the calendar date of an instant.
 * @module
 */
import { invalid } from '../core/errors.js';
import { period, type Period } from '../core/periods.js';

/**
 * Validates an optional inclusive window of dates.
 * @throws {RevopsError} `INVALID_DATE` / `INVALID_PERIOD` for a malformed window.
 * @internal
 */
export function readWindow(window: Period | undefined): Period | null {
  if (window === undefined) return null;
  if (typeof window !== 'object' || window === null)
    throw invalid('INVALID_PERIOD', 'window', window, 'must be a period { start, end }');
  return period(window.start, window.end);
}

/**
 * The calendar date written in an instant (its first ten characters, in the instant's own
 * offset): '2026-03-31T23:30:00-05:00' is on 2026-03-31.
 * @throws {RevopsError} `INVALID_DATE` naming `field` when the value is not an instant-shaped string.
 * @internal
 */
export function dateOfInstant(instant: unknown, field: string): string {
  checkInstant(instant, field);
  return instant.slice(0, 10);
}

/**
 * Checks the shape of an instant without reading its date (for hot loops that only need the
 * check).
 * @throws {RevopsError} `INVALID_DATE` naming `field` when the value is not an instant-shaped string.
 * @internal
 */
export function checkInstant(instant: unknown, field: string): asserts instant is string {
  if (typeof instant !== 'string' || instant.length < 20 || instant.charCodeAt(10) !== 84 /* T */) {
    throw invalid('INVALID_DATE', field, instant, 'must be an ISO-8601 instant with an offset');
  }
}

/** Whether `date` lies in the window (or there is no window). @internal */
export function inWindow(window: Period | null, date: string): boolean {
  return window === null || (date >= window.start && date <= window.end);
}
