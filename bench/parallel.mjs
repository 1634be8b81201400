#!/usr/bin/env node
// revops/parallel on this machine (issue 12, "Must show"): generated CSV files read by
// computeFile with 1 and 2 worker threads, wall time and peak RSS (process.resourceUsage().maxRSS,
// which counts the worker threads: they share the process), each run in its own process.
//
//   npm run build && flock /tmp/heavy.lock node bench/parallel.mjs [deals|subscriptions|credits ...]
//   flock /tmp/heavy.lock node bench/parallel.mjs --generate [kinds...]   (only write the files)
//   REVOPS_BENCH_DIST=<a copy of dist/> measures that copy; REVOPS_BENCH_SCALE=0.001 multiplies the row counts
//   (a quick trial of the script itself); REVOPS_BENCH_WORKERS=0,1,2 the worker counts (default 1,2; 0 runs the
//   chunks on the main thread, the single-thread reference).
//
// - deals: 1,000,000 and 10,000,000 rows; funnel (snapshot) + win rate by owner + weighted pipeline.
// - subscriptions: 1,000,000 and 10,000,000 rows sorted by customer (10 months each); MRR movements + cohorts.
// - credits: 100,000 and 1,000,000 credits of 10,000 members; one statement per member.
// The speed-up is wall(1 worker) / wall(2 workers) at the larger size; the memory ratio is
// peak RSS at the larger size / at the smaller size (2 workers). Duplicate ids are not tracked
// (checkDuplicates: false: the generator writes distinct ids), so memory can stay flat.
// Results are merged into bench/parallel-results.json. The machine is shared: one run, reported as is.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const DIR = process.env.REVOPS_BENCH_DIR ?? '/tmp/revops-bench';
const OUT = process.env.REVOPS_BENCH_OUT ?? join(here, 'parallel-results.json');
/** The built package to measure (a copy, so that a rebuild during the run changes nothing). */
const DIST = pathToFileURL(`${process.env.REVOPS_BENCH_DIST ?? join(here, '..', 'dist')}/`);

const STAGES = ['discovery', 'demo', 'proposal', 'negotiation', 'closed-won', 'closed-lost'];
const pad = (n, w = 2) => String(n).padStart(w, '0');

/** A seeded generator (mulberry32): the same files on every machine. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function write(file, header, rows, line) {
  const tmp = `${file}.tmp`;
  const out = createWriteStream(tmp, { highWaterMark: 1 << 20 });
  const r = rng(rows);
  out.write(`${header}\n`);
  let buf = '';
  for (let i = 0; i < rows; i++) {
    buf += `${line(i, r)}\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await new Promise((res) => out.once('drain', res));
      buf = '';
    }
  }
  out.write(buf);
  await new Promise((res) => out.end(res));
  renameSync(tmp, file); // a run stopped halfway leaves no partial file behind
}

const GENERATORS = {
  deals: (file, rows) =>
    write(
      file,
      'id,name,accountId,stage,ownerId,createdAt,amount,currency,closeDate,expectedCloseDate,probability',
      rows,
      (i, r) => {
        const stage = STAGES[Math.floor(r() * STAGES.length)];
        const closed = stage.startsWith('closed');
        const date = `2026-${pad(1 + Math.floor(r() * 12))}-${pad(1 + Math.floor(r() * 28))}`;
        const cents = Math.floor(r() * 10_000_000);
        return [
          `D-${i}`,
          `Deal ${i}`,
          `A-${i % 50_000}`,
          stage,
          `ae${Math.floor(r() * 200)}`,
          '2025-12-01T09:00:00Z',
          `${Math.floor(cents / 100)}.${pad(cents % 100)}`,
          'USD',
          closed ? date : '',
          closed ? '' : date,
          closed ? '' : String(Math.floor(r() * 100) / 100),
        ].join(',');
      },
    ),
  subscriptions: (file, rows) =>
    write(file, 'customerId,subscriptionId,periodStart,periodEnd,mrr,currency', rows, (i, r) => {
      const c = Math.floor(i / 10);
      const m = 1 + (i % 10);
      const days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31][m - 1];
      const cents = 1000 + Math.floor(r() * 100_000);
      const amount = `${Math.floor(cents / 100)}.${pad(cents % 100)}`;
      return `C${pad(c, 8)},S${pad(c, 8)},2026-${pad(m)}-01,2026-${pad(m)}-${days},${amount},USD`;
    }),
  credits: (file, rows) =>
    write(file, 'id,dealId,memberId,kind,amount,currency,date', rows, (i, r) => {
      const cents = Math.floor(r() * 2_000_000);
      const member = `m${pad(Math.floor(r() * 10_000), 5)}`;
      const amount = `${Math.floor(cents / 100)}.${pad(cents % 100)}`;
      return `K-${i},D-${i},${member},owner,${amount},USD,2026-01-${pad(1 + Math.floor(r() * 31))}`;
    }),
};

/** Row counts (REVOPS_BENCH_SCALE=0.001 for a quick trial of the script itself). */
const SCALE = Number(process.env.REVOPS_BENCH_SCALE ?? 1);
const SIZES = Object.fromEntries(
  Object.entries({ deals: [1e6, 1e7], subscriptions: [1e6, 1e7], credits: [1e5, 1e6] }).map(([k, v]) => [
    k,
    v.map((n) => Math.round(n * SCALE)),
  ]),
);

