/** UtcDate: a Date whose local-field accessors read and write UTC fields, whatever TZ is. */
import { describe, expect, it } from 'vitest';
import { UtcDate } from '../../src/core/utc-date.js';
import { inTimeZone } from './helpers.js';

describe('UtcDate', () => {
  for (const tz of ['Pacific/Kiritimati', 'America/Adak', 'UTC']) {
    it(`reads UTC fields in TZ=${tz}`, () => {
      inTimeZone(tz, () => {
        const d = new UtcDate(Date.UTC(2026, 0, 31, 5, 6, 7, 8));
        // Python: date(2026, 1, 31).weekday() == 5 (Saturday) → JS getDay() 6
        expect([
          d.getFullYear(),
          d.getMonth(),
          d.getDate(),
          d.getDay(),
          d.getHours(),
          d.getMinutes(),
          d.getSeconds(),
          d.getMilliseconds(),
        ]).toEqual([2026, 0, 31, 6, 5, 6, 7, 8]);
        expect(d.getTimezoneOffset()).toBe(0);
      });
    });

    it(`writes UTC fields in TZ=${tz}`, () => {
      inTimeZone(tz, () => {
        const d = new UtcDate(Date.UTC(2026, 0, 31));
        d.setHours(1, 2, 3, 4);
        expect(d.toISOString()).toBe('2026-01-31T01:02:03.004Z');
        d.setHours(23);
        d.setMinutes(10, 20, 30);
        expect(d.toISOString()).toBe('2026-01-31T23:10:20.030Z');
        d.setMinutes(11);
        d.setSeconds(5, 6);
        expect(d.toISOString()).toBe('2026-01-31T23:11:05.006Z');
        d.setSeconds(7);
        d.setMilliseconds(9);
        expect(d.toISOString()).toBe('2026-01-31T23:11:07.009Z');
        d.setDate(1);
        d.setMonth(1);
        expect(d.toISOString().slice(0, 10)).toBe('2026-02-01');
        d.setMonth(2, 15);
        expect(d.toISOString().slice(0, 10)).toBe('2026-03-15');
        d.setFullYear(2024);
        expect(d.toISOString().slice(0, 10)).toBe('2024-03-15');
        d.setFullYear(2023, 1);
        expect(d.toISOString().slice(0, 10)).toBe('2023-02-15');
        d.setFullYear(1994, 11, 31); // the day Kiritimati skipped
        expect(d.toISOString().slice(0, 10)).toBe('1994-12-31');
      });
    });
  }
});
