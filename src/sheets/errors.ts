/**
 * Spreadsheet error values: how a {@link RevopsError} shows in a cell. Plain data, no
 * dependency: the table is what the custom-function wrappers (Excel, Apps Script) translate.
 * @module
 */
import type { RevopsError, RevopsErrorCode } from '../core/errors.js';

/**
 * The error values a `revops/sheets` function returns instead of throwing, the four that both
 * Excel and Google Sheets show and that Excel custom functions may return
 * (`CustomFunctions.ErrorCode`: `invalidValue`, `invalidNumber`, `notAvailable`,
 * `divisionByZero`; see Microsoft's "Handle and return errors from your custom function").
 */
export type SheetError = '#VALUE!' | '#NUM!' | '#N/A' | '#DIV/0!';

/** A number, or the error value that takes its place. */
export type SheetNumber = number | SheetError;

/** A 2-D range a function returns (rows of cells), or the error value that takes its place. */
export type SheetMatrix = (number | string)[][] | SheetError;

/**
 * The error value of each {@link RevopsErrorCode}. The rule, as spreadsheets use these values:
 * `#VALUE!` for an argument of the wrong kind or shape (text that is not a number, an unknown
 * currency or stage, a malformed range, a bad option); `#NUM!` for a number outside its domain
 * (a negative or fractional count, a rate above 1, a confidence of 2); `#DIV/0!` for a rate
 * over an empty denominator (0 of 0) and an exact division by zero; `#N/A` for too little data
 * for the method (a forecast of a 3-point series). The pipeline's refusal codes never reach a
 * sheets function; they map to `#VALUE!`. A result that is not a finite number is `#NUM!`;
 * any other exception (a bug) is `#VALUE!`, as Excel shows an unhandled exception.
 */
export const SHEET_ERRORS: Readonly<Record<RevopsErrorCode, SheetError>> = Object.freeze({
  INVALID_INPUT: '#VALUE!',
  INVALID_AMOUNT: '#VALUE!',
  UNKNOWN_CURRENCY: '#VALUE!',
  CURRENCY_MISMATCH: '#VALUE!',
  INVALID_DATE: '#VALUE!',
  INVALID_PERIOD: '#VALUE!',
  DIVISION_BY_ZERO: '#DIV/0!',
  INVALID_RATIO: '#NUM!',
  INVALID_COUNT: '#NUM!',
  INVALID_RATE: '#NUM!',
  INVALID_OPTION: '#VALUE!',
  INVALID_PIPELINE: '#VALUE!',
  INVALID_PLAN: '#VALUE!',
  INSUFFICIENT_DATA: '#N/A',
  INVALID_SEED: '#VALUE!',
  INVALID_SUMMARY: '#VALUE!',
  DUPLICATE_ID: '#VALUE!',
  TOO_MANY_REJECTED: '#VALUE!',
  TIME_TRAVEL: '#VALUE!',
  CLOSED: '#VALUE!',
  TRANSITION_NOT_ALLOWED: '#VALUE!',
  ROLE_NOT_PERMITTED: '#VALUE!',
  REASON_REQUIRED: '#VALUE!',
  SYSTEM_NOT_PERMITTED: '#VALUE!',
  GUARD_FAILED: '#VALUE!',
  NOT_CLOSED: '#VALUE!',
  REOPEN_NOT_ALLOWED: '#VALUE!',
  LEAD_NOT_QUALIFIED: '#VALUE!',
  OWNER_REQUIRED: '#VALUE!',
  ACCOUNT_REQUIRED: '#VALUE!',
});

const ERROR_VALUES: readonly string[] = ['#VALUE!', '#NUM!', '#N/A', '#DIV/0!'];

/**
 * Whether `value` is one of the four {@link SheetError} values.
 *
 * @param value - anything (a function's result, or a cell).
 * @returns `true` for `'#VALUE!'`, `'#NUM!'`, `'#N/A'` and `'#DIV/0!'`.
 * @example
 * ```ts
 * import { isSheetError, CONVERSION_RATE } from 'revops/sheets';
 * isSheetError(CONVERSION_RATE(0, 0));
 * //=> true
 * isSheetError(CONVERSION_RATE(20, 100));
 * //=> false
 * ```
 */
export function isSheetError(value: unknown): value is SheetError {
  return typeof value === 'string' && ERROR_VALUES.includes(value);
}

/**
 * The error value of an exception: {@link SHEET_ERRORS} for a {@link RevopsError} (by its
 * `code`, so it works across the ESM and CJS copies), `#VALUE!` for anything else.
 *
 * @param error - what a library function threw.
 * @returns the spreadsheet error value.
 * @example
 * ```ts
 * import { RevopsError } from 'revops/core';
 * import { sheetErrorOf } from 'revops/sheets';
 * sheetErrorOf(new RevopsError('INVALID_COUNT', 'total must be a non-negative integer, got -1'));
 * //=> '#NUM!'
 * sheetErrorOf(new TypeError('x is undefined'));
 * //=> '#VALUE!'
 * ```
 */
export function sheetErrorOf(error: unknown): SheetError {
  try {
    if (error instanceof CellError) return error.value;
    const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
    if (typeof code === 'string' && Object.hasOwn(SHEET_ERRORS, code)) {
      return SHEET_ERRORS[code as RevopsErrorCode];
    }
  } catch {
    // a hostile object (a throwing getter or proxy): nothing more to learn from it
  }
  return '#VALUE!';
}

/** An error value found in an input cell: it propagates unchanged, as in a spreadsheet. @internal */
export class CellError extends Error {
  /** The error value of the cell. */
  readonly value: SheetError;
  constructor(value: SheetError) {
    super(`a cell holds ${value}`);
    this.value = value;
  }
}

/** Runs `compute`; an exception becomes its error value, a non-finite number `#NUM!`. @internal */
export function sheetNumber(compute: () => number | null): SheetNumber {
  try {
    const x = compute();
    if (x === null) return '#DIV/0!';
    return Number.isFinite(x) ? (x === 0 ? 0 : x) : '#NUM!';
  } catch (e) {
    return sheetErrorOf(e);
  }
}

/** Runs `compute` for a 2-D result; an exception becomes its error value. @internal */
export function sheetMatrix(compute: () => (number | string)[][]): SheetMatrix {
  try {
    const rows = compute();
    for (const row of rows) for (const x of row) if (typeof x === 'number' && !Number.isFinite(x)) return '#NUM!';
    return rows;
  } catch (e) {
    return sheetErrorOf(e);
  }
}
