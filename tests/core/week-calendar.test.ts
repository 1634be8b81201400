import { describe, expect, it } from 'vitest';
import { weekCalendarPositionOf, weekCalendarYear } from '../../src/core/index.js';

const nrf = { pattern: '4-5-4', yearEndMonth: 1, naming: 'start' } as const;

describe('weekCalendarYear', () => {
  it('reproduces the NRF 4-5-4 retail calendar', () => {
    // National Retail Federation, 4-5-4 calendar (nrf.com/resources/4-5-4-calendar): fiscal 2022 ran
    // 30 Jan 2022 – 28 Jan 2023 (52 weeks), fiscal 2023 29 Jan 2023 – 3 Feb 2024 (53 weeks, the 53rd
    // week in January), fiscal 2024 4 Feb 2024 – 1 Feb 2025 (52 weeks).
    expect(weekCalendarYear(2022, nrf).period).toEqual({ start: '2022-01-30', end: '2023-01-28' });
    expect(weekCalendarYear(2022, nrf).weeks).toBe(52);
    const fy23 = weekCalendarYear(2023, nrf);
    expect([fy23.period, fy23.weeks]).toEqual([{ start: '2023-01-29', end: '2024-02-03' }, 53]);
    // Its months, 4-5-4 weeks: February 29 Jan – 25 Feb, March 26 Feb – 1 Apr, April 2 Apr – 29 Apr, …,
    // and January (4 + 1 weeks) 31 Dec – 3 Feb.
    expect(fy23.months.slice(0, 3)).toEqual([
      { start: '2023-01-29', end: '2023-02-25' },
      { start: '2023-02-26', end: '2023-04-01' },
      { start: '2023-04-02', end: '2023-04-29' },
    ]);
    expect(fy23.months[11]).toEqual({ start: '2023-12-31', end: '2024-02-03' });
    expect(fy23.quarters.map((q) => q.start)).toEqual(['2023-01-29', '2023-04-30', '2023-07-30', '2023-10-29']);
    expect(weekCalendarYear(2024, nrf).period).toEqual({ start: '2024-02-04', end: '2025-02-01' });
  });

  it('follows a last-Saturday-of-September year (Apple’s fiscal year, extra week in the first quarter)', () => {
    // Apple Inc. Form 10-K 2023: fiscal 2023 ended 30 September 2023 and spanned 53 weeks, the extra week in
    // the first quarter; fiscal 2022 ended 24 September 2022.
    const apple = { pattern: '4-4-5', yearEndMonth: 9, yearEndRule: 'last', extraWeek: 'firstMonth' } as const;
    const fy = weekCalendarYear(2023, apple);
    expect([fy.period, fy.weeks]).toEqual([{ start: '2022-09-25', end: '2023-09-30' }, 53]);
    expect(fy.quarters[0]).toEqual({ start: '2022-09-25', end: '2022-12-31' }); // 14 weeks
    expect(weekCalendarYear(2022, apple).period.end).toBe('2022-09-24');
  });

  it('has months and quarters that tile the year, in 4- and 5-week months', () => {
    for (const pattern of ['4-4-5', '4-5-4', '5-4-4'] as const) {
      for (let y = 1990; y <= 2060; y++) {
        const fy = weekCalendarYear(y, { pattern, yearEndMonth: 12, yearEndWeekday: 0 });
        const days = (p: { start: string; end: string }) => (Date.parse(p.end) - Date.parse(p.start)) / 86_400_000 + 1;
        expect(days(fy.period)).toBe(fy.weeks * 7);
        expect(fy.months.reduce((s, m) => s + days(m), 0)).toBe(fy.weeks * 7);
        expect(fy.months[0]?.start).toBe(fy.period.start);
        expect(fy.months[11]?.end).toBe(fy.period.end);
        expect(new Date(`${fy.period.end}T00:00:00Z`).getUTCDay()).toBe(0);
        const next = weekCalendarYear(y + 1, { pattern, yearEndMonth: 12, yearEndWeekday: 0 });
        expect(Date.parse(next.period.start) - Date.parse(fy.period.end)).toBe(86_400_000);
      }
    }
  });

  it('refuses bad options', () => {
    expect(() => weekCalendarYear(2023, { ...nrf, pattern: '4-4-4' as '4-4-5' })).toThrow(/options.pattern/);
    expect(() => weekCalendarYear(2023, { ...nrf, yearEndMonth: 13 })).toThrow(/options.yearEndMonth/);
    expect(() => weekCalendarYear(1e9, nrf)).toThrow(expect.objectContaining({ code: 'INVALID_PERIOD' }));
  });
});

