/**
 * `importQuotas`: quotas per member or team and period.
 * @module
 */
import { QUOTA_MEASURES, type Quota, safeParseQuota } from '../model/quota.js';
import { type FieldSpec, type KindSpec, type RowContext, importAll, moneyField, verified } from './engine.js';
import { fastQuota } from './fast-verify.js';
import type { ImportArrayOptions, ImportResult } from './types.js';
import { readFailure } from '../core/read.js';

const FIELDS: readonly FieldSpec[] = [
  { field: 'id', type: 'id' },
  { field: 'memberId', type: 'id' },
  { field: 'teamId', type: 'id' },
  { field: 'periodStart', type: 'date' },
  { field: 'periodEnd', type: 'date' },
  { field: 'amount', type: 'amount' },
  { field: 'currency', type: 'currency' },
  { field: 'measure', type: 'enum', values: QUOTA_MEASURES },
];

function build(v: Readonly<Record<string, unknown>>, ctx: RowContext): Quota | undefined {
  for (const f of ['periodStart', 'periodEnd', 'amount']) if (v[f] === undefined) ctx.missing(f);
  const amount = moneyField(v, 'amount', ctx);
  if (amount === undefined || v.periodStart === undefined || v.periodEnd === undefined) return undefined;
  const fast = ctx.options.fast ? fastQuota(v, amount) : undefined;
  if (fast !== undefined) return fast;
  const quota: Record<string, unknown> = {};
  for (const f of ['id', 'memberId', 'teamId']) if (v[f] !== undefined) quota[f] = v[f];
  quota.period = { start: v.periodStart, end: v.periodEnd };
  quota.amount = amount;
  if (v.measure !== undefined) quota.measure = v.measure;
  return verified(safeParseQuota(quota), ctx);
}

/** The quota import. @internal */
export const QUOTAS: KindSpec<Quota> = {
  kind: 'quotas',
  fields: FIELDS,
  idField: 'id',
  memberField: 'memberId',
  build,
  currencyOf: (q) => q.amount.currency,
};

/**
 * Imports quotas from records or a 2-D array with a header row: exactly one of `memberId` and
 * `teamId`, a period from `periodStart` and `periodEnd`, an amount with its currency, and a
 * `measure` (default `bookings`). Checks: duplicate id (when ids are given), member among
 * `members`, several currencies (warning).
 *
 * @param rows - records, or a 2-D array with a header row.
 * @param options - {@link ImportArrayOptions}.
 * @returns `{ records, recordRows, rejected, warnings }`.
 * @throws {RevopsError} `INVALID_OPTION` for a malformed option; `INVALID_INPUT` when `rows`
 *   is not an array; `TOO_MANY_REJECTED` when more rows are rejected than `options.maxRejected`
 *   (default 100,000). A row on its own never throws: it is rejected.
 * @example
 * ```ts
 * import { importQuotas } from 'revops/import';
 * const { records } = importQuotas([
 *   { memberId: 'ae1', periodStart: '2026-01-01', periodEnd: '2026-03-31', amount: 'USD 150,000' },
 * ]);
 * [records[0]?.amount, records[0]?.measure];
 * //=> [{ amount: '150000.00', currency: 'USD' }, 'bookings']
 * ```
 */
export function importQuotas(rows: readonly unknown[], options: ImportArrayOptions = {}): ImportResult<Quota> {
  try {
    return importAll(QUOTAS, rows, options);
  } catch (thrown) {
    throw readFailure(thrown, { rows, options });
  }
}
