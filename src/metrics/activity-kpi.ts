/**
 * What the activity KPIs share: the period filter and grouping facts of an activity.
 * @module
 */
import type { Period } from '../core/periods.js';
import { entityPath, readObject } from '../core/read.js';
import type { Activity, ActivityKind } from '../model/activity.js';
import type { GroupFacts, GroupingOptions } from '../model/group-by.js';
import { SeenIds } from './deal-kpi.js';
import { dateOfInstant, inPeriod, readPeriodOption } from './period-filter.js';

/** The activity kinds (the model's, repeated here so that metrics do not load zod at run time). @internal */
export const ACTIVITY_KINDS: readonly ActivityKind[] = ['call', 'email', 'meeting', 'demo'];

/** The fields of an activity the KPIs read. */
export type KpiActivity = Pick<Activity, 'kind' | 'memberId' | 'at' | 'durationSeconds'> &
  Partial<Pick<Activity, 'completed' | 'id'>>;

/** Options shared by the activity KPIs. `groupBy: 'ownerId'` groups by the activity's `memberId`. */
export interface ActivityKpiOptions extends GroupingOptions<KpiActivity> {
  /** Inclusive period of calendar dates, by the date written in `at`. Default: no period. */
  readonly period?: Period;
}

/**
 * Returns whether an activity is in the period, checking its shape and that no activity id
 * appears twice.
 * @internal
 */
export function activitySelector(options: ActivityKpiOptions): (a: KpiActivity, i: number) => boolean {
  const p = readPeriodOption(options.period);
  const seen = new SeenIds('activities');
  return (a, i) => {
    readObject(a, entityPath('activities', i, a));
    seen.check(a, i);
    return p === null || inPeriod(p, dateOfInstant(a.at, `${entityPath('activities', i, a)}.at`));
  };
}

/** Grouping facts of an activity: its member as owner (team, role, territory come from `members`). @internal */
export function activityFacts(a: KpiActivity): GroupFacts {
  return { ownerId: a.memberId };
}
