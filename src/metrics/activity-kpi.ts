/**
 * What the activity KPIs share: the window filter and grouping facts of an activity.
 * @module
 */
import { invalid } from '../core/errors.js';
import type { Period } from '../core/periods.js';
import type { Activity, ActivityKind } from '../model/activity.js';
import type { GroupFacts, GroupingOptions } from './group-by.js';
import { dateOfInstant, inWindow, readWindow } from './window.js';

/** The activity kinds (the model's, repeated here so that metrics do not load zod at run time). @internal */
export const ACTIVITY_KINDS: readonly ActivityKind[] = ['call', 'email', 'meeting', 'demo'];

/** The fields of an activity the KPIs read. */
export type KpiActivity = Pick<Activity, 'kind' | 'memberId' | 'at' | 'durationSeconds'> &
  Partial<Pick<Activity, 'completed' | 'id'>>;

/** Options shared by the activity KPIs. */
export interface ActivityKpiOptions extends GroupingOptions {
  /** Inclusive window of calendar dates, by the date written in `at`. Default: no window. */
  readonly window?: Period;
}

/** Returns whether an activity is in the window, checking its shape. @internal */
export function activitySelector(options: ActivityKpiOptions): (a: KpiActivity, i: number) => boolean {
  const window = readWindow(options.window);
  return (a, i) => {
    if (typeof a !== 'object' || a === null)
      throw invalid('INVALID_INPUT', `activities[${i}]`, a, 'must be an activity');
    return window === null || inWindow(window, dateOfInstant(a.at, `activities[${i}].at`));
  };
}

/** Grouping facts of an activity: only its member (team, role, territory come from `members`). @internal */
export function activityFacts(a: KpiActivity): GroupFacts {
  return { memberId: a.memberId };
}
