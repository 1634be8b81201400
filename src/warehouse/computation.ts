/**
 * What the warehouse builds run: a mergeable computation of the library (summarize / merge /
 * finalize, docs/conventions.md), how a row reaches it from an engine, and the one buffered
 * state both engines carry between calls.
 *
 * The state is plain JSON — `{ rows, summary }`, rows not yet summarised and the summary of
 * the rest — so BigQuery can serialise it between its aggregation stages and a Snowflake
 * handler can keep it across `processRow` calls. Rows are summarised `FLUSH_ROWS` at a time
 * (the library's summaries work on arrays), so a state never holds more than that many rows.
 * @module
 */
import { invalid } from '../core/errors.js';

/** Rows a state buffers before it summarises them (bounded state, amortised per-call cost). */
export const FLUSH_ROWS = 512;

/**
 * A mergeable computation run by an engine.
 *
 * `Row` is what the library's `summarizeX` takes (a deal, a subscription row, a credit with its
 * member), `S` the summary, `P` the options read from the call's options string, `R` the result.
 */
export interface WarehouseComputation<Row, S, P, R> {
  /** Its name in file names and SQL (`win-rate`). */
  readonly name: string;
  /** Reads the options string of a call (JSON text, `''` or `null` for none). */
  readonly params: (text: unknown) => P;
  /** Reads one aggregated argument as the engine passes it: the rows it stands for. */
  readonly rows: (value: unknown, params: P) => readonly Row[];
  /**
   * The unit that must not be split between two summaries (a customer for MRR movements),
   * or `undefined` when rows are independent. Rows arrive grouped by unit (the SQL orders them).
   */
  readonly unitOf?: (row: Row) => string;
  /** Summarises a non-empty chunk of rows. */
  readonly summarize: (rows: readonly Row[], params: P) => S;
  /** Merges two summaries (associative and commutative). */
  readonly merge: (a: S, b: S) => S;
  /** The result of a whole group. */
  readonly finalize: (summary: S, params: P) => R;
}

/** The JSON state carried between calls: rows not yet summarised, and the summary of the others. */
export interface WarehouseState<Row, S> {
  rows: Row[];
  summary: S | null;
}

/** A fresh state. @internal */
export function emptyState<Row, S>(): WarehouseState<Row, S> {
  return { rows: [], summary: null };
}

function mergeSummaries<S>(c: { merge: (a: S, b: S) => S }, a: S | null, b: S | null): S | null {
  if (a === null) return b;
  if (b === null) return a;
  return c.merge(a, b);
}

/** Summarises the buffered rows into the state's summary (mutates `state`). @internal */
export function flush<Row, S, P>(c: WarehouseComputation<Row, S, P, unknown>, state: WarehouseState<Row, S>, p: P) {
  if (state.rows.length === 0) return;
  state.summary = mergeSummaries(c, state.summary, c.summarize(state.rows, p));
  state.rows = [];
}

/**
 * Adds the rows of one aggregated argument (mutates `state`). With a unit, a full buffer is
 * summarised only where a new unit starts, so that a unit never spans two summaries.
 * @internal
 */
export function addRows<Row, S, P>(
  c: WarehouseComputation<Row, S, P, unknown>,
  state: WarehouseState<Row, S>,
  rows: readonly Row[],
  p: P,
  flushRows = FLUSH_ROWS,
): void {
  for (const row of rows) {
    const last = state.rows[state.rows.length - 1];
    if (
      state.rows.length >= flushRows &&
      (c.unitOf === undefined || (last !== undefined && c.unitOf(last) !== c.unitOf(row)))
    ) {
      flush(c, state, p);
    }
    state.rows.push(row);
  }
}

/**
 * Merges a partial state into `state` (mutates `state`): the summaries are merged, the buffered
 * rows (whole units: each came with its own aggregated argument) joined.
 * @internal
 */
export function mergeState<Row, S, P>(
  c: WarehouseComputation<Row, S, P, unknown>,
  state: WarehouseState<Row, S>,
  partial: WarehouseState<Row, S>,
  p: P,
  flushRows = FLUSH_ROWS,
): void {
  state.summary = mergeSummaries(c, state.summary, partial.summary);
  for (const row of partial.rows) state.rows.push(row);
  if (state.rows.length >= flushRows) flush(c, state, p);
}

/** The summary of everything in `state`, or `null` when nothing was aggregated. @internal */
export function stateSummary<Row, S, P>(
  c: WarehouseComputation<Row, S, P, unknown>,
  state: WarehouseState<Row, S>,
  p: P,
): S | null {
  flush(c, state, p);
  return state.summary;
}

/** Reads a state that came back from the engine's serialisation. @internal */
export function readState<Row, S>(value: unknown, field: string): WarehouseState<Row, S> {
  if (typeof value !== 'object' || value === null || !Array.isArray((value as { rows?: unknown }).rows)) {
    throw invalid('INVALID_SUMMARY', field, value, 'must be a warehouse state { rows, summary }');
  }
  return value as WarehouseState<Row, S>;
}

/**
 * Reads the options text of a call: JSON, or `''` / `null` / `undefined` for none. Parsed
 * once per distinct text (engines pass the same literal with every row).
 * @internal
 */
export function optionsReader<P>(read: (o: Readonly<Record<string, unknown>>) => P): (text: unknown) => P {
  let lastText: unknown;
  let last: P | undefined;
  return (text) => {
    if (last !== undefined && text === lastText) return last;
    let o: unknown = {};
    if (text !== null && text !== undefined && text !== '') {
      if (typeof text !== 'string') throw invalid('INVALID_OPTION', 'options', text, 'must be JSON text');
      try {
        o = JSON.parse(text);
      } catch {
        throw invalid('INVALID_OPTION', 'options', text, 'must be JSON text');
      }
    }
    if (typeof o !== 'object' || o === null || Array.isArray(o)) {
      throw invalid('INVALID_OPTION', 'options', text, 'must be a JSON object');
    }
    last = read(o as Readonly<Record<string, unknown>>);
    lastText = text;
    return last;
  };
}
