/**
 * The spreadsheet formulas through the global bundle, in a bare context as Apps Script runs a
 * script: no require, process, module, window or Node globals; only the language.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { beforeAll, expect, it } from 'vitest';
import { assertBuilt, ROOT } from './helpers.js';

type Fn = (...args: unknown[]) => unknown;
let context: Record<string, unknown> = {};
const call = (src: string): unknown => runInContext(src, context);

beforeAll(() => {
  assertBuilt();
  context = createContext({});
  runInContext(readFileSync(join(ROOT, 'dist/revops.global.js'), 'utf8'), context, { filename: 'revops.global.js' });
});

it('runs where there is no require, process or module', () => {
  expect(call('[typeof require, typeof process, typeof module, typeof window]')).toEqual([
    'undefined',
    'undefined',
    'undefined',
    'undefined',
  ]);
  expect(typeof (context['revops'] as Record<string, Fn>)['CONVERSION_RATE']).toBe('function');
});

it('computes the worked examples of revops/sheets', () => {
  expect(call('revops.CONVERSION_RATE("20", "100")')).toBe(0.2);
  expect(call('revops.WIN_RATE(0, 0)')).toBe('#DIV/0!');
  // 45,000 at 5 % to 10,000 then 7 %: 500 + 2,450 (exact money, BigInt arithmetic inside)
  expect(call('revops.COMMISSION_TIERED(45000, [["From", "Rate"], [0, "5%"], [10000, 0.07]])')).toBe(2950);
  expect(call('revops.WEIGHTED_PIPELINE([[3950, 0.7], [3060, 0.7], [null, null], [1001.99, 0.25]])')).toBe(5157.5);
  const rows = '[["a", "2026-01", 100], ["a", "2026-02", 150], ["b", "2026-01", 100], ["b", "2026-02", 80]]';
  expect(call(`revops.NRR(${rows}, "2026-02")`)).toBe(1.15);
  expect(JSON.stringify(call('revops.LINEAR_TREND_FORECAST([[1], [3], [5], [7]], 2)'))).toBe('[[9],[11]]');
  // a Date made in the script's own realm, as Apps Script passes a date cell
  expect(
    call('revops.NRR([["a", new Date(2026, 0, 1), 100], ["a", new Date(2026, 1, 1), 120]], new Date(2026, 1, 15))'),
  ).toBe(1.2);
});
