/**
 * Reading one cell of a CRM export or a spreadsheet: text, numbers with either decimal
 * separator, dates in an explicit format (never guessed), instants, probabilities as fractions
 * or percent, booleans and lists. Each reader returns the value or a {@link CellProblem}; none
 * throws.
 * @module
 */
import { isCurrencyCode } from '../core/currency.js';
import type { CurrencyCode } from '../core/currency.js';
import { isInstant } from '../core/dates.js';

/** The date layouts a date cell may be read in; the importer never guesses which. */
export const DATE_FORMATS = ['YYYY-MM-DD', 'MM/DD/YYYY', 'DD/MM/YYYY', 'DD.MM.YYYY'] as const;
/** A date layout: `'YYYY-MM-DD'` (ISO 8601), `'MM/DD/YYYY'` (US), `'DD/MM/YYYY'`, `'DD.MM.YYYY'`. */
export type DateFormat = (typeof DATE_FORMATS)[number];

/** What is wrong with a cell: a stable code and the expectation, for the row's rejection. */
export interface CellProblem {
  readonly problem: 'INVALID_DATE' | 'INVALID_NUMBER' | 'INVALID_AMOUNT' | 'INVALID_PROBABILITY' | 'INVALID_VALUE';
  /** What the cell must be, e.g. "must be a date MM/DD/YYYY". */
  readonly expected: string;
}

/** The parts of a date-time cell: its calendar date and, when written, its time of day. @internal */
export interface DateTimeCell {
  readonly date: string;
  /** `HH:MM:SS` (24-hour), or undefined for a date-only cell. */
  readonly time: string | undefined;
  /** The offset as written (`Z`, `+01:00`), or undefined when none is written. */
  readonly offset: string | undefined;
}

/** Whether a cell is empty: null, undefined, or a string of white space only. @internal */
export function isEmptyCell(cell: unknown): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

const problem = (code: CellProblem['problem'], expected: string): CellProblem => ({ problem: code, expected });

/** Whether a reader's result is a problem. @internal */
export function isProblem(v: unknown): v is CellProblem {
  return typeof v === 'object' && v !== null && 'problem' in v;
}

/** Reads a text cell: a string (trimmed) or a finite number written out. @internal */
export function readText(cell: unknown): string | CellProblem {
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'number' && Number.isFinite(cell)) return String(cell);
  if (typeof cell === 'boolean') return String(cell);
  return problem('INVALID_VALUE', 'must be text');
}

/** Whether `text` holds a digit. */
function hasDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isDigitCode(text.charCodeAt(i))) return true;
  return false;
}

const PLAIN_DOT = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?$/;
const PLAIN_COMMA = /^[+-]?(?:\d{1,3}(?:[. \u00a0\u202f]\d{3})+|\d+)?(?:,\d+)?$/;

/**
 * Reads a decimal number cell to its plain decimal text with `.` as the separator (`"1,234.50"`
 * → `"1234.50"`; with `','`, `"1.234,50"` → `"1234.50"`). Group separators are accepted only in
 * groups of three. A JS number is written out exactly as JavaScript prints it. @internal
 */
export function readDecimalText(cell: unknown, separator: '.' | ','): string | CellProblem {
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return problem('INVALID_NUMBER', 'must be a finite number');
    const s = String(cell);
    return s.includes('e') ? (cell === 0 ? '0' : s) : s;
  }
  if (typeof cell !== 'string') return problem('INVALID_NUMBER', 'must be a number');
  const t = cell.trim();
  const ok = separator === '.' ? PLAIN_DOT.test(t) : PLAIN_COMMA.test(t);
  if (!ok || !hasDigit(t)) {
    return problem(
      'INVALID_NUMBER',
      separator === '.'
        ? 'must be a number such as 1234.50 or 1,234.50 (decimalSeparator ".")'
        : 'must be a number such as 1234,50 or 1.234,50 (decimalSeparator ",")',
    );
  }
  if (separator === '.') return t.includes(',') ? t.replace(/,/g, '') : t;
  return t.replace(/[. \u00a0\u202f]/g, '').replace(',', '.');
}

/** Reads a finite number cell. @internal */
export function readNumberCell(cell: unknown, separator: '.' | ','): number | CellProblem {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell + 0 : problem('INVALID_NUMBER', 'must be finite');
  const text = readDecimalText(cell, separator);
  if (isProblem(text)) return text;
  return Number(text) + 0;
}

