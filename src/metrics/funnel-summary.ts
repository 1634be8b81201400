/**
 * The funnel's summary: its shape, merging and reading. Counting entities into a summary is
 * in funnel-count.ts; the one-call `funnel` in funnel.ts.
 * @module
 */
import type { RateValue } from '../core/ratio.js';
import { invalidSummary, summaryArray, summaryInteger, summaryRecord, summaryString } from '../core/summary.js';
import { mapList } from './counts.js';
import {
  finalizeGrouped,
  type Grouped,
  type GroupedSummary,
  mergeGrouped,
  type SummarySpec,
  summaryOneOf,
} from './grouped-summary.js';
import { readFailure } from '../core/read.js';

/** One row of a funnel: a step (open stage) or a won stage. */
export interface FunnelRow {
  readonly stageId: string;
  readonly kind: 'open' | 'won';
  /** Cohort: entities that reached the stage; period: entities that first reached it inside the period. */
  readonly reached: number;
  /** reached / reached of the previous step (for a won row: of the last step); `null` over 0. */
  readonly conversionFromPrevious: RateValue;
  /** reached / reached of the first step; `null` over 0. */
  readonly conversionFromFirst: RateValue;
}

/** A funnel. */
export interface Funnel {
  readonly mode: 'cohort' | 'period';
  /** `'history'` (stage histories) or `'snapshot'` (entities without history stand in their current stage). */
  readonly source: 'history' | 'snapshot';
  /** Cohort: entities in the cohort; period: entities with at least one counted entry in the period. */
  readonly entities: number;
  /** The steps, then the won stages. */
  readonly rows: readonly FunnelRow[];
  /** Cohort: entities whose last stage is won; period: entities that entered a won stage in the period. */
  readonly won: number;
  /** Cohort: entities whose last stage is lost; period: entities that entered a lost stage in the period. */
  readonly lost: number;
  /**
   * Of `lost`, the entities without history whose furthest stage is unknown (snapshot source
   * only; 0 otherwise). They reach no row: the data does not say how far they got.
   */
  readonly lostWithoutHistory: number;
  /** Cohort: entities still open (not yet resolved: right-censored); period: `null` (not defined). */
  readonly open: number | null;
  /** Won rows reached ÷ first step reached (won in any won stage); `null` over 0. */
  readonly overall: RateValue;
  /** won / (won + lost): conversion among resolved entities; `null` over 0. */
  readonly resolvedWinRate: RateValue;
}

/** Per-group counts of a funnel summary. */
export interface FunnelState {
  entities: number;
  /** Per row: steps, then won stages. */
  reached: number[];
  /** Entities that reached any won row. */
  wonAny: number;
  won: number;
  lost: number;
  lostWithoutHistory: number;
  open: number;
}

/** The parameters of a funnel summary (summaries merge only when they are equal). */
export interface FunnelParameters {
  readonly mode: 'cohort' | 'period';
  readonly source: 'history' | 'snapshot';
  /** The steps (open stage ids), in order. */
  readonly steps: readonly string[];
  /** The won stage ids, in pipeline order. */
  readonly wonStages: readonly string[];
  /** The `asOf` instant (ISO-8601, UTC), or `null`. */
  readonly asOf: string | null;
}

/**
 * A mergeable funnel summary (JSON): `{ kind: 'funnel', version: 1, groupBy, period, mode, source, steps,
 * wonStages, asOf, total, groups }`.
 */
export type FunnelSummary = GroupedSummary<'funnel', FunnelState, FunnelParameters>;

function readIds(value: unknown, field: string): string[] {
  return mapList(summaryArray(value, field), (id, i) => summaryString(id, `${field}[${i}]`));
}

function readParams(v: Readonly<Record<string, unknown>>, field: string): FunnelParameters {
  const steps = readIds(v['steps'], `${field}.steps`);
  if (steps.length === 0) throw invalidSummary(`${field}.steps`, steps, 'must list at least one step');
  const asOf = v['asOf'] === null ? null : summaryString(v['asOf'], `${field}.asOf`);
  return {
    mode: summaryOneOf(v['mode'], `${field}.mode`, ['cohort', 'period']),
    source: summaryOneOf(v['source'], `${field}.source`, ['history', 'snapshot']),
    steps,
    wonStages: readIds(v['wonStages'], `${field}.wonStages`),
    asOf,
  };
}

/**
 * The spec of funnel summaries. Each summary's parameters are read before its states, so a
 * state's `reached` is checked against the rows of its own summary.
 * @internal
 */
