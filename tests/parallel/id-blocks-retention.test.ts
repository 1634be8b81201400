/**
 * Review of IdBytes (src/parallel/id-lists.ts): every summary of statements gets blocks of at least 64 KiB
 * (FIRST_BLOCK), and a list's Uint8Array view keeps its whole block alive. computeRows summarises each chunk of rows
 * on its own (src/parallel/task.ts runTask, no running summary) and mergeStatements keeps a member's partial as it is
 * when no other chunk has that member: with credits grouped by member, each chunk's 64 KiB block is held until the
 * end. Before IdBytes a list was a packed string of its own size.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { Credit, Member } from '../../src/model/index.js';
import { computeRows } from '../../src/parallel/index.js';
import { summarizeStatements } from '../../src/parallel/statements.js';

setFlagsFromString('--expose-gc');
/** A full collection, so that only what is still referenced counts in `arrayBuffers`. */
const gc = runInNewContext('gc') as () => void;

const MEMBERS = 2000;
const PER_MEMBER = 5;
const members: Member[] = Array.from({ length: MEMBERS }, (_, i) => ({
  id: `m${String(i).padStart(5, '0')}`,
  name: `Member ${i}`,
  roleId: 'ae',
  territoryIds: [],
  startDate: '2020-01-01',
}));
const options = {
  plan: {
    id: 'p',
    currency: 'USD',
    periodLength: 'month' as const,
    versions: [
      { id: 'v', effectiveFrom: '2020-01-01', components: [{ id: 'c', kind: 'rate' as const, rate: '0.08' }] },
    ],
  },
  period: { start: '2026-01-01', end: '2026-01-31' },
  members,
  quotas: Object.fromEntries(members.map((m) => [m.id, { amount: '1000.00', currency: 'USD' }])),
};
const credit = (m: number, k: number): Credit => ({
  id: `K-${m * PER_MEMBER + k}`,
  dealId: `D-${m * PER_MEMBER + k}`,
  memberId: (members[m] as Member).id,
  kind: 'owner',
  amount: { amount: '10.00', currency: 'USD' },
  date: '2026-01-05',
  measure: 'bookings',
});

describe('IdBytes blocks held by merged statements', () => {
  it('a one-credit summary holds a 64 KiB block for a list of a few bytes', () => {
    const s = summarizeStatements([credit(0, 0)], options);
    const list = s.get('m00000')?.lists[0] as Uint8Array;
    expect(list.byteLength).toBe(5); // count 1, length 3, "K-0"
    // fails: 65,536 bytes held for 5
    expect(list.buffer.byteLength).toBeLessThan(1024);
  });

  it('computeRows (calling thread) over credits grouped by member does not hold a block per chunk', async () => {
    gc();
    const before = process.memoryUsage().arrayBuffers;
    let peak = 0;
    function* rows(): Generator<Credit> {
      for (let m = 0; m < MEMBERS; m++) {
        for (let k = 0; k < PER_MEMBER; k++) yield credit(m, k);
        if (m % 200 === 199) {
          gc();
          peak = Math.max(peak, process.memoryUsage().arrayBuffers - before);
        }
      }
    }
    const run = await computeRows(rows(), {
      kind: 'credits',
      entities: true,
      compute: { statements: options },
      batchSize: PER_MEMBER, // one member a chunk: 2,000 chunks
      workers: 0,
    });
    expect(Object.keys(run.results.statements)).toHaveLength(MEMBERS);
    // after a full collection, 10,000 ids of at most 7 characters: about 90 KB packed. Fails: a 64 KiB block per
    // chunk merged so far is held (about 125 MiB at the end)
    expect(peak).toBeLessThan(16 * 1024 * 1024);
  }, 60_000);
});
