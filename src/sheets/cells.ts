/**
 * Reading cells and ranges as spreadsheets pass them to custom functions: numbers, numeric
 * text, blanks (`null`, `undefined` or `''`), dates (an Excel serial number, a `Date` from
 * Apps Script, or `YYYY-MM-DD` text) and 2-D ranges (rows of cells).
 * @module
 */
import { addDays, type IsoDate } from '../core/dates.js';
import { invalid } from '../core/errors.js';
import { month, type Period } from '../core/periods.js';
import { CellError, isSheetError } from './errors.js';

/**
 * One cell as a host passes it: a number, text, a boolean, a `Date` (Apps Script), or a blank
 * (`null` or `undefined`: Excel on the web passes an empty cell as `null`, Excel on the desktop
 * as `0`; an omitted optional argument is `null` in Excel and `undefined` in Apps Script).
 */
export type Cell = number | string | boolean | Date | null | undefined;

/**
 * A range as a host passes it: rows of cells (`A2:C9` is 8 rows of 3 cells). A single cell
 * and a single row (a 1-D array) are accepted too, since Apps Script passes a one-cell range
 * as the bare value.
 */
export type CellRange = Cell | readonly Cell[] | readonly (readonly Cell[])[];

/** Whether a cell is blank: `null`, `undefined`, or text of only spaces. */
export function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

// A decimal with optional sign, thousands separators (1,234.5) and exponent.
const NUMERIC = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/** The number in numeric text (`"20"`, `"1,250.50"`, `"25%"` → 0.25), or `undefined`. */
function parseNumericText(text: string): number | undefined {
  let t = text.trim();
  let percent = false;
  if (t.endsWith('%')) {
    percent = true;
    t = t.slice(0, -1).trim();
  }
  if (t === '' || !/\d/.test(t) || !NUMERIC.test(t)) return undefined;
  const n = Number(t.replace(/,/g, ''));
  if (!Number.isFinite(n)) return undefined;
  return percent ? n / 100 : n;
}

/** Throws the cell's error value when a cell holds one (`"#N/A"`), so it propagates. */
function propagate(v: unknown): void {
  if (isSheetError(v)) throw new CellError(v);
}

/**
 * Reads a number cell: a finite number, or numeric text (`"20"`, `" 1,250.50 "`, `"25%"` is
 * 0.25). A blank is `blank` (0 for a required argument: Excel's desktop passes an empty cell
 * as 0, the web as `null`, and both must give the same answer).
 * @throws {RevopsError} `INVALID_INPUT` for other text, a boolean, a date or a non-finite number.
 * @internal
 */
export function readNumberCell(v: unknown, field: string, blank = 0): number {
  propagate(v);
  if (isBlank(v)) return blank;
  if (typeof v === 'number' && Number.isFinite(v)) return v === 0 ? 0 : v;
  if (typeof v === 'string') {
    const n = parseNumericText(v);
    if (n !== undefined) return n === 0 ? 0 : n;
  }
  throw invalid('INVALID_INPUT', field, v, 'must be a number or numeric text');
}

/** Reads an optional number cell: `undefined` when blank or omitted. @internal */
export function readOptionalNumber(v: unknown, field: string): number | undefined {
  propagate(v);
  return isBlank(v) ? undefined : readNumberCell(v, field);
}

/** Whether a cell reads as a number (a header cell does not). */
function isNumeric(v: unknown): boolean {
  return (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && parseNumericText(v) !== undefined);
}

/**
 * Reads a text cell, trimmed; a number is written as its decimal (`1001` → `"1001"`).
 * @throws {RevopsError} `INVALID_INPUT` for a blank, a boolean or a date.
 * @internal
 */
export function readTextCell(v: unknown, field: string): string {
  propagate(v);
  if (typeof v === 'string' && v.trim() !== '') return v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  throw invalid('INVALID_INPUT', field, v, 'must be text or a number');
}

/** Reads an optional text cell (`undefined` when blank or omitted). @internal */
export function readOptionalText(v: unknown, field: string): string | undefined {
  propagate(v);
  return isBlank(v) ? undefined : readTextCell(v, field);
}

/** Reads a currency cell (`"usd"` → `"USD"`), `USD` when blank or omitted. @internal */
export function readCurrencyCell(v: unknown, field: string): string {
  return (readOptionalText(v, field) ?? 'USD').toUpperCase();
}

/**
 * Reads a date cell as a calendar date: an Excel serial number (1900 date system: serial
 * 46023 is 2026-01-01; from serial 61, 1900-03-01, since Excel counts a 29 February 1900 that
 * never was), a `Date` (read with its local calendar fields, which in Apps Script are the
 * script's time zone: set it to the sheet's), or text `YYYY-MM-DD` / `YYYY-MM`
 * (the first of the month).
 * @throws {RevopsError} `INVALID_DATE` for anything else.
 * @internal
 */
