/**
 * The shape shared by every mergeable KPI summary of the metrics: core's tagged summary with
 * its parameters as fields (grouping, period and the KPI's own), a total and, when grouping,
 * one state per group; merging is done state by state, after every field has been validated.
 * @module
 */
import { isCurrencyCode } from '../core/currency.js';
import { isIsoDate } from '../core/dates.js';
import type { Period } from '../core/periods.js';
import { invalidSummary, readSummary, sameParameter, summaryRecord, type Summary } from '../core/summary.js';
import { type GroupLabel, type Grouper, sortedGroups, summaryGroupBy } from '../model/group-by.js';

export { type GroupLabel, summaryGroupBy };

/**
 * A mergeable KPI summary (JSON): `{ kind, version, groupBy, period, …parameters, total,
 * groups }`. Produce with `summarizeX`, combine with `mergeX`, read with `finalizeX`.
 */
export type GroupedSummary<K extends string, S, P = unknown> = Summary<K> &
  P & {
    /** The grouping, or `null`. Summaries merge only with the same grouping. */
    readonly groupBy: GroupLabel;
    /** The `period` the data was filtered by, or `null`. Summaries merge only with the same period. */
    readonly period: Period | null;
    /** State of all the data. */
    readonly total: S;
    /** State per group key, keys sorted (empty without grouping). */
    readonly groups: Readonly<Record<string, S>>;
  };

/** A KPI with, when grouped, the same KPI per group. */
export type Grouped<T> = T & {
  /** The KPI per group key, present when `groupBy` was given. */
  readonly groups?: Readonly<Record<string, T>>;
};

/** How to read, compare and merge one kind of summary. @internal */
export interface SummarySpec<K extends string, S, P> {
  readonly kind: K;
  readonly version: number;
  /** Reads and validates the KPI's own parameter fields (`by`, `outcome`, …). */
  readonly params: (v: Readonly<Record<string, unknown>>, field: string) => P;
  /** Reads and validates one state (the total or a group's). */
  readonly state: (v: unknown, field: string) => S;
  /** Merges two valid states. */
  readonly merge: (a: S, b: S) => S;
}

/** Accumulates items into a total and per-group states. @internal */
export class GroupAccumulator<S, T> {
  readonly total: S;
  private readonly groups = new Map<string, S>();
  private readonly pair: S[];

  constructor(
    private readonly grouper: Grouper<T> | null,
    private readonly empty: () => S,
  ) {
    this.total = empty();
    this.pair = [this.total];
  }

  /** The states to update for the item at `index`: the total, and its group's when grouping. */
  targets(item: T, index: number): readonly S[] {
    if (this.grouper === null) return this.pair;
    const key = this.grouper.keyOf(item, index);
    let s = this.groups.get(key);
    if (s === undefined) {
      s = this.empty();
      this.groups.set(key, s);
    }
    this.pair[1] = s;
    return this.pair;
  }

  /** Every state (total first), for a last pass that writes accumulated totals into them. */
  states(): S[] {
    return [this.total, ...this.groups.values()];
  }

  /** The summary with its tag and parameters. */
  summary<K extends string, P>(
    spec: Pick<SummarySpec<K, S, P>, 'kind' | 'version'>,
    period: Period | null,
    params: P,
  ): GroupedSummary<K, S, P> {
    return {
      kind: spec.kind,
      version: spec.version,
      groupBy: this.grouper?.label ?? null,
      period,
      ...params,
      total: this.total,
      groups: sortedGroups(this.groups),
    } as GroupedSummary<K, S, P>;
  }
}

/** Reads the `period` field of a summary. @internal */
export function summaryPeriod(value: unknown, field: string): Period | null {
  if (value === null) return null;
  const p = summaryRecord(value, field);
  if (!isIsoDate(p['start'])) throw invalidSummary(`${field}.start`, p['start'], 'must be a YYYY-MM-DD date');
  if (!isIsoDate(p['end']) || p['end'] < p['start']) {
    throw invalidSummary(`${field}.end`, p['end'], 'must be a YYYY-MM-DD date not before start');
  }
  return { start: p['start'], end: p['end'] };
}

/**
 * Reads an exact decimal amount of a summary (a string such as `'1250.5'`). Each part may have
 * up to 1,100 digits: a sum of amounts of up to `LIMITS.decimalDigits` (1,000) digits each, as
 * summarize writes it, so that every summary it writes is read back.
 * @internal
 */
