/**
 * Test harness: the two engines' documented contracts, run faithfully in-process, so that the
 * warehouse builds can be checked without BigQuery or Snowflake.
 *
 * BigQuery JavaScript UDAFs — https://cloud.google.com/bigquery/docs/user-defined-aggregates
 * ("Create a JavaScript UDAF", "JavaScript UDAF data type encodings", "Serializable state"):
 * - `initialState(nonAggregate…)` makes a state for each part of a group that BigQuery
 *   aggregates on its own; `aggregate(state, aggregate args…, nonAggregate…)` updates it in
 *   place for one row; `merge(state, partialState, nonAggregate…)` folds in a part aggregated
 *   elsewhere; `finalize(state, nonAggregate…)` returns the group's value.
 * - The state returned by `initialState` and left by `aggregate` and `merge` may be serialised
 *   and deserialised between calls (we round-trip it through JSON at every such point: a
 *   BigInt or a class instance in it fails as it would there).
 * - The call takes no ORDER BY: rows reach the parts in any order, parts are merged in any tree.
 * - Encodings: INT64 → BigInt; NUMERIC → Number when it is an integer within ±2^53, else a
 *   String (in canonical form, without trailing zeros); STRING → string; BOOL → boolean;
 *   STRUCT → object; ARRAY → array; NULL → null. With the default IGNORE NULLS a NULL argument
 *   never reaches `aggregate` (our arguments are STRUCTs, never NULL).
 *
 * Snowflake JavaScript UDTFs —
 * https://docs.snowflake.com/en/developer-guide/udf/javascript/udf-javascript-tabular-functions:
 * - The body is one object literal; `processRow(row, rowWriter, context)` is called once per
 *   input row, with the arguments as properties of `row` in upper case; `initialize(argumentInfo,
 *   context)` before the rows of each partition, `finalize(rowWriter, context)` after them.
 * - `OVER (PARTITION BY …)` sends all rows of a partition to one instance; one instance may
 *   process several partitions in turn; `ORDER BY` orders the rows within a partition (ties in
 *   any order); otherwise the order is Snowflake's.
 * - An OBJECT argument built with OBJECT_CONSTRUCT drops NULL values
 *   (https://docs.snowflake.com/en/sql-reference/functions/object_construct); VARIANT values
 *   travel as JSON, numbers as doubles
 *   (https://docs.snowflake.com/en/developer-guide/udf/javascript/udf-javascript-introduction).
 */

/** A SQL value before an engine encodes it: text, an exact decimal as text, an integer, a boolean, NULL. */
export type SqlValue = string | number | boolean | null | SqlValue[] | { [k: string]: SqlValue };

/** A type description (as in scripts/warehouse.mjs). */
export type SqlType = string | { struct: [string, SqlType][] } | { array: SqlType };

/** A seeded generator (mulberry32) for the engines' choices. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(xs: readonly T[], r: () => number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** NUMERIC as BigQuery hands it to a UDAF: a Number for an integer within ±2^53, else canonical text. */
function bigQueryNumeric(text: string): number | string {
  let t = text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
  t = t.replace(/^(-?)0+(?=\d)/, '$1');
  if (t === '-0') t = '0';
  if (/^-?\d+$/.test(t) && Number.isSafeInteger(Number(t))) return Number(t);
  return t;
}

/** Encodes a SQL value of type `t` as BigQuery passes it to a JavaScript UDAF. */
export function bigQueryValue(v: SqlValue, t: SqlType): unknown {
  if (v === null) return null;
  if (typeof t === 'string') {
    if (t === 'NUMERIC') return bigQueryNumeric(String(v));
    if (t === 'INT64') return BigInt(v as number);
    return v;
  }
  if ('array' in t) return (v as SqlValue[]).map((x) => bigQueryValue(x, t.array));
  const o = v as { [k: string]: SqlValue };
  const out: Record<string, unknown> = {};
  for (const [name, ft] of t.struct) out[name] = bigQueryValue(o[name] ?? null, ft);
  return out;
}

/** Encodes a row as Snowflake's OBJECT_CONSTRUCT passes it (NULLs dropped), amounts as VARCHAR, through JSON. */
export function snowflakeObject(v: { [k: string]: SqlValue }): unknown {
  return JSON.parse(JSON.stringify(v, (_k, x) => (x === null ? undefined : x)));
}

/** The exports of a BigQuery JavaScript UDAF with one aggregated argument and one options argument. */
export interface BigQueryModule {
  initialState(options: unknown): unknown;
  aggregate(state: unknown, value: unknown, options: unknown): void;
  merge(state: unknown, partialState: unknown, options: unknown): void;
  finalize(state: unknown, options: unknown): unknown;
}

