/**
 * `importSubscriptions`: recurring revenue rows (one customer over one period) from a billing
 * export.
 * @module
 */
import { type Subscription, safeParseSubscription } from '../model/subscription.js';
import { type FieldSpec, type KindSpec, type RowContext, importAll, moneyField, verified } from './engine.js';
import { fastSubscription } from './fast-verify.js';
import type { ImportArrayOptions, ImportResult } from './types.js';
import { readFailure } from '../core/read.js';

const FIELDS: readonly FieldSpec[] = [
  { field: 'customerId', type: 'id' },
  { field: 'subscriptionId', type: 'id' },
  { field: 'planId', type: 'id' },
  { field: 'periodStart', type: 'date' },
  { field: 'periodEnd', type: 'date' },
  { field: 'mrr', type: 'amount' },
  { field: 'listMrr', type: 'amount' },
  { field: 'currency', type: 'currency' },
  { field: 'quantity', type: 'integer' },
  { field: 'free', type: 'boolean' },
  { field: 'discount', type: 'enum', values: ['forever', 'limited'] },
  { field: 'canceledAt', type: 'date' },
];

function build(v: Readonly<Record<string, unknown>>, ctx: RowContext): Subscription | undefined {
  for (const f of ['customerId', 'periodStart', 'periodEnd', 'mrr']) if (v[f] === undefined) ctx.missing(f);
  const mrr = moneyField(v, 'mrr', ctx);
  const listMrr = moneyField(v, 'listMrr', ctx);
  if (mrr === undefined || v.customerId === undefined || v.periodStart === undefined || v.periodEnd === undefined) {
    return undefined;
  }
  const fast = ctx.options.fast ? fastSubscription(v, mrr, listMrr) : undefined;
  if (fast !== undefined) return fast;
  const s: Record<string, unknown> = { customerId: v.customerId };
  if (v.subscriptionId !== undefined) s.subscriptionId = v.subscriptionId;
  if (v.planId !== undefined) s.planId = v.planId;
  s.period = { start: v.periodStart, end: v.periodEnd };
  s.mrr = mrr;
  if (listMrr !== undefined) s.listMrr = listMrr;
  for (const f of ['quantity', 'free', 'discount', 'canceledAt']) if (v[f] !== undefined) s[f] = v[f];
  return verified(safeParseSubscription(s), ctx);
}

/** The subscription import. @internal */
export const SUBSCRIPTIONS: KindSpec<Subscription> = {
  kind: 'subscriptions',
  fields: FIELDS,
  build,
  currencyOf: (s) => s.mrr.currency,
};

/**
 * Imports subscription rows (a customer's MRR over an inclusive period) from records or a
 * 2-D array with a header row. The period comes from `periodStart` and `periodEnd` columns;
 * `mrr` and `listMrr` share the row's currency. The same subscription over several periods is
 * several rows, so ids are not checked for duplicates. Checks: several currencies (warning).
 *
 * @param rows - records, or a 2-D array with a header row.
 * @param options - {@link ImportArrayOptions}.
 * @returns `{ records, recordRows, rejected, warnings }`.
 * @throws {RevopsError} `INVALID_OPTION` for a malformed option; `INVALID_INPUT` when `rows`
 *   is not an array; `TOO_MANY_REJECTED` when more rows are rejected than `options.maxRejected`
 *   (default 100,000). A row on its own never throws: it is rejected.
 * @example
 * ```ts
 * import { importSubscriptions } from 'revops/import';
 * const { records } = importSubscriptions(
 *   [{ customerId: 'c1', periodStart: '01.01.2026', periodEnd: '31.01.2026', mrr: '1.250,50' }],
 *   { currency: 'EUR', dateFormat: 'DD.MM.YYYY', decimalSeparator: ',' },
 * );
 * [records[0]?.period, records[0]?.mrr];
 * //=> [{ start: '2026-01-01', end: '2026-01-31' }, { amount: '1250.50', currency: 'EUR' }]
 * ```
 */
export function importSubscriptions(
  rows: readonly unknown[],
  options: ImportArrayOptions = {},
): ImportResult<Subscription> {
  try {
    return importAll(SUBSCRIPTIONS, rows, options);
  } catch (thrown) {
    throw readFailure(thrown, { rows, options });
  }
}
