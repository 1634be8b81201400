/**
 * `revops/parallel` (Node only): every mergeable computation of the library — funnel, win rates
 * and KPIs, MRR movements and cohorts, weighted pipeline and categories, commission statements
 * for many members — over a CSV file or a stream of rows, split across worker threads
 * (piscina), with the partial summaries merged into exactly the one-call answer.
 * @module parallel
 */
export {
  computeFile,
  computeRows,
  type ComputeFileOptions,
  type ComputeRowsOptions,
  type ParallelOptions,
  type ParallelRun,
} from './run.js';
export type {
  ParallelCompute,
  ParallelComputation,
  ParallelKind,
  ParallelResultOf,
} from './computations.js';
export type { ParallelStatementsOptions } from './statements.js';
