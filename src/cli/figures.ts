/**
 * The report's mergeable figures — funnels, win rates, team KPIs, weighted pipeline, forecast
 * categories, MRR movements, cohorts — each one library function over one kind of rows. They
 * are computed on the calling thread, or with `--workers N` on worker threads by revops/parallel
 * (`computeRows`, the imported entities cut into chunks): the same numbers either way, since the
 * summaries merge exactly (docs/guides/scale.md).
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
import type { ParallelCompute, ParallelComputation, ParallelResultOf, computeRows } from '../parallel/index.js';
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

/**
 * Computes the figures on `workers` worker threads with revops/parallel's `computeRows` (`run`):
 * one run per kind of rows (two when a function is asked twice with other options), one after
 * the other, each over the imported entities in chunks of {@link batchSizeFor} rows.
 * @throws {RevopsError} what the computations refuse (the caller reports it as a data problem).
 */
export async function computeFiguresInParallel(
  requests: readonly FigureRequest[],
  data: Dataset,
  workers: number,
  run: typeof computeRows,
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
    const rows: readonly unknown[] = x.rows === 'subscriptions' ? byCustomer(data.subscriptions) : data[x.rows];
    const done = await run(rows, {
      kind: x.rows,
      entities: true,
      compute: x.compute as ParallelCompute,
      workers,
      batchSize: batchSizeFor(rows.length, workers),
    });
    const results = done.results as Readonly<Record<string, unknown>>;
    for (const [name, key] of Object.entries(x.keys)) out[key] = results[name];
  }
  return out as Figures;
}
