/**
 * The duplicate-id memory of revops/import (src/import/id-set.ts): the answers of a `Map` from
 * id to first row, for any ids, with the ids held in byte chunks and a typed-array table.
 */
import { describe, expect, it } from 'vitest';
import { IdSet, idHash } from '../../src/import/id-set.js';
import { importDeals } from '../../src/import/index.js';

describe('IdSet', () => {
  it('answers 0 for a new id and the first row for a repeated one', () => {
    const seen = new IdSet();
    expect([seen.firstRowOrAdd('D-1', 2), seen.firstRowOrAdd('D-2', 3), seen.firstRowOrAdd('D-1', 4)]).toEqual([
      0, 0, 2,
    ]);
    // the repeat is not added again: a third D-1 still names row 2
    expect(seen.firstRowOrAdd('D-1', 9)).toBe(2);
  });

  it('two ids with the same 32-bit hash stay two ids (the match is confirmed character by character)', () => {
    // found by hashing 'D-0', 'D-1', … until two hashes met (a birthday search: 612,383 ids)
    expect(idHash('D-449599')).toBe(idHash('D-612382'));
    const seen = new IdSet();
    expect(seen.firstRowOrAdd('D-449599', 2)).toBe(0);
    expect(seen.firstRowOrAdd('D-612382', 3)).toBe(0);
    expect(seen.firstRowOrAdd('D-612382', 4)).toBe(3);
    expect(seen.firstRowOrAdd('D-449599', 5)).toBe(2);
  });

  it('tells apart ids that differ only in their last character, in width or in length', () => {
    const prefix = `opportunity-${'x'.repeat(180)}`;
    const ids = [`${prefix}1`, `${prefix}2`, 'é', 'e\u0301', '€', '\u00e9\u20ac', '\u20ac\u00e9', '', '😀', '\ud83d'];
    const seen = new IdSet();
    ids.forEach((id, i) => expect(seen.firstRowOrAdd(id, i + 2)).toBe(0));
    ids.forEach((id, i) => expect(seen.firstRowOrAdd(id, 100)).toBe(i + 2));
  });

  it('keeps 200,000 ids across table growth and chunks (1 MiB each), each with its first row', () => {
    // 200,000 ids of 8–17 characters (a third with a euro sign: 2 bytes a unit): 5,746,248 bytes of
    // entries, so six chunks; each of the 64 tables grows 9 times (16 → 8,192 slots: about 3,125 ids each)
    const ids = Array.from({ length: 200_000 }, (_, i) => `acct-${i * 7919}-${i % 3 === 0 ? '€' : 'x'}`);
    const seen = new IdSet();
    let wrong = 0;
    ids.forEach((id, i) => {
      if (seen.firstRowOrAdd(id, i + 2) !== 0) wrong++;
    });
    ids.forEach((id, i) => {
      if (seen.firstRowOrAdd(id, 1) !== i + 2) wrong++;
    });
    expect(wrong).toBe(0);
  });

  it('an id longer than a chunk gets a chunk of its own; rows past 2^32 are kept exactly', () => {
    const seen = new IdSet();
    const long = 'L'.repeat(2 ** 20 + 5);
    expect(seen.firstRowOrAdd('a', 2)).toBe(0);
    expect(seen.firstRowOrAdd(long, 2 ** 40 + 7)).toBe(0);
    expect(seen.firstRowOrAdd('b', 2 ** 32 + 1)).toBe(0);
    expect(seen.firstRowOrAdd(long, 3)).toBe(2 ** 40 + 7);
    expect(seen.firstRowOrAdd(`${long.slice(1)}M`, 3)).toBe(0);
    expect([seen.firstRowOrAdd('a', 3), seen.firstRowOrAdd('b', 3)]).toEqual([2, 2 ** 32 + 1]);
  });

  it('costs 42 bytes per 9-character id at 1,000,000 ids (a Map and its strings: 61, in the GC heap)', () => {
    const seen = new IdSet();
    for (let i = 0; i < 1_000_000; i++) seen.firstRowOrAdd(`D-${1_000_000 + i}`, i + 2);
    // tables: 64 × 2^15 slots × 12 bytes (about 15,625 ids each > 0.7 × 2^14) = 25,165,824; entries: 1,000,000 ×
    // (1 + 6 + 9) bytes = 16,000,000 in 16 chunks of 1 MiB (a chunk ends when the next entry does not fit)
    expect(seen.bytes).toBe(2 ** 21 * 12 + 16 * 2 ** 20);
  });
});

describe('duplicate ids in an import', () => {
  it('two long ids that share their first 190 characters are two deals; a repeat names the first row', () => {
    const row = {
      name: 'N',
      accountId: 'a',
      ownerId: 'o',
      amount: '10',
      currency: 'USD',
      stage: 'demo',
      closeDate: '2026-03-31',
      createdAt: '2026-01-10',
    };
    const a = `opportunity-${'x'.repeat(178)}-0001`;
    const b = `opportunity-${'x'.repeat(178)}-0002`;
    const r = importDeals([
      { ...row, id: a },
      { ...row, id: b },
      { ...row, id: b },
    ]);
    expect(r.records.map((d) => d.id)).toEqual([a, b]);
    expect(r.rejected).toMatchObject([{ row: 4, code: 'DUPLICATE_ID', field: 'id', value: b }]);
    expect(r.rejected[0]?.message).toContain('the same id is in row 3');
  });
});