export function readDateCell(v: unknown, field: string): IsoDate {
  propagate(v);
  if (typeof v === 'number' && Number.isFinite(v) && v >= 61 && v < 2_958_466) {
    return addDays('1899-12-30', Math.floor(v)); // a serial's fraction is the time of day
  }
  if (v instanceof Date && Number.isFinite(v.getTime())) {
    const pad = (n: number, w: number): string => String(n).padStart(w, '0');
    return `${pad(v.getFullYear(), 4)}-${pad(v.getMonth() + 1, 2)}-${pad(v.getDate(), 2)}`;
  }
  if (typeof v === 'string') {
    const t = v.trim();
    if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return addDays(t, 0);
    if (/^\d{4}-\d{2}$/.test(t)) return addDays(`${t}-01`, 0);
  }
  throw invalid('INVALID_DATE', field, v, 'must be a date (a date cell, or text YYYY-MM-DD)');
}

/** The calendar month that holds a date cell. @internal */
export function readMonthCell(v: unknown, field: string): Period {
  const date = readDateCell(v, field);
  return month(Number(date.slice(0, 4)), Number(date.slice(5, 7)));
}

/** A data row of a range: its cells and its 1-based position in the range (for messages). @internal */
export interface RangeRow {
  readonly cells: readonly Cell[];
  readonly row: number;
}

/** Which columns a table range has. @internal */
export interface TableShape {
  /** Fewest columns a row must have. */
  readonly min: number;
  /** Columns that hold numbers: a first row with text there is a header and is skipped. */
  readonly numeric: readonly number[];
}

/** A range as rows of cells (a bare cell is one row of one cell, a 1-D array one row). */
function rowsOf(range: unknown, field: string): readonly (readonly unknown[])[] {
  propagate(range);
  if (!Array.isArray(range)) return [[range]];
  if (range.every((r) => !Array.isArray(r))) return [range];
  if (!range.every((r) => Array.isArray(r))) {
    throw invalid('INVALID_INPUT', field, range, 'must be a range: an array of rows, each an array of cells');
  }
  return range as readonly (readonly unknown[])[];
}

/**
 * Reads a table range: rows with every cell blank are skipped (a range larger than the data),
 * and so is a first row that holds text in a numeric column (a header row).
 * @throws {RevopsError} `INVALID_INPUT` for a range that is not rows of cells, or a row with
 *   fewer than `shape.min` columns.
 * @internal
 */
export function readTable(range: unknown, field: string, shape: TableShape): RangeRow[] {
  const out: RangeRow[] = [];
  let first = true;
  rowsOf(range, field).forEach((cells, i) => {
    if (cells.every(isBlank)) return;
    const header =
      first && shape.numeric.some((c) => typeof cells[c] === 'string' && !isBlank(cells[c]) && !isNumeric(cells[c]));
    first = false;
    if (header && !cells.some(isSheetError)) return;
    if (cells.length < shape.min) {
      throw invalid('INVALID_INPUT', `${field} row ${i + 1}`, cells, `must have at least ${shape.min} columns`);
    }
    out.push({ cells: cells as readonly Cell[], row: i + 1 });
  });
  return out;
}

/**
 * Reads a series: one row or one column of numbers, in order. A first cell of non-numeric
 * text (a header) and blank cells at the end (a range larger than the data) are skipped; a
 * blank between two values is refused, since a gap would shift every later period.
 * @throws {RevopsError} `INVALID_INPUT` for a range of several rows and columns, a gap, or a
 *   cell that is not a number.
 * @internal
 */
export function readSeries(range: unknown, field: string): number[] {
  const rows = rowsOf(range, field);
  let cells: readonly unknown[];
  if (rows.length === 1) cells = rows[0] as readonly unknown[];
  else if (rows.every((r) => r.length === 1)) cells = rows.map((r) => r[0]);
  else throw invalid('INVALID_INPUT', field, range, 'must be one row or one column');
  const list = [...cells];
  while (list.length > 0 && isBlank(list[list.length - 1])) list.pop();
  const first = list[0];
  if (typeof first === 'string' && !isBlank(first) && !isNumeric(first) && !isSheetError(first)) list.shift();
  return list.map((v, i) => {
    if (isBlank(v)) throw invalid('INVALID_INPUT', `${field}[${i + 1}]`, v, 'must not be blank between two values');
    return readNumberCell(v, `${field}[${i + 1}]`);
  });
}
