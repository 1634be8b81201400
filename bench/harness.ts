/**
 * The benchmark harness. Each case is the same work done twice: through revops' public API
 * (`library`) and by the leanest plain loop that does it (`reference`: same inputs, same
 * rounding per line, same random draws, no extra maps). Honest by construction:
 *
 * - library and reference are interleaved inside every repetition (their order alternates),
 *   so a slow moment of this shared machine hits both;
 * - time is process CPU time (`process.cpuUsage()`, user + system, every thread of the
 *   process, so garbage collection counts), not wall time;
 * - at least 7 repetitions after one warm-up; a call shorter than `minSampleMs` is repeated
 *   inside its sample (the same count for every repetition) and the per-call time taken;
 * - the ratio library / reference is taken per repetition and reported as median with min–max.
 *
 * `npm run bench [-- filter]` (bench/run.mjs) runs every `bench/*.bench.ts` through here and
 * merges the results into bench/results.json (cases not run keep their last entry).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

/** One unit of work, done by the library and by a plain reference implementation. */
export interface BenchCase {
  /** What is measured, e.g. "1,000,000 × (amount × rate → cents), summed". Unique: results are keyed by it. */
  readonly name: string;
  /** How many items one call processes (lines, amounts, deals). */
  readonly size: number;
  /** The work through revops' public API. Its result is kept so the engine cannot skip it. */
  readonly library: () => unknown;
  /** The same work in the leanest plain JavaScript (floats, plain loops): the baseline. */
  readonly reference: () => unknown;
  /**
   * Optional facts recorded beside the timing, computed once after it: e.g. the exact total,
   * the float total and the float reference's error in cents.
   */
  readonly details?: () => Readonly<Record<string, string | number | boolean>>;
}

/** A bench file's cases, as bench/run.mjs hands them over. */
export interface BenchFile {
  readonly file: string;
  readonly cases: readonly BenchCase[];
}

/** Median with min and max over the repetitions. */
export interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

/** One entry of bench/results.json. */
export interface BenchResult {
  readonly name: string;
  readonly file: string;
  readonly size: number;
  /** When this case was last measured (ISO instant). */
  readonly date: string;
  readonly repetitions: number;
  /** Calls per sample (short calls are repeated inside a sample). */
  readonly callsPerSample: { readonly library: number; readonly reference: number };
  /** CPU ms per call of the library. */
  readonly libraryMs: Spread;
  /** CPU ms per call of the reference. */
  readonly referenceMs: Spread;
  /** library / reference, taken per repetition: how many times slower the library is. */
  readonly ratio: Spread;
  readonly details?: Readonly<Record<string, string | number | boolean>>;
}

export interface HarnessOptions {
  /** Where the JSON report lives; existing entries of cases not run are kept. */
  readonly out: string;
  /** Measured repetitions, at least 7. Default 9. */
  readonly repetitions?: number;
  /** A sample shorter than this (CPU ms) repeats its call. Default 20. */
  readonly minSampleMs?: number;
}

let blackhole: unknown;

/** Keeps a result alive so that the engine cannot skip the work that produced it. */
export function keep(value: unknown): void {
  blackhole = value;
}

