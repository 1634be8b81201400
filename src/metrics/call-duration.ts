/**
 * Average call (or meeting, demo) duration from logged activities, mergeable.
 * @module
 */
import { entityPath, readInteger, readObject, readOneOf, readFailure } from '../core/read.js';
import { summaryInteger, summaryRecord } from '../core/summary.js';
import type { ActivityKind } from '../model/activity.js';
import { readGrouping } from '../model/group-by.js';
import {
  ACTIVITY_KINDS,
  activityFacts,
  activitySelector,
  type ActivityKpiOptions,
  type KpiActivity,
} from './activity-kpi.js';
import { readList } from './counts.js';
import {
  finalizeGrouped,
  GroupAccumulator,
  type Grouped,
  type GroupedSummary,
  mergeGrouped,
  type SummarySpec,
  summaryOneOf,
} from './grouped-summary.js';
import { readPeriodOption } from './period-filter.js';

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

/** The parameters of a call-duration summary. */
export interface CallDurationParameters {
  /** The activity kind measured. */
  readonly activityKind: ActivityKind;
  /** Whether only completed activities were measured. */
  readonly completedOnly: boolean;
}

/**
 * A mergeable call-duration summary (JSON): `{ kind: 'averageCallDuration', version: 1, groupBy, period,
 * activityKind, completedOnly, total, groups }`.
 */
export type CallDurationSummary = GroupedSummary<'averageCallDuration', CallDurationState, CallDurationParameters>;