export function summaryAmount(value: unknown, field: string): string {
  if (typeof value !== 'string' || !/^-?\d{1,1100}(\.\d{1,1100})?$/.test(value)) {
    throw invalidSummary(field, value, 'must be a decimal string');
  }
  return value;
}

/** Reads a currency field of a summary: `null` (nothing summed yet) or an ISO 4217 code. @internal */
export function summaryCurrency(value: unknown, field: string): string | null {
  if (value === null || isCurrencyCode(value)) return value;
  throw invalidSummary(field, value, 'must be null or an ISO 4217 currency code');
}

/** Reads one of a fixed list of values of a summary. @internal */
export function summaryOneOf<const T extends string | boolean>(
  value: unknown,
  field: string,
  allowed: readonly T[],
): T {
  for (const a of allowed) if (value === a) return a;
  throw invalidSummary(field, value, `must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`);
}

interface Read<S, P> {
  readonly groupBy: GroupLabel;
  readonly period: Period | null;
  readonly params: P;
  readonly total: S;
  readonly groups: ReadonlyMap<string, S>;
}

/**
 * Validates a whole summary of `spec`'s kind: tag, grouping, period, parameters and states.
 * @throws {RevopsError} `INVALID_SUMMARY` naming the field.
 * @internal
 */
export function readGroupedSummary<K extends string, S, P>(
  value: unknown,
  field: string,
  spec: SummarySpec<K, S, P>,
): Read<S, P> {
  const v = readSummary(value, field, spec.kind, spec.version);
  const groupBy = summaryGroupBy(v['groupBy'], `${field}.groupBy`);
  const period = summaryPeriod(v['period'], `${field}.period`);
  const params = spec.params(v, field);
  const total = spec.state(v['total'], `${field}.total`);
  const raw = summaryRecord(v['groups'], `${field}.groups`);
  const groups = new Map<string, S>();
  for (const k of Object.keys(raw)) groups.set(k, spec.state(raw[k], `${field}.groups[${JSON.stringify(k)}]`));
  if (groupBy === null && groups.size > 0) {
    throw invalidSummary(`${field}.groups`, v['groups'], 'must be empty when groupBy is null');
  }
  return { groupBy, period, params, total, groups };
}

/**
 * Merges two summaries of the same kind, grouping, period and parameters, state by state.
 * @throws {RevopsError} `INVALID_SUMMARY` naming the field that is malformed or differs.
 * @internal
 */
export function mergeGrouped<K extends string, S, P>(
  a: unknown,
  b: unknown,
  spec: SummarySpec<K, S, P>,
): GroupedSummary<K, S, P> {
  const x = readGroupedSummary(a, 'a', spec);
  const y = readGroupedSummary(b, 'b', spec);
  sameParameter(x.groupBy, y.groupBy, 'groupBy');
  sameParameter(x.period, y.period, 'period');
  for (const name of Object.keys(x.params as object)) {
    sameParameter((x.params as Record<string, unknown>)[name], (y.params as Record<string, unknown>)[name], name);
  }
  const groups = new Map<string, S>(x.groups);
  for (const [k, q] of y.groups) {
    const p = groups.get(k);
    groups.set(k, p === undefined ? q : spec.merge(p, q));
  }
  return {
    kind: spec.kind,
    version: spec.version,
    groupBy: x.groupBy,
    period: x.period,
    ...x.params,
    total: spec.merge(x.total, y.total),
    groups: sortedGroups(groups),
  } as GroupedSummary<K, S, P>;
}

/**
 * Finalizes a summary: the total's KPI, plus `groups` when grouped.
 * @throws {RevopsError} `INVALID_SUMMARY` naming the malformed field.
 * @internal
 */
export function finalizeGrouped<K extends string, S, P, T>(
  summary: unknown,
  spec: SummarySpec<K, S, P>,
  finalizeState: (s: S, params: P) => T,
): Grouped<T> {
  const s = readGroupedSummary(summary, 'summary', spec);
  const total = finalizeState(s.total, s.params);
  if (s.groupBy === null) return total as Grouped<T>;
  const groups = new Map<string, T>();
  for (const [k, g] of s.groups) groups.set(k, finalizeState(g, s.params));
  return { ...total, groups: sortedGroups(groups) };
}
