/**
 * `importMembers`: the sales team from an HR or CRM user export.
 * @module
 */
import { type Member, safeParseMember } from '../model/member.js';
import { type FieldSpec, type KindSpec, type RowContext, importAll, verified } from './engine.js';
import { fastMember } from './fast-verify.js';
import type { ImportArrayOptions, ImportResult } from './types.js';
import { readFailure } from '../core/read.js';

const FIELDS: readonly FieldSpec[] = [
  { field: 'id', type: 'id' },
  { field: 'name', type: 'text' },
  { field: 'email', type: 'text' },
  { field: 'roleId', type: 'id' },
  { field: 'teamId', type: 'id' },
  { field: 'managerId', type: 'id' },
  { field: 'territoryIds', type: 'list' },
  { field: 'startDate', type: 'date' },
  { field: 'endDate', type: 'date' },
];

function build(v: Readonly<Record<string, unknown>>, ctx: RowContext): Member | undefined {
  for (const f of ['id', 'name', 'roleId', 'startDate']) if (v[f] === undefined) ctx.missing(f);
  if (v.id === undefined || v.name === undefined || v.roleId === undefined || v.startDate === undefined) {
    return undefined;
  }
  const fast = ctx.options.fast ? fastMember(v) : undefined;
  if (fast !== undefined) return fast;
  const member: Record<string, unknown> = {};
  for (const { field } of FIELDS) if (v[field] !== undefined) member[field] = v[field];
  return verified(safeParseMember(member), ctx);
}

/** The member import. @internal */
export const MEMBERS: KindSpec<Member> = { kind: 'members', fields: FIELDS, idField: 'id', build };

/**
 * Imports members from records or a 2-D array with a header row. `territoryIds` is a list
 * cell (`options.listSeparator`, default `;`). Checks: duplicate id.
 *
 * @param rows - records, or a 2-D array with a header row.
 * @param options - {@link ImportArrayOptions}.
 * @returns `{ records, recordRows, rejected, warnings }`.
 * @throws {RevopsError} `INVALID_OPTION` for a malformed option; `INVALID_INPUT` when `rows`
 *   is not an array; `TOO_MANY_REJECTED` when more rows are rejected than `options.maxRejected`
 *   (default 100,000). A row on its own never throws: it is rejected.
 * @example
 * ```ts
 * import { importMembers } from 'revops/import';
 * const { records } = importMembers([
 *   { id: 'ae1', name: 'Ana', roleId: 'account-executive', territoryIds: 'emea; apac', startDate: '2025-04-01' },
 * ]);
 * records[0]?.territoryIds;
 * //=> ['emea', 'apac']
 * ```
 */
export function importMembers(rows: readonly unknown[], options: ImportArrayOptions = {}): ImportResult<Member> {
  try {
    return importAll(MEMBERS, rows, options);
  } catch (thrown) {
    throw readFailure(thrown, { rows, options });
  }
}
