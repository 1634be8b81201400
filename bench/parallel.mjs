#!/usr/bin/env node
// revops/parallel on this machine (issue 12, "Must show"): generated CSV files read by
// computeFile with 1 and 2 worker threads, wall time, process CPU time and peak RSS
// (process.resourceUsage().maxRSS, which counts the worker threads: they share the process), each
// run in its own process.
//
//   npm run build && flock /tmp/heavy.lock node bench/parallel.mjs [deals|subscriptions|credits ...]
//   flock /tmp/heavy.lock node bench/parallel.mjs --generate [kinds...]   (only write the files)
//   REVOPS_BENCH_DIST=<a copy of dist/> measures that copy; REVOPS_BENCH_SCALE=0.001 multiplies the row counts
//   (a quick trial of the script itself); REVOPS_BENCH_WORKERS=0,1,2 the worker counts (default 1,2; 0 runs the
//   ranges on the main thread, the single-thread reference); REVOPS_BENCH_REPS the repetitions (default 3).
//
// - deals: 1,000,000 and 10,000,000 rows; funnel (snapshot) + win rate by owner + weighted pipeline.
// - subscriptions: 1,000,000 and 10,000,000 rows sorted by customer (10 months each); MRR movements + cohorts.
// - credits: 100,000 and 1,000,000 credits of 10,000 members; one statement per member.
// Each repetition runs every size and worker count once, interleaved (the worker order alternates
// from one repetition to the next), so that a slow minute of a shared machine hits both sides of a
// ratio. Per repetition: speed-up = wall(1 worker) / wall(2 workers) at each size, and the memory
// ratio = peak RSS at the larger size / at the smaller size (for each worker count); reported as
// the median with the minimum and maximum over the repetitions. cpuMs / wallMs says how many cores
// a run kept busy. For the credits, each run also measures the heap its result holds (the 10,000
// statements, which list every credit id), apart from the working memory. Duplicate ids are not
// tracked (checkDuplicates: false: the generator writes distinct ids), so memory can stay flat.
// Results are merged into bench/parallel-results.json.
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

/**
 * Child process: one run; prints { wallMs, cpuMs, maxRssMiB, counts, chunks, mainThreadBusy, digest,
 * resultHeapMiB, resultJsonMiB } as JSON. resultHeapMiB: the V8 heap the result holds (heap used after a
 * full GC with the result, minus after dropping it); measured after the timed part.
 */