/** The computations of each kind (plain data: they travel to the workers). */
async function computeOf(kind) {
  if (kind === 'deals') {
    const { defaultDealPipeline } = await import(new URL('pipeline/index.js', DIST).href);
    return {
      funnel: { pipeline: defaultDealPipeline, source: 'snapshot' },
      winRate: { groupBy: 'ownerId' },
      weightedPipeline: { currency: 'USD' },
    };
  }
  if (kind === 'subscriptions') {
    return { mrrMovements: { period: { start: '2026-06-01', end: '2026-06-30' } }, cohortRetention: {} };
  }
  const members = Array.from({ length: 10_000 }, (_, i) => ({
    id: `m${pad(i, 5)}`,
    name: `Member ${i}`,
    roleId: 'ae',
    territoryIds: [],
    startDate: '2020-01-01',
  }));
  return {
    statements: {
      plan: {
        id: 'p',
        currency: 'USD',
        periodLength: 'month',
        versions: [{ id: 'v', effectiveFrom: '2020-01-01', components: [{ id: 'c', kind: 'rate', rate: '0.08' }] }],
      },
      period: { start: '2026-01-01', end: '2026-01-31' },
      members,
      quotas: Object.fromEntries(members.map((m) => [m.id, { amount: '50000.00', currency: 'USD' }])),
    },
  };
}

/** Import options per kind (none: the generated headers are the entity fields). */
const IMPORT = {};

/** Worker counts to measure (REVOPS_BENCH_WORKERS, default 1,2). */
const WORKERS = (process.env.REVOPS_BENCH_WORKERS ?? '1,2').split(',').map(Number);

/** Child process: one run; prints { wallMs, maxRssMiB, counts, chunks, mainThreadBusy, digest } as JSON. */
async function child(kind, file, workers) {
  const { computeFile } = await import(new URL('parallel/index.js', DIST).href);
  const compute = await computeOf(kind);
  const elu = performance.eventLoopUtilization();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const run = await computeFile(file, {
    kind,
    compute,
    workers,
    checkDuplicates: false,
    ...(IMPORT[kind] === undefined ? {} : { import: IMPORT[kind] }),
  });
  const wallMs = performance.now() - t0;
  const mainThreadBusy = performance.eventLoopUtilization(elu).utilization;
  // CPU time of the whole process (main and worker threads): against wallMs it says how busy the cores were
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const maxRssMiB = process.resourceUsage().maxRSS / 1024;
  const digest = createHash('sha256').update(JSON.stringify(run.results)).digest('hex').slice(0, 16);
  console.log(
    JSON.stringify({ wallMs, cpuMs, maxRssMiB, counts: run.rows, chunks: run.chunks, mainThreadBusy, digest }),
  );
}

