/**
 * The `period` option of the metrics (which dates count), and the calendar date of an instant.
 * @module
 */
import { invalid } from '../core/errors.js';
import { assertIsoDate } from '../core/dates.js';
import type { Period } from '../core/periods.js';

/**
 * Reads an optional `period` option (inclusive `{ start, end }` dates).
 * @throws {RevopsError} `INVALID_PERIOD` / `INVALID_DATE` for a malformed period.
 * @internal
 */
export function readPeriodOption(value: unknown): Period | null {
  if (value === undefined) return null;
  if (typeof value !== 'object' || value === null) {
    throw invalid('INVALID_PERIOD', 'options.period', value, 'must be a period { start, end }');
  }
  const p = value as { start?: unknown; end?: unknown };
  const start = assertIsoDate(p.start, 'options.period.start');
  const end = assertIsoDate(p.end, 'options.period.end');
  if (end < start) throw invalid('INVALID_PERIOD', 'options.period.end', end, `must not be before start ${start}`);
  return { start, end };
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

/** Whether `date` lies in the period (or there is none). @internal */
export function inPeriod(p: Period | null, date: string): boolean {
  return p === null || (date >= p.start && date <= p.end);
}
