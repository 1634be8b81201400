/**
 * A member's days in role within a period: what quota attainment and revenue per rep prorate by.
 * @module
 */
import { assertIsoDate } from '../core/dates.js';
import { period as makePeriod, type Period, type ProrationFraction, prorationFraction } from '../core/periods.js';
import { readObject } from '../core/read.js';
import type { Member } from '../model/member.js';

/**
 * The share of `p` that a member was in role, in whole days: from `startDate` to `endDate`
 * (inclusive; no `endDate`: still in role). Both dates are checked before they are compared,
 * so a date that is not a `YYYY-MM-DD` string is refused rather than compared as a number.
 * @throws {RevopsError} `INVALID_INPUT` naming `path` when the member is not an object;
 *   `INVALID_DATE` naming `path.startDate` or `path.endDate`; `INVALID_PERIOD` when it ends
 *   before it starts.
 * @internal
 */
export function memberProration(member: unknown, path: string, p: Period): ProrationFraction {
  const m = readObject(member, path) as Partial<Member>;
  const start = assertIsoDate(m.startDate, `${path}.startDate`);
  const endDate = m.endDate;
  const end = endDate === undefined ? (start > p.end ? start : p.end) : assertIsoDate(endDate, `${path}.endDate`);
  return prorationFraction(makePeriod(start, end), p);
}
