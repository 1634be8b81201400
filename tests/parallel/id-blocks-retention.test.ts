/**
 * What the merged statements of many small chunks hold: each summary's packed id bytes in a block
 * of their own size (IdBytes.compact), not a 64 KiB block per chunk. computeRows summarises each
 * chunk on its own and mergeStatements keeps a member's partial as it is when no other chunk has
 * that member, so with credits grouped by member every chunk's block lives until the end of the run
 * (found in review: before compact, 2,000 chunks of one member held 2,000 × 65,536 bytes).
 */
import { describe, expect, it } from 'vitest';
import type { Credit, Member } from '../../src/model/index.js';
import { mergeStatements, summarizeStatements } from '../../src/parallel/statements.js';
import { ownerCredit, ratePlanOptions } from './rate-plan.js';

const MEMBERS = 2000;
const PER_MEMBER = 5;
const options = ratePlanOptions(Array.from({ length: MEMBERS }, (_, i) => `m${String(i).padStart(5, '0')}`));
const credit = (m: number, k: number): Credit =>
  ownerCredit(`K-${m * PER_MEMBER + k}`, (options.members[m] as Member).id);

describe('IdBytes blocks held by merged statements', () => {
  it('a one-credit summary holds a block of its 5 bytes', () => {
    const s = summarizeStatements([credit(0, 0)], options);
    const list = s.get('m00000')?.lists[0] as Uint8Array;
    expect(list.byteLength).toBe(5); // count 1, length 3, "K-0"
    expect(list.buffer.byteLength).toBe(5); // the block is the list's 5 bytes
  });

  it('summaries of many small chunks, merged as computeRows merges them, hold about the bytes of their ids', () => {
    // one member a chunk (2,000 chunks of 5 credits), merged as they come: no member in two chunks, so every
    // chunk's partial is kept as it is until the statements are finalised
    let merged = summarizeStatements([], options);
    for (let m = 0; m < MEMBERS; m++) {
      const chunk = Array.from({ length: PER_MEMBER }, (_, k) => credit(m, k));
      merged = mergeStatements(merged, summarizeStatements(chunk, options));
    }
    expect(merged.size).toBe(MEMBERS);
    const held = new Set<ArrayBufferLike>();
    let ids = 0;
    for (const partial of merged.values()) {
      for (const list of partial.lists) {
        expect(list).toBeInstanceOf(Uint8Array);
        held.add((list as Uint8Array).buffer);
        ids += (list as Uint8Array).byteLength;
      }
    }
    // 10,000 ids "K-0" … "K-9999" (3 to 6 characters) packed 5 to a list: 1 + 5 + Σ length bytes a list
    const want = Array.from({ length: MEMBERS * PER_MEMBER }, (_, i) => `K-${i}`.length + 1).reduce((a, b) => a + b, 0);
    expect(ids).toBe(want + MEMBERS);
    // each chunk's block is exactly its list: 2,000 blocks of a few dozen bytes, not of 64 KiB
    expect(held.size).toBe(MEMBERS);
    expect([...held].reduce((n, b) => n + b.byteLength, 0)).toBe(ids);
  });
});