describe('weekCalendarPositionOf', () => {
  it('places a date in its fiscal year, quarter, month and week', () => {
    expect(weekCalendarPositionOf('2024-02-03', nrf)).toEqual({ year: 2023, quarter: 4, month: 12, week: 53 });
    expect(weekCalendarPositionOf('2024-02-04', nrf)).toEqual({ year: 2024, quarter: 1, month: 1, week: 1 });
    expect(weekCalendarPositionOf('2023-04-01', nrf)).toEqual({ year: 2023, quarter: 1, month: 2, week: 9 });
    expect(() => weekCalendarPositionOf('2026-02-30', nrf)).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
  });

  it('agrees with weekCalendarYear for every day of a span', () => {
    for (let d = Date.parse('2022-01-01'); d <= Date.parse('2026-12-31'); d += 86_400_000 * 3) {
      const date = new Date(d).toISOString().slice(0, 10);
      const pos = weekCalendarPositionOf(date, nrf);
      const fy = weekCalendarYear(pos.year, nrf);
      const m = fy.months[pos.month - 1];
      expect(m !== undefined && date >= m.start && date <= m.end).toBe(true);
      const q = fy.quarters[pos.quarter - 1];
      expect(q !== undefined && date >= q.start && date <= q.end).toBe(true);
    }
  });
});

describe('week calendars: refusals by name (StrykerJS survivors of core P8)', () => {
  const dec = { pattern: '4-4-5', yearEndMonth: 12 } as const;
  const refuses = (fn: () => unknown, code: string, field: string, message: string): void => {
    expect(fn).toThrow(expect.objectContaining({ name: 'RevopsError', code, field, message }));
  };

  it('each option, naming it and saying what it must be', () => {
    for (const options of [null, undefined, 5]) {
      refuses(
        () => weekCalendarYear(2026, options as never),
        'INVALID_OPTION',
        'options',
        `options must be { pattern, yearEndMonth }, got ${options}`,
      );
    }
    refuses(
      () => weekCalendarYear(2026, { ...dec, pattern: '4-4-4' as never }),
      'INVALID_OPTION',
      'options.pattern',
      `options.pattern must be '4-4-5', '4-5-4' or '5-4-4', got "4-4-4"`,
    );
    for (const m of [0, 13, 1.5, '12']) {
      refuses(
        () => weekCalendarYear(2026, { ...dec, yearEndMonth: m as never }),
        'INVALID_OPTION',
        'options.yearEndMonth',
        `options.yearEndMonth must be an integer month 1–12, got ${JSON.stringify(m)}`,
      );
    }
    for (const d of [-1, 7, 0.5, '6']) {
      refuses(
        () => weekCalendarYear(2026, { ...dec, yearEndWeekday: d as never }),
        'INVALID_OPTION',
        'options.yearEndWeekday',
        `options.yearEndWeekday must be 0 (Sunday) … 6 (Saturday), got ${JSON.stringify(d)}`,
      );
    }
    refuses(
      () => weekCalendarYear(2026, { ...dec, yearEndRule: 'first' as never }),
      'INVALID_OPTION',
      'options.yearEndRule',
      `options.yearEndRule must be 'nearest' or 'last', got "first"`,
    );
    refuses(
      () => weekCalendarYear(2026, { ...dec, naming: 'middle' as never }),
      'INVALID_OPTION',
      'options.naming',
      `options.naming must be 'end' or 'start', got "middle"`,
    );
    refuses(
      () => weekCalendarYear(2026, { ...dec, extraWeek: 'middle' as never }),
      'INVALID_OPTION',
      'options.extraWeek',
      `options.extraWeek must be 'lastMonth' or 'firstMonth', got "middle"`,
    );
  });

  it('a year outside 2–9998 or not an integer; a date outside 3–9997 or not a real date', () => {
    for (const y of [1, 9999, 2.5, '2026']) {
      refuses(
        () => weekCalendarYear(y as never, dec),
        'INVALID_PERIOD',
        'year',
        `year must be an integer year 2–9998, got ${JSON.stringify(y)}`,
      );
    }
    for (const d of ['0002-12-31', '9998-01-01']) {
      refuses(
        () => weekCalendarPositionOf(d, dec),
        'INVALID_DATE',
        'date',
        `date must be in the years 3–9997, got "${d}"`,
      );
    }
    refuses(
      () => weekCalendarPositionOf('2026-02-30', dec),
      'INVALID_DATE',
      'date',
      'date must be a real YYYY-MM-DD date, got "2026-02-30"',
    );
    refuses(
      () => weekCalendarPositionOf(5 as never, dec),
      'INVALID_DATE',
      'date',
      'date must be a real YYYY-MM-DD date, got 5',
    );
  });
});

