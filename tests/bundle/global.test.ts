/**
 * dist/revops.global.js, the IIFE for spreadsheet scripts, runs in a bare JavaScript context
 * (no Node or browser globals, as in Google Apps Script) and defines the global `revops`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { beforeAll, expect, it } from 'vitest';
import { assertBuilt, ROOT } from './helpers.js';

let revops: Record<string, unknown> | undefined;

beforeAll(() => {
  assertBuilt();
  const context = createContext({});
  runInContext(readFileSync(join(ROOT, 'dist/revops.global.js'), 'utf8'), context, { filename: 'revops.global.js' });
  revops = (context as { revops?: Record<string, unknown> }).revops;
});

it('defines the global revops', () => {
  expect(typeof revops).toBe('object');
});

it('has revops.money, exact', () => {
  const money = revops?.['money'] as (amount: number, currency: string) => unknown;
  expect(typeof money).toBe('function');
  expect(money(0.1, 'USD')).toEqual({ amount: '0.10', currency: 'USD' });
});

it('inlines decimal.js: revops.divide works without require or import', () => {
  const { divide, money } = revops as Record<string, (...args: unknown[]) => unknown>;
  expect(typeof divide).toBe('function');
  // 34 significant digits: revops' Decimal clone (src/core/decimal.ts)
  expect(divide?.(money?.('1.00', 'USD'), 3)).toEqual({
    amount: '0.3333333333333333333333333333333333',
    currency: 'USD',
  });
});
