/**
 * `importCredits`: commission credits (a member's credited share of a deal) from a crediting
 * export.
 * @module
 */
import { CREDIT_KINDS, type Credit, safeParseCredit } from '../model/credit.js';
import { DEAL_TYPES, SEGMENTS } from '../model/segment.js';
import { type FieldSpec, type KindSpec, type RowContext, importAll, moneyField, verified } from './engine.js';
import { fastCredit } from './fast-verify.js';
import type { ImportArrayOptions, ImportResult } from './types.js';
import { readFailure } from '../core/read.js';

const FIELDS: readonly FieldSpec[] = [
  { field: 'id', type: 'id' },
  { field: 'dealId', type: 'id' },
  { field: 'memberId', type: 'id' },
  { field: 'kind', type: 'enum', values: CREDIT_KINDS },
  { field: 'amount', type: 'amount' },
  { field: 'currency', type: 'currency' },
  { field: 'date', type: 'date' },
  { field: 'share', type: 'decimal' },
  { field: 'measure', type: 'enum', values: ['bookings', 'revenue', 'acv', 'margin', 'units', 'custom'] },
  { field: 'dealType', type: 'enum', values: DEAL_TYPES },
  { field: 'segment', type: 'enum', values: SEGMENTS },
  { field: 'products', type: 'list' },
  { field: 'termMonths', type: 'integer' },
  { field: 'newLogo', type: 'boolean' },
  { field: 'units', type: 'integer' },
  { field: 'activity', type: 'text' },
];

function build(v: Readonly<Record<string, unknown>>, ctx: RowContext): Credit | undefined {
  for (const f of ['id', 'dealId', 'memberId', 'kind', 'amount', 'date']) if (v[f] === undefined) ctx.missing(f);
  const amount = moneyField(v, 'amount', ctx);
  if (amount === undefined) return undefined;
  for (const f of ['id', 'dealId', 'memberId', 'kind', 'date']) if (v[f] === undefined) return undefined;
  const fast = ctx.options.fast ? fastCredit(v, amount) : undefined;
  if (fast !== undefined) return fast;
  const credit: Record<string, unknown> = {};
  for (const { field } of FIELDS) if (v[field] !== undefined && field !== 'currency') credit[field] = v[field];
  credit.amount = amount;
  return verified(safeParseCredit(credit), ctx);
}

/** The credit import. @internal */
export const CREDITS: KindSpec<Credit> = {
  kind: 'credits',
  fields: FIELDS,
  idField: 'id',
  memberField: 'memberId',
  build,
  currencyOf: (c) => c.amount.currency,
};

/**
 * Imports credits from records or a 2-D array with a header row. `kind` is one of
 * `CREDIT_KINDS`; `share` an exact decimal; `units` a whole number. Checks: duplicate id (a
 * credit imported twice would be paid twice), member among `members`, several currencies
 * (warning).
 *
 * @param rows - records, or a 2-D array with a header row.
 * @param options - {@link ImportArrayOptions}.
 * @returns `{ records, recordRows, rejected, warnings }`.
 * @throws {RevopsError} `INVALID_OPTION` for a malformed option; `INVALID_INPUT` when `rows`
 *   is not an array; `TOO_MANY_REJECTED` when more rows are rejected than `options.maxRejected`
 *   (default 100,000). A row on its own never throws: it is rejected.
 * @example
 * ```ts
 * import { importCredits } from 'revops/import';
 * const { records, rejected } = importCredits(
 *   [
 *     { id: 'C-1', dealId: 'D-1', memberId: 'ae1', kind: 'owner', amount: '12000', date: '2026-02-10' },
 *     { id: 'C-1', dealId: 'D-1', memberId: 'ae1', kind: 'owner', amount: '12000', date: '2026-02-10' },
 *   ],
 *   { currency: 'USD' },
 * );
 * [records.length, rejected[0]?.code, rejected[0]?.message];
 * //=> [1, 'DUPLICATE_ID', 'row 3, column "id": id must be unique: the same id is in row 2, got "C-1"']
 * ```
 */
export function importCredits(rows: readonly unknown[], options: ImportArrayOptions = {}): ImportResult<Credit> {
  try {
    return importAll(CREDITS, rows, options);
  } catch (thrown) {
    throw readFailure(thrown, { rows, options });
  }
}
