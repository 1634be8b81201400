/**
 * Running mergeable computations over a CSV file or a stream of rows on worker threads
 * (piscina, https://github.com/piscinajs/piscina): the input is cut into chunks of whole
 * records, each worker imports and summarises its chunks, and the main thread merges the
 * partial summaries and finalises them — the same answer as the one-call functions on all the
 * rows, whatever the chunks and the order in which they finish.
 * @module
 */
import { createReadStream, existsSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Piscina from 'piscina';
import { invalid, RevopsError } from '../core/errors.js';
import { readInteger } from '../core/read.js';
import type { ImportIssue, ImportOptions, ImportRejection } from '../import/index.js';
import {
  COMPUTATIONS,
  type ParallelCompute,
  type ParallelComputation,
  type ParallelKind,
  type ParallelResultOf,
} from './computations.js';
import { Accumulator } from './accumulate.js';
import { parseCsv, recordEnd, recordEndFrom } from './csv.js';
import { type RangeResult, type RangeTask, runRange } from './range.js';
import { computationNames, runTask, type Task, type TaskConfig, type TaskResult } from './task.js';

/** Options of {@link computeFile} and {@link computeRows}. */
export interface ParallelOptions<C extends ParallelCompute> {
  /** What the rows are: `'deals'`, `'leads'`, `'activities'`, `'subscriptions'` or `'credits'`. */
  readonly kind: ParallelKind;
  /**
   * The computations, each with the options of the library function of the same name (plain
   * data: a function, e.g. a `groupBy` function, cannot reach a worker thread).
   */
  readonly compute: C;
  /**
   * Worker threads, 0 … 64; `0` runs everything on the calling thread (same answer). Default:
   * `os.availableParallelism()`.
   */
  readonly workers?: number;
  /** How rows become entities (`revops/import`'s options, plain data). Default `{}`. */
  readonly import?: ImportOptions;
  /**
   * Refuse an id seen twice across the whole input with `DUPLICATE_ID`, as the one-call
   * functions do within their input. It keeps every id on the main thread (memory grows with
   * the rows); `false` vouches that ids are unique and keeps memory flat. Default `true`.
   */
  readonly checkDuplicates?: boolean;
}

/** Options of {@link computeFile}. */
export interface ComputeFileOptions<C extends ParallelCompute> extends ParallelOptions<C> {
  /** The field delimiter of the CSV file, one character. Default `','`. */
  readonly delimiter?: string;
  /**
   * Bytes a worker reads and imports at a time, 16 … 268,435,456 (a record longer than this makes a longer chunk).
   * Default 128 KiB. Smaller chunks keep less in memory at once, and their rows die young: on 1,000,000 deals
   * (1 worker), 128 KiB chunks took about 20 % less CPU time than 1 MiB (less garbage collection), 32 KiB about as
   * much as 1 MiB; on 1,000,000 credits of 10,000 members (2 workers), 128 KiB peaked about 200 MiB below 4 MiB.
   */
  readonly chunkBytes?: number;
}

/** Options of {@link computeRows}. */
export interface ComputeRowsOptions<C extends ParallelCompute> extends ParallelOptions<C> {
  /** Rows per chunk, 1 … 1,000,000. Default 10,000. */
  readonly batchSize?: number;
  /** The rows are entities already (deals, credits, …), not rows to import. Default `false`. */
  readonly entities?: boolean;
}

/** The result of a parallel run. */
export interface ParallelRun<C extends ParallelCompute> {
  /** Each computation's result, equal to the one-call function's on all imported rows. */
  readonly results: { readonly [K in keyof C & ParallelComputation]: ParallelResultOf[K] };
  /** Data rows read, imported and rejected (exact counts). */
  readonly rows: { readonly read: number; readonly imported: number; readonly rejected: number };
  /** The first 100 rejected rows by row number (numbered as in the whole input: header row 1). */
  readonly rejections: readonly ImportRejection[];
  /** The first 100 import warnings by row number. */
  readonly warnings: readonly ImportIssue[];
  /** Chunks the input was cut into. */
  readonly chunks: number;
  /** Worker threads used (0: the calling thread). */
  readonly workers: number;
}

const KINDS: readonly ParallelKind[] = ['deals', 'leads', 'activities', 'subscriptions', 'credits'];

/**
 * The worker script, dist/parallel/worker.js. The ESM build runs this code from
 * dist/parallel/index.js; the CJS build from a shared chunk in dist/ (tsup's `import.meta.url`
 * shim), so both places are tried.
 */
function defaultWorkerFile(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const beside = join(here, 'worker.js');
  return existsSync(beside) ? beside : join(here, 'parallel', 'worker.js');
}

function readConfig(options: ParallelOptions<ParallelCompute>, delimiter: string): TaskConfig {
  if (typeof options !== 'object' || options === null) {
    throw invalid('INVALID_OPTION', 'options', options, 'must be an options object ({ kind, compute })');
  }
  if (!KINDS.includes(options.kind)) {
    throw invalid('INVALID_OPTION', 'options.kind', options.kind, `must be one of ${KINDS.join(', ')}`);
  }
  const compute = options.compute;
  if (typeof compute !== 'object' || compute === null) {
    throw invalid('INVALID_OPTION', 'options.compute', compute, 'must be an object of computations');
  }
  for (const name of Object.keys(compute)) {
    if (!Object.hasOwn(COMPUTATIONS, name)) {
      const known = Object.keys(COMPUTATIONS).join(', ');
      throw invalid('INVALID_OPTION', `options.compute.${name}`, name, `must be one of ${known}`);
    }
    const c = COMPUTATIONS[name as ParallelComputation];
    if (!c.kinds.includes(options.kind)) {
      throw invalid('INVALID_OPTION', `options.compute.${name}`, options.kind, `reads ${c.kinds.join(' or ')}`);
    }
  }
  if (computationNames(compute).length === 0) {
    throw invalid('INVALID_OPTION', 'options.compute', compute, 'must name at least one computation');
  }
  const checkDuplicates = options.checkDuplicates ?? true;
  if (typeof checkDuplicates !== 'boolean') {
    throw invalid('INVALID_OPTION', 'options.checkDuplicates', checkDuplicates, 'must be a boolean');
  }
  return { kind: options.kind, compute, import: options.import ?? {}, delimiter, checkDuplicates };
}

function readWorkers(value: unknown): number {
  return value === undefined
    ? Math.min(64, availableParallelism())
    : readInteger(value, 'options.workers', { min: 0, max: 64, code: 'INVALID_OPTION' });
}

/**
 * Runs tasks on a pool (or here): byte ranges of a file, one per worker, each returning one
 * combined result; or chunks of rows, at most a few in flight, their summaries merged as they
 * arrive. Then stitches, merges and finalises.
 */
class Runner {
  private readonly pool: Piscina | null;
  private readonly inflight = new Set<Promise<void>>();
  /** Chunks of rows: each result without its summaries (merged on arrival), in input order. */
  private readonly results: TaskResult[] = [];
  private readonly acc: Accumulator;
  private readonly ids: Set<string> | null;
  private failure: unknown = null;
  private stopped = false;
  readonly delimiter: string;

  /**
   * `ranges`: the pool runs one byte range per thread, so a thread ends as soon as its range is done (its heap
   * is freed while the other ranges finish); for chunks of rows the threads stay until the end.
   */
  constructor(
    private readonly config: TaskConfig,
    readonly workers: number,
    filename: string,
    ranges = false,
  ) {
    this.delimiter = config.delimiter;
    this.ids = config.checkDuplicates ? new Set() : null;
    this.acc = new Accumulator(config, false);
    if (workers === 0) {
      this.pool = null;
      return;
    }
    try {
      structuredClone(config);
    } catch {
      throw invalid('INVALID_OPTION', 'options', '(a function)', 'must be plain data to reach worker threads');
    }
    // piscina ends a thread above minThreads once it has been idle for idleTimeout (0 ms)
    this.pool = new Piscina({
      filename,
      minThreads: ranges ? 0 : workers,
      maxThreads: workers,
      idleTimeout: 0,
      workerData: config,
    });
  }

  /** Runs the byte ranges of a file, all at once (one per worker), and returns their results in order. */
  async ranges(tasks: readonly RangeTask[]): Promise<RangeResult[]> {
    if (this.pool === null) {
      const out: RangeResult[] = [];
      for (const t of tasks) out.push(await runRange(this.config, t));
      return out;
    }
    const pool = this.pool;
    const results = await Promise.all(
      tasks.map((t) => (pool.run(t) as Promise<RangeResult>).then((r) => prepared(this.config, r))),
    );
    // every range is done: the threads (and the heaps their ranges grew) go before the results are merged here
    await this.stop();
    return results;
  }

  /** Stops the threads (once). */
  private async stop(): Promise<void> {
    const pool = this.pool;
    if (pool === null || this.stopped) return;
    this.stopped = true;
    await pool.destroy();
  }

  /** Takes the results of a file's ranges, in order (the first refusal is thrown). */
  acceptRanges(results: readonly TaskResult[]): void {
    for (const r of results) {
      this.check(r);
      this.acc.add({ ...r, ids: null });
    }
  }

  /** Runs a chunk of rows: waits while the pool has twice its threads in flight (the queue stays short). */
  async submit(task: Task): Promise<void> {
    const index = this.results.length;
    this.results.push(null as unknown as TaskResult);
    if (this.pool === null) {
      this.accept(index, runTask(this.config, task));
      return;
    }
    while (this.inflight.size >= 2 * this.workers) await Promise.race(this.inflight);
    if (this.failure !== null) throw this.failure;
    const transferList = task.bytes === undefined ? [] : [task.bytes.buffer as ArrayBuffer];
    const p: Promise<void> = (this.pool.run(task, { transferList }) as Promise<TaskResult>).then(
      (r) => {
        this.inflight.delete(p);
        try {
          this.accept(index, r);
        } catch (e) {
          this.failure ??= e;
        }
      },
      (e: unknown) => {
        this.inflight.delete(p);
        this.failure ??= e;
      },
    );
    this.inflight.add(p);
  }

  /** A result's refusal thrown here, its ids checked against every id seen. */
  private check(r: TaskResult): void {
    if (r.error !== undefined) {
      throw new RevopsError(r.error.code as RevopsError['code'], r.error.message, {
        ...(r.error.field === undefined ? {} : { field: r.error.field }),
      });
    }
    if (this.ids !== null && r.ids !== null) {
      for (const id of r.ids) {
        if (this.ids.has(id)) {
          throw new RevopsError(
            'DUPLICATE_ID',
            `${this.config.kind} id ${JSON.stringify(id)} appears twice in the input: a record counts once`,
            { field: 'id', value: id },
          );
        }
        this.ids.add(id);
      }
    }
  }

  private accept(index: number, r: TaskResult): void {
    this.check(r);
    this.acc.addSummaries(r.summaries);
    // keep what the end needs in order (counts, the first issues, the edge customers), not the summaries or ids
    this.results[index] = { ...r, summaries: {}, ids: null };
  }

  /** After a failure: lets the tasks in flight end, then stops the threads. */
  async abort(): Promise<void> {
    await Promise.allSettled(this.inflight);
    await this.stop();
  }

  /** Waits for every task, stitches the customers cut between parts, merges and finalises. */
  async finish(): Promise<ParallelRun<ParallelCompute>> {
    try {
      await Promise.all(this.inflight);
      if (this.failure !== null) throw this.failure;
    } finally {
      await this.stop();
    }
    for (const r of this.results) this.acc.addOrdered(r);
    const all = this.acc.complete();
    const merged = all.summaries;
    const results: Record<string, unknown> = {};
    for (const name of computationNames(this.config.compute)) {
      const c = COMPUTATIONS[name];
      const options = this.config.compute[name];
      const s = Object.hasOwn(merged, name) ? merged[name] : c.summarize([], c.summarizeOptions(options));
      results[name] = c.finalize(s, options);
    }
    return {
      results: results as ParallelRun<ParallelCompute>['results'],
      rows: { read: all.read, imported: all.imported, rejected: all.rejected },
      rejections: all.rejections as ImportRejection[],
      warnings: all.warnings as ImportIssue[],
      chunks: all.chunks,
      workers: this.workers,
    };
  }
}

/**
 * A range's result with its summaries readied for the merge (`Computation.prepare`), as soon as
 * it arrives: on 2 cores, the first range's thread has ended and the main thread has a core while
 * the other range is read. A summary that cannot be readied is left as it is (the merge or the
 * finalising refuses it in its turn).
 */
function prepared(config: TaskConfig, r: RangeResult): RangeResult {
  if (r.error !== undefined) return r;
  const summaries: Record<string, unknown> = { ...r.summaries };
  for (const name of Object.keys(summaries)) {
    const prepare = COMPUTATIONS[name as ParallelComputation].prepare;
    if (prepare === undefined) continue;
    try {
      summaries[name] = prepare(summaries[name], config.compute[name as ParallelComputation]);
    } catch (e) {
      if (!(e instanceof RevopsError)) throw e;
    }
  }
  return { ...r, summaries };
}

/** Default chunk size (see {@link ComputeFileOptions.chunkBytes}). */
const CHUNK_BYTES = 128 * 1024;

function readChunkBytes(value: unknown): number {
  if (value === undefined) return CHUNK_BYTES;
  return readInteger(value, 'options.chunkBytes', { min: 16, max: 268_435_456, code: 'INVALID_OPTION' });
}

function readDelimiter(value: unknown): string {
  if (value === undefined) return ',';
  if (typeof value !== 'string' || value.length !== 1 || value === '"' || value === '\n' || value === '\r') {
    throw invalid(
      'INVALID_OPTION',
      'options.delimiter',
      value,
      'must be one character other than a quote or a line break',
    );
  }
  return value;
}

/** Copies bytes into an ArrayBuffer of their own (to be transferred to a worker). */
function own(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  out.set(bytes);
  return out;
}

/**
 * Runs mergeable computations over a CSV file on worker threads: the file after its header row
 * is cut into one byte range per worker; each worker reads its range with its own file stream
 * (the records that start in it: a line break inside a quoted field is not a record's end),
 * parses and imports it chunk by chunk (`revops/import`, header row from the file's first line),
 * summarises it into one partial summary and returns that once; the partial summaries are merged
 * and finalised here. (When a range's start falls inside a quoted field that holds a line break,
 * which a worker cannot see from its own bytes, the file is read again with the calling thread
 * cutting it into chunks: the same answer, slower.)
 *
 * The answer equals the one-call function's (`funnel`, `winRate`, `weightedPipeline`,
 * `mrrMovements`, …, with the same options) on every row the import accepts, exactly, for any
 * chunk size and any number of workers. Memory stays flat with the file's size (chunks in
 * flight, the merged summaries) unless `checkDuplicates` keeps every id.
 *
 * Subscription rows (`mrrMovements`, `cohortRetention`) must be sorted by `customerId`, so that
 * a customer's months are summarised together; rows out of order are refused.
 *
 * @param path - the CSV file (header row first; RFC 4180 quoting; LF or CRLF).
 * @param options - {@link ComputeFileOptions}: `kind`, `compute`, `workers`, `import`, `checkDuplicates`,
 *   `delimiter`, `chunkBytes`.
 * @returns a promise of the {@link ParallelRun}.
 * @throws {RevopsError} `INVALID_OPTION` for an unknown kind or computation, a computation of another kind of rows,
 *   options that are not plain data, or a bad `workers`, `delimiter` or `chunkBytes` (thrown at once).
 * @throws {RevopsError} `INVALID_INPUT` when the file cannot be read, has a quoted field that never closes, or
 *   subscription rows are not sorted by customer (the promise rejects).
 * @throws {RevopsError} `DUPLICATE_ID` for an id seen twice (with `checkDuplicates`), and whatever the computations
 *   refuse (`CURRENCY_MISMATCH`, …), with the computation's code.
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { computeFile } from 'revops/parallel';
 * const file = join(tmpdir(), 'revops-example-deals.csv');
 * writeFileSync(file, 'id,name,accountId,stage,ownerId,createdAt,amount,currency,closeDate\n' +
 *   'D-1,Renewal,A-1,closed-won,ae1,2026-01-05T10:00:00Z,1000.00,USD,2026-02-01\n' +
 *   'D-2,"Pilot, phase 2",A-2,closed-lost,ae1,2026-01-06T10:00:00Z,500.00,USD,2026-02-03\n');
 * const run = await computeFile(file, { kind: 'deals', compute: { winRate: {} }, workers: 0 });
 * [run.results.winRate.rate, run.rows];
 * //=> [0.5, { read: 2, imported: 2, rejected: 0 }]
 * ```
 */
export function computeFile<C extends ParallelCompute>(
  path: string,
  options: ComputeFileOptions<C>,
): Promise<ParallelRun<C>> {
  return computeFileWith(defaultWorkerFile(), path, options);
}

/** How a file is cut into ranges (tests). @internal */
export interface FileSplit {
  /** File offsets where ranges start (besides the first data record); default: one range per worker, equal sizes. */
  readonly cuts?: readonly number[];
  /** Called when a range's assumption about quotes was wrong and the file is read again the sequential way. */
  readonly onReread?: () => void;
}

/** {@link computeFile} with another worker script (tests run the TypeScript sources). @internal */
export function computeFileWith<C extends ParallelCompute>(
  workerFile: string,
  path: string,
  options: ComputeFileOptions<C>,
  split: FileSplit = {},
): Promise<ParallelRun<C>> {
  if (typeof path !== 'string' || path === '') throw invalid('INVALID_INPUT', 'path', path, 'must be a file path');
  const config = readConfig(options, readDelimiter(options?.delimiter));
  const chunkBytes = readChunkBytes(options.chunkBytes);
  const runner = new Runner(config, readWorkers(options.workers), workerFile, true);
  return readRanges(path, chunkBytes, runner, split, () => {
    split.onReread?.();
    const again = new Runner(config, runner.workers, workerFile);
    return readFile(path, chunkBytes, config.delimiter, again);
  }) as Promise<ParallelRun<C>>;
}

/** The header row of a file, where its first data record starts, and the file's size. */
interface Head {
  readonly header: readonly unknown[];
  readonly end: number;
  readonly size: number;
}

const readable = (path: string, e: unknown) =>
  invalid('INVALID_INPUT', 'path', path, `must be a readable file (${e instanceof Error ? e.message : String(e)})`);

/** Reads the first record of a file (its header row); `null` for an empty file. */
async function readHead(path: string, delimiter: string): Promise<Head | null> {
  let bytes: Uint8Array;
  let end = -1;
  let size: number;
  try {
    const fh = await open(path, 'r');
    try {
      size = (await fh.stat()).size;
      bytes = new Uint8Array(0);
      while (end < 0 && bytes.length < size) {
        const buf = Buffer.alloc(Math.min(HEAD_BYTES, size - bytes.length));
        const { bytesRead } = await fh.read(buf, 0, buf.length, bytes.length);
        if (bytesRead === 0) break;
        bytes = Buffer.concat([bytes, buf.subarray(0, bytesRead)]);
        end = recordEndFrom(bytes, 0);
      }
    } finally {
      await fh.close();
    }
  } catch (e) {
    throw readable(path, e);
  }
  if (bytes.length === 0) return null;
  if (end < 0) end = bytes.length; // a header row without a line break: no data rows
  return { header: parseCsv(new TextDecoder().decode(bytes.subarray(0, end)), delimiter)[0] ?? [], end, size };
}

const HEAD_BYTES = 64 * 1024;

/** The file's data cut into byte ranges: one per worker (equal sizes), or at `cuts`. */
function rangesOf(path: string, head: Head, parts: number, chunkBytes: number, cuts?: readonly number[]): RangeTask[] {
  const { end, size } = head;
  const points =
    cuts ?? Array.from({ length: parts - 1 }, (_, i) => end + Math.floor(((size - end) * (i + 1)) / parts));
  const bounds = [...new Set([end, ...points.filter((p) => p > end && p < size), size])].sort((a, b) => a - b);
  const tasks: RangeTask[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const start = bounds[i] as number;
    tasks.push({ path, header: head.header, start, end: bounds[i + 1] as number, first: i === 0, chunkBytes });
  }
  return tasks;
}

/** Whether every range's assumption about the quotes before its start holds (the counts of the ranges before it). */
function consistent(results: readonly RangeResult[]): boolean {
  let quotes = 0;
  for (let i = 0; i < results.length; i++) {
    const r = results[i] as RangeResult;
    if (i > 0 && r.parity !== quotes % 2) return false;
    quotes += r.quotes;
  }
  return true;
}

/**
 * Runs a file as byte ranges on the workers (each reads its own range); the main thread reads
 * only the header row, then merges one result per range. When a range's assumption about quotes
 * was wrong, `reread` runs the file the sequential way.
 */
async function readRanges(
  path: string,
  chunkBytes: number,
  runner: Runner,
  split: FileSplit,
  reread: () => Promise<ParallelRun<ParallelCompute>>,
): Promise<ParallelRun<ParallelCompute>> {
  try {
    const head = await readHead(path, runner.delimiter);
    const tasks = head === null ? [] : rangesOf(path, head, Math.max(1, runner.workers), chunkBytes, split.cuts);
    const results = await runner.ranges(tasks);
    if (!consistent(results)) {
      await runner.abort();
      return reread();
    }
    runner.acceptRanges(results);
  } catch (e) {
    await runner.abort();
    throw e;
  }
  return runner.finish();
}

/** The sequential way: the main thread reads the file and sends whole records to the workers, chunk by chunk. */
async function readFile(path: string, chunkBytes: number, delimiter: string, runner: Runner) {
  let header: readonly unknown[] | null = null;
  let pending: Uint8Array = new Uint8Array(0);
  try {
    try {
      for await (const buf of createReadStream(path, { highWaterMark: chunkBytes }) as AsyncIterable<Buffer>) {
        pending = pending.length === 0 ? buf : Buffer.concat([pending, buf]);
        if (header === null) {
          const end = firstLineLimit(pending);
          if (end === 0) continue;
          header = parseCsv(new TextDecoder().decode(pending.subarray(0, end)), delimiter)[0] ?? [];
          pending = pending.subarray(end);
        }
        const end = recordEnd(pending);
        if (end <= 0) continue;
        await runner.submit({ bytes: own(pending.subarray(0, end)), header });
        pending = own(pending.subarray(end));
      }
    } catch (e) {
      if (e instanceof RevopsError) throw e;
      throw invalid('INVALID_INPUT', 'path', path, `must be a readable file (${(e as Error).message})`);
    }
    if (header === null && pending.length > 0) {
      header = parseCsv(new TextDecoder().decode(pending), delimiter)[0] ?? [];
      pending = new Uint8Array(0);
    }
    if (pending.length > 0) await runner.submit({ bytes: own(pending), header });
  } catch (e) {
    await runner.abort();
    throw e;
  }
  return runner.finish();
}

/** The end of the first line (the header), or the whole buffer when it has no line break yet. */
function firstLineLimit(bytes: Uint8Array): number {
  // the header is the first record: the shortest prefix that recordEnd accepts
  let lf = bytes.indexOf(0x0a);
  while (lf >= 0) {
    if (recordEnd(bytes.subarray(0, lf + 1)) === lf + 1) return lf + 1;
    lf = bytes.indexOf(0x0a, lf + 1);
  }
  return 0;
}

function readBatchSize(value: unknown): number {
  if (value === undefined) return 10_000;
  return readInteger(value, 'options.batchSize', { min: 1, max: 1_000_000, code: 'INVALID_OPTION' });
}

/**
 * Runs mergeable computations over rows from an iterable or async iterable (a CSV parser's
 * stream, a database cursor) on worker threads, `batchSize` rows per chunk: rows to import
 * (records, or arrays of cells after a header row) or, with `entities: true`, entities already
 * imported. The answer equals the one-call functions' on all the (imported) rows, exactly.
 * Rows are copied to the workers (structured clone), so a file is faster through
 * {@link computeFile}.
 *
 * @param rows - the rows.
 * @param options - {@link ComputeRowsOptions}: `kind`, `compute`, `workers`, `import`, `checkDuplicates`,
 *   `batchSize`, `entities`.
 * @returns a promise of the {@link ParallelRun}.
 * @throws {RevopsError} as {@link computeFile}; `INVALID_INPUT` when `rows` is not iterable.
 * @example
 * ```ts
 * import { computeRows } from 'revops/parallel';
 * const deal = (id, stage) => ({ id, stage, ownerId: 'ae1', createdAt: '2026-01-05T10:00:00Z',
 *   amount: { amount: '100.00', currency: 'USD' } });
 * const run = await computeRows([deal('D-1', 'closed-won'), deal('D-2', 'proposal'), deal('D-3', 'closed-lost')],
 *   { kind: 'deals', entities: true, compute: { winRate: {} }, batchSize: 2, workers: 0 });
 * [run.results.winRate.won, run.results.winRate.lost, run.chunks];
 * //=> [1, 1, 2]
 * ```
 */
export function computeRows<C extends ParallelCompute>(
  rows: Iterable<unknown> | AsyncIterable<unknown>,
  options: ComputeRowsOptions<C>,
): Promise<ParallelRun<C>> {
  return computeRowsWith(defaultWorkerFile(), rows, options);
}

/** {@link computeRows} with another worker script (tests run the TypeScript sources). @internal */
export function computeRowsWith<C extends ParallelCompute>(
  workerFile: string,
  rows: Iterable<unknown> | AsyncIterable<unknown>,
  options: ComputeRowsOptions<C>,
): Promise<ParallelRun<C>> {
  const iterable =
    rows !== null &&
    (typeof rows === 'object' || typeof rows === 'function') &&
    (Symbol.asyncIterator in rows || Symbol.iterator in rows);
  if (!iterable) throw invalid('INVALID_INPUT', 'rows', rows, 'must be an iterable or async iterable of rows');
  const config = readConfig(options, ',');
  const entities = options.entities ?? false;
  if (typeof entities !== 'boolean') throw invalid('INVALID_OPTION', 'options.entities', entities, 'must be a boolean');
  const batchSize = readBatchSize(options.batchSize);
  const runner = new Runner(entities ? { ...config, import: null } : config, readWorkers(options.workers), workerFile);
  return readRows(rows, batchSize, entities, runner) as Promise<ParallelRun<C>>;
}

async function readRows(
  rows: Iterable<unknown> | AsyncIterable<unknown>,
  batchSize: number,
  entities: boolean,
  runner: Runner,
) {
  let header: readonly unknown[] | null = null;
  let first = true;
  let batch: unknown[] = [];
  try {
    for await (const row of rows as AsyncIterable<unknown>) {
      if (first && !entities && Array.isArray(row)) {
        header = row;
        first = false;
        continue;
      }
      first = false;
      batch.push(row);
      if (batch.length === batchSize) {
        await runner.submit({ rows: batch, header });
        batch = [];
      }
    }
    if (batch.length > 0) await runner.submit({ rows: batch, header });
  } catch (e) {
    await runner.abort();
    throw e;
  }
  return runner.finish();
}
