/**
 * One chunk of work, as a worker thread runs it: CSV bytes (or rows) → import → one partial
 * summary per computation, plus what the main thread needs to check and report (row counts,
 * the first rejections, ids, the customers at the chunk's edges).
 * @module
 */
import { RevopsError } from '../core/errors.js';
import { createImporter, type ImportIssue, type ImportOptions, type ImportRejection } from '../import/index.js';
import {
  COMPUTATIONS,
  type ParallelCompute,
  type ParallelComputation,
  type ParallelKind,
  type RunningSummary,
} from './computations.js';
import { forEachCsvRow } from './csv.js';

/** Rejections and warnings kept per chunk (the counts are always exact). @internal */
export const KEEP_ISSUES = 100;

/** What every task of a run shares (a worker's `workerData`). @internal */
export interface TaskConfig {
  readonly kind: ParallelKind;
  readonly compute: ParallelCompute;
  /** Import options, or `null` when the rows are already entities. */
  readonly import: ImportOptions | null;
  readonly delimiter: string;
  /** Return the ids of the chunk's records, for the check across chunks. */
  readonly checkDuplicates: boolean;
}

/** One chunk: CSV bytes (with the file's header row) or rows. @internal */
export interface Task {
  readonly bytes?: Uint8Array;
  readonly rows?: readonly unknown[];
  /** The header row, when the rows are arrays of cells. */
  readonly header: readonly unknown[] | null;
}

/** The customers at a chunk's edges (rows sorted by customer), whose rows may continue in the next chunk. */
export interface EdgeRows {
  readonly customerId: string;
  readonly rows: readonly unknown[];
}

/** What a task gives back. @internal */
export interface TaskResult {
  /** Data rows read. */
  readonly read: number;
  /** Chunks the result covers (1 for a chunk, the sum for a range). */
  readonly chunks: number;
  readonly imported: number;
  readonly rejected: number;
  /** The first {@link KEEP_ISSUES} rejections and warnings, numbered within the chunk (first data row 2). */
  readonly rejections: readonly ImportRejection[];
  readonly warnings: readonly ImportIssue[];
  /** Partial summary of each computation (over every record, except the edge customers' rows). */
  readonly summaries: Readonly<Record<string, unknown>>;
  /** Ids of the records (with `checkDuplicates`). */
  readonly ids: readonly string[] | null;
  /** By-customer computations: the first and the last customer's rows (one entry when they are the same). */
  readonly edges: readonly EdgeRows[] | null;
  /** A refusal, with its code (errors do not keep their fields between threads). */
  readonly error?: { readonly code: string; readonly message: string; readonly field?: string };
}

const decoder = new TextDecoder();

/** The names of the computations asked for, in a fixed order. @internal */
export function computationNames(compute: ParallelCompute): ParallelComputation[] {
  return (Object.keys(COMPUTATIONS) as ParallelComputation[]).filter((k) => compute[k] !== undefined);
}

/**
 * Summarises `records` for every computation; a computation with a running summary in `running`
 * takes them there instead (and has no entry in the result). @internal
 */
export function summarizeAll(
  config: TaskConfig,
  records: readonly unknown[],
  running?: RunningSummaries,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of computationNames(config.compute)) {
    const r = running?.get(name);
    if (r !== undefined) {
      r.add(records);
      continue;
    }
    const c = COMPUTATIONS[name];
    const s = c.summarize(records, c.summarizeOptions(config.compute[name]));
    // without the duplicate check, id lists (which grow with the data) are dropped: the run vouches for ids
    out[name] = !config.checkDuplicates && hasIds(s) ? { ...s, ids: [] } : s;
  }
  return out;
}

/** The running summaries of a run of chunks (a worker's range), by computation. @internal */
export type RunningSummaries = ReadonlyMap<ParallelComputation, RunningSummary>;

/** A running summary for each computation that has one (see `Computation.accumulator`). @internal */
export function runningSummaries(config: TaskConfig): RunningSummaries {
  const out = new Map<ParallelComputation, RunningSummary>();
  for (const name of computationNames(config.compute)) {
    const c = COMPUTATIONS[name];
    if (c.accumulator !== undefined) out.set(name, c.accumulator(c.summarizeOptions(config.compute[name])));
  }
  return out;
}

