/**
 * `--workers N` on `revops report` and `revops demo`: the mergeable figures on N worker threads
 * (revops/parallel's computeFile over the CSV files the report reads, computeRows over the
 * entities otherwise, here over a worker bundled from the sources), and the very same JSON report
 * as without the flag; a count of threads that is not 1 … 64 is a usage error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchSizeFor } from '../../src/cli/figures.js';
import type { computeFile, computeRows } from '../../src/parallel/index.js';
import { computeFileWith, computeRowsWith } from '../../src/parallel/run.js';
import { bundleWorker } from '../parallel/workers.js';
import { revops, revopsWith } from './helpers.js';

const SF = 'tests/fixtures/salesforce-opportunities.csv';
const DIR = 'tests/fixtures/cli';
/** Every part of the report: deals, leads, subscriptions, members, quotas and a plan. */
const REPORT = [
  'report',
  '--deals',
  SF,
  '--preset',
  'salesforce',
  '--date-format',
  'MM/DD/YYYY',
  '--leads',
  `${DIR}/salesforce-leads.csv`,
  '--subscriptions',
  `${DIR}/subscriptions.csv`,
  '--members',
  `${DIR}/members.csv`,
  '--quotas',
  `${DIR}/quotas.csv`,
  '--plan',
  `${DIR}/plan.json`,
  '--json',
];

let worker = { file: '', cleanup: () => {} };
/** What each parallel run was asked and did: kind, computations, threads, chunks, over a file or entities. */
let runs: { kind: string; compute: string[]; workers: number; chunks: number; rows: number; from: string }[] = [];
const record = (
  options: { kind: string; compute: object },
  run: Awaited<ReturnType<typeof computeRows>>,
  from: string,
) =>
  runs.push({
    kind: options.kind,
    compute: Object.keys(options.compute).sort(),
    workers: run.workers,
    chunks: run.chunks,
    rows: run.rows.read,
    from,
  });
const rows: typeof computeRows = async (input, options) => {
  const run = await computeRowsWith(worker.file, input, options);
  record(options, run, 'entities');
  return run;
};
const file: typeof computeFile = async (path, options) => {
  const run = await computeFileWith(worker.file, path, options);
  record(options, run, 'file');
  return run;
};
const withWorkers = (...argv: string[]) => revopsWith({ computeRows: rows, computeFile: file }, ...argv);
const overEntities = (...argv: string[]) => revopsWith({ computeRows: rows }, ...argv);

beforeAll(async () => {
  worker = await bundleWorker();
}, 60_000);
afterAll(() => worker.cleanup());