const fileOf = (kind, rows) => join(DIR, `${kind}-${rows}-v2.csv`);

/** Writes the files of `kinds` that do not exist yet. */
async function generate(kinds) {
  mkdirSync(DIR, { recursive: true });
  for (const kind of kinds) {
    for (const rows of SIZES[kind]) {
      const file = fileOf(kind, rows);
      if (existsSync(file)) continue;
      console.error(`generating ${file}`);
      const t0 = performance.now();
      await GENERATORS[kind](file, rows);
      console.error(`  ${((performance.now() - t0) / 1000).toFixed(1)} s, ${statSync(file).size} bytes`);
    }
  }
}

async function main(kinds) {
  await generate(kinds);
  const results = existsSync(OUT) ? JSON.parse(readFileSync(OUT, 'utf8')) : {};
  for (const kind of kinds) {
    const runs = [];
    for (const rows of SIZES[kind]) {
      const file = fileOf(kind, rows);
      for (const workers of WORKERS) {
        const out = execFileSync(
          process.execPath,
          [fileURLToPath(import.meta.url), '--child', kind, file, String(workers)],
          { encoding: 'utf8', maxBuffer: 1 << 20 },
        );
        const r = JSON.parse(out.trim().split('\n').pop());
        const entry = { rows, bytes: statSync(file).size, workers, ...r };
        console.error(JSON.stringify(entry));
        const first = runs.find((x) => x.rows === rows);
        if (first !== undefined && first.digest !== entry.digest) {
          throw new Error(`${kind} ${rows}: ${workers} workers gave other results than ${first.workers}`);
        }
        runs.push(entry);
      }
    }
    const [small, large] = SIZES[kind];
    const at = (rows, workers) => runs.find((x) => x.rows === rows && x.workers === workers);
    const ratio = (a, b) => (a === undefined || b === undefined ? null : a / b);
    results[kind] = {
      date: new Date().toISOString(),
      loadAverage: os.loadavg(),
      machine: { node: process.version, cpus: os.availableParallelism() },
      commit: execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: here, encoding: 'utf8' }).trim(),
      // computeFile's defaults: chunkBytes 1 MiB (4 MiB with statements), checkDuplicates false (set here)
      chunkBytes: kind === 'credits' ? 4 * 1024 * 1024 : 1024 * 1024,
      sizes: { small, large },
      runs,
      speedUp2over1: ratio(at(large, 1)?.wallMs, at(large, 2)?.wallMs),
      speedUp2overMainThread: ratio(at(large, 0)?.wallMs, at(large, 2)?.wallMs),
      rssLargeOverSmall: ratio(at(large, 2)?.maxRssMiB, at(small, 2)?.maxRssMiB),
      rssLargeOverSmall1: ratio(at(large, 1)?.maxRssMiB, at(small, 1)?.maxRssMiB),
    };
    writeFileSync(OUT, `${JSON.stringify(results, null, 2)}\n`);
    const f = (x) => (x === null ? 'n/a' : x.toFixed(2));
    console.error(
      `${kind}: speed-up 2 over 1 worker ${f(results[kind].speedUp2over1)}×, ` +
        `RSS large/small ${f(results[kind].rssLargeOverSmall)} (2 workers), ${f(results[kind].rssLargeOverSmall1)} (1)`,
    );
  }
}

const KINDS = ['deals', 'subscriptions', 'credits'];
const args = process.argv.slice(2);
if (args[0] === '--child') await child(args[1], args[2], Number(args[3]));
else if (args[0] === '--generate') await generate(args.length > 1 ? args.slice(1) : KINDS);
else await main(args.length > 0 ? args : KINDS);