/** CPU ms (user + system, all threads) of `calls` calls of `fn`. */
function cpuMs(fn: () => unknown, calls: number): number {
  const start = process.cpuUsage();
  for (let i = 0; i < calls; i++) blackhole = fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function spread(values: readonly number[], digits: number): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const median =
    n % 2 === 1 ? (sorted[(n - 1) / 2] as number) : ((sorted[n / 2 - 1] as number) + (sorted[n / 2] as number)) / 2;
  return {
    median: round(median, digits),
    min: round(sorted[0] as number, digits),
    max: round(sorted[n - 1] as number, digits),
  };
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Calls per sample so that a sample lasts at least `minMs` (from one timed warm-up call). */
function callsFor(warmupMs: number, minMs: number): number {
  return warmupMs >= minMs ? 1 : Math.min(10_000, Math.ceil(minMs / Math.max(warmupMs, 0.001)));
}

/** Measures one case: warm-up, then `repetitions` interleaved library/reference samples. */
export function measure(c: BenchCase, file: string, options: Omit<HarnessOptions, 'out'> = {}): BenchResult {
  const repetitions = Math.max(7, options.repetitions ?? 9);
  const minMs = options.minSampleMs ?? 20;
  const libCalls = callsFor(cpuMs(c.library, 1), minMs);
  const refCalls = callsFor(cpuMs(c.reference, 1), minMs);
  const lib: number[] = [];
  const ref: number[] = [];
  const ratio: number[] = [];
  for (let r = 0; r < repetitions; r++) {
    let l: number;
    let f: number;
    if (r % 2 === 0) {
      l = cpuMs(c.library, libCalls) / libCalls;
      f = cpuMs(c.reference, refCalls) / refCalls;
    } else {
      f = cpuMs(c.reference, refCalls) / refCalls;
      l = cpuMs(c.library, libCalls) / libCalls;
    }
    lib.push(l);
    ref.push(f);
    ratio.push(l / Math.max(f, 1e-6));
  }
  const details = c.details?.();
  return {
    name: c.name,
    file,
    size: c.size,
    date: new Date().toISOString(),
    repetitions,
    callsPerSample: { library: libCalls, reference: refCalls },
    libraryMs: spread(lib, 3),
    referenceMs: spread(ref, 3),
    ratio: spread(ratio, 2),
    ...(details === undefined ? {} : { details }),
  };
}

/** The report as it is on disk (other writers' top-level keys, such as `coldImport`, are kept). */
function readReport(path: string): Record<string, unknown> {
  if (!existsSync(path)) return {};
  try {
    const json: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Runs every case, prints a table and merges the results into `options.out`. */
export async function runBenchmarks(files: readonly BenchFile[], options: HarnessOptions): Promise<BenchResult[]> {
  const fresh: BenchResult[] = [];
  for (const { file, cases } of files) {
    for (const c of cases) {
      process.stdout.write(`${file}: ${c.name} ... `);
      const result = measure(c, file, options);
      fresh.push(result);
      const { median, min, max } = result.ratio;
      process.stdout.write(`${median}× (${min}–${max})\n`);
      await Promise.resolve();
    }
  }
  void blackhole;

  const machine = {
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpu: cpus()[0]?.model ?? 'unknown',
    cpus: cpus().length,
    memoryGiB: round(totalmem() / 2 ** 30, 1),
  };
  const names = new Set(fresh.map((r) => r.name));
  const report = readReport(options.out);
  const before = Array.isArray(report.results) ? (report.results as BenchResult[]) : [];
  // a file that ran replaces all its entries (a renamed case leaves no stale one behind)
  const ran = new Set(files.map((f) => f.file));
  const kept = before.filter((r) => !names.has(r.name) && !(typeof r.file === 'string' && ran.has(r.file)));
  const results = [...kept, ...fresh].sort((a, b) => (a.file ?? '').localeCompare(b.file ?? ''));
  // entries carry their own date; the file-wide one of the old harness is dropped
  const { date: _fileDate, ...rest } = report;
  writeFileSync(options.out, `${JSON.stringify({ ...rest, machine, results }, null, 2)}\n`);

  console.log(`\n${machine.node}, ${machine.cpu} (${machine.cpus} cpus)`);
  console.table(
    fresh.map((r) => ({
      name: r.name.length > 70 ? `${r.name.slice(0, 67)}...` : r.name,
      'library ms': r.libraryMs.median,
      'reference ms': r.referenceMs.median,
      ratio: r.ratio.median,
      'ratio min–max': `${r.ratio.min}–${r.ratio.max}`,
    })),
  );
  console.log(`merged into ${options.out}`);
  return fresh;
}