/** Reads a safe integer cell (`"24"`, `24`, `"1,200"`). @internal */
export function readIntegerCell(cell: unknown, separator: '.' | ','): number | CellProblem {
  const n = readNumberCell(cell, separator);
  if (isProblem(n)) return n;
  return Number.isSafeInteger(n) ? n : problem('INVALID_NUMBER', 'must be a whole number');
}

/** Moves the decimal point of a plain decimal text two places left (`"12.5"` → `"0.125"`). */
function percentText(text: string): string {
  const negative = text.startsWith('-');
  const body = text.replace(/^[+-]/, '');
  const [int = '', frac = ''] = body.split('.');
  const padded = int.padStart(3, '0');
  return `${negative ? '-' : ''}${padded.slice(0, -2)}.${padded.slice(-2)}${frac}`;
}

/**
 * Reads a probability cell to a fraction in [0, 1]. Under `'percent'` the cell is 0–100;
 * under `'fraction'` 0–1; a trailing `%` always means percent (`"20%"` is 0.2 either way).
 * The percent conversion moves the decimal point in the text, so `"12.34"` is exactly the
 * number `0.1234`. @internal
 */
export function readProbabilityCell(
  cell: unknown,
  scale: 'fraction' | 'percent',
  separator: '.' | ',',
): number | CellProblem {
  let value = cell;
  let percent = scale === 'percent';
  if (typeof value === 'string' && value.trim().endsWith('%')) {
    value = value.trim().slice(0, -1);
    percent = true;
  }
  const text = readDecimalText(value, separator);
  const expected = percent ? 'must be a probability from 0 to 100 (percent)' : 'must be a probability from 0 to 1';
  if (isProblem(text)) return problem('INVALID_PROBABILITY', expected);
  const n = percent ? (text.includes('e') ? Number(text) / 100 : Number(percentText(text))) : Number(text);
  if (!(n >= 0 && n <= 1)) return problem('INVALID_PROBABILITY', expected);
  return n + 0;
}

const TRUE = new Set(['true', 'yes', 'y', '1', 'x']);
const FALSE = new Set(['false', 'no', 'n', '0']);

/** Reads a boolean cell: true/false, yes/no, y/n, 1/0 (any case), `x` for true. @internal */
export function readBooleanCell(cell: unknown): boolean | CellProblem {
  if (typeof cell === 'boolean') return cell;
  if (cell === 1 || cell === 0) return cell === 1;
  if (typeof cell === 'string') {
    const t = cell.trim().toLowerCase();
    if (TRUE.has(t)) return true;
    if (FALSE.has(t)) return false;
  }
  return problem('INVALID_VALUE', 'must be true or false (yes/no, 1/0)');
}

/** Reads a list cell: parts separated by `separator`, trimmed, empty parts dropped. @internal */
export function readListCell(cell: unknown, separator: string): string[] | CellProblem {
  const text = readText(cell);
  if (isProblem(text)) return text;
  return text
    .split(separator)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(?:\s*([AaPp][Mm]))?\s*(Z|[+-]\d{2}:?\d{2})?$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether year-month-day is a calendar date of years 0001–9999 (proleptic Gregorian), without a Date object. */
function isCalendarDate(year: number, month: number, day: number): boolean {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] as number));
}

function pad2(n: string): string {
  return n.length === 1 ? `0${n}` : n;
}

function readTime(text: string): { time: string; offset: string | undefined } | undefined {
  const m = TIME.exec(text);
  if (m === null) return undefined;
  let hours = Number(m[1]);
  const minutes = Number(m[2]);
  const seconds = m[3] === undefined ? 0 : Number(m[3]);
  const half = m[5]?.toLowerCase();
  if (half !== undefined) {
    if (hours < 1 || hours > 12) return undefined;
    hours = (hours % 12) + (half === 'pm' ? 12 : 0);
  }
  if (hours > 23 || minutes > 59 || seconds > 59) return undefined;
  const fraction = m[4] ?? '';
  const time = `${pad2(String(hours))}:${pad2(String(minutes))}:${pad2(String(seconds))}${fraction}`;
  const offset = m[6] === undefined ? undefined : m[6] === 'Z' ? 'Z' : m[6].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  return { time, offset };
}

