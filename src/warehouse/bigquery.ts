/**
 * A mergeable computation as a BigQuery JavaScript user-defined aggregate function.
 *
 * The contract (https://cloud.google.com/bigquery/docs/user-defined-aggregates, "JavaScript
 * UDAFs"): the function body is a module exporting `initialState(nonAgg…)` → a state;
 * `aggregate(state, arg…, nonAgg…)`, which updates the state in place for one row;
 * `merge(state, partialState, nonAgg…)`, which folds a partial state (aggregated elsewhere, in
 * parallel) into the state in place; and `finalize(state, nonAgg…)` → the result. Between
 * these calls BigQuery may serialise the state, so it must be plain data (objects, arrays,
 * strings, numbers, booleans, null) — ours is `{ rows, summary }` with money as decimal text.
 * Calls take no ORDER BY, so the order of rows, of partial states and the shape of the merge
 * tree are BigQuery's: the summaries' merge is associative and commutative, so the result is
 * the same for all of them.
 * @module
 */
import {
  addRows,
  emptyState,
  FLUSH_ROWS,
  mergeState,
  readState,
  stateSummary,
  type WarehouseComputation,
  type WarehouseState,
} from './computation.js';

/** The four exports of a BigQuery JavaScript UDAF, with one aggregated argument and the options text. */
export interface BigQueryAggregate {
  initialState(options?: unknown): WarehouseState<unknown, unknown>;
  aggregate(state: WarehouseState<unknown, unknown>, value: unknown, options?: unknown): void;
  merge(
    state: WarehouseState<unknown, unknown>,
    partialState: WarehouseState<unknown, unknown>,
    options?: unknown,
  ): void;
  /** The result as JSON text (the function `RETURNS STRING`), or `null` for no row. */
  finalize(state: WarehouseState<unknown, unknown>, options?: unknown): string | null;
}

/**
 * The BigQuery UDAF of a computation: one aggregated argument (a STRUCT row, or an ARRAY of
 * them for a unit such as a customer) and one `NOT AGGREGATE` options string; rows are summarised
 * `flushRows` at a time.
 * @internal
 */
export function bigQueryAggregate<Row, S, P, R>(
  c: WarehouseComputation<Row, S, P, R>,
  flushRows = FLUSH_ROWS,
): BigQueryAggregate {
  const any = c as unknown as WarehouseComputation<unknown, unknown, P, unknown>;
  return {
    initialState: (options) => {
      c.params(options); // refuses bad options before the first row
      return emptyState();
    },
    aggregate: (state, value, options) => {
      const p = c.params(options);
      addRows(any, readState(state, 'state'), c.rows(value, p), p, flushRows);
    },
    merge: (state, partialState, options) => {
      const p = c.params(options);
      mergeState(any, readState(state, 'state'), readState(partialState, 'partialState'), p, flushRows);
    },
    finalize: (state, options) => {
      const p = c.params(options);
      const s = stateSummary(any, readState(state, 'state'), p);
      return s === null ? null : JSON.stringify(any.finalize(s, p));
    },
  };
}
