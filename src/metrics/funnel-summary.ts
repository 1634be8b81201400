/**
 * Merging and reading funnel summaries.
 * @module
 */
import { invalid } from '../core/errors.js';
import type { RateValue } from '../core/ratio.js';
import type { Funnel, FunnelState, FunnelSummary } from './funnel.js';
import { finalizeGrouped, mergeGrouped, type Grouped, summaryKind } from './grouped-summary.js';

function mergeState(a: FunnelState, b: FunnelState): FunnelState {
  return {
    entities: a.entities + b.entities,
    reached: a.reached.map((x, i) => x + (b.reached[i] as number)),
    wonAny: a.wonAny + b.wonAny,
    won: a.won + b.won,
    lost: a.lost + b.lost,
    open: a.open + b.open,
  };
}

function parseKind(kind: string, summary: unknown): [string, string[], string[]] {
  try {
    const parsed: unknown = JSON.parse(kind.slice('funnel:'.length));
    if (Array.isArray(parsed) && parsed.length === 3 && Array.isArray(parsed[1]) && Array.isArray(parsed[2])) {
      return [String(parsed[0]), parsed[1].map(String), parsed[2].map(String)];
    }
  } catch {
    // reported below
  }
  throw invalid('INVALID_INPUT', 'summary', summary, 'must be a funnel summary');
}

const kindOf = (value: unknown, field: string): string =>
  summaryKind(value, field, 'funnel', (kind) => kind.startsWith('funnel:'));

/**
 * Merges two funnel summaries of the same mode, stages and grouping (order does not matter).
 *
 * @param a - a summary from `summarizeFunnel` or a merge.
 * @param b - another one.
 * @returns the summary of both chunks together.
 * @throws {RevopsError} `INVALID_INPUT` when they are not funnel summaries of the same mode and stages; `INVALID_OPTION` when grouped differently.
 * @example
 * ```ts
 * import { mergeFunnel } from 'revops/metrics';
 * mergeFunnel({ kind: 'funnel:["cohort",["a"],[]]', groupBy: null, total: { entities: 1, reached: [1], wonAny: 0, won: 0, lost: 0, open: 1 }, groups: {} },
 *   { kind: 'funnel:["cohort",["a"],[]]', groupBy: null, total: { entities: 2, reached: [2], wonAny: 0, won: 0, lost: 1, open: 1 }, groups: {} }).total;
 * //=> { entities: 3, reached: [3], wonAny: 0, won: 0, lost: 1, open: 2 }
 * ```
 */
export function mergeFunnel(a: FunnelSummary, b: FunnelSummary): FunnelSummary {
  return mergeGrouped(a, b, kindOf(a, 'a'), mergeState);
}

/**
 * Reads a funnel from a summary.
 *
 * @param summary - from `summarizeFunnel` or {@link mergeFunnel}.
 * @returns the {@link Funnel}, with `groups` when grouped.
 * @throws {RevopsError} `INVALID_INPUT` for something that is not a funnel summary.
 * @example
 * ```ts
 * import { finalizeFunnel } from 'revops/metrics';
 * finalizeFunnel({ kind: 'funnel:["cohort",["a","b"],["won"]]', groupBy: null, groups: {},
 *   total: { entities: 100, reached: [100, 85, 28], wonAny: 28, won: 28, lost: 72, open: 0 } }).rows[1].conversionFromPrevious;
 * //=> 0.85
 * ```
 */
export function finalizeFunnel(summary: FunnelSummary): Grouped<Funnel> {
  const kind = kindOf(summary, 'summary');
  const [mode, steps, wonStages] = parseKind(kind, summary);
  const rate = (x: number, y: number | undefined): RateValue => (y === undefined || y === 0 ? null : x / y);
  return finalizeGrouped<FunnelState, Funnel>(summary, kind, (s) => ({
    mode: mode === 'period' ? 'period' : 'cohort',
    entities: s.entities,
    rows: [
      ...steps.map((id) => ({ id, kind: 'open' as const })),
      ...wonStages.map((id) => ({ id, kind: 'won' as const })),
    ].map((row, k) => {
      const reached = s.reached[k] as number;
      const previous = k === 0 ? undefined : k < steps.length ? s.reached[k - 1] : s.reached[steps.length - 1];
      return {
        stageId: row.id,
        kind: row.kind,
        reached,
        conversionFromPrevious: rate(reached, previous),
        conversionFromFirst: rate(reached, s.reached[0]),
      };
    }),
    won: s.won,
    lost: s.lost,
    open: mode === 'period' ? null : s.open,
    overall: rate(s.wonAny, s.reached[0]),
    resolvedWinRate: rate(s.won, s.won + s.lost),
  }));
}
