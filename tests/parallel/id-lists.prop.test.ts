/**
 * Id lists packed as bytes (IdBytes): what a worker thread moves to the main thread instead of a
 * string per list. Laws: a list packed as bytes reads back as the same ids, in every reader
 * (unpackIds, mergeSortedIds); its bytes are packIds' string one byte a character; lists in one
 * IdBytes never overlap, whatever the mix of packed, fallen-back and empty lists; a structured
 * clone that transfers the blocks (as piscina moves them) keeps every list.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdBytes, type IdList, mergeSortedIds, packIds, unpackIds } from '../../src/parallel/id-lists.js';

const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');
const sortedUnique = (ids: string[]): string[] => [...new Set(ids)].sort();
/** Ids of Latin-1 characters, with the edge bytes (0x00, 0x7f, 0x80, 0x85, 0xff) likely. */
const latinId = fc
  .array(fc.oneof(fc.constantFrom(0, 0x7f, 0x80, 0x85, 0xff), fc.integer({ min: 0, max: 0xff })), { maxLength: 20 })
  .map((codes) => String.fromCharCode(...codes));
const anyId = fc.oneof(latinId, fc.string({ unit: 'binary', maxLength: 6 }));

describe('IdBytes', () => {
  it('a list packed as bytes reads back as its ids, and its bytes are packIds string', () => {
    fc.assert(
      fc.property(fc.array(fc.array(anyId, { maxLength: 40 }), { maxLength: 20 }), (lists) => {
        const bytes = new IdBytes();
        const packed = lists.map((ids) => bytes.pack(ids));
        // read back only once every list is written: a later list must not overwrite an earlier one
        lists.forEach((ids, i) => {
          const p = packed[i] as IdList;
          expect(unpackIds(p)).toEqual(ids);
          if (ids.length === 0) expect(p).toBe(ids);
          else if (ids.every((id) => [...id].every((ch) => (ch.codePointAt(0) as number) < 256))) {
            expect(p).toBeInstanceOf(Uint8Array);
            expect(latin1(p as Uint8Array)).toBe(packIds(ids));
          } else expect(p).toBe(packIds(ids)); // a character above 255: the two-byte string, as before
        });
      }),
      { numRuns: 300 },
    );
  });

  it('merges byte lists as it merges packed strings and arrays', () => {
    fc.assert(
      fc.property(fc.array(latinId, { maxLength: 60 }), fc.array(latinId, { maxLength: 60 }), (a, b) => {
        const x = sortedUnique(a);
        const y = sortedUnique(b);
        const bytes = new IdBytes();
        const want = sortedUnique([...x, ...y]);
        expect(mergeSortedIds(bytes.pack(x), bytes.pack(y))).toEqual(want);
        expect(mergeSortedIds(bytes.pack(x), y)).toEqual(want);
        expect(mergeSortedIds(packIds(x), bytes.pack(y))).toEqual(want);
      }),
      { numRuns: 300 },
    );
  });

  it('fills blocks of growing size, gives a large list a block of its own, and survives a transfer', () => {
    const bytes = new IdBytes();
    // 5,000 lists of 40 ids of 8 characters: 1.8 MB, past the first blocks (64 KiB, doubling to 1 MiB)
    const lists = Array.from({ length: 5000 }, (_, m) =>
      Array.from({ length: 40 }, (_, i) => `K-${String(m * 40 + i).padStart(6, '0')}`),
    );
    // and one list of 200,000 ids of 9 characters: 2.0 MB, more than a block holds
    lists.push(Array.from({ length: 200_000 }, (_, i) => `Z-${String(i).padStart(7, '0')}`));
    const packed = lists.map((ids) => bytes.pack(ids) as Uint8Array);
    expect(packed.every((p) => p instanceof Uint8Array)).toBe(true);
    const sizes = bytes.buffers.map((b) => b.byteLength);
    expect(sizes.slice(0, 5)).toEqual([65_536, 131_072, 262_144, 524_288, 1_048_576]);
    expect(Math.max(...sizes)).toBeGreaterThan(1 << 20);
    expect(new Set(packed.map((p) => p.buffer)).size).toBe(bytes.buffers.length);
    // moved as piscina moves a result: the blocks transferred, every view still reads its list
    const moved = structuredClone(packed, { transfer: bytes.buffers });
    expect(bytes.buffers.every((b) => b.byteLength === 0)).toBe(true); // detached here
    expect(moved.map((p) => unpackIds(p))).toEqual(lists);
  });

  it('keeps an empty list and a list with an id past 65,535 characters as arrays, as packIds does', () => {
    const bytes = new IdBytes();
    const long = ['a', 'x'.repeat(70_000)];
    expect(bytes.pack([])).toEqual([]);
    expect(bytes.pack(long)).toBe(long);
    expect(bytes.buffers).toEqual([]);
  });
});

describe('IdBytes.compact', () => {
  it('moves lists into one block of exactly their bytes when most of it is unused; they read the same', () => {
    fc.assert(
      fc.property(fc.array(fc.array(anyId, { maxLength: 8 }), { maxLength: 12 }), (lists) => {
        const bytes = new IdBytes();
        const packed = lists.map((ids) => bytes.pack(ids));
        const views = packed.filter((p): p is Uint8Array => p instanceof Uint8Array);
        const used = views.reduce((n, v) => n + v.byteLength, 0);
        const remap = bytes.compact();
        // a few short lists in a 64 KiB block: always compacted here
        if (bytes.buffers.length === 0) expect(used).toBe(0);
        else {
          expect(remap).not.toBeNull();
          expect(bytes.buffers.map((b) => b.byteLength)).toEqual([used]);
        }
        const after = remap === null ? packed : packed.map(remap);
        lists.forEach((ids, i) => expect(unpackIds(after[i] as IdList)).toEqual(ids));
        after.forEach((p, i) => {
          if (p instanceof Uint8Array) expect(p.buffer).toBe(bytes.buffers[0]);
          else expect(p).toBe(packed[i]); // a string or an array stays as it was
        });
      }),
      { numRuns: 300 },
    );
  });

  it('leaves full blocks as they are (no copy of a large summary), and drops a block only a fallback used', () => {
    const big = new IdBytes();
    // 6,000 lists of 20 ids of 9 characters: 1.2 MB in blocks of 64 KiB … 1 MiB (1.9 MiB allocated, under twice)
    const lists = Array.from({ length: 6000 }, (_, m) =>
      Array.from({ length: 20 }, (_, i) => `K-${String(m * 20 + i).padStart(7, '0')}`),
    );
    const packed = lists.map((ids) => big.pack(ids));
    const blocks = [...big.buffers];
    expect(big.compact()).toBeNull();
    expect(big.buffers).toEqual(blocks);
    expect(packed.map((p) => unpackIds(p))).toEqual(lists);
    // a list that opens a new block and then falls back to a string: the block holds nothing and is not kept
    const small = new IdBytes();
    const a = small.pack(['K-1']) as Uint8Array;
    const wide = ['x'.repeat(40_000), `${'y'.repeat(40_000)}€`]; // 80 KB: more than the first block has left
    expect(small.pack(wide)).toBe(packIds(wide));
    expect(small.buffers).toHaveLength(2);
    const remap = small.compact();
    expect(small.buffers.map((b) => b.byteLength)).toEqual([5]);
    expect(unpackIds((remap as (l: IdList) => IdList)(a))).toEqual(['K-1']);
  });
});