async function child(kind, file, workers) {
  const { computeFile } = await import(new URL('parallel/index.js', DIST).href);
  const compute = await computeOf(kind);
  const elu = performance.eventLoopUtilization();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  // the result travels in a box: a register of this frame may keep what an await returned, not what the box holds
  const box = await (async () => ({
    run: await computeFile(file, {
      kind,
      compute,
      workers,
      checkDuplicates: false,
      ...(IMPORT[kind] === undefined ? {} : { import: IMPORT[kind] }),
    }),
  }))();
  const wallMs = performance.now() - t0;
  const mainThreadBusy = performance.eventLoopUtilization(elu).utilization;
  // CPU time of the whole process (main and worker threads): against wallMs it says how busy the cores were
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const maxRssMiB = process.resourceUsage().maxRSS / 1024;
  const json = JSON.stringify(box.run.results);
  const digest = createHash('sha256').update(json).digest('hex').slice(0, 16);
  const { rows: counts, chunks } = box.run;
  const out = { wallMs, cpuMs, maxRssMiB, counts, chunks, mainThreadBusy, digest };
  if (typeof globalThis.gc === 'function') {
    globalThis.gc();
    const withResult = process.memoryUsage().heapUsed;
    box.run = null;
    globalThis.gc();
    out.resultHeapMiB = (withResult - process.memoryUsage().heapUsed) / 2 ** 20;
    out.resultJsonMiB = Buffer.byteLength(json) / 2 ** 20;
  }
  console.log(JSON.stringify(out));
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

/** Repetitions (REVOPS_BENCH_REPS, default 3). */
const REPS = Number(process.env.REVOPS_BENCH_REPS ?? 3);

function measure(kind, file, workers) {
  const out = execFileSync(
    process.execPath,
    ['--expose-gc', fileURLToPath(import.meta.url), '--child', kind, file, String(workers)],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  return JSON.parse(out.trim().split('\n').pop());
}

/** Median, minimum and maximum of numbers (null when there are none). */
function spread(xs) {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = Math.floor(v.length / 2);
  const median = v.length % 2 === 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
  return { median, min: v[0], max: v[v.length - 1], n: v.length };
}

async function main(kinds) {
  await generate(kinds);
  const results = existsSync(OUT) ? JSON.parse(readFileSync(OUT, 'utf8')) : {};
  for (const kind of kinds) {
    const runs = [];
    const [small, large] = SIZES[kind];
    for (let rep = 0; rep < REPS; rep++) {
      const order = rep % 2 === 0 ? WORKERS : [...WORKERS].reverse();
      for (const rows of [small, large]) {
        const file = fileOf(kind, rows);
        for (const workers of order) {
          const entry = { rep, rows, bytes: statSync(file).size, workers, ...measure(kind, file, workers) };
          console.error(JSON.stringify(entry));
          const first = runs.find((x) => x.rows === rows);
          if (first !== undefined && first.digest !== entry.digest) {
            throw new Error(`${kind} ${rows}: ${workers} workers gave other results than ${first.workers}`);
          }
          runs.push(entry);
        }
      }
    }
    const at = (rep, rows, workers) => runs.find((x) => x.rep === rep && x.rows === rows && x.workers === workers);
    const perRep = (f) => spread(Array.from({ length: REPS }, (_, rep) => f(rep)));
    const ratio = (a, b) => (a === undefined || b === undefined ? null : a / b);
    const cores = (rows, workers) =>
      perRep((rep) => ratio(at(rep, rows, workers)?.cpuMs, at(rep, rows, workers)?.wallMs));
    const field = (rows, workers, k) => perRep((rep) => at(rep, rows, workers)?.[k]);
    results[kind] = {
      date: new Date().toISOString(),
      loadAverage: os.loadavg(),
      machine: { node: process.version, cpus: os.availableParallelism() },
      commit: execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: here, encoding: 'utf8' }).trim(),
      // computeFile's defaults: chunkBytes 128 KiB, checkDuplicates false (set here)
      chunkBytes: 128 * 1024,
      sizes: { small, large },
      repetitions: REPS,
      // per repetition, then median / min / max over the repetitions
      speedUp2over1: perRep((rep) => ratio(at(rep, large, 1)?.wallMs, at(rep, large, 2)?.wallMs)),
      speedUp2over1Small: perRep((rep) => ratio(at(rep, small, 1)?.wallMs, at(rep, small, 2)?.wallMs)),
      speedUp2overMainThread: perRep((rep) => ratio(at(rep, large, 0)?.wallMs, at(rep, large, 2)?.wallMs)),
      cpuTime2over1: perRep((rep) => ratio(at(rep, large, 2)?.cpuMs, at(rep, large, 1)?.cpuMs)),
      rssLargeOverSmall: perRep((rep) => ratio(at(rep, large, 2)?.maxRssMiB, at(rep, small, 2)?.maxRssMiB)),
      rssLargeOverSmall1: perRep((rep) => ratio(at(rep, large, 1)?.maxRssMiB, at(rep, small, 1)?.maxRssMiB)),
      coresUsed: Object.fromEntries(
        [small, large].flatMap((rows) => WORKERS.map((w) => [`${rows} rows, ${w} workers`, cores(rows, w)])),
      ),
      wallMs: Object.fromEntries(
        [small, large].flatMap((rows) => WORKERS.map((w) => [`${rows} rows, ${w} workers`, field(rows, w, 'wallMs')])),
      ),
      maxRssMiB: Object.fromEntries(
        [small, large].flatMap((rows) =>
          WORKERS.map((w) => [`${rows} rows, ${w} workers`, field(rows, w, 'maxRssMiB')]),
        ),
      ),
      ...(kind === 'credits'
        ? {
            resultHeapMiB: Object.fromEntries(
              [small, large].map((rows) => [`${rows} rows, 2 workers`, field(rows, 2, 'resultHeapMiB')]),
            ),
            resultJsonMiB: Object.fromEntries(
              [small, large].map((rows) => [`${rows} rows`, field(rows, 2, 'resultJsonMiB')]),
            ),
          }
        : {}),
      runs,
    };
    writeFileSync(OUT, `${JSON.stringify(results, null, 2)}\n`);
    // in the layout of the project's formatter (biome puts a short array of numbers on one line), so that lint
    // passes on the file as written; a file outside the project (REVOPS_BENCH_OUT) is left as JSON.stringify wrote it
    try {
      execFileSync(join(here, '..', 'node_modules', '.bin', 'biome'), ['format', '--write', OUT], { stdio: 'ignore' });
    } catch {
      // no biome, or a file it does not format: JSON.stringify's layout
    }
    const f = (x) => (x === null ? 'n/a' : `${x.median.toFixed(2)} (${x.min.toFixed(2)}–${x.max.toFixed(2)})`);
    const r = results[kind];
    console.error(
      `${kind}: speed-up 2 over 1 worker ${f(r.speedUp2over1)} (large), ${f(r.speedUp2over1Small)} (small); ` +
        `RSS large/small ${f(r.rssLargeOverSmall)} (2 workers), ${f(r.rssLargeOverSmall1)} (1)`,
    );
  }
}

const KINDS = ['deals', 'subscriptions', 'credits'];
const args = process.argv.slice(2);
if (args[0] === '--child') await child(args[1], args[2], Number(args[3]));
else if (args[0] === '--generate') await generate(args.length > 1 ? args.slice(1) : KINDS);
else await main(args.length > 0 ? args : KINDS);
