import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/modules.mjs';
import { RevopsError, type RevopsErrorCode } from '../../src/core/errors.js';
import { isSheetError, SHEET_ERRORS, sheetErrorOf } from '../../src/sheets/index.js';

describe('SHEET_ERRORS', () => {
  it('maps every RevopsError code to one of the four values both Excel and Google Sheets show', () => {
    // the codes listed in src/core/errors.ts (the RevopsErrorCode union); tsc makes the table total
    const source = readFileSync(join(ROOT, 'src/core/errors.ts'), 'utf8');
    const union = source.slice(source.indexOf('export type RevopsErrorCode'), source.indexOf('export interface'));
    const listed = [...union.matchAll(/\|\s*'([A-Z_]+)'/g)].map((m) => m[1]).sort();
    const codes = Object.keys(SHEET_ERRORS);
    expect(listed.length).toBeGreaterThan(20);
    expect([...codes].sort()).toEqual(listed);
    for (const code of codes) expect(isSheetError(SHEET_ERRORS[code as RevopsErrorCode])).toBe(true);
  });

  it('wrong kind #VALUE!, out of domain #NUM!, empty denominator #DIV/0!, too little data #N/A', () => {
    expect(SHEET_ERRORS.INVALID_INPUT).toBe('#VALUE!');
    expect(SHEET_ERRORS.UNKNOWN_CURRENCY).toBe('#VALUE!');
    expect(SHEET_ERRORS.INVALID_COUNT).toBe('#NUM!');
    expect(SHEET_ERRORS.INVALID_RATE).toBe('#NUM!');
    expect(SHEET_ERRORS.DIVISION_BY_ZERO).toBe('#DIV/0!');
    expect(SHEET_ERRORS.INSUFFICIENT_DATA).toBe('#N/A');
  });

  it('is frozen', () => {
    expect(Object.isFrozen(SHEET_ERRORS)).toBe(true);
  });
});

describe('sheetErrorOf', () => {
  it('reads the code of a RevopsError, or of an error from another copy of the class', () => {
    expect(sheetErrorOf(new RevopsError('INSUFFICIENT_DATA', 'series must have 2 values, got 1'))).toBe('#N/A');
    const foreign = Object.assign(new Error('x'), { code: 'INVALID_RATE' });
    expect(sheetErrorOf(foreign)).toBe('#NUM!');
  });

  it('is #VALUE! for anything else, and never throws', () => {
    expect(sheetErrorOf(new TypeError('boom'))).toBe('#VALUE!');
    expect(sheetErrorOf(Object.assign(new Error('x'), { code: 'ENOENT' }))).toBe('#VALUE!');
    expect(sheetErrorOf(Object.assign(new Error('x'), { code: 'toString' }))).toBe('#VALUE!');
    expect(sheetErrorOf('text')).toBe('#VALUE!');
    expect(sheetErrorOf(null)).toBe('#VALUE!');
    const hostile = new Proxy(new Error('x'), {
      get() {
        throw new Error('trap');
      },
    });
    expect(sheetErrorOf(hostile)).toBe('#VALUE!');
  });
});

describe('isSheetError', () => {
  it('knows the four values and nothing else', () => {
    expect(['#VALUE!', '#NUM!', '#N/A', '#DIV/0!'].map(isSheetError)).toEqual([true, true, true, true]);
    expect(['#REF!', '#NAME?', 'VALUE', 0, null].map(isSheetError)).toEqual([false, false, false, false, false]);
  });
});
