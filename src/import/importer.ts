/**
 * The streaming form of the import: rows pushed one at a time, results taken batch by batch,
 * so that a file of millions of rows imports in memory bounded by the batch.
 * @module
 */
import { RevopsError, describeValue } from '../core/errors.js';
import { ACTIVITIES } from './activities.js';
import { CREDITS } from './credits.js';
import { DEALS } from './deals.js';
import { type KindSpec, RowImporter } from './engine.js';
import { LEADS } from './leads.js';
import { MEMBERS } from './members.js';
import { QUOTAS } from './quotas.js';
import { SUBSCRIPTIONS } from './subscriptions.js';
import { IMPORT_KINDS, type ImportKind, type ImportOptions, type ImportResult, type ImportedRecord } from './types.js';

const KINDS: { readonly [K in ImportKind]: KindSpec<ImportedRecord[K]> } = {
  deals: DEALS,
  leads: LEADS,
  activities: ACTIVITIES,
  subscriptions: SUBSCRIPTIONS,
  members: MEMBERS,
  quotas: QUOTAS,
  credits: CREDITS,
};

/** An importer that takes rows one at a time. */
export interface Importer<T> {
  /** Adds one row: a record, or an array of cells (the first array pushed is the header row). */
  push(row: unknown): void;
  /** What has been imported since the last `take` (or the start), which the importer then forgets. */
  take(): ImportResult<T>;
  /** Ends the import: what is left since the last `take`, plus the file-wide warnings. */
  finish(): ImportResult<T>;
}

/**
 * Creates an importer of one kind that takes rows one at a time: `push(row)` each row,
 * `take()` whenever a batch is wanted (the importer keeps nothing it has handed over), and
 * `finish()` at the end. The rows, results and checks are those of `importDeals`,
 * `importLeads`, … for the same rows; row numbers count from the header (row 1). Unlike those,
 * it has no `maxRejected` limit: rejected rows are handed over batch by batch, however many.
 *
 * Memory is bounded by the batch plus, with `checkDuplicates` on (the default), the ids seen
 * (about 42 bytes per 9-character id, outside the JavaScript heap). Take about 1,000 rows at a
 * time: larger batches reach V8's old space and swell it (measured in docs/guides/import.md).
 *
 * @param kind - `'deals' | 'leads' | 'activities' | 'subscriptions' | 'members' | 'quotas' | 'credits'`.
 * @param options - {@link ImportOptions}.
 * @returns an {@link Importer}.
 * @throws {RevopsError} `INVALID_OPTION` for an unknown kind or a malformed option;
 *   `INVALID_INPUT` from `push` after `finish`. Rows never throw.
 * @example
 * ```ts
 * import { createImporter } from 'revops/import';
 * const importer = createImporter('members');
 * importer.push(['id', 'name', 'roleId', 'startDate']);
 * importer.push(['ae1', 'Ana', 'account-executive', '2025-04-01']);
 * const first = importer.take();
 * importer.push(['ae2', 'Ben', 'account-executive', 'soon']);
 * const rest = importer.finish();
 * [first.records.map((m) => m.id), rest.rejected.map((r) => [r.row, r.code])];
 * //=> [['ae1'], [[3, 'INVALID_DATE']]]
 * ```
 */
export function createImporter<K extends ImportKind>(
  kind: K,
  options: ImportOptions = {},
): Importer<ImportedRecord[K]> {
  if (!IMPORT_KINDS.includes(kind)) {
    throw new RevopsError(
      'INVALID_OPTION',
      `kind must be one of ${IMPORT_KINDS.join(', ')}, got ${describeValue(kind)}`,
      {
        field: 'kind',
        value: kind,
      },
    );
  }
  const importer = new RowImporter<ImportedRecord[K]>(KINDS[kind] as KindSpec<ImportedRecord[K]>, options);
  return {
    push: (row) => importer.push(row),
    take: () => importer.take(),
    finish: () => importer.finish(),
  };
}

/** Options of {@link importStream}. */
export interface ImportStreamOptions extends ImportOptions {
  /** Data rows per yielded batch, 1 … 1,000,000. Default 1,000 (see {@link createImporter} on memory). */
  readonly batchSize?: number;
}

/**
 * Imports rows from an iterable or async iterable (a CSV parser's stream, a database cursor)
 * and yields the result batch by batch, so memory is bounded by the batch (plus the ids seen
 * while `checkDuplicates` is on). The last batch carries the file-wide warnings.
 *
 * @param kind - what the rows are (see {@link createImporter}).
 * @param rows - an iterable or async iterable of rows (records, or arrays after a header row).
 * @param options - {@link ImportOptions} and `batchSize` (default 1,000).
 * @returns an async iterable of {@link ImportResult} batches.
 * @throws {RevopsError} `INVALID_OPTION` for an unknown kind, a malformed option or a
 *   `batchSize` outside 1 … 1,000,000.
 * @example
 * ```ts
 * import { importStream } from 'revops/import';
 * async function* rows() {
 *   yield ['id', 'name', 'roleId', 'startDate'];
 *   for (let i = 1; i <= 5; i++) yield [`m${i}`, `Member ${i}`, 'sdr', '2026-01-05'];
 * }
 * const sizes = [];
 * for await (const batch of importStream('members', rows(), { batchSize: 2 })) sizes.push(batch.records.length);
 * sizes;
 * //=> [2, 2, 1]
 * ```
 */
export async function* importStream<K extends ImportKind>(
  kind: K,
  rows: Iterable<unknown> | AsyncIterable<unknown>,
  options: ImportStreamOptions = {},
): AsyncGenerator<ImportResult<ImportedRecord[K]>, void, undefined> {
  const { batchSize = 1_000, ...rest } = options;
  if (!Number.isSafeInteger(batchSize) || batchSize < 1 || batchSize > 1_000_000) {
    throw new RevopsError(
      'INVALID_OPTION',
      `options.batchSize must be an integer from 1 to 1000000, got ${describeValue(batchSize)}`,
      { field: 'options.batchSize', value: batchSize },
    );
  }
  const importer = createImporter(kind, rest);
  let pending = 0;
  let first = true;
  for await (const row of rows as AsyncIterable<unknown>) {
    importer.push(row);
    if (first && Array.isArray(row)) {
      first = false;
      continue; // the header row
    }
    first = false;
    if (++pending === batchSize) {
      pending = 0;
      yield importer.take();
    }
  }
  const last = importer.finish();
  if (pending > 0 || last.warnings.length > 0 || last.rejected.length > 0 || last.records.length > 0) yield last;
}
