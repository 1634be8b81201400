/**
 * The computations `revops/parallel` runs: every mergeable result of the library, by name,
 * with the kind of rows it reads and its summarize / merge / finalize functions.
 * @module
 */
import {
  type ForecastByCategoryOptions,
  finalizeForecastByCategory,
  finalizeWeightedPipeline,
  mergeForecastByCategory,
  mergeWeightedPipeline,
  summarizeForecastByCategory,
  summarizeWeightedPipeline,
  type CategoryForecast,
  type WeightedPipeline,
  type WeightedPipelineOptions,
} from '../forecast/index.js';
import {
  type ActivityCounts,
  type ActivityKpiOptions,
  type AverageCallDuration,
  type AverageCallDurationOptions,
  type AverageDealSize,
  type AverageDealSizeOptions,
  finalizeActivityCounts,
  finalizeAverageCallDuration,
  finalizeAverageDealSize,
  finalizeFunnel,
  finalizeSalesCycleLength,
  finalizeWinRate,
  type Funnel,
  type FunnelOptions,
  type Grouped,
  mergeActivityCounts,
  mergeAverageCallDuration,
  mergeAverageDealSize,
  mergeFunnel,
  mergeSalesCycleLength,
  mergeWinRate,
  type SalesCycleLength,
  type SalesCycleLengthOptions,
  summarizeActivityCounts,
  summarizeAverageCallDuration,
  summarizeAverageDealSize,
  summarizeFunnel,
  summarizeSalesCycleLength,
  summarizeWinRate,
  type WinRate,
  type WinRateOptions,
} from '../metrics/index.js';
import {
  type CohortRetentionOptions,
  type CohortTable,
  finalizeCohortRetention,
  finalizeMrrMovements,
  mergeCohortRetention,
  mergeMrrMovements,
  type MrrMovements,
  type MrrMovementsOptions,
  summarizeCohortRetention,
  summarizeMrrMovements,
} from '../retention/index.js';
import {
  finalizeStatements,
  mergeStatements,
  type ParallelStatementsOptions,
  prepareStatements,
  StatementsAccumulator,
  statementBuffers,
  type StatementsSummary,
  summarizeStatements,
} from './statements.js';
import type { Statement } from '../commission/index.js';

/** What can be computed, each with its options (those of the library function of the same name). */
export interface ParallelCompute {
  /** Deals or leads: `funnel` (`pipeline` required). */
  readonly funnel?: FunnelOptions;
  /** Deals: `winRate`. */
  readonly winRate?: WinRateOptions;
  /** Deals: `averageDealSize`. */
  readonly averageDealSize?: AverageDealSizeOptions;
  /** Deals: `salesCycleLength`. */
  readonly salesCycleLength?: SalesCycleLengthOptions;
  /** Deals: `weightedPipeline`. */
  readonly weightedPipeline?: WeightedPipelineOptions;
  /** Deals: `forecastByCategory`. */
  readonly forecastByCategory?: ForecastByCategoryOptions;
  /** Activities: `activityCounts`. */
  readonly activityCounts?: ActivityKpiOptions;
  /** Activities: `averageCallDuration`. */
  readonly averageCallDuration?: AverageCallDurationOptions;
  /** Subscription rows (sorted by customer): `mrrMovements`. */
  readonly mrrMovements?: MrrMovementsOptions;
  /** Subscription rows (sorted by customer): `cohortRetention`. */
  readonly cohortRetention?: CohortRetentionOptions;
  /** Credits: one statement per member (see {@link ParallelStatementsOptions}). */
  readonly statements?: ParallelStatementsOptions;
}

/** The result of each computation. */
export interface ParallelResultOf {
  readonly funnel: Grouped<Funnel>;
  readonly winRate: Grouped<WinRate>;
  readonly averageDealSize: Grouped<AverageDealSize>;
  readonly salesCycleLength: Grouped<SalesCycleLength>;
  readonly weightedPipeline: WeightedPipeline;
  readonly forecastByCategory: CategoryForecast;
  readonly activityCounts: Grouped<ActivityCounts>;
  readonly averageCallDuration: Grouped<AverageCallDuration>;
  readonly mrrMovements: MrrMovements;
  readonly cohortRetention: CohortTable;
  /** By member id (sorted). */
  readonly statements: Readonly<Record<string, Statement>>;
}

/** The names of the computations. */
export type ParallelComputation = keyof ParallelCompute & keyof ParallelResultOf;

/** What rows a computation reads: the import kind. */
export type ParallelKind = 'deals' | 'leads' | 'activities' | 'subscriptions' | 'credits';

