/**
 * How ranges and cells arrive from the hosts (Microsoft, "Custom functions parameter options";
 * Google, "Custom Functions in Google Sheets"): 2-D arrays, numbers or text, blank as `null`
 * (Excel on the web), `0` (Excel desktop) or `''` (Apps Script), dates as serials or `Date`.
 */
import { describe, expect, it } from 'vitest';
import { readDateCell, readNumberCell, readSeries, readTable } from '../../src/sheets/cells.js';
import { CONVERSION_RATE, LINEAR_TREND_FORECAST, NRR, WEIGHTED_PIPELINE, WIN_RATE } from '../../src/sheets/index.js';

describe('number cells', () => {
  it('reads numbers and numeric text as a spreadsheet shows them', () => {
    expect(readNumberCell(20, 'x')).toBe(20);
    expect(readNumberCell(' 20 ', 'x')).toBe(20);
    expect(readNumberCell('1,250.50', 'x')).toBe(1250.5);
    expect(readNumberCell('-3.5e2', 'x')).toBe(-350);
    expect(readNumberCell('25%', 'x')).toBe(0.25);
    expect(Object.is(readNumberCell(-0, 'x'), 0)).toBe(true);
  });

  it('reads a blank as 0 for a required argument, whatever the host passes for it', () => {
    expect([null, undefined, '', '  '].map((v) => readNumberCell(v, 'x'))).toEqual([0, 0, 0, 0]);
  });

  it('refuses other text, booleans and dates naming the argument', () => {
    for (const bad of ['twenty', '1,25', '12abc', '%', 'e5', true, new Date(0), Number.NaN]) {
      expect(() => readNumberCell(bad, 'total')).toThrow(/^total must be a number or numeric text/);
    }
  });
});

describe('date cells', () => {
  it('reads Excel serials in the 1900 date system', () => {
    // serial 46023 is 2026-01-01 (Excel: =DATE(2026,1,1) formatted as a number); 61 is 1900-03-01
    expect(readDateCell(46023, 'd')).toBe('2026-01-01');
    expect(readDateCell(46023.75, 'd')).toBe('2026-01-01');
    expect(readDateCell(61, 'd')).toBe('1900-03-01');
    expect(() => readDateCell(60, 'd')).toThrow(/must be a date/);
  });

  it('reads a Date by its local calendar fields (Apps Script: the script time zone) and ISO text', () => {
    expect(readDateCell(new Date(2026, 1, 1), 'd')).toBe('2026-02-01');
    expect(readDateCell('2026-02', 'd')).toBe('2026-02-01');
    expect(readDateCell(' 2026-02-14 ', 'd')).toBe('2026-02-14');
    expect(() => readDateCell('2026-02-30', 'd')).toThrow();
    expect(() => readDateCell(new Date(Number.NaN), 'd')).toThrow(/must be a date/);
  });
});

describe('ranges', () => {
  it('skips blank rows and a header row, keeping row numbers', () => {
    const rows = readTable(
      [
        ['Amount', 'P'],
        [null, ''],
        [100, 0.5],
      ],
      'r',
      { min: 2, numeric: [0, 1] },
    );
    expect(rows).toEqual([{ cells: [100, 0.5], row: 3 }]);
  });

  it('skips only one header: text in a numeric column of a later row is refused', () => {
    expect(
      WEIGHTED_PIPELINE([
        ['Amount', 'P'],
        ['lots', 0.5],
      ]),
    ).toBe('#VALUE!');
    expect(
      WEIGHTED_PIPELINE([
        [null, null],
        ['Amount', 'P'],
        [100, 0.5],
        ['Total', 50],
      ]),
    ).toBe('#VALUE!');
  });

  it('accepts a bare cell and a single row', () => {
    expect(readTable(5, 'r', { min: 1, numeric: [0] })).toEqual([{ cells: [5], row: 1 }]);
    expect(readTable([5, 6], 'r', { min: 2, numeric: [0] })).toEqual([{ cells: [5, 6], row: 1 }]);
  });

  it('refuses a mixed array and a row that is too short', () => {
    expect(() => readTable([[1, 2], 3], 'r', { min: 2, numeric: [0] })).toThrow(/must be a range/);
    expect(() => readTable([[1, 2], [3]], 'r', { min: 2, numeric: [0] })).toThrow(/^r row 2 must have at least 2/);
  });

  it('reads a series from a column or a row, trailing blanks and a header skipped, gaps refused', () => {
    expect(readSeries([['Bookings'], [1], ['2'], [3], [null], ['']], 's')).toEqual([1, 2, 3]);
    expect(readSeries([[1, 2, 3]], 's')).toEqual([1, 2, 3]);
    expect(readSeries([1, 2], 's')).toEqual([1, 2]);
    expect(() => readSeries([[1], [null], [3]], 's')).toThrow(/^s\[2\] must not be blank/);
    expect(() =>
      readSeries(
        [
          [1, 2],
          [3, 4],
        ],
        's',
      ),
    ).toThrow(/one row or one column/);
  });
});

describe('functions take a range straight from the sheet', () => {
  it('with text cells, a header, blank rows (null on the web, "" in Apps Script)', () => {
    // 0.7 × (3,950 + 3,060) + 0.25 × 1,001.99 = 4,907 + 250.4975 = 5,157.4975 → 5,157.50 (by hand)
    const range = [
      ['Amount', 'Probability'],
      ['3950', '70%'],
      [3060, 0.7],
      [null, null],
      ['', ''],
      [1001.99, 0.25],
    ];
    expect(WEIGHTED_PIPELINE(range)).toBe(5157.5);
    expect(LINEAR_TREND_FORECAST([['Q'], [2], [4], [6], [null]], 1)).toEqual([[8]]);
  });

  it('propagates an error value found in a cell, as spreadsheets do', () => {
    expect(CONVERSION_RATE('#N/A', 100)).toBe('#N/A');
    expect(WIN_RATE(3, '#DIV/0!')).toBe('#DIV/0!');
    expect(WEIGHTED_PIPELINE([['#NUM!', 0.5]])).toBe('#NUM!');
    expect(WEIGHTED_PIPELINE('#N/A')).toBe('#N/A');
    expect(LINEAR_TREND_FORECAST([['#N/A'], [1], [2]], 1)).toBe('#N/A');
  });

  it('reads the month of an Excel serial in customer-month rows', () => {
    // 46023 = 2026-01-01, 46054 = 2026-02-01 (1900 date system)
    expect(
      NRR(
        [
          ['a', 46023, 100],
          ['a', 46054, 150],
          ['b', 46023, 100],
          ['b', 46054, 80],
        ],
        46054,
      ),
    ).toBe(1.15);
  });
});
