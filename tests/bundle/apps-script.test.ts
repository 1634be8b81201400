/**
 * examples/apps-script: dist/revops.global.js and Code.gs in one bare context, as an Apps Script
 * project runs its script files (one global scope, no require, process or module).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, ROOT } from './helpers.js';

let context: Record<string, unknown> = {};
const run = (src: string): unknown => runInContext(src, context);

beforeAll(() => {
  assertBuilt();
  context = createContext({});
  run(readFileSync(join(ROOT, 'dist/revops.global.js'), 'utf8'));
  runInContext(readFileSync(join(ROOT, 'examples/apps-script/Code.gs'), 'utf8'), context, { filename: 'Code.gs' });
});

describe('the Apps Script example', () => {
  it('defines a formula per revops/sheets function, where there is no require, process or module', () => {
    const formulas = run(
      'Object.keys(revops).filter((k) => /^[A-Z][A-Z0-9_]*$/.test(k) && typeof revops[k] === "function")',
    );
    for (const name of formulas as string[]) expect(run(`typeof ${name}`), name).toBe('function');
    expect(run('[typeof require, typeof process, typeof module]')).toEqual(['undefined', 'undefined', 'undefined']);
  });

  it('computes the README table, from cells as Sheets passes them', () => {
    expect(run('CONVERSION_RATE(20, 100)')).toBe(0.2);
    expect(run('WIN_RATE(3, 1)')).toBe(0.75);
    // R: prop.test(18, 20, correct = FALSE)$conf.int → 0.6989664 0.9721335
    expect(run('WILSON_LOWER(18, 20, "")')).toBeCloseTo(0.6989664, 7);
    expect(run('WILSON_UPPER(18, 20)')).toBeCloseTo(0.9721335, 7);
    expect(run('COMMISSION_TIERED(45000, [[0, 0.05], [10000, 0.07]], "", "", "")')).toBe(2950);
    expect(run('LTV(100, 0.05)')).toBe(2000);
    expect(run('CAC_PAYBACK(770000, 100000, 0.7)')).toBe(11);
    // Sheets passes '' for empty cells and Date objects for date cells
    const rows =
      '[["Customer", "Month", "MRR"], ["a", new Date(2026, 0, 1), 100], ["a", new Date(2026, 1, 1), 150], ' +
      '["b", new Date(2026, 0, 1), 100], ["b", new Date(2026, 1, 1), 80], ["", "", ""]]';
    expect(run(`NRR(${rows}, new Date(2026, 1, 1))`)).toBe(1.15);
    expect(run(`GRR(${rows}, "2026-02")`)).toBe(0.9);
    expect(JSON.stringify(run(`MRR_MOVEMENTS(${rows}, "2026-02")`))).toBe(
      '[["starting",200],["new",0],["expansion",50],["contraction",20],' +
        '["churned",0],["reactivation",0],["ending",230]]',
    );
  });

  it('throws the error value, so that the cell shows an error IFERROR catches', () => {
    expect(() => run('WIN_RATE(0, 0)')).toThrow('#DIV/0!');
    expect(() => run('CONVERSION_RATE("twenty", 100)')).toThrow('#VALUE!');
  });
});