/** State serialisation between stages: JSON, which refuses what BigQuery could not serialise. */
function serialise(state: unknown): string {
  const text = JSON.stringify(state);
  if (text === undefined) throw new Error('state is not serialisable');
  return text;
}

/**
 * One group through a BigQuery UDAF: the encoded values are shuffled and cut into random parts,
 * each part aggregated from its own `initialState`, with the state serialised at random
 * points; the parts (plus some empty ones) are merged pairwise in a random tree, serialised
 * between merges, and the last state finalised.
 */
export function runBigQuery(udaf: BigQueryModule, values: readonly unknown[], options: string, seed: number): unknown {
  const r = rng(seed);
  const rows = shuffle(values, r);
  const parts: string[] = [];
  let state = serialise(udaf.initialState(options));
  let current: unknown = JSON.parse(state);
  for (const v of rows) {
    udaf.aggregate(current, v, options);
    if (r() < 0.3) current = JSON.parse(serialise(current));
    if (r() < 0.25) {
      parts.push(serialise(current));
      current = JSON.parse(serialise(udaf.initialState(options)));
    }
  }
  parts.push(serialise(current));
  const empties = Math.floor(r() * 3);
  for (let i = 0; i < empties; i++) parts.push(serialise(udaf.initialState(options)));
  while (parts.length > 1) {
    const i = Math.floor(r() * parts.length);
    const a = parts.splice(i, 1)[0] as string;
    const j = Math.floor(r() * parts.length);
    const b = parts.splice(j, 1)[0] as string;
    const into = JSON.parse(a);
    udaf.merge(into, JSON.parse(b), options);
    parts.push(serialise(into));
  }
  state = parts[0] as string;
  return udaf.finalize(JSON.parse(state), options);
}

/** The handler object of a Snowflake JavaScript UDTF. */
export interface SnowflakeObject {
  initialize?(argumentInfo: unknown, context: unknown): void;
  processRow(
    row: Record<string, unknown>,
    rowWriter: { writeRow(row: Record<string, unknown>): void },
    context: unknown,
  ): void;
  finalize?(rowWriter: { writeRow(row: Record<string, unknown>): void }, context: unknown): void;
}

/** An input row of a table function call: its argument values (upper case) and its partition and order keys. */
export interface SnowflakeInput {
  readonly args: Record<string, unknown>;
  readonly partition: string;
  readonly order?: string;
}

/**
 * One call `TABLE(f(…) OVER (PARTITION BY … [ORDER BY …]))`: rows grouped by partition, each
 * partition ordered (ORDER BY, ties shuffled) or shuffled, partitions dealt to a random number of
 * instances (each made by `make`, one body evaluation), every instance serving its partitions in
 * turn with initialize → processRow… → finalize. Returns the written rows with their partition,
 * their values through JSON (VARIANT).
 */
export function runSnowflake(
  make: () => SnowflakeObject,
  input: readonly SnowflakeInput[],
  seed: number,
): { partition: string; row: Record<string, unknown> }[] {
  const r = rng(seed);
  const partitions = new Map<string, SnowflakeInput[]>();
  for (const x of shuffle(input, r)) {
    const p = partitions.get(x.partition);
    if (p === undefined) partitions.set(x.partition, [x]);
    else p.push(x);
  }
  const keys = shuffle([...partitions.keys()], r);
  const instances = Array.from({ length: 1 + Math.floor(r() * 3) }, () => ({ handler: make(), keys: [] as string[] }));
  for (const k of keys) instances[Math.floor(r() * instances.length)]?.keys.push(k);
  const out: { partition: string; row: Record<string, unknown> }[] = [];
  for (const { handler, keys: mine } of instances) {
    for (const k of mine) {
      let rows = partitions.get(k) as SnowflakeInput[];
      if (rows.some((x) => x.order !== undefined)) {
        rows = [...rows].sort((a, b) => ((a.order as string) < (b.order as string) ? -1 : a.order === b.order ? 0 : 1));
      }
      const writer = {
        writeRow: (row: Record<string, unknown>) => out.push({ partition: k, row: JSON.parse(JSON.stringify(row)) }),
      };
      handler.initialize?.({}, {});
      for (const x of rows) handler.processRow({ ...(JSON.parse(JSON.stringify(x.args)) as object) }, writer, {});
      handler.finalize?.(writer, {});
    }
  }
  return out;
}

/** A stable hash of text into `buckets` buckets (as `MOD(ABS(HASH(x)), n)` would). */
export function bucket(key: string, buckets: number): number {
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return (h >>> 0) % buckets;
}