function hasIds(s: unknown): s is { ids: unknown } {
  return typeof s === 'object' && s !== null && Array.isArray((s as { ids?: unknown }).ids);
}

function byCustomer(config: TaskConfig): boolean {
  return computationNames(config.compute).some((n) => COMPUTATIONS[n].byCustomer);
}

/** The customer id of a subscription row (validated later by the summaries). */
function customerOf(row: unknown): string {
  const id = (row as { customerId?: unknown } | null)?.customerId;
  return typeof id === 'string' ? id : '';
}

/**
 * Cuts records sorted by customer into the first customer's rows, the last customer's rows
 * and the rest.
 * @throws {RevopsError} `INVALID_INPUT` when the rows are not sorted by customer.
 * @internal
 */
export function splitEdges(records: readonly unknown[]): { inner: unknown[]; edges: EdgeRows[] } {
  if (records.length === 0) return { inner: [], edges: [] };
  for (let i = 1; i < records.length; i++) {
    if (customerOf(records[i]) < customerOf(records[i - 1])) {
      throw new RevopsError(
        'INVALID_INPUT',
        `rows must be sorted by customerId for a parallel MRR or cohort computation (a customer's months in one ` +
          `summary), got ${JSON.stringify(customerOf(records[i]))} after ${JSON.stringify(customerOf(records[i - 1]))}`,
        { field: 'customerId', value: customerOf(records[i]) },
      );
    }
  }
  const first = customerOf(records[0]);
  const last = customerOf(records[records.length - 1]);
  let a = 0;
  while (a < records.length && customerOf(records[a]) === first) a++;
  if (a === records.length) return { inner: [], edges: [{ customerId: first, rows: [...records] }] };
  let b = records.length;
  while (customerOf(records[b - 1]) === last) b--;
  return {
    inner: records.slice(a, b),
    edges: [
      { customerId: first, rows: records.slice(0, a) },
      { customerId: last, rows: records.slice(b) },
    ],
  };
}

/**
 * Runs one task; a refusal comes back as `error` with its code. With `running`, the computations
 * that have a running summary add the task's records to it (their summaries are not in the result).
 * @internal
 */
export function runTask(config: TaskConfig, task: Task, running?: RunningSummaries): TaskResult {
  try {
    let read = 0;
    let records: readonly unknown[];
    let rejected: readonly ImportRejection[] = [];
    let warnings: readonly ImportIssue[] = [];
    if (config.import !== null) {
      // each row goes to the importer as soon as it is parsed: no array of the chunk's rows
      const importer = createImporter(config.kind, { ...config.import, checkDuplicates: false });
      if (task.header !== null) importer.push(task.header);
      const push = (row: unknown) => {
        read++;
        importer.push(row);
      };
      if (task.bytes !== undefined) forEachCsvRow(decoder.decode(task.bytes), config.delimiter, push);
      else for (const row of task.rows ?? []) push(row);
      const result = importer.finish();
      records = result.records;
      rejected = result.rejected;
      warnings = result.warnings;
    } else {
      records = task.rows ?? [];
      read = records.length;
    }
    let ids: string[] | null = null;
    if (config.checkDuplicates && config.kind !== 'subscriptions') {
      ids = [];
      for (const r of records) {
        const id = (r as { id?: unknown } | null)?.id;
        if (typeof id === 'string') ids.push(id);
      }
    }
    let edges: EdgeRows[] | null = null;
    let inner = records;
    if (byCustomer(config)) ({ inner, edges } = splitEdges(records));
    return {
      read,
      chunks: 1,
      imported: records.length,
      rejected: rejected.length,
      rejections: rejected.slice(0, KEEP_ISSUES),
      warnings: warnings.slice(0, KEEP_ISSUES),
      summaries: summarizeAll(config, inner, running),
      ids,
      edges,
    };
  } catch (e) {
    if (e instanceof RevopsError) return failedResult(e);
    throw e;
  }
}

/** The result of a task or range refused with `e`: nothing read, the error's code, message and field. @internal */
export function failedResult(e: RevopsError | NonNullable<TaskResult['error']>): TaskResult {
  return {
    read: 0,
    chunks: 0,
    imported: 0,
    rejected: 0,
    rejections: [],
    warnings: [],
    summaries: {},
    ids: null,
    edges: null,
    error: { code: e.code, message: e.message, ...(e.field === undefined ? {} : { field: e.field }) },
  };
}