describe('revops report --workers N', () => {
  it('writes the same JSON report with 1 and 2 worker threads as without', async () => {
    const plain = await revops(...REPORT);
    expect(plain.code).toBe(0);
    for (const n of ['1', '2']) {
      runs = [];
      const r = await withWorkers(...REPORT, '--workers', n);
      expect([r.code, r.stderr]).toEqual([0, '']);
      expect(r.stdout).toBe(plain.stdout);
      // the figures really ran on n threads: deals three times (winRate by count per owner, by value, by value per
      // owner), leads, activities (none given: an empty run), subscriptions twice (MRR movements of two periods);
      // from the CSV files, each worker reading its byte range, except the activities (no file)
      const kinds = ['deals', 'leads', 'deals', 'deals', 'activities', 'subscriptions', 'subscriptions'];
      expect(runs.map((x) => x.kind)).toEqual(kinds);
      expect(runs.map((x) => x.from)).toEqual(['file', 'file', 'file', 'file', 'entities', 'file', 'file']);
      expect(runs.every((x) => x.workers === Number(n))).toBe(true);
      const json = JSON.parse(plain.stdout);
      const deals = json.data.files.find((f: { kind: string }) => f.kind === 'deals');
      expect(runs[0]?.rows).toBe(deals.rows);
      // over the entities instead (no computeFile): the same report, the entities cut into chunks
      runs = [];
      const entities = await overEntities(...REPORT, '--workers', n);
      expect(entities.stdout).toBe(plain.stdout);
      expect(runs.every((x) => x.from === 'entities')).toBe(true);
      expect(runs[0]?.chunks).toBe(Math.ceil(deals.imported / batchSizeFor(deals.imported, Number(n))));
    }
  }, 60_000);

  it('falls back to the entities when the file run does not import the same rows (a duplicate id)', async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'revops-cli-dup-'));
    const path = join(dir, 'dup.csv');
    // D-1 twice: the command's import rejects the second row; computeFile refuses the run (DUPLICATE_ID)
    writeFileSync(
      path,
      'id,name,accountId,ownerId,amount,currency,stage,closeDate,createdAt\n' +
        'D-1,A,acc-1,ana,100.00,USD,closed-won,2026-03-15,2026-01-10\n' +
        'D-1,B,acc-2,ana,200.00,USD,closed-lost,2026-03-20,2026-01-10\n' +
        'D-2,C,acc-2,ana,300.00,USD,proposal,2026-03-20,2026-01-10\n',
    );
    try {
      const plain = await revops('report', '--deals', path, '--json');
      runs = [];
      const two = await withWorkers('report', '--deals', path, '--json', '--workers', '2');
      expect(two.stdout).toBe(plain.stdout);
      expect(runs.filter((x) => x.kind === 'deals').every((x) => x.from === 'entities')).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('keeps the text output too', async () => {
    const args = REPORT.filter((a) => a !== '--json');
    const plain = await revops(...args);
    const two = await withWorkers(...args, '--workers', '2');
    expect(two.stdout).toBe(plain.stdout);
  }, 60_000);

  it('reports a refusal inside a worker as a data problem (exit 1), as without', async () => {
    // deals in USD and EUR: the weighted pipeline refuses to add two currencies
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'revops-cli-workers-'));
    const file = join(dir, 'fx.csv');
    writeFileSync(
      file,
      'id,name,accountId,ownerId,amount,currency,stage,closeDate,createdAt\n' +
        'D-1,A,acc-1,ana,100.00,USD,proposal,2026-03-15,2026-01-10\n' +
        'D-2,B,acc-2,ana,200.00,EUR,proposal,2026-03-20,2026-01-10\n',
    );
    try {
      const plain = await revops('report', '--deals', file);
      const two = await withWorkers('report', '--deals', file, '--workers', '2');
      expect([plain.code, two.code]).toEqual([1, 1]);
      expect(plain.stderr).toMatch(/CURRENCY_MISMATCH/);
      expect(two.stderr).toMatch(/CURRENCY_MISMATCH/);
      expect(two.stdout).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('revops demo --workers N', () => {
  it('writes the same JSON report on the sample organisation with 1 and 2 worker threads as without', async () => {
    const plain = await revops('demo', '--period', '2026-Q3', '--json');
    expect(plain.code).toBe(0);
    for (const n of ['1', '2']) {
      runs = [];
      const r = await withWorkers('demo', '--period', '2026-Q3', '--json', '--workers', n);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(plain.stdout);
      // four chunks per thread of each kind of rows, on n threads
      for (const x of runs) {
        expect(x.workers).toBe(Number(n));
        expect(x.chunks).toBe(Math.ceil(x.rows / batchSizeFor(x.rows, Number(n))));
      }
      expect(runs.find((x) => x.kind === 'activities')?.compute).toEqual(['activityCounts', 'averageCallDuration']);
    }
  }, 60_000);

  it('also for the default period (2026-Q4, not over on the sample date: Q3 MRR movements), one member', async () => {
    for (const argv of [
      ['demo', '--json'],
      ['demo', '--json', '--member', 'm-jamie', '--period', '2026-Q2'],
    ]) {
      const plain = await revops(...argv);
      const two = await withWorkers(...argv, '--workers', '2');
      expect(plain.code).toBe(0);
      expect(two.stdout).toBe(plain.stdout);
    }
    expect(JSON.parse((await revops('demo', '--json')).stdout).notes).toContain(
      'Retention: 2026-Q4 is not over on 2026-10-15; MRR movements are for 2026-07-01 … 2026-09-30.',
    );
  }, 60_000);
});

describe('--workers usage', () => {
  it('cuts rows into at least four chunks per thread, at most 10,000 rows each', () => {
    // 1,000 rows on 2 threads: ⌈1000 / 8⌉ = 125 rows a chunk (8 chunks); 100,000 rows on 1: capped at 10,000
    expect(batchSizeFor(1000, 2)).toBe(125);
    expect(batchSizeFor(100_000, 1)).toBe(10_000);
    // 3 rows on 2 threads: 1 row a chunk; no rows: still 1
    expect([batchSizeFor(3, 2), batchSizeFor(0, 2)]).toEqual([1, 1]);
  });

  it.each(['0', 'abc', '1.5', '1e1', '65', ' 2', ''])(
    '--workers %j is a usage error naming the flag and value',
    async (n) => {
      const r = await withWorkers('demo', '--workers', n);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`--workers must be a whole number of threads from 1 to 64, got "${n}"`);
      expect(r.stdout).toBe('');
      const report = await withWorkers('report', '--deals', SF, '--workers', n);
      expect(report.code).toBe(2);
      expect(report.stderr).toContain(`got "${n}"`);
    },
  );

  it('is taken by report and demo only, and documented in their help', async () => {
    for (const command of ['report', 'demo']) {
      const help = await revops(command, '--help');
      expect(help.stdout).toMatch(/--workers N {12}compute the funnels, win rates/);
    }
    const r = await revops('retention', '--subscriptions', `${DIR}/subscriptions.csv`, '--workers', '2');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/revops retention does not take --workers/);
  });
});
