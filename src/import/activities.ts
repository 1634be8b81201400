/**
 * `importActivities`: calls, emails, meetings and demos from an activity export.
 * @module
 */
import { ACTIVITY_KINDS, type Activity, safeParseActivity } from '../model/activity.js';
import { type FieldSpec, type KindSpec, type RowContext, importAll, verified } from './engine.js';
import { fastActivity } from './fast-verify.js';
import type { ImportArrayOptions, ImportResult } from './types.js';
import { readFailure } from '../core/read.js';

const FIELDS: readonly FieldSpec[] = [
  { field: 'id', type: 'id' },
  { field: 'kind', type: 'enum', values: ACTIVITY_KINDS },
  { field: 'memberId', type: 'id' },
  { field: 'at', type: 'instant' },
  { field: 'durationSeconds', type: 'integer' },
  { field: 'leadId', type: 'id' },
  { field: 'dealId', type: 'id' },
  { field: 'accountId', type: 'id' },
  { field: 'completed', type: 'boolean' },
];

function build(v: Readonly<Record<string, unknown>>, ctx: RowContext): Activity | undefined {
  for (const f of ['id', 'kind', 'memberId', 'at']) if (v[f] === undefined) ctx.missing(f);
  if (v.id === undefined || v.kind === undefined || v.memberId === undefined || v.at === undefined) return undefined;
  const fast = ctx.options.fast ? fastActivity(v) : undefined;
  if (fast !== undefined) return fast;
  const activity: Record<string, unknown> = {};
  for (const { field } of FIELDS) if (v[field] !== undefined) activity[field] = v[field];
  // an email has no duration: an empty duration is 0 seconds
  activity.durationSeconds ??= 0;
  return verified(safeParseActivity(activity), ctx);
}

/** The activity import. @internal */
export const ACTIVITIES: KindSpec<Activity> = {
  kind: 'activities',
  fields: FIELDS,
  idField: 'id',
  memberField: 'memberId',
  build,
};

/**
 * Imports activities from records or a 2-D array with a header row. `kind` is one of
 * `call`, `email`, `meeting`, `demo` (any case; map others with `options.values.kind`); `at` is
 * an instant (a date alone is the start of that day in UTC, a time without an offset is UTC);
 * an empty `durationSeconds` is 0. Checks: duplicate id, member among `members`.
 *
 * @param rows - records, or a 2-D array with a header row.
 * @param options - {@link ImportArrayOptions}.
 * @returns `{ records, recordRows, rejected, warnings }`.
 * @throws {RevopsError} `INVALID_OPTION` for a malformed option; `INVALID_INPUT` when `rows`
 *   is not an array; `TOO_MANY_REJECTED` when more rows are rejected than `options.maxRejected`
 *   (default 100,000). A row on its own never throws: it is rejected.
 * @example
 * ```ts
 * import { importActivities } from 'revops/import';
 * const { records } = importActivities([
 *   ['id', 'kind', 'memberId', 'at', 'durationSeconds'],
 *   ['A-1', 'Call', 'sdr1', '2026-01-24 09:30', '300'],
 * ]);
 * [records[0]?.kind, records[0]?.at, records[0]?.durationSeconds];
 * //=> ['call', '2026-01-24T09:30:00Z', 300]
 * ```
 */
export function importActivities(rows: readonly unknown[], options: ImportArrayOptions = {}): ImportResult<Activity> {
  try {
    return importAll(ACTIVITIES, rows, options);
  } catch (thrown) {
    throw readFailure(thrown, { rows, options });
  }
}