/** One computation, untyped (the registry below). @internal */
export interface Computation {
  readonly kinds: readonly ParallelKind[];
  /** Rows of one customer must not be split between two summaries. */
  readonly byCustomer: boolean;
  readonly summarize: (records: readonly unknown[], options: unknown) => unknown;
  readonly merge: (a: unknown, b: unknown) => unknown;
  /** The finalize call of the one-call function for these options. */
  readonly finalize: (summary: unknown, options: unknown) => unknown;
  /** The options of the summarize call of the one-call function. */
  readonly summarizeOptions: (options: unknown) => unknown;
  /**
   * A running summary for many chunks in a row (a worker's byte range): chunks are added as they
   * are read and summarised once at the end, instead of a summary per chunk merged with the
   * others. Only where that saves work (statements: a chunk's summary holds every member it pays).
   */
  readonly accumulator?: (options: unknown) => RunningSummary;
  /**
   * Readies a summary that came from a worker thread for merging and finalising (the same summary,
   * in a form cheaper to merge), run on the main thread as soon as it arrives, while other threads
   * may still be reading: work taken off the end of the run.
   */
  readonly prepare?: (summary: unknown, options: unknown) => unknown;
  /** The buffers a worker thread moves to the main thread with a summary, instead of copying them. */
  readonly buffers?: (summary: unknown) => ArrayBuffer[];
}

/** A summary built chunk by chunk: `result()` equals the merge of each chunk's summary. @internal */
export interface RunningSummary {
  add(records: readonly unknown[]): void;
  result(): unknown;
}

type Fn = (...args: never[]) => unknown;
type Options = Readonly<Record<string, unknown>>;
const same = (o: unknown): unknown => o;
const c = (
  kinds: readonly ParallelKind[],
  summarize: Fn,
  merge: Fn,
  finalize: (summary: never, options: Options) => unknown,
  summarizeOptions: (o: Options) => unknown = same,
  byCustomer = false,
): Computation => ({ kinds, byCustomer, summarize, merge, finalize, summarizeOptions }) as unknown as Computation;

const withoutKey = (key: string) => (o: Options) => {
  const { [key]: _drop, ...rest } = o;
  return rest;
};
const only = (key: string) => (o: Options) => (o[key] === undefined ? {} : { [key]: o[key] });

/**
 * Every computation by name, each split as its one-call function splits it (`weightedPipeline`
 * rounds in finalize, `cohortRetention` reads `basis` in finalize, …).
 * @internal
 */
export const COMPUTATIONS: { readonly [K in ParallelComputation]: Computation } = {
  funnel: c(['deals', 'leads'], summarizeFunnel, mergeFunnel, (s) => finalizeFunnel(s)),
  winRate: c(['deals'], summarizeWinRate, mergeWinRate, (s) => finalizeWinRate(s)),
  averageDealSize: c(['deals'], summarizeAverageDealSize, mergeAverageDealSize, (s) => finalizeAverageDealSize(s)),
  salesCycleLength: c(['deals'], summarizeSalesCycleLength, mergeSalesCycleLength, (s) => finalizeSalesCycleLength(s)),
  weightedPipeline: c(
    ['deals'],
    summarizeWeightedPipeline,
    mergeWeightedPipeline,
    (s, o) => finalizeWeightedPipeline(s, { currency: o['currency'], ...only('rounding')(o) } as never),
    withoutKey('rounding'),
  ),
  forecastByCategory: c(['deals'], summarizeForecastByCategory, mergeForecastByCategory, (s, o) =>
    finalizeForecastByCategory(s, only('currency')(o) as never),
  ),
  activityCounts: c(['activities'], summarizeActivityCounts, mergeActivityCounts, (s) => finalizeActivityCounts(s)),
  averageCallDuration: c(['activities'], summarizeAverageCallDuration, mergeAverageCallDuration, (s) =>
    finalizeAverageCallDuration(s),
  ),
  mrrMovements: c(
    ['subscriptions'],
    summarizeMrrMovements,
    mergeMrrMovements,
    (s) => finalizeMrrMovements(s),
    same,
    true,
  ),
  cohortRetention: c(
    ['subscriptions'],
    summarizeCohortRetention,
    mergeCohortRetention,
    (s, o) => finalizeCohortRetention(s, only('basis')(o) as never),
    withoutKey('basis'),
    true,
  ),
  statements: {
    ...c(['credits'], summarizeStatements, mergeStatements, (s, o) => finalizeStatements(s, o as never)),
    accumulator: (o) => new StatementsAccumulator(o as ParallelStatementsOptions),
    prepare: (s, o) => prepareStatements(s as StatementsSummary, o as ParallelStatementsOptions),
    buffers: (s) => statementBuffers(s as StatementsSummary),
  },
};
