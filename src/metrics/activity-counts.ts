/**
 * Activity counts per kind (calls, emails, meetings, demos), per member or any grouping.
 * @module
 */
import { invalid } from '../core/errors.js';
import { entityPath, readObject, readFailure } from '../core/read.js';
import { invalidSummary, summaryInteger, summaryRecord } from '../core/summary.js';
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
} from './grouped-summary.js';
import { readPeriodOption } from './period-filter.js';

/** Activity counts. */
export interface ActivityCounts {
  readonly total: number;
  /** Count per kind; every kind is present (0 when none). */
  readonly byKind: Readonly<Record<ActivityKind, number>>;
}

/** Per-group state of an activity-count summary. */
export interface ActivityCountState {
  total: number;
  byKind: Record<ActivityKind, number>;
}

/**
 * A mergeable activity-count summary (JSON): `{ kind: 'activityCounts', version: 1, groupBy, period, total, groups }`.
 */
export type ActivityCountSummary = GroupedSummary<'activityCounts', ActivityCountState, Record<never, never>>;

const empty = (): ActivityCountState => ({ total: 0, byKind: { call: 0, email: 0, meeting: 0, demo: 0 } });

function readState(value: unknown, field: string): ActivityCountState {
  const v = summaryRecord(value, field);
  const total = summaryInteger(v['total'], `${field}.total`);
  const raw = summaryRecord(v['byKind'], `${field}.byKind`);
  const byKind = empty().byKind;
  let sum = 0;
  for (const k of ACTIVITY_KINDS) {
    byKind[k] = summaryInteger(raw[k], `${field}.byKind.${k}`);
    sum += byKind[k];
  }
  if (sum !== total) throw invalidSummary(`${field}.total`, total, `must equal the sum of byKind (${sum})`);
  return { total, byKind };
}

const SPEC: SummarySpec<'activityCounts', ActivityCountState, Record<never, never>> = {
  kind: 'activityCounts',
  version: 1,
  params: () => ({}),
  state: readState,
  merge: (x, y) => ({
    total: x.total + y.total,
    byKind: {
      call: x.byKind.call + y.byKind.call,
      email: x.byKind.email + y.byKind.email,
      meeting: x.byKind.meeting + y.byKind.meeting,
      demo: x.byKind.demo + y.byKind.demo,
    },
  }),
};

/**
 * Summarises a chunk of activities for {@link activityCounts}.
 *
 * @param activities - logged activities.
 * @param options - {@link ActivityKpiOptions}.
 * @returns a JSON-serialisable summary.
 * @throws {RevopsError} as {@link activityCounts}.
 * @example
 * ```ts
 * import { summarizeActivityCounts } from 'revops/metrics';
 * summarizeActivityCounts([{ kind: 'demo', memberId: 'ae1', at: '2026-01-05T10:00:00Z',
 *   durationSeconds: 1800 }]).total;
 * //=> { total: 1, byKind: { call: 0, email: 0, meeting: 0, demo: 1 } }
 * ```
 */
export function summarizeActivityCounts(
  activities: readonly KpiActivity[],
  options: ActivityKpiOptions = {},
): ActivityCountSummary {
  try {
    readList(activities, 'activities');
    readObject(options, 'options', 'INVALID_OPTION');
    const select = activitySelector(options);
    const acc = new GroupAccumulator<ActivityCountState, KpiActivity>(
      readGrouping(options, 'activities', activityFacts),
      empty,
    );
    for (let i = 0; i < activities.length; i++) {
      const a = activities[i] as KpiActivity;
      if (!select(a, i)) continue;
      if (!(ACTIVITY_KINDS as readonly string[]).includes(a.kind)) {
        const field = `${entityPath('activities', i, a)}.kind`;
        throw invalid('INVALID_INPUT', field, a.kind, `must be one of ${ACTIVITY_KINDS.join(', ')}`);
      }
      for (const s of acc.targets(a, i)) {
        s.total++;
        s.byKind[a.kind]++;
      }
    }
    return acc.summary(SPEC, readPeriodOption(options.period), {});
  } catch (thrown) {
    throw readFailure(thrown, { activities, options });
  }
}

