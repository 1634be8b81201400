/**
 * Average call (or meeting, demo) duration from logged activities, mergeable.
 * @module
 */
import { invalid } from '../core/errors.js';
import type { ActivityKind } from '../model/activity.js';
import { ACTIVITY_KINDS } from './activity-kpi.js';
import { activityFacts, activitySelector, type ActivityKpiOptions, type KpiActivity } from './activity-kpi.js';
import {
  finalizeGrouped,
  GroupAccumulator,
  mergeGrouped,
  type Grouped,
  type GroupedSummary,
  summaryKind,
} from './grouped-summary.js';
import { readList } from './counts.js';

/** Options of {@link averageCallDuration}. */
export interface AverageCallDurationOptions extends ActivityKpiOptions {
  /** The activity kind measured; default `'call'`. */
  readonly kind?: ActivityKind;
  /** Only activities with `completed: true` (calls that reached someone); default `false` (all). */
  readonly completedOnly?: boolean;
}

/** An average duration. */
export interface AverageCallDuration {
  readonly count: number;
  /** Σ durationSeconds (exact integer). */
  readonly totalSeconds: number;
  /** totalSeconds ÷ count; `null` with no activities. */
  readonly meanSeconds: number | null;
}

/** Per-group state of a call-duration summary. */
export interface CallDurationState {
  count: number;
  totalSeconds: number;
}

/** A mergeable call-duration summary (JSON); `kind` is `averageCallDuration:<kind>[:completed]`. */
export type CallDurationSummary = GroupedSummary<CallDurationState>;

/**
 * Summarises a chunk of activities for {@link averageCallDuration}.
 *
 * @param activities - logged activities.
 * @param options - {@link AverageCallDurationOptions}.
 * @returns a JSON-serialisable summary.
 * @throws {RevopsError} as {@link averageCallDuration}.
 * @example
 * ```ts
 * import { summarizeAverageCallDuration } from 'revops/metrics';
 * summarizeAverageCallDuration([{ kind: 'call', memberId: 'sdr1', at: '2026-01-05T10:00:00Z', durationSeconds: 300 }]).total;
 * //=> { count: 1, totalSeconds: 300 }
 * ```
 */
export function summarizeAverageCallDuration(
  activities: readonly KpiActivity[],
  options: AverageCallDurationOptions = {},
): CallDurationSummary {
  readList(activities, 'activities');
  const kind = options.kind ?? 'call';
  if (!(ACTIVITY_KINDS as readonly string[]).includes(kind))
    throw invalid('INVALID_OPTION', 'kind', kind, `must be one of ${ACTIVITY_KINDS.join(', ')}`);
  const completedOnly = options.completedOnly ?? false;
  if (typeof completedOnly !== 'boolean')
    throw invalid('INVALID_OPTION', 'completedOnly', completedOnly, 'must be a boolean');
  const select = activitySelector(options);
  const acc = new GroupAccumulator<CallDurationState>(
    `averageCallDuration:${kind}${completedOnly ? ':completed' : ''}`,
    options,
    () => ({ count: 0, totalSeconds: 0 }),
  );
  for (let i = 0; i < activities.length; i++) {
    const a = activities[i] as KpiActivity;
    if (!select(a, i) || a.kind !== kind || (completedOnly && a.completed !== true)) continue;
    const d = a.durationSeconds;
    if (!Number.isSafeInteger(d) || d < 0)
      throw invalid('INVALID_INPUT', `activities[${i}].durationSeconds`, d, 'must be whole seconds, not negative');
    for (const s of acc.targets(a, activityFacts)) {
      s.count++;
      s.totalSeconds += d;
    }
  }
  return acc.summary();
}

const kindOf = (value: unknown, field: string): string =>
  summaryKind(value, field, 'averageCallDuration', (kind) => kind.startsWith('averageCallDuration:'));

/**
 * Merges two call-duration summaries (same kind, completion filter and grouping).
 *
 * @param a - a summary.
 * @param b - another one.
 * @returns both together.
 * @throws {RevopsError} `INVALID_INPUT` for another kind; `INVALID_OPTION` for another grouping.
 * @example
 * ```ts
 * import { mergeAverageCallDuration, summarizeAverageCallDuration } from 'revops/metrics';
 * mergeAverageCallDuration(summarizeAverageCallDuration([]), summarizeAverageCallDuration([])).total;
 * //=> { count: 0, totalSeconds: 0 }
 * ```
 */
export function mergeAverageCallDuration(a: CallDurationSummary, b: CallDurationSummary): CallDurationSummary {
  return mergeGrouped<CallDurationState>(a, b, kindOf(a, 'a'), (x, y) => ({
    count: x.count + y.count,
    totalSeconds: x.totalSeconds + y.totalSeconds,
  }));
}

/**
 * Reads the average duration from a summary.
 *
 * @param summary - from {@link summarizeAverageCallDuration} or {@link mergeAverageCallDuration}.
 * @returns the {@link AverageCallDuration}, with `groups` when grouped.
 * @throws {RevopsError} `INVALID_INPUT` for something that is not a call-duration summary.
 * @example
 * ```ts
 * import { finalizeAverageCallDuration } from 'revops/metrics';
 * finalizeAverageCallDuration({ kind: 'averageCallDuration:call', groupBy: null, groups: {}, total: { count: 4, totalSeconds: 1000 } });
 * //=> { count: 4, totalSeconds: 1000, meanSeconds: 250 }
 * ```
 */
export function finalizeAverageCallDuration(summary: CallDurationSummary): Grouped<AverageCallDuration> {
  return finalizeGrouped<CallDurationState, AverageCallDuration>(summary, kindOf(summary, 'summary'), (s) => ({
    count: s.count,
    totalSeconds: s.totalSeconds,
    meanSeconds: s.count === 0 ? null : s.totalSeconds / s.count,
  }));
}

/**
 * The average call time: Σ durationSeconds ÷ number of calls, in seconds, over activities
 * of one kind (calls by default; meetings or demos with `kind`), optionally only completed
 * ones (calls that reached the prospect).
 *
 * @param activities - logged activities.
 * @param options - {@link AverageCallDurationOptions}: `kind`, `completedOnly`, `window` (by the date of `at`), `groupBy`, `members`.
 * @returns count, total and mean seconds, with `groups` when `groupBy` is set.
 * @throws {RevopsError} `INVALID_OPTION` for an unknown kind or groupBy, or a non-boolean completedOnly.
 * @throws {RevopsError} `INVALID_INPUT` for activities that are not an array, an activity that is not an object or a negative/fractional duration.
 * @throws {RevopsError} `INVALID_DATE` for a malformed `at` when a window is given.
 * @throws {RevopsError} `INVALID_PERIOD` for a malformed window.
 * @example
 * ```ts
 * import { averageCallDuration } from 'revops/metrics';
 * const call = (s, completed) => ({ kind: 'call', memberId: 'sdr1', at: '2026-01-05T10:00:00Z', durationSeconds: s, completed });
 * [averageCallDuration([call(30, false), call(330, true), call(450, true)]).meanSeconds, averageCallDuration([call(30, false), call(330, true), call(450, true)], { completedOnly: true }).meanSeconds];
 * //=> [270, 390]
 * ```
 */
export function averageCallDuration(
  activities: readonly KpiActivity[],
  options: AverageCallDurationOptions = {},
): Grouped<AverageCallDuration> {
  return finalizeAverageCallDuration(summarizeAverageCallDuration(activities, options));
}