/** What a date cell must be, by format (written once, not for every cell). */
const DATE_EXPECTED: Readonly<Record<DateFormat, string>> = {
  'YYYY-MM-DD': 'must be a date YYYY-MM-DD',
  'MM/DD/YYYY': 'must be a date MM/DD/YYYY (options.dateFormat)',
  'DD/MM/YYYY': 'must be a date DD/MM/YYYY (options.dateFormat)',
  'DD.MM.YYYY': 'must be a date DD.MM.YYYY (options.dateFormat)',
};

const LAYOUTS: Record<DateFormat, RegExp> = {
  'YYYY-MM-DD': /^(\d{4})-(\d{2})-(\d{2})(?:[T ](.+))?$/,
  'MM/DD/YYYY': /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ ,]+(.+))?$/,
  'DD/MM/YYYY': /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ ,]+(.+))?$/,
  'DD.MM.YYYY': /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[ ,]+(.+))?$/,
};

/**
 * Reads a date or date-time cell written in `format`, with an optional time of day (`HH:MM`,
 * `HH:MM:SS`, 12-hour `9:05 AM`) and offset (`Z`, `+01:00`). A JavaScript `Date` (as Google
 * Apps Script passes a date cell) is read as its UTC date and time. @internal
 */
export function readDateTimeCell(cell: unknown, format: DateFormat): DateTimeCell | CellProblem {
  const plain = plainDate(cell, format);
  return plain === undefined ? parseDateTimeCell(cell, format) : { date: plain, time: undefined, offset: undefined };
}

/** A plain calendar date cell in `format` (no time, no space), as `YYYY-MM-DD`, by char codes; else undefined. */
function plainDate(cell: unknown, format: DateFormat): string | undefined {
  if (format !== 'YYYY-MM-DD') return plainLocalDate(cell, format);
  return isPlainIsoDate(cell) ? cell : undefined;
}

/** {@link readDateTimeCell} by the layout's regular expression, for a cell that is not a plain date. */
function parseDateTimeCell(cell: unknown, format: DateFormat): DateTimeCell | CellProblem {
  const expected = DATE_EXPECTED[format];
  if (cell instanceof Date) {
    const ms = cell.getTime();
    if (!Number.isFinite(ms)) return problem('INVALID_DATE', expected);
    const iso = cell.toISOString();
    if (!/^\d{4}-/.test(iso)) return problem('INVALID_DATE', expected);
    return { date: iso.slice(0, 10), time: iso.slice(11, 23), offset: 'Z' };
  }
  if (typeof cell !== 'string') return problem('INVALID_DATE', expected);
  const m = LAYOUTS[format].exec(cell.trim());
  if (m === null) return problem('INVALID_DATE', expected);
  const a = m[1] as string;
  const b = m[2] as string;
  const c = m[3] as string;
  const [y, mo, d] =
    format === 'YYYY-MM-DD' ? [a, b, c] : format === 'MM/DD/YYYY' ? [c, pad2(a), pad2(b)] : [c, pad2(b), pad2(a)];
  if (!isCalendarDate(Number(y), Number(mo), Number(d))) return problem('INVALID_DATE', expected);
  const date = `${y}-${mo}-${d}`;
  if (m[4] === undefined) return { date, time: undefined, offset: undefined };
  const time = readTime(m[4].trim());
  if (time === undefined) return problem('INVALID_DATE', `${expected}, optionally with a time HH:MM[:SS]`);
  return { date, time: time.time, offset: time.offset };
}

/** 48–57: the char code of a digit. */
function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Whether `cell` is exactly a calendar date `YYYY-MM-DD` (no space, no time): the common cell,
 * read by char codes without a regular expression or an intermediate object. @internal
 */
export function isPlainIsoDate(cell: unknown): cell is string {
  return typeof cell === 'string' && cell.length === 10 && isIsoDatePrefix(cell);
}

/** Whether the first 10 characters of `cell` are a calendar date `YYYY-MM-DD`, by char codes. @internal */
export function isIsoDatePrefix(cell: string): boolean {
  if (cell.length < 10 || cell.charCodeAt(4) !== 45 || cell.charCodeAt(7) !== 45) return false;
  for (let i = 0; i < 10; i++) if (i !== 4 && i !== 7 && !isDigitCode(cell.charCodeAt(i))) return false;
  const year = (cell.charCodeAt(0) - 48) * 1000 + (cell.charCodeAt(1) - 48) * 100 + (cell.charCodeAt(2) - 48) * 10;
  return isCalendarDate(
    year + cell.charCodeAt(3) - 48,
    (cell.charCodeAt(5) - 48) * 10 + cell.charCodeAt(6) - 48,
    (cell.charCodeAt(8) - 48) * 10 + cell.charCodeAt(9) - 48,
  );
}

