/**
 * Regression tests for what the fuzz suite (tests/fuzz) found in revops/import, with the exact
 * inputs: a rejected row must carry a JSON-safe description of its value (never NaN), a column
 * mapping must name columns, and rows nested 10,000 arrays deep are rejected or refused, never a
 * RangeError from the stack.
 */
import { describe, expect, it } from 'vitest';
import {
  importActivities,
  importCredits,
  importDeals,
  importLeads,
  importMembers,
  importQuotas,
} from '../../src/import/index.js';

/** `[[[…[]…]]]`, `depth` arrays deep. */
function nested(depth: number): unknown {
  let v: unknown = [];
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

/** Whether `value` comes back equal from a JSON round trip (no NaN, no Infinity, no cycle). */
function survivesJson(value: unknown): boolean {
  return JSON.stringify(JSON.parse(JSON.stringify(value))) === JSON.stringify(value);
}

describe('revops/import: hostile rows', () => {
  it('a NaN cell is rejected with the text "NaN" as its value (importLeads, the fuzz input)', () => {
    const r = importLeads([{ id: Number.NaN, name: [Number.NaN], source: 'inbound', ownerId: 'sdr1', stage: 'new' }]);
    expect(r.records).toEqual([]);
    expect(r.rejected).toHaveLength(1);
    const values = r.rejected[0]?.problems.map((p) => [p.field, p.value]);
    // the id cell NaN and the name cell [NaN]: described, as describeValue writes them
    expect(values).toContainEqual(['id', 'NaN']);
    expect(values).toContainEqual(['name', '[NaN]']);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it('Infinity and -Infinity cells are described too (importQuotas, importMembers)', () => {
    const q = importQuotas([
      {
        memberId: 'ana',
        periodStart: '2026-01-01',
        periodEnd: '2026-03-31',
        amount: Number.POSITIVE_INFINITY,
        currency: 'USD',
      },
    ]);
    expect(q.rejected.flatMap((x) => x.problems.map((p) => [p.field, p.value]))).toEqual([['amount', 'Infinity']]);
    const m = importMembers([{ id: 'ana', name: 'Ana', roleId: 'sdr', startDate: Number.NEGATIVE_INFINITY }]);
    expect(m.rejected.flatMap((x) => x.problems.map((p) => [p.field, p.value]))).toEqual([['startDate', '-Infinity']]);
    expect(JSON.parse(JSON.stringify([q, m]))).toEqual([q, m]);
  });

  it('a finite number, text, a boolean and null stay as received', () => {
    const r = importDeals([{ id: 'D-1', probability: 1.5, amount: true, name: 'Acme' }]);
    const byField = Object.fromEntries((r.rejected[0]?.problems ?? []).map((p) => [p.field, p.value]));
    expect(byField.probability).toBe(1.5);
    expect(byField.amount).toBe(true);
    expect(survivesJson(r)).toBe(true);
  });

  it('a column mapping that is not a list of names is refused (columns.accountId = [NaN])', () => {
    expect(() => importDeals([{ id: 'x' }], { columns: { accountId: [Number.NaN] as unknown as string[] } })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION', field: 'options.columns.accountId' }),
    );
  });

  it('rows nested 10,000 arrays deep: a header cell is described, a data cell rejected (no RangeError)', () => {
    const deep = nested(10_000);
    for (const importer of [importActivities, importCredits]) {
      // the rows themselves nested: the header row is [[…]], there is no data row
      expect(importer(deep as unknown[])).toEqual({ records: [], recordRows: [], rejected: [], warnings: [] });
      // a header cell nested 10,000 deep, and one data row
      const r = importer([
        [deep, 'id'],
        ['x', 'a1'],
      ]);
      expect(r.records.length + r.rejected.length).toBe(1);
      // a data cell nested 10,000 deep: rejected, its value a bounded description
      const cell = importer([['id'], [deep]]);
      expect(cell.rejected).toHaveLength(1);
      expect(cell.rejected[0]?.row).toBe(2);
      expect(cell.rejected[0]?.value).toMatch(/^\[\[\[/);
      expect(String(cell.rejected[0]?.value).length).toBeLessThanOrEqual(80);
      expect(survivesJson(cell)).toBe(true);
    }
  });
});

describe('revops/import: hostile options (long fuzz run of 2026-12-03, session 12)', () => {
  const rows = [
    ['Id', 'Name', 'Account', 'Owner', 'Amount', 'Stage', 'Close Date', 'Created'],
    ['D-1', 'Acme', 'acme', 'ana', '100', 'Closed Won', '2026-01-31', '2026-01-02'],
  ];
  const columns = {
    id: 'Id',
    name: 'Name',
    accountId: 'Account',
    ownerId: 'Owner',
    amount: 'Amount',
    stage: 'Stage',
    closeDate: 'Close Date',
    createdAt: 'Created',
  };
  const thrown = (f: () => unknown): unknown => {
    try {
      f();
    } catch (e) {
      return e;
    }
    return undefined;
  };

  it('members that throw when read are INVALID_OPTION (was "TypeError: options.members is not iterable")', () => {
    const getterThrows = Object.defineProperty({}, 'length', {
      get() {
        throw new Error('boom');
      },
    });
    const proxy = new Proxy([], {
      get() {
        throw new TypeError('bottomless');
      },
    });
    for (const members of [getterThrows, proxy]) {
      const e = thrown(() => importDeals(rows, { currency: 'USD', columns, members } as never));
      expect(e).toMatchObject({ name: 'RevopsError', code: 'INVALID_OPTION' });
    }
    // an options object whose getter throws is refused the same way, naming `options`
    const options = Object.defineProperty({ currency: 'USD', columns }, 'preset', {
      get() {
        throw new RangeError('no');
      },
      enumerable: true,
    });
    expect(thrown(() => importDeals(rows, options as never))).toMatchObject({
      code: 'INVALID_OPTION',
      field: 'options',
    });
  });

  it('a member without a string id is named by its index', () => {
    const e = thrown(() =>
      importDeals(rows, { currency: 'USD', columns, members: [{ id: 'ana' }, { id: 7 }] } as never),
    );
    expect(e).toMatchObject({ code: 'INVALID_OPTION', field: 'options.members[1].id' });
    // members given as ids and names still map a name to the member's id
    const named = importDeals(
      [rows[0] ?? [], ['D-1', 'Acme', 'acme', 'Ana Ortiz', '100', 'Closed Won', '2026-01-31', '2026-01-02']],
      {
        currency: 'USD',
        columns,
        members: [{ id: 'ana', name: 'Ana Ortiz' }] as never,
      },
    );
    expect(named.records[0]?.ownerId).toBe('ana');
  });
});

describe('revops/import: a columns option that is not an object (long fuzz run, session 12)', () => {
  it('importMembers(rows, { columns: null }) is INVALID_OPTION naming options.columns (was a TypeError)', () => {
    for (const columns of [null, 'id', ['id'], 7]) {
      let e: unknown;
      try {
        importMembers(
          [
            ['id', 'name'],
            ['a', 'b'],
          ],
          { columns } as never,
        );
      } catch (thrown) {
        e = thrown;
      }
      expect(e).toMatchObject({ name: 'RevopsError', code: 'INVALID_OPTION', field: 'options.columns' });
    }
  });

  it('a column mapping whose getter throws is refused once, when the importer is made', () => {
    let reads = 0;
    const columns = Object.defineProperty({ id: 'Member' }, 'name', {
      enumerable: true,
      get() {
        reads++;
        throw new Error('no');
      },
    });
    expect(() => importMembers([{ Member: 'a', Name: 'b' }], { columns } as never)).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION', field: 'options' }),
    );
    expect(reads).toBe(1);
  });
});
