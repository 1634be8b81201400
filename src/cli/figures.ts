/**
 * The report's mergeable figures — funnels, win rates, team KPIs, weighted pipeline, forecast
 * categories, MRR movements, cohorts — each one library function over one kind of rows. They
 * are computed on the calling thread, or with `--workers N` on worker threads by revops/parallel:
 * from the CSV file itself when the rows came from one (`computeFile`, each worker reading its
 * byte range), else from the imported entities cut into chunks (`computeRows`). The same numbers
 * either way, since the summaries merge exactly (docs/guides/scale.md).
 */
import { forecastByCategory, weightedPipeline } from '../forecast/index.js';
import {
  activityCounts,
  averageCallDuration,
  averageDealSize,
  funnel,
  salesCycleLength,
  winRate,
} from '../metrics/index.js';
import { RevopsError } from '../core/errors.js';
import type {
  computeFile,
  computeRows,
  ParallelCompute,
  ParallelComputation,
  ParallelResultOf,
  ParallelRun,
} from '../parallel/index.js';
import { cohortRetention, mrrMovements } from '../retention/index.js';
import type { Dataset } from './read.js';

/** Which library function computes each figure of the report. */
const FIGURES = {
  weighted: 'weightedPipeline',
  categories: 'forecastByCategory',
  dealFunnel: 'funnel',
  leadFunnel: 'funnel',
  winsByOwner: 'winRate',
  wonValue: 'winRate',
  wonValueByOwner: 'winRate',
  dealSize: 'averageDealSize',
  cycle: 'salesCycleLength',
  activities: 'activityCounts',
  calls: 'averageCallDuration',
  movements: 'mrrMovements',
  trailingYear: 'mrrMovements',
  cohorts: 'cohortRetention',
} as const satisfies Record<string, ParallelComputation>;

/** A figure of the report. */
export type FigureKey = keyof typeof FIGURES;

/** The computed figures, by key (those the report's parts asked for). */
export type Figures = { readonly [K in FigureKey]?: ParallelResultOf[(typeof FIGURES)[K]] };

/** The kinds of rows of a {@link Dataset} that figures are computed over. */
export type FigureRows = 'deals' | 'leads' | 'activities' | 'subscriptions';

/** One figure to compute: the key, the rows and the options of its library function. */
export interface FigureRequest {
  readonly key: FigureKey;
  readonly rows: FigureRows;
  readonly options: object;
}

/** A request for figure `key` with the options of its function (typed by the key). */
export function figure<K extends FigureKey>(
  key: K,
  rows: FigureRows,
  options: NonNullable<ParallelCompute[(typeof FIGURES)[K]]>,
): FigureRequest {
  return { key, rows, options };
}

type OneCall = (rows: readonly never[], options: never) => unknown;

/** The one-call functions, by computation name. */
const ONE_CALL: Readonly<Record<(typeof FIGURES)[FigureKey], OneCall>> = {
  weightedPipeline,
  forecastByCategory,
  funnel,
  winRate,
  averageDealSize,
  salesCycleLength,
  activityCounts,
  averageCallDuration,
  mrrMovements,
  cohortRetention,
} as unknown as Readonly<Record<(typeof FIGURES)[FigureKey], OneCall>>;

/** Computes the figures on the calling thread with the one-call functions. */
export function computeFigures(requests: readonly FigureRequest[], data: Dataset): Figures {
  const out: Record<string, unknown> = {};
  for (const r of requests) out[r.key] = ONE_CALL[FIGURES[r.key]](data[r.rows] as never, r.options as never);
  return out as Figures;
}

/** Rows per chunk: at least four chunks per worker, at most 10,000 rows each. */
export function batchSizeFor(rows: number, workers: number): number {
  return Math.max(1, Math.min(10_000, Math.ceil(rows / (4 * workers))));
}

/** Subscription rows sorted by customer id (stable), as revops/parallel needs them for MRR and cohorts. */
function byCustomer<T extends { readonly customerId: string }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0));
}

/** revops/parallel's two entry points, as `--workers` uses them (tests pass ones running the sources). */
export interface ParallelRunners {
  readonly rows: typeof computeRows;
  readonly file?: typeof computeFile;
}

/**
 * Computes the figures on `workers` worker threads with revops/parallel: one run per kind of rows
 * (two when a function is asked twice with other options), one after the other. A kind read from
 * a CSV file runs over the file (`computeFile`: the workers read and import it in byte ranges,
 * with the options the command imported it with); when that run does not import the very rows the
 * command did (another row count, a duplicate id, subscriptions not sorted by customer, any
 * refusal), or a kind has no file, it runs over the imported entities in chunks of
 * {@link batchSizeFor} rows (`computeRows`) — so the figures are always those of the rows the
 * report lists.
 * @throws {RevopsError} what the computations refuse (the caller reports it as a data problem).
 */
export async function computeFiguresInParallel(
  requests: readonly FigureRequest[],
  data: Dataset,
  workers: number,
  run: ParallelRunners,
): Promise<Figures> {
  const runs: { rows: FigureRows; compute: Record<string, object>; keys: Record<string, FigureKey> }[] = [];
  for (const r of requests) {
    const name = FIGURES[r.key];
    let target = runs.find((x) => x.rows === r.rows && !Object.hasOwn(x.compute, name));
    if (target === undefined) {
      target = { rows: r.rows, compute: {}, keys: {} };
      runs.push(target);
    }
    target.compute[name] = r.options;
    target.keys[name] = r.key;
  }
  const out: Record<string, unknown> = {};
  for (const x of runs) {
    const compute = x.compute as ParallelCompute;
    const done =
      (await fromFile(x.rows, compute, data, workers, run.file)) ??
      (await run.rows(x.rows === 'subscriptions' ? byCustomer(data.subscriptions) : data[x.rows], {
        kind: x.rows,
        entities: true,
        compute,
        workers,
        batchSize: batchSizeFor(data[x.rows].length, workers),
      }));
    const results = done.results as Readonly<Record<string, unknown>>;
    for (const [name, key] of Object.entries(x.keys)) out[key] = results[name];
  }
  return out as Figures;
}

/** The run over the kind's CSV file, or `null` when there is none or it did not import the rows the command did. */
async function fromFile(
  kind: FigureRows,
  compute: ParallelCompute,
  data: Dataset,
  workers: number,
  file: typeof computeFile | undefined,
): Promise<ParallelRun<ParallelCompute> | null> {
  const source = data.sources?.[kind];
  if (file === undefined || source === undefined) return null;
  try {
    const done = await file(source.path, { kind, compute, workers, import: source.import, checkDuplicates: true });
    return done.rows.imported === data[kind].length ? done : null;
  } catch (e) {
    if (e instanceof RevopsError) return null; // the entities' run gives the figures, or the same refusal
    throw e;
  }
}
