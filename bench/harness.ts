/**
 * The benchmark harness: each case runs the library and a plain reference implementation of
 * the same work in the same tinybench run; the report is the median time of each and their
 * ratio. `npm run bench` (bench/run.mjs) runs every `bench/*.bench.ts` file through here.
 */
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { Bench } from 'tinybench';

/** One unit of work, done by the library and by a plain reference implementation. */
export interface BenchCase {
  /** What is measured, e.g. "1,000,000 × (amount × rate → cents), summed". */
  readonly name: string;
  /** How many items one call processes (lines, amounts, deals). */
  readonly size: number;
  /** The work through revops' public API. */
  readonly library: () => void;
  /** The same work in plain JavaScript (floats, plain loops): the baseline. */
  readonly reference: () => void;
}

/** A bench file's cases, as bench/run.mjs hands them over. */
export interface BenchFile {
  readonly file: string;
  readonly cases: readonly BenchCase[];
}

/** One line of bench/results.json. */
export interface BenchResult {
  readonly name: string;
  readonly size: number;
  readonly libraryMedianMs: number;
  readonly referenceMedianMs: number;
  /** libraryMedianMs / referenceMedianMs: how many times slower the library is. */
  readonly ratio: number;
}

export interface HarnessOptions {
  /** Where to write the JSON report. */
  readonly out: string;
  /** Minimum measuring time per task, ms (tinybench `time`). Default 500. */
  readonly timeMs?: number;
  /** Minimum samples per task (tinybench `iterations`). Default 5. */
  readonly iterations?: number;
}

let blackhole: unknown;

/** Keeps a result alive so that the engine cannot skip the work that produced it. */
export function keep(value: unknown): void {
  blackhole = value;
}

function medianMs(bench: Bench, taskName: string): number {
  const result = bench.getTask(taskName)?.result;
  if (result === undefined || result.state !== 'completed') {
    const error = result && 'error' in result ? result.error : undefined;
    throw new Error(`benchmark "${taskName}" did not complete (${result?.state ?? 'missing'})`, { cause: error });
  }
  return result.latency.p50;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Runs every case, prints a table and writes the report to `options.out`. */
export async function runBenchmarks(files: readonly BenchFile[], options: HarnessOptions): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const { file, cases } of files) {
    for (const c of cases) {
      process.stdout.write(`${file}: ${c.name} ... `);
      const bench = new Bench({
        time: options.timeMs ?? 500,
        iterations: options.iterations ?? 5,
        warmupTime: 0,
        warmupIterations: 1,
        throws: true,
      });
      bench.add('library', c.library).add('reference', c.reference);
      await bench.run();
      const libraryMedianMs = medianMs(bench, 'library');
      const referenceMedianMs = medianMs(bench, 'reference');
      const ratio = libraryMedianMs / referenceMedianMs;
      results.push({
        name: c.name,
        size: c.size,
        libraryMedianMs: round(libraryMedianMs, 4),
        referenceMedianMs: round(referenceMedianMs, 4),
        ratio: round(ratio, 2),
      });
      process.stdout.write(`${ratio.toFixed(1)}×\n`);
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
  writeFileSync(options.out, `${JSON.stringify({ date: new Date().toISOString(), machine, results }, null, 2)}\n`);

  console.log(`\n${machine.node}, ${machine.cpu} (${machine.cpus} cpus)`);
  console.table(
    results.map((r) => ({
      name: r.name,
      size: r.size,
      'library ms (median)': r.libraryMedianMs,
      'reference ms (median)': r.referenceMedianMs,
      'library / reference': r.ratio,
    })),
  );
  console.log(`written to ${options.out}`);
  return results;
}