describe('week calendars named by their end year', () => {
  const dec = { pattern: '4-4-5', yearEndMonth: 12 } as const;

  it('a day of January in the year that ended on the Saturday nearest 31 December', () => {
    // 31 Dec 2021 was a Friday, so fiscal 2021 (Saturday nearest year end) ended on Saturday 1 Jan 2022:
    // that day is the last of fiscal 2021's 52 weeks; 2 Jan 2022 opens fiscal 2022
    expect(weekCalendarYear(2021, dec).period.end).toBe('2022-01-01');
    expect(weekCalendarYear(2021, dec).year).toBe(2021);
    expect(weekCalendarPositionOf('2022-01-01', dec)).toEqual({ year: 2021, quarter: 4, month: 12, week: 52 });
    expect(weekCalendarPositionOf('2022-01-02', dec)).toEqual({ year: 2022, quarter: 1, month: 1, week: 1 });
  });

  it('the years 2–99 are those years, not 1902–1999 (fixed: Date.UTC read them as 19xx)', () => {
    // Python 3 datetime (proleptic Gregorian, as JavaScript dates): 31 Dec 0001 was a Monday, so the
    // Saturday nearest it is 29 Dec 0001 and fiscal 0002 starts on 30 Dec 0001; 31 Dec 0002 was a
    // Tuesday: fiscal 0002 ends on Saturday 28 Dec 0002 (364 days). Fiscal 0050 ran 2 Jan – 31 Dec 0050,
    // and 15 June 0050 is in its week 24 (days 162–168), i.e. month 6 of 4-4-5 (weeks 22–26), quarter 2.
    const fy2 = weekCalendarYear(2, dec);
    expect([fy2.period, fy2.weeks, fy2.year]).toEqual([{ start: '0001-12-30', end: '0002-12-28' }, 52, 2]);
    expect(weekCalendarYear(50, dec).period).toEqual({ start: '0050-01-02', end: '0050-12-31' });
    expect(weekCalendarPositionOf('0050-06-15', dec)).toEqual({ year: 50, quarter: 2, month: 6, week: 24 });
    expect(weekCalendarYear(100, dec).period).toEqual({ start: '0100-01-03', end: '0101-01-01' });
    expect(weekCalendarPositionOf('0003-01-01', dec)).toEqual({ year: 3, quarter: 1, month: 1, week: 1 });
  });

  it('the last years: fiscal 9998 and a date of 9997', () => {
    // Python 3 datetime: 31 Dec 9997 was a Wednesday, so fiscal 9997 ends on Saturday 3 Jan 9998 (53 weeks
    // from 29 Dec 9996: 31 Dec 9997 is day 368, week 53); 31 Dec 9998 was a Thursday: fiscal 9998 runs
    // 4 Jan 9998 – 2 Jan 9999, 52 weeks
    expect(weekCalendarPositionOf('9997-12-31', dec)).toEqual({ year: 9997, quarter: 4, month: 12, week: 53 });
    const fy = weekCalendarYear(9998, dec);
    expect([fy.period, fy.weeks]).toEqual([{ start: '9998-01-04', end: '9999-01-02' }, 52]);
  });
});
