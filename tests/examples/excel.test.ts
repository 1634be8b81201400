/**
 * examples/excel: functions.json is what Office's custom-functions-metadata generates from
 * functions.ts (so it is current), every revops/sheets formula is there with its parameters,
 * and the functions file runs in a bare context as Excel's JavaScript-only runtime runs it
 * (no require, process or module), turning error values into CustomFunctions.Error.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/modules.mjs';
import * as sheets from '../../src/sheets/index.js';
import { bundleExample } from './helpers.js';

interface Metadata {
  functions: {
    id: string;
    name: string;
    parameters: { name: string; optional?: boolean; dimensionality?: string }[];
  }[];
}

const committed = JSON.parse(readFileSync(join(ROOT, 'examples/excel/functions.json'), 'utf8')) as Metadata;

/** The parameters of each formula function of src/sheets, read from its declaration. */
function sheetsSignatures(): Map<string, { name: string; optional: boolean }[]> {
  const out = new Map<string, { name: string; optional: boolean }[]>();
  for (const file of readdirSync(join(ROOT, 'src/sheets'))) {
    const text = readFileSync(join(ROOT, 'src/sheets', file), 'utf8');
    for (const m of text.matchAll(/export function ([A-Z][A-Z0-9_]*)\(([^)]*)\)/g)) {
      const params = (m[2] ?? '')
        .split(',')
        .map((p) => p.trim())
        .filter((p) => p !== '')
        .map((p) => ({ name: p.split(/[?:]/)[0]?.trim() ?? '', optional: /^\w+\?/.test(p) }));
      out.set(m[1] as string, params);
    }
  }
  return out;
}

describe('examples/excel/functions.json', () => {
  it('is what custom-functions-metadata generates from functions.ts', async () => {
    const generated = await generateCustomFunctionsMetadata(join(ROOT, 'examples/excel/functions.ts'));
    expect(generated.errors).toEqual([]);
    expect(committed).toEqual(JSON.parse(generated.metadataJson));
  });

  it('has every formula of revops/sheets, with its parameters in order and the optional ones optional', () => {
    const formulas = Object.entries(sheets)
      .filter(([k, v]) => /^[A-Z][A-Z0-9_]*$/.test(k) && typeof v === 'function')
      .map(([k]) => k);
    const signatures = sheetsSignatures();
    expect(committed.functions.map((f) => f.id).sort()).toEqual(formulas.sort());
    for (const f of committed.functions) {
      expect(f.name).toBe(f.id);
      const want = signatures.get(f.id);
      expect(want, f.id).toBeDefined();
      expect(
        f.parameters.map((p) => [p.name, p.optional === true]),
        f.id,
      ).toEqual(want?.map((p) => [p.name, p.optional]));
    }
  });

  it('declares ranges as matrices', () => {
    const range = committed.functions.find((f) => f.id === 'WEIGHTED_PIPELINE')?.parameters[0];
    expect(range).toMatchObject({ name: 'range', dimensionality: 'matrix' });
  });
});

describe('examples/excel/functions.ts in a bare context', () => {
  const associated: Record<string, (...args: unknown[]) => unknown> = {};
  let context: Record<string, unknown> = {};

  beforeAll(async () => {
    const code = await bundleExample('examples/excel/functions.ts', 'browser', 'iife');
    // Office's runtime objects, as much of them as the file uses
    context = createContext({
      CustomFunctions: {
        Error: class CustomFunctionsError extends Error {
          code: string;
          constructor(code: string, message?: string) {
            super(message ?? code);
            this.code = code;
          }
        },
        ErrorCode: {
          invalidValue: '#VALUE!',
          invalidNumber: '#NUM!',
          notAvailable: '#N/A',
          divisionByZero: '#DIV/0!',
        },
        associate: (id: string, fn: (...args: unknown[]) => unknown) => {
          associated[id] = fn;
        },
      },
    });
    runInContext(code, context);
  });

  it('registers every function of functions.json, with no require, process or module around', () => {
    expect(Object.keys(associated).sort()).toEqual(committed.functions.map((f) => f.id).sort());
    expect(runInContext('[typeof require, typeof process, typeof module]', context)).toEqual([
      'undefined',
      'undefined',
      'undefined',
    ]);
  });

  it('computes, from text cells and ranges as Excel passes them', () => {
    expect(associated['CONVERSION_RATE']?.('20', '100')).toBe(0.2);
    // 45,000 at 5 % to 10,000 then 7 %: 500 + 2,450 = 2,950 (by hand)
    expect(
      associated['COMMISSION_TIERED']?.(
        45000,
        [
          ['From', 'Rate'],
          [0, 0.05],
          [10000, 0.07],
        ],
        null,
        null,
        null,
      ),
    ).toBe(2950);
    // Excel on the web: empty cells are null; serials 46023 = 2026-01-01, 46054 = 2026-02-01
    const mrr = [
      ['a', 46023, 100],
      ['a', 46054, 150],
      ['b', 46023, 100],
      ['b', 46054, 80],
      [null, null, null],
    ];
    expect(associated['NRR']?.(mrr, 46054, null, null)).toBe(1.15);
    expect(associated['LINEAR_TREND_FORECAST']?.([[1], [3], [5], [7]], 2)).toEqual([[9], [11]]);
  });

  it('throws CustomFunctions.Error with the code of the error value', () => {
    const codeOf = (f: () => unknown): unknown => {
      try {
        f();
      } catch (e) {
        return (e as { code?: unknown }).code;
      }
      return 'no error';
    };
    expect(codeOf(() => associated['WIN_RATE']?.(0, 0))).toBe('#DIV/0!');
    expect(codeOf(() => associated['CONVERSION_RATE']?.(3, 2))).toBe('#NUM!');
    expect(
      codeOf(() =>
        associated['WEIGHTED_PIPELINE']?.(
          [
            ['x', 'y'],
            ['lots', 0.5],
          ],
          null,
        ),
      ),
    ).toBe('#VALUE!');
    expect(codeOf(() => associated['HOLT_WINTERS_FORECAST']?.([[1], [2]], 2, 4))).toBe('#N/A');
  });
});
