/**
 * A mergeable computation as two Snowflake JavaScript user-defined table functions.
 *
 * The contract (https://docs.snowflake.com/en/developer-guide/udf/javascript/udf-javascript-tabular-functions):
 * the body is one object literal with `processRow(row, rowWriter, context)` (required),
 * `initialize(argumentInfo, context)` and `finalize(rowWriter, context)`; arguments are
 * properties of `row` named in upper case; `rowWriter.writeRow({ COLUMN: value })` emits a
 * row. Rows are split into partitions (`OVER (PARTITION BY …)`, else as Snowflake likes);
 * `initialize` and `finalize` run once per partition, and one handler instance may serve
 * several partitions one after another, so state is reset for each. Snowflake has no
 * JavaScript aggregate function, so the aggregation is two table functions:
 *
 * - `…_PARTIAL(ROW OBJECT, OPTIONS VARCHAR) RETURNS TABLE (SUMMARY VARIANT)` writes one partial
 *   summary per partition;
 * - `…_FINAL(SUMMARY VARIANT, OPTIONS VARCHAR) RETURNS TABLE (RESULT VARIANT)` merges the
 *   summaries of a partition (the SQL partitions them by the group) and writes the result.
 * @module
 */
import {
  addRows,
  emptyState,
  FLUSH_ROWS,
  flush,
  type WarehouseComputation,
  type WarehouseState,
} from './computation.js';

/** What a table function writes rows to. */
export interface SnowflakeRowWriter {
  writeRow(row: Readonly<Record<string, unknown>>): void;
}

/** The handler of one partition: the callbacks of the contract with the partition's state. */
export interface SnowflakePartition {
  processRow(row: Readonly<Record<string, unknown>>, rowWriter: SnowflakeRowWriter, context?: unknown): void;
  finalize(rowWriter: SnowflakeRowWriter, context?: unknown): void;
}

/**
 * The first table function: rows → one partial summary (`SUMMARY`) per partition.
 * @internal
 */
export function snowflakePartial<Row, S, P, R>(
  c: WarehouseComputation<Row, S, P, R>,
  flushRows = FLUSH_ROWS,
): () => SnowflakePartition {
  const any = c as unknown as WarehouseComputation<unknown, unknown, P, unknown>;
  return () => {
    const state: WarehouseState<unknown, unknown> = emptyState();
    let p: P | undefined;
    return {
      processRow: (row) => {
        p = c.params(row['OPTIONS']);
        addRows(any, state, c.rows(row['ROW'], p), p, flushRows);
      },
      finalize: (rowWriter) => {
        if (p === undefined) return; // no row in this partition
        flush(any, state, p);
        rowWriter.writeRow({ SUMMARY: state.summary });
      },
    };
  };
}

/**
 * The second table function: partial summaries → the result (`RESULT`) of the partition.
 * @internal
 */
export function snowflakeFinal<Row, S, P, R>(c: WarehouseComputation<Row, S, P, R>): () => SnowflakePartition {
  return () => {
    let summary: S | null = null;
    let p: P | undefined;
    return {
      processRow: (row) => {
        p = c.params(row['OPTIONS']);
        const s = row['SUMMARY'] as S | null | undefined;
        if (s === null || s === undefined) return;
        summary = summary === null ? s : c.merge(summary, s);
      },
      finalize: (rowWriter) => {
        if (p === undefined || summary === null) return;
        rowWriter.writeRow({ RESULT: c.finalize(summary, p) });
      },
    };
  };
}

/** The object literal Snowflake calls: its callbacks, with `this` the handler (as in the contract's examples). */
export interface SnowflakeHandler extends SnowflakePartition {
  initialize(argumentInfo?: unknown, context?: unknown): void;
}

/**
 * The handler object of a table function: a fresh partition state on `initialize` (and after
 * each `finalize`, for an engine that would not call `initialize`), so that an instance serving
 * several partitions never mixes them.
 * @internal
 */
export function snowflakeHandler(create: () => SnowflakePartition): SnowflakeHandler {
  let current: SnowflakePartition | undefined;
  return {
    initialize: () => {
      current = create();
    },
    processRow: (row, rowWriter, context) => {
      current ??= create();
      current.processRow(row, rowWriter, context);
    },
    finalize: (rowWriter, context) => {
      (current ?? create()).finalize(rowWriter, context);
      current = undefined;
    },
  };
}