/**
 * Merges two activity-count summaries (same grouping).
 *
 * @param a - a summary.
 * @param b - another one.
 * @returns both together.
 * @throws {RevopsError} `INVALID_SUMMARY` naming the field for a malformed summary or one of another grouping or
 *   period.
 * @example
 * ```ts
 * import { mergeActivityCounts, summarizeActivityCounts } from 'revops/metrics';
 * mergeActivityCounts(summarizeActivityCounts([]), summarizeActivityCounts([])).total.total;
 * //=> 0
 * ```
 */
export function mergeActivityCounts(a: ActivityCountSummary, b: ActivityCountSummary): ActivityCountSummary {
  try {
    return mergeGrouped(a, b, SPEC);
  } catch (thrown) {
    throw readFailure(thrown, { a, b }, 'INVALID_SUMMARY');
  }
}

/**
 * Reads the counts from a summary.
 *
 * @param summary - from {@link summarizeActivityCounts} or {@link mergeActivityCounts}.
 * @returns the {@link ActivityCounts}, with `groups` when grouped.
 * @throws {RevopsError} `INVALID_SUMMARY` naming the field for anything but a valid activity-count summary.
 * @example
 * ```ts
 * import { finalizeActivityCounts } from 'revops/metrics';
 * finalizeActivityCounts({ kind: 'activityCounts', version: 1, groupBy: null, period: null, groups: {},
 *   total: { total: 2, byKind: { call: 2, email: 0, meeting: 0, demo: 0 } } }).byKind.call;
 * //=> 2
 * ```
 */
export function finalizeActivityCounts(summary: ActivityCountSummary): Grouped<ActivityCounts> {
  try {
    return finalizeGrouped(
      summary,
      SPEC,
      (s): ActivityCounts => ({
        total: s.total,
        byKind: { ...s.byKind },
      }),
    );
  } catch (thrown) {
    throw readFailure(thrown, { summary }, 'INVALID_SUMMARY');
  }
}

/**
 * Counts activities per kind — per member with `groupBy: 'ownerId'` (the activity's `memberId`),
 * or per team, role or territory (through `members`).
 *
 * @param activities - logged activities.
 * @param options - {@link ActivityKpiOptions}: `period` (by the date of `at`), `groupBy`, `members`.
 * @returns the total and the count per kind, with `groups` when `groupBy` is set.
 * @throws {RevopsError} `INVALID_INPUT` for activities that are not an array, an activity that is not an object or
 *   has an unknown kind.
 * @throws {RevopsError} `INVALID_OPTION` for an unknown groupBy.
 * @throws {RevopsError} `INVALID_DATE` for a malformed `at` when a period is given.
 * @throws {RevopsError} `INVALID_PERIOD` for a malformed period.
 * @throws {RevopsError} `DUPLICATE_ID` for two activities with the same id (naming both positions).
 * @example
 * ```ts
 * import { activityCounts } from 'revops/metrics';
 * const a = (kind, memberId) => ({ kind, memberId, at: '2026-01-05T10:00:00Z', durationSeconds: 0 });
 * activityCounts([a('call', 'ann'), a('email', 'ann'), a('call', 'bob')], { groupBy: 'ownerId' }).groups.ann.byKind;
 * //=> { call: 1, email: 1, meeting: 0, demo: 0 }
 * ```
 */
export function activityCounts(
  activities: readonly KpiActivity[],
  options: ActivityKpiOptions = {},
): Grouped<ActivityCounts> {
  try {
    return finalizeActivityCounts(summarizeActivityCounts(activities, options));
  } catch (thrown) {
    throw readFailure(thrown, { activities, options });
  }
}