const SPEC: SummarySpec<'averageCallDuration', CallDurationState, CallDurationParameters> = {
  kind: 'averageCallDuration',
  version: 1,
  params: (v, field) => ({
    activityKind: summaryOneOf(v['activityKind'], `${field}.activityKind`, ACTIVITY_KINDS),
    completedOnly: summaryOneOf(v['completedOnly'], `${field}.completedOnly`, [true, false]),
  }),
  state: (value, field) => {
    const v = summaryRecord(value, field);
    return {
      count: summaryInteger(v['count'], `${field}.count`),
      totalSeconds: summaryInteger(v['totalSeconds'], `${field}.totalSeconds`),
    };
  },
  merge: (x, y) => ({ count: x.count + y.count, totalSeconds: x.totalSeconds + y.totalSeconds }),
};

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
 * summarizeAverageCallDuration([{ kind: 'call', memberId: 'sdr1', at: '2026-01-05T10:00:00Z',
 *   durationSeconds: 300 }]).total;
 * //=> { count: 1, totalSeconds: 300 }
 * ```
 */
export function summarizeAverageCallDuration(
  activities: readonly KpiActivity[],
  options: AverageCallDurationOptions = {},
): CallDurationSummary {
  try {
    readList(activities, 'activities');
    readObject(options, 'options', 'INVALID_OPTION');
    const kind = readOneOf(options.kind ?? 'call', 'options.kind', ACTIVITY_KINDS);
    const completedOnly = readOneOf(options.completedOnly ?? false, 'options.completedOnly', [true, false]);
    const select = activitySelector(options);
    const acc = new GroupAccumulator<CallDurationState, KpiActivity>(
      readGrouping(options, 'activities', activityFacts),
      () => ({ count: 0, totalSeconds: 0 }),
    );
    for (let i = 0; i < activities.length; i++) {
      const a = activities[i] as KpiActivity;
      if (!select(a, i) || a.kind !== kind || (completedOnly && a.completed !== true)) continue;
      const field = `${entityPath('activities', i, a)}.durationSeconds`;
      const d = readInteger(a.durationSeconds, field, { code: 'INVALID_INPUT' });
      for (const s of acc.targets(a, i)) {
        s.count++;
        s.totalSeconds += d;
        if (!Number.isSafeInteger(s.totalSeconds))
          readInteger(s.totalSeconds, 'totalSeconds', { code: 'INVALID_INPUT' });
      }
    }
    return acc.summary(SPEC, readPeriodOption(options.period), { activityKind: kind, completedOnly });
  } catch (thrown) {
    throw readFailure(thrown, { activities, options });
  }
}

/**
 * Merges two call-duration summaries (same kind, completion filter and grouping).
 *
 * @param a - a summary.
 * @param b - another one.
 * @returns both together.
 * @throws {RevopsError} `INVALID_SUMMARY` naming the field for a malformed summary or one of another activity
 *   kind, completion filter, grouping or period.
 * @example
 * ```ts
 * import { mergeAverageCallDuration, summarizeAverageCallDuration } from 'revops/metrics';
 * mergeAverageCallDuration(summarizeAverageCallDuration([]), summarizeAverageCallDuration([])).total;
 * //=> { count: 0, totalSeconds: 0 }
 * ```
 */
export function mergeAverageCallDuration(a: CallDurationSummary, b: CallDurationSummary): CallDurationSummary {
  try {
    return mergeGrouped(a, b, SPEC);
  } catch (thrown) {
    throw readFailure(thrown, { a, b }, 'INVALID_SUMMARY');
  }
}

/**
 * Reads the average duration from a summary.
 *
 * @param summary - from {@link summarizeAverageCallDuration} or {@link mergeAverageCallDuration}.
 * @returns the {@link AverageCallDuration}, with `groups` when grouped.
 * @throws {RevopsError} `INVALID_SUMMARY` naming the field for anything but a valid call-duration summary.
 * @example
 * ```ts
 * import { finalizeAverageCallDuration } from 'revops/metrics';
 * finalizeAverageCallDuration({ kind: 'averageCallDuration', version: 1, groupBy: null, period: null,
 *   activityKind: 'call', completedOnly: false, groups: {}, total: { count: 4, totalSeconds: 1000 } });
 * //=> { count: 4, totalSeconds: 1000, meanSeconds: 250 }
 * ```
 */
export function finalizeAverageCallDuration(summary: CallDurationSummary): Grouped<AverageCallDuration> {
  try {
    return finalizeGrouped(
      summary,
      SPEC,
      (s): AverageCallDuration => ({
        count: s.count,
        totalSeconds: s.totalSeconds,
        meanSeconds: s.count === 0 ? null : s.totalSeconds / s.count,
      }),
    );
  } catch (thrown) {
    throw readFailure(thrown, { summary }, 'INVALID_SUMMARY');
  }
}

/**
 * The average call time: Σ durationSeconds ÷ number of calls, in seconds, over activities
 * of one kind (calls by default; meetings or demos with `kind`), optionally only completed
 * ones (calls that reached the prospect).
 *
 * @param activities - logged activities.
 * @param options - {@link AverageCallDurationOptions}: `kind`, `completedOnly`, `period` (by the date of `at`),
 *   `groupBy`, `members`.
 * @returns count, total and mean seconds, with `groups` when `groupBy` is set.
 * @throws {RevopsError} `INVALID_OPTION` for an unknown kind or groupBy, or a non-boolean completedOnly.
 * @throws {RevopsError} `INVALID_INPUT` for activities that are not an array, an activity that is not an object or a
 *   negative/fractional duration.
 * @throws {RevopsError} `INVALID_DATE` for a malformed `at` when a period is given.
 * @throws {RevopsError} `INVALID_PERIOD` for a malformed period.
 * @throws {RevopsError} `DUPLICATE_ID` for two activities with the same id (naming both positions).
 * @example
 * ```ts
 * import { averageCallDuration } from 'revops/metrics';
 * const call = (s, completed) => ({ kind: 'call', memberId: 'sdr1', at: '2026-01-05T10:00:00Z', durationSeconds: s,
 *   completed });
 * [averageCallDuration([call(30, false), call(330, true), call(450, true)]).meanSeconds,
 *   averageCallDuration([call(30, false), call(330, true), call(450, true)], { completedOnly: true }).meanSeconds];
 * //=> [270, 390]
 * ```
 */
export function averageCallDuration(
  activities: readonly KpiActivity[],
  options: AverageCallDurationOptions = {},
): Grouped<AverageCallDuration> {
  try {
    return finalizeAverageCallDuration(summarizeAverageCallDuration(activities, options));
  } catch (thrown) {
    throw readFailure(thrown, { activities, options });
  }
}