export function funnelSpec(): SummarySpec<'funnel', FunnelState, FunnelParameters> {
  let expected: number | null = null;
  return {
    kind: 'funnel',
    version: 1,
    params: (v, field) => {
      const p = readParams(v, field);
      expected = p.steps.length + p.wonStages.length;
      return p;
    },
    state: (value, field) => {
      const v = summaryRecord(value, field);
      const reached = mapList(summaryArray(v['reached'], `${field}.reached`), (x, i) =>
        summaryInteger(x, `${field}.reached[${i}]`),
      );
      if (expected !== null && reached.length !== expected) {
        throw invalidSummary(`${field}.reached`, reached, `must have ${expected} rows (steps and won stages)`);
      }
      const s: FunnelState = {
        entities: summaryInteger(v['entities'], `${field}.entities`),
        reached,
        wonAny: summaryInteger(v['wonAny'], `${field}.wonAny`),
        won: summaryInteger(v['won'], `${field}.won`),
        lost: summaryInteger(v['lost'], `${field}.lost`),
        lostWithoutHistory: summaryInteger(v['lostWithoutHistory'], `${field}.lostWithoutHistory`),
        open: summaryInteger(v['open'], `${field}.open`),
      };
      let most = 0;
      for (const r of reached) most = r > most ? r : most;
      for (const [name, n] of [
        ['reached', most],
        ['wonAny', s.wonAny],
        ['lost', s.lost],
      ] as const) {
        if (n > s.entities) throw invalidSummary(`${field}.${name}`, n, `must not exceed entities (${s.entities})`);
      }
      if (s.lostWithoutHistory > s.lost) {
        throw invalidSummary(`${field}.lostWithoutHistory`, s.lostWithoutHistory, `must not exceed lost (${s.lost})`);
      }
      return s;
    },
    merge: (a, b) => ({
      entities: a.entities + b.entities,
      reached: a.reached.map((x, i) => x + (b.reached[i] as number)),
      wonAny: a.wonAny + b.wonAny,
      won: a.won + b.won,
      lost: a.lost + b.lost,
      lostWithoutHistory: a.lostWithoutHistory + b.lostWithoutHistory,
      open: a.open + b.open,
    }),
  };
}

/**
 * Merges two funnel summaries of the same mode, source, steps, asOf, period and grouping
 * (order does not matter).
 *
 * @param a - a summary from `summarizeFunnel` or a merge.
 * @param b - another one.
 * @returns the summary of both chunks together.
 * @throws {RevopsError} `INVALID_SUMMARY` naming the field for a malformed summary (a count that is not a
 *   non-negative integer, a `reached` of the wrong length, …) or summaries made with other parameters.
 * @example
 * ```ts
 * import { mergeFunnel } from 'revops/metrics';
 * const s = (entities, lost, open) => ({ kind: 'funnel', version: 1, groupBy: null, period: null, mode: 'cohort',
 *   source: 'history', steps: ['a'], wonStages: [], asOf: null, groups: {},
 *   total: { entities, reached: [entities], wonAny: 0, won: 0, lost, lostWithoutHistory: 0, open } });
 * mergeFunnel(s(1, 0, 1), s(2, 1, 1)).total;
 * //=> { entities: 3, reached: [3], wonAny: 0, won: 0, lost: 1, lostWithoutHistory: 0, open: 2 }
 * ```
 */
export function mergeFunnel(a: FunnelSummary, b: FunnelSummary): FunnelSummary {
  try {
    return mergeGrouped(a, b, funnelSpec());
  } catch (thrown) {
    throw readFailure(thrown, { a, b }, 'INVALID_SUMMARY');
  }
}

/**
 * Reads a funnel from a summary.
 *
 * @param summary - from `summarizeFunnel` or {@link mergeFunnel}.
 * @returns the {@link Funnel}, with `groups` when grouped.
 * @throws {RevopsError} `INVALID_SUMMARY` naming the field for anything but a valid funnel summary.
 * @example
 * ```ts
 * import { finalizeFunnel } from 'revops/metrics';
 * finalizeFunnel({ kind: 'funnel', version: 1, groupBy: null, period: null, mode: 'cohort', source: 'history',
 *   steps: ['a', 'b'], wonStages: ['won'], asOf: null, groups: {},
 *   total: { entities: 100, reached: [100, 85, 28], wonAny: 28, won: 28, lost: 72, lostWithoutHistory: 0, open: 0 } })
 *   .rows[1].conversionFromPrevious;
 * //=> 0.85
 * ```
 */
export function finalizeFunnel(summary: FunnelSummary): Grouped<Funnel> {
  try {
    const rate = (x: number, y: number | undefined): RateValue => (y === undefined || y === 0 ? null : x / y);
    return finalizeGrouped(summary, funnelSpec(), (s, p): Funnel => {
      const S = p.steps.length;
      const rows = [
        ...p.steps.map((id) => ({ id, kind: 'open' as const })),
        ...p.wonStages.map((id) => ({ id, kind: 'won' as const })),
      ].map((row, k): FunnelRow => {
        const reached = s.reached[k] as number;
        const previous = k === 0 ? undefined : k < S ? s.reached[k - 1] : s.reached[S - 1];
        return {
          stageId: row.id,
          kind: row.kind,
          reached,
          conversionFromPrevious: rate(reached, previous),
          conversionFromFirst: rate(reached, s.reached[0]),
        };
      });
      return {
        mode: p.mode,
        source: p.source,
        entities: s.entities,
        rows,
        won: s.won,
        lost: s.lost,
        lostWithoutHistory: s.lostWithoutHistory,
        open: p.mode === 'period' ? null : s.open,
        overall: rate(s.wonAny, s.reached[0]),
        resolvedWinRate: rate(s.won, s.won + s.lost),
      };
    });
  } catch (thrown) {
    throw readFailure(thrown, { summary }, 'INVALID_SUMMARY');
  }
}
