/**
 * `maxRejected`: the whole-array imports stop with `TOO_MANY_REJECTED` on the first rejected row
 * past the limit (default 100,000); the streaming forms have no such limit.
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MAX_REJECTED,
  createImporter,
  importActivities,
  importCredits,
  importDeals,
  importLeads,
  importMembers,
  importQuotas,
  importSubscriptions,
} from '../../src/import/index.js';
import { thrown } from '../thrown.js';

/** A deal export: header, then `bad` rows with a text amount (one problem each), then `good` valid rows. */
function dealGrid(bad: number, good: number): unknown[][] {
  const header = ['id', 'name', 'accountId', 'ownerId', 'amount', 'currency', 'stage', 'closeDate', 'createdAt'];
  const rows: unknown[][] = [header];
  for (let i = 0; i < bad; i++)
    rows.push([`B-${i}`, 'Acme', 'acme', 'ana', 'n/a', 'USD', 'proposal', '2026-03-31', '2026-01-10']);
  for (let i = 0; i < good; i++)
    rows.push([`G-${i}`, 'Acme', 'acme', 'ana', '100', 'USD', 'proposal', '2026-03-31', '2026-01-10']);
  return rows;
}

describe('maxRejected on the whole-array imports', () => {
  it('3 rejected rows with maxRejected 3: returned in full; with maxRejected 2: TOO_MANY_REJECTED at row 4', () => {
    const rows = dealGrid(3, 1);
    const ok = importDeals(rows, { maxRejected: 3 });
    expect(ok.rejected.map((r) => r.row)).toEqual([2, 3, 4]);
    expect(ok.records.map((d) => d.id)).toEqual(['G-0']);
    const e = thrown(() => importDeals(rows, { maxRejected: 2 }));
    expect(e).toMatchObject({ name: 'RevopsError', code: 'TOO_MANY_REJECTED', field: 'rows', value: 3 });
    // the third bad row is row 4 (header = row 1); the message quotes the first rejection whole
    expect((e as Error).message).toBe(
      'rows: 3 rows rejected by row 4, more than options.maxRejected allows (2 rows); the first, row 2, column ' +
        '"amount": amount must be an amount such as 1234.50 or 1,234.50 (decimalSeparator "."), got "n/a" ' +
        '[INVALID_AMOUNT]. Check the header and the column mapping, or pass maxRejected: Number.POSITIVE_INFINITY ' +
        '(or import with createImporter / importStream, which have no limit)',
    );
    expect((e as { details: unknown }).details).toEqual({
      rejected: 3,
      maxRejected: 2,
      row: 4,
      first: { row: 2, column: 'amount', field: 'amount', code: 'INVALID_AMOUNT' },
    });
  });

  it('maxRejected 0: a clean file imports, one bad row stops the import', () => {
    expect(importDeals(dealGrid(0, 2), { maxRejected: 0 }).records).toHaveLength(2);
    const e = thrown(() => importDeals(dealGrid(1, 2), { maxRejected: 0 }));
    expect(e).toMatchObject({ code: 'TOO_MANY_REJECTED', value: 1 });
    expect((e as Error).message).toMatch(
      /^rows: 1 row rejected by row 2, more than options\.maxRejected allows \(0 rows\)/,
    );
  });

  it('the default is 100,000: 100,000 rejected rows are all returned, 100,001 stop the import', () => {
    expect(DEFAULT_MAX_REJECTED).toBe(100_000);
    const at = importDeals(dealGrid(100_000, 1));
    expect(at.rejected).toHaveLength(100_000);
    expect(at.rejected[99_999]?.row).toBe(100_001);
    expect(at.records).toHaveLength(1);
    const e = thrown(() => importDeals(dealGrid(100_001, 0)));
    expect(e).toMatchObject({ code: 'TOO_MANY_REJECTED', value: 100_001 });
    expect((e as Error).message).toMatch(
      /^rows: 100001 rows rejected by row 100002, more than options\.maxRejected allows \(100000 rows\)/,
    );
  });

  it('Number.POSITIVE_INFINITY: no limit', () => {
    const out = importDeals(dealGrid(100_001, 0), { maxRejected: Number.POSITIVE_INFINITY });
    expect(out.rejected).toHaveLength(100_001);
  });

  it.each([-1, 1.5, Number.NaN, Number.NEGATIVE_INFINITY, '10', true, null, 2 ** 53])(
    'maxRejected %p is INVALID_OPTION naming options.maxRejected',
    (bad) => {
      expect(thrown(() => importDeals(dealGrid(0, 1), { maxRejected: bad as never }))).toMatchObject({
        name: 'RevopsError',
        code: 'INVALID_OPTION',
        field: 'options.maxRejected',
        message: expect.stringContaining('must be an integer ≥ 0 (a safe integer), or Number.POSITIVE_INFINITY, got'),
      });
    },
  );

  it('every whole-array import honours it (two rows missing every required value, maxRejected 1)', () => {
    const rows = [{ note: 'x' }, { note: 'y' }];
    const all = [
      importDeals,
      importLeads,
      importActivities,
      importSubscriptions,
      importMembers,
      importQuotas,
      importCredits,
    ] as const;
    for (const fn of all) {
      expect(fn(rows, { maxRejected: 2 }).rejected.map((r) => r.code)).toEqual(['EMPTY_ROW', 'EMPTY_ROW']);
      expect(thrown(() => fn(rows, { maxRejected: 1 }))).toMatchObject({
        code: 'TOO_MANY_REJECTED',
        value: 2,
        message: expect.stringContaining('by row 3'),
      });
    }
  });
});

describe('the streaming form has no limit', () => {
  it('createImporter keeps 100,001 rejected rows without throwing', () => {
    const importer = createImporter('deals');
    for (const row of dealGrid(100_001, 0)) importer.push(row);
    expect(importer.finish().rejected).toHaveLength(100_001);
  });
});
