/**
 * revops/parallel over CSV files of deals: for arbitrary files (quoted names with commas, quotes
 * and line breaks, rejected rows) and arbitrary chunk sizes and worker counts, every
 * computation equals the one-call function on the rows the import accepts, the row counts and
 * rejections equal the whole-file import's, and the win rate by owner equals the warehouse
 * harness's BigQuery UDAF — exactly.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forecastByCategory, weightedPipeline } from '../../src/forecast/index.js';
import { createImporter } from '../../src/import/index.js';
import { averageDealSize, funnel, salesCycleLength, winRate, wilsonInterval } from '../../src/metrics/index.js';
import { parseCsv } from '../../src/parallel/csv.js';
import { computeFileWith } from '../../src/parallel/run.js';
import { defaultDealPipeline } from '../../src/pipeline/index.js';
import { bigQueryAggregate } from '../../src/warehouse/bigquery.js';
import type { WarehouseComputation } from '../../src/warehouse/computation.js';
import { winRateComputation } from '../../src/warehouse/win-rate.js';
import { bigQueryValue, runBigQuery } from '../warehouse/harness.js';
import { bundleWorker } from './workers.js';

let worker = { file: '', cleanup: () => {} };
let dir = '';
beforeAll(async () => {
  worker = await bundleWorker();
  dir = mkdtempSync(join(tmpdir(), 'revops-parallel-'));
}, 60_000);
afterAll(() => {
  worker.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const HEADER = 'id,name,accountId,stage,ownerId,createdAt,amount,currency,closeDate,expectedCloseDate,probability';
const STAGES = ['discovery', 'demo', 'proposal', 'negotiation', 'closed-won', 'closed-lost'];
const q = (s: string) => `"${s.replace(/"/g, '""')}"`;

const rowArb = fc.record({
  name: fc.constantFrom('Renewal', 'Pilot, phase 2', 'The "big" one', 'two\nlines', 'Été'),
  stage: fc.constantFrom(...STAGES),
  owner: fc.constantFrom('ann', 'bob', 'cy'),
  cents: fc.integer({ min: 0, max: 5_000_000 }),
  bad: fc.integer({ min: 0, max: 12 }),
  m: fc.integer({ min: 1, max: 6 }),
  d: fc.integer({ min: 1, max: 28 }),
  p: fc.integer({ min: 0, max: 100 }),
});
const fileArb = fc.array(rowArb, { maxLength: 60 }).map((rows) => {
  const lines = rows.map((r, i) => {
    const date = `2026-0${r.m}-${String(r.d).padStart(2, '0')}`;
    const closed = r.stage.startsWith('closed');
    const amount = r.bad === 0 ? 'n/a' : (r.cents / 100).toFixed(2); // 1 in 13 rejected
    return [
      `D-${i}`,
      q(r.name),
      `A-${i % 7}`,
      r.stage,
      r.owner,
      '2026-01-02T09:00:00Z',
      amount,
      'USD',
      closed ? date : '',
      closed ? '' : date,
      closed ? '' : String(r.p / 100),
    ].join(',');
  });
  return `${HEADER}\n${lines.join('\n')}${lines.length > 0 ? '\n' : ''}`;
});

const COMPUTE = {
  funnel: { pipeline: defaultDealPipeline, source: 'snapshot' as const, groupBy: 'ownerId' as const },
  winRate: { groupBy: 'ownerId' as const },
  averageDealSize: {},
  salesCycleLength: { outcome: 'closed' as const },
  weightedPipeline: { currency: 'USD', groupBy: 'ownerId' as const },
  forecastByCategory: { period: { start: '2026-01-01', end: '2026-06-30' }, currency: 'USD' },
};

/** The whole file through the import at once, then the one-call functions. */
function reference(csv: string) {
  const importer = createImporter('deals', { checkDuplicates: false });
  for (const row of parseCsv(csv)) importer.push(row);
  const r = importer.finish();
  const deals = r.records;
  return {
    results: {
      funnel: funnel(deals, COMPUTE.funnel),
      winRate: winRate(deals, COMPUTE.winRate),
      averageDealSize: averageDealSize(deals, COMPUTE.averageDealSize),
      salesCycleLength: salesCycleLength(deals, COMPUTE.salesCycleLength),
      weightedPipeline: weightedPipeline(deals, COMPUTE.weightedPipeline),
      forecastByCategory: forecastByCategory(deals, COMPUTE.forecastByCategory),
    },
    rows: { read: r.records.length + r.rejected.length, imported: r.records.length, rejected: r.rejected.length },
    rejections: r.rejected.slice(0, 100),
    deals,
  };
}

let n = 0;
async function parallel(csv: string, chunkBytes: number, workers: number) {
  const file = join(dir, `deals-${n++}.csv`);
  writeFileSync(file, csv);
  return computeFileWith(worker.file, file, { kind: 'deals', compute: COMPUTE, chunkBytes, workers });
}

describe('computeFile over deals = the one-call functions', () => {
  it('any chunk size, on the calling thread (workers: 0)', async () => {
    await fc.assert(
      fc.asyncProperty(fileArb, fc.integer({ min: 16, max: 600 }), async (csv, chunkBytes) => {
        const ref = reference(csv);
        const run = await parallel(csv, chunkBytes, 0);
        expect(run.results).toEqual(ref.results);
        expect(run.rows).toEqual(ref.rows);
        expect(run.rejections).toEqual(ref.rejections);
      }),
      { seed: 3, numRuns: 120 },
    );
  });

  it('any chunk size on 1 or 2 worker threads; the win rate by owner also = the BigQuery UDAF harness', async () => {
    const udaf = bigQueryAggregate(winRateComputation as WarehouseComputation<unknown, unknown, unknown, unknown>, 3);
    const DEAL = (await import('../../scripts/warehouse.mjs')).WAREHOUSE_FUNCTIONS[0]?.bigquery.type;
    await fc.assert(
      fc.asyncProperty(
        fileArb,
        fc.integer({ min: 16, max: 2000 }),
        fc.integer({ min: 1, max: 2 }),
        async (csv, b, w) => {
          const ref = reference(csv);
          const run = await parallel(csv, b, w);
          expect(run.results).toEqual(ref.results);
          expect(run.rows).toEqual(ref.rows);
          expect(run.workers).toBe(w);
          // the warehouse: one UDAF call per owner over the same imported deals
          for (const [owner, single] of Object.entries(run.results.winRate.groups ?? {})) {
            const rows = ref.deals
              .filter((d) => d.ownerId === owner)
              .map((d) => ({
                id: d.id,
                stage: d.stage,
                owner_id: d.ownerId,
                amount: d.amount.amount,
                currency: d.amount.currency,
                close_date: d.closeDate ?? null,
                created_at: d.createdAt,
              }));
            const r = runBigQuery(
              udaf,
              rows.map((x) => bigQueryValue(x, DEAL as never)),
              '{"by":"count"}',
              5,
            );
            expect(JSON.parse(r as string)).toEqual(
              JSON.parse(
                JSON.stringify({ winRate: single, interval: wilsonInterval(single.won, single.won + single.lost) }),
              ),
            );
          }
        },
      ),
      { seed: 4, numRuns: 8 },
    );
  }, 120_000);
});
