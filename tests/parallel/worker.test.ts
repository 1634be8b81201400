/**
 * What a worker thread gives back: a result whose statements hold packed id bytes is marked to be
 * moved with those blocks (piscina's transfer list); were it posted as it is, its copy is still the
 * result.
 */
import { transferableSymbol, valueSymbol } from 'piscina';
import { describe, expect, it } from 'vitest';
import type { Credit } from '../../src/model/index.js';
import { unpackIds } from '../../src/parallel/id-lists.js';
import { summarizeStatements, type StatementsSummary } from '../../src/parallel/statements.js';
import type { TaskResult } from '../../src/parallel/task.js';
import { moved } from '../../src/parallel/worker.js';
import { ownerCredit, ratePlanOptions } from './rate-plan.js';

const options = ratePlanOptions(['m1']);
const credit = (id: string): Credit => ownerCredit(id, 'm1');
const result = (summaries: Record<string, unknown>): TaskResult => ({
  read: 3,
  chunks: 1,
  imported: 3,
  rejected: 0,
  rejections: [],
  warnings: [],
  summaries,
  ids: null,
  edges: null,
});

describe('moved', () => {
  it('marks the blocks of the packed id lists, and the result is the value posted', () => {
    const statements = summarizeStatements([credit('K-2'), credit('K-1'), credit('K-3')], options);
    const r = result({ statements });
    const out = moved(r) as unknown as Record<symbol, unknown>;
    const buffers = out[transferableSymbol] as ArrayBuffer[];
    const list = (statements.get('m1')?.lists[0] ?? []) as Uint8Array;
    expect(list).toBeInstanceOf(Uint8Array);
    expect(buffers).toEqual([list.buffer]);
    expect(out[valueSymbol]).toBe(r);
    // posted as it is (not taken as moved): the copy has every field of the result, none of the marks
    const copy = structuredClone(out) as unknown as TaskResult;
    expect(Object.getOwnPropertySymbols(copy)).toEqual([]);
    expect(copy).toEqual(structuredClone(r));
    // posted as piscina posts a moved value: the value, its blocks transferred
    const posted = structuredClone(out[valueSymbol] as TaskResult, { transfer: buffers });
    expect(
      unpackIds(((posted.summaries['statements'] as StatementsSummary).get('m1')?.lists[0] ?? []) as Uint8Array),
    ).toEqual(['K-1', 'K-2', 'K-3']);
  });

  it('gives a result without buffers back as it is', () => {
    const r = result({ winRate: { won: 1 } });
    expect(moved(r)).toBe(r);
    const empty = result({ statements: new Map() });
    expect(moved(empty)).toBe(empty);
  });
});