/**
 * A cell of exactly 10 characters `DD.MM.YYYY`, `DD/MM/YYYY` or `MM/DD/YYYY` (as `format`, two
 * digits each for day and month) that is a calendar date, as `YYYY-MM-DD`, read by char codes;
 * `undefined` for any other cell, which the layout's regular expression then reads (the same
 * date, or the problem). @internal
 */
export function plainLocalDate(cell: unknown, format: Exclude<DateFormat, 'YYYY-MM-DD'>): string | undefined {
  if (typeof cell !== 'string' || cell.length !== 10) return undefined;
  const separator = format === 'DD.MM.YYYY' ? 46 : 47; // '.' or '/'
  if (cell.charCodeAt(2) !== separator || cell.charCodeAt(5) !== separator) return undefined;
  for (let i = 0; i < 10; i++) if (i !== 2 && i !== 5 && !isDigitCode(cell.charCodeAt(i))) return undefined;
  const first = (cell.charCodeAt(0) - 48) * 10 + cell.charCodeAt(1) - 48;
  const second = (cell.charCodeAt(3) - 48) * 10 + cell.charCodeAt(4) - 48;
  const year =
    (cell.charCodeAt(6) - 48) * 1000 +
    (cell.charCodeAt(7) - 48) * 100 +
    (cell.charCodeAt(8) - 48) * 10 +
    cell.charCodeAt(9) -
    48;
  const us = format === 'MM/DD/YYYY';
  if (!isCalendarDate(year, us ? first : second, us ? second : first)) return undefined;
  const yyyy = cell.slice(6, 10);
  return us ? `${yyyy}-${cell.slice(0, 2)}-${cell.slice(3, 5)}` : `${yyyy}-${cell.slice(3, 5)}-${cell.slice(0, 2)}`;
}

/** Reads a calendar date cell (a date-time cell's date as written). @internal */
export function readDateCell(cell: unknown, format: DateFormat): string | CellProblem {
  const plain = plainDate(cell, format);
  if (plain !== undefined) return plain;
  const d = parseDateTimeCell(cell, format);
  return isProblem(d) ? d : d.date;
}

/**
 * Reads an instant cell: a date-time with an offset is kept; a date-time without one is read
 * in UTC; a date alone is the start of that day in UTC (`2026-01-24` → `2026-01-24T00:00:00Z`).
 * @internal
 */
export function readInstantCell(cell: unknown, format: DateFormat): string | CellProblem {
  if (format === 'YYYY-MM-DD' && isPlainIsoDate(cell)) return `${cell}T00:00:00Z`;
  const d = readDateTimeCell(cell, format);
  if (isProblem(d)) return d;
  const instant = `${d.date}T${d.time ?? '00:00:00'}${d.offset ?? 'Z'}`;
  // date and time are checked already; only a written offset still needs core's check
  if (d.offset === undefined || d.offset === 'Z' || isInstant(instant)) return instant;
  return problem('INVALID_DATE', `must be a date or date-time ${format} with an offset of at most ±14:00`);
}

/**
 * Splits an amount cell into its number and a currency code written beside it
 * (`"USD 1,200.00"`, `"1.200,00 EUR"`). @internal
 */
export function splitAmountCell(cell: unknown): { amount: unknown; currency: CurrencyCode | undefined } {
  if (typeof cell !== 'string') return { amount: cell, currency: undefined };
  // the common cell: a number with no code beside it (starts with a sign or a digit, ends with a digit)
  const first = cell.charCodeAt(0);
  if ((isDigitCode(first) || first === 45 || first === 43) && isDigitCode(cell.charCodeAt(cell.length - 1))) {
    return { amount: cell, currency: undefined };
  }
  const t = cell.trim();
  const m = /^([A-Z]{3})\s*(.+)$/.exec(t) ?? /^(.+?)\s*([A-Z]{3})$/.exec(t);
  if (m === null) return { amount: t, currency: undefined };
  const [code, amount] = /^[A-Z]{3}$/.test(m[1] ?? '') ? [m[1], m[2]] : [m[2], m[1]];
  return isCurrencyCode(code) ? { amount, currency: code } : { amount: t, currency: undefined };
}
