/**
 * The shape shared by every mergeable KPI summary: a total and, when grouping, one state per
 * group; merging is done state by state.
 * @module
 */
import { invalid } from '../core/errors.js';
import { groupKeyFunction, type GroupBy, type GroupFacts, type GroupingOptions } from './group-by.js';

/**
 * A mergeable summary: JSON-serialisable (numbers, strings, plain objects), with the totals
 * and one state per group. Produce with `summarizeX`, combine with `mergeX`, read with
 * `finalizeX`.
 */
export interface GroupedSummary<S> {
  /** Which KPI this is a summary of (merging two different kinds is an error). */
  readonly kind: string;
  /** The grouping, or `null`. */
  readonly groupBy: GroupBy | null;
  /** State of all the data. */
  readonly total: S;
  /** State per group key (empty without grouping). */
  readonly groups: Readonly<Record<string, S>>;
}

/** A KPI with, when grouped, the same KPI per group. */
export type Grouped<T> = T & {
  /** The KPI per group key, present when `groupBy` was given. */
  readonly groups?: Readonly<Record<string, T>>;
};

/** Accumulates items into a total and per-group states. @internal */
export class GroupAccumulator<S> {
  readonly total: S;
  private readonly groups = new Map<string, S>();
  private readonly keyOf: ReturnType<typeof groupKeyFunction>;
  private readonly pair: S[];

  constructor(
    readonly kind: string,
    private readonly options: GroupingOptions,
    private readonly empty: () => S,
  ) {
    this.keyOf = groupKeyFunction(options);
    this.total = empty();
    this.pair = [this.total];
  }

  /**
   * The states to update for an item: the total, and its group's when grouping. `factsOf`
   * is only called when grouping (no allocation per item otherwise).
   */
  targets<T>(item: T, factsOf: (item: T) => GroupFacts): readonly S[] {
    if (this.keyOf === null) return this.pair;
    const key = this.keyOf(factsOf(item));
    let s = this.groups.get(key);
    if (s === undefined) {
      s = this.empty();
      this.groups.set(key, s);
    }
    this.pair[1] = s;
    return this.pair;
  }

  summary(): GroupedSummary<S> {
    const keys = [...this.groups.keys()].sort();
    return {
      kind: this.kind,
      groupBy: this.options.groupBy ?? null,
      total: this.total,
      groups: Object.fromEntries(keys.map((k) => [k, this.groups.get(k) as S])),
    };
  }
}

/**
 * The `kind` of a summary whose kind `accepts`, for the KPIs whose kind carries parameters
 * (`winRate:value`, `funnel:[…]`).
 * @throws {RevopsError} `INVALID_INPUT` naming `field` ("must be a(n) <name> summary").
 * @internal
 */
export function summaryKind(value: unknown, field: string, name: string, accepts: (kind: string) => boolean): string {
  const kind = (value as { kind?: unknown } | null)?.kind;
  if (typeof kind !== 'string' || !accepts(kind))
    throw invalid('INVALID_INPUT', field, value, `must be ${/^[aeiou]/i.test(name) ? 'an' : 'a'} ${name} summary`);
  return kind;
}

/**
 * Checks that `value` is a summary of `kind`.
 * @throws {RevopsError} `INVALID_INPUT` naming `field`.
 * @internal
 */
export function readSummary<S>(value: unknown, kind: string, field: string): GroupedSummary<S> {
  const v = value as Partial<GroupedSummary<S>> | null;
  if (
    typeof v !== 'object' ||
    v === null ||
    v.kind !== kind ||
    typeof v.total !== 'object' ||
    typeof v.groups !== 'object' ||
    v.groups === null
  ) {
    throw invalid('INVALID_INPUT', field, value, `must be a ${kind} summary`);
  }
  return v as GroupedSummary<S>;
}

/**
 * Merges two summaries of the same kind and grouping, state by state; keys come out sorted.
 * @throws {RevopsError} `INVALID_INPUT` for a summary of another kind; `INVALID_OPTION`
 *   for summaries grouped differently.
 * @internal
 */
export function mergeGrouped<S>(
  a: unknown,
  b: unknown,
  kind: string,
  mergeState: (x: S, y: S) => S,
): GroupedSummary<S> {
  const x = readSummary<S>(a, kind, 'a');
  const y = readSummary<S>(b, kind, 'b');
  if (x.groupBy !== y.groupBy)
    throw invalid('INVALID_OPTION', 'b.groupBy', y.groupBy, `must equal a.groupBy (${String(x.groupBy)})`);
  const keys = [...new Set([...Object.keys(x.groups), ...Object.keys(y.groups)])].sort();
  return {
    kind,
    groupBy: x.groupBy,
    total: mergeState(x.total, y.total),
    groups: Object.fromEntries(
      keys.map((k) => {
        const p = Object.hasOwn(x.groups, k) ? x.groups[k] : undefined;
        const q = Object.hasOwn(y.groups, k) ? y.groups[k] : undefined;
        return [k, p === undefined ? (q as S) : q === undefined ? p : mergeState(p, q)];
      }),
    ),
  };
}

/** Finalizes a summary: the total's KPI, plus `groups` when grouped. @internal */
export function finalizeGrouped<S, T>(summary: unknown, kind: string, finalizeState: (s: S) => T): Grouped<T> {
  const s = readSummary<S>(summary, kind, 'summary');
  const total = finalizeState(s.total);
  if (s.groupBy === null) return total as Grouped<T>;
  return {
    ...total,
    groups: Object.fromEntries(
      Object.keys(s.groups)
        .sort()
        .map((k) => [k, finalizeState(s.groups[k] as S)]),
    ),
  };
}
