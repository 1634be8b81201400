/**
 * The built artifacts (scripts/warehouse.mjs): each BigQuery body loads as an ES module with
 * the four exports, each Snowflake body evaluates to one object literal with the callbacks, and
 * both give the library's answers through the harness; the SQL quotes the bodies whole.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWarehouse, WAREHOUSE_FUNCTIONS } from '../../scripts/warehouse.mjs';
import type { BigQueryModule, SnowflakeObject } from './harness.js';
import { onBigQuery, onSnowflake, SCENARIOS } from './scenarios.js';

let dir = '';
let sizes: Awaited<ReturnType<typeof buildWarehouse>> = {};
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'revops-warehouse-'));
  sizes = await buildWarehouse(dir);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A fresh handler object per instance: the body evaluated as the object literal it is. */
function snowflakeBody(file: string): () => SnowflakeObject {
  const body = readFileSync(join(dir, 'snowflake', file), 'utf8');
  expect(body.startsWith('{')).toBe(true);
  return () => new Function(`return (${body});`)() as SnowflakeObject;
}

describe('warehouse builds', () => {
  for (const s of SCENARIOS) {
    it(`${s.name}: the built BigQuery and Snowflake bodies give the library's answers`, async () => {
      const udaf = (await import(pathToFileURL(join(dir, 'bigquery', `${s.name}.js`)).href)) as BigQueryModule;
      expect(Object.keys(udaf).sort()).toEqual(['aggregate', 'finalize', 'initialState', 'merge']);
      const partial = snowflakeBody(`${s.name}-partial.js`);
      const final = snowflakeBody(`${s.name}-final.js`);
      expect(Object.keys(partial()).sort()).toEqual(['api', 'finalize', 'initialize', 'processRow']);
      fc.assert(
        fc.property(s.cases, fc.nat(), (kase, seed) => {
          expect(onBigQuery(udaf, s, kase, seed)).toEqual(kase.expected);
          expect(onSnowflake(partial, final, s, kase, seed)).toEqual(kase.expected);
        }),
        { seed: 7, numRuns: 40 },
      );
    });
  }

  it('writes SQL that quotes each body whole, inline in BigQuery only within its 32 KB limit', () => {
    for (const f of WAREHOUSE_FUNCTIONS) {
      const size = sizes[f.name] as { bigquery: number; snowflakePartial: number; snowflakeFinal: number };
      const bq = readFileSync(join(dir, 'bigquery', `${f.name}.sql`), 'utf8');
      const body = readFileSync(join(dir, 'bigquery', `${f.name}.js`), 'utf8');
      expect(bq).toContain(`CREATE TEMP AGGREGATE FUNCTION ${f.bigquery.fn}(`);
      if (size.bigquery <= 32 * 1024) expect(bq).toContain(`AS r'''\n${body}\n'''`);
      else expect(bq).toContain(`OPTIONS (library = ['gs://YOUR_BUCKET/revops/${f.name}.js'])`);
      const sf = readFileSync(join(dir, 'snowflake', `${f.name}.sql`), 'utf8');
      for (const stage of ['partial', 'final']) {
        const b = readFileSync(join(dir, 'snowflake', `${f.name}-${stage}.js`), 'utf8');
        expect(sf).toContain(`AS $$\n${b}\n$$;`);
        // Snowflake: about 100 KB of source at most (all code inline)
        expect(Buffer.byteLength(b)).toBeLessThan(100_000);
      }
    }
  });
});

describe('examples/warehouse', () => {
  const read = (f: string) => readFileSync(join(__dirname, '../../examples/warehouse', f), 'utf8');
  it('every options literal of the example SQL is accepted by its function (the plan compiles)', async () => {
    const { winRateComputation } = await import('../../src/warehouse/win-rate.js');
    const { mrrMovementsComputation } = await import('../../src/warehouse/mrr-movements.js');
    const { statementComputation } = await import('../../src/warehouse/commission.js');
    for (const [file, calls] of [
      ['bigquery.sql', ['RevopsWinRate', 'RevopsMrrMovements']],
      ['snowflake.sql', ['REVOPS_WIN_RATE_PARTIAL', 'REVOPS_WIN_RATE_FINAL', 'REVOPS_MRR_MOVEMENTS_PARTIAL']],
    ] as const) {
      const sql = read(file);
      for (const call of calls) expect(sql).toContain(call);
    }
    const literals = [...read('bigquery.sql').matchAll(/'(\{"(?:by|from)"[^']*)'/g)].map((m) => m[1] as string);
    expect(literals.length).toBe(2);
    expect(winRateComputation.params(literals[0]).by).toBe('count');
    expect(mrrMovementsComputation.params(literals[1]).months.length).toBe(12);
    for (const file of ['bigquery.sql', 'snowflake.sql']) {
      const plan = /'(?:'')?(\{\s*"period"[\s\S]*?\})(?:'')?';/.exec(read(file))?.[1];
      expect(statementComputation.params(plan).plan.id).toBe('ae-2026');
    }
  });
});
