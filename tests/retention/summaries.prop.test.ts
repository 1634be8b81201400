/**
 * The summary protocol's laws for retention's two mergeable results (MRR movements, cohort
 * tables): a summary that went through JSON is accepted exactly; one whose field has the wrong
 * type (a count that came back as a string, an amount as a number), whose field was removed,
 * or that is a summary of another kind is refused with INVALID_SUMMARY by merge and finalize —
 * never merged or finalised into a wrong number.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Subscription } from '../../src/model/subscription.js';
import {
  finalizeCohortRetention,
  finalizeMrrMovements,
  mergeCohortRetention,
  mergeMrrMovements,
  summarizeCohortRetention,
  summarizeMrrMovements,
} from '../../src/retention/index.js';

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const month = (m: number) => ({
  start: `2026-${String(m + 1).padStart(2, '0')}-01`,
  end: `2026-${String(m + 1).padStart(2, '0')}-${DAYS[m]}`,
});
const rowsArb: fc.Arbitrary<Subscription[]> = fc
  .array(
    fc.record({ c: fc.integer({ min: 0, max: 5 }), m: fc.integer({ min: 0, max: 11 }), cents: fc.nat(1_000_000) }),
    { maxLength: 30 },
  )
  .map((rs) =>
    rs.map(({ c, m, cents }, i) => ({
      customerId: `c${c}`,
      subscriptionId: `s${i}`,
      period: month(m),
      mrr: { amount: (cents / 100).toFixed(2), currency: 'USD' },
    })),
  );

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Path = readonly (string | number)[];

/** Every path to a value inside `v` (objects, arrays and leaves), except `skip(path)`. */
function paths(v: Json, skip: (p: Path) => boolean, prefix: Path = []): Path[] {
  const out: Path[] = [];
  if (v !== null && typeof v === 'object') {
    const entries: [string | number, Json][] = Array.isArray(v) ? v.map((x, i) => [i, x]) : Object.entries(v);
    for (const [k, x] of entries) {
      const p = [...prefix, k];
      if (!skip(p)) out.push(p);
      out.push(...paths(x, skip, p));
    }
  }
  return out;
}

/** A copy of `v` with the value at `path` replaced by `f(old)`, or removed when `f` returns `undefined`. */
function edit(v: Json, path: Path, f: (old: Json) => Json | undefined): Json {
  const copy = JSON.parse(JSON.stringify(v)) as Json;
  let parent = copy as Record<string | number, Json>;
  for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, Json>;
  const last = path[path.length - 1] as string | number;
  const next = f(parent[last] as Json);
  if (next === undefined) {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else parent[last] = next;
  return copy;
}

/** A value of another JSON type: a number written as a string, a string as a number, and so on. */
function wrongType(old: Json): Json {
  if (typeof old === 'number') return String(old);
  if (typeof old === 'string') return Number.isNaN(Number(old)) ? 1 : Number(old);
  if (typeof old === 'boolean') return String(old);
  if (old === null) return 0;
  return Array.isArray(old) ? 'x' : [];
}

/** How an error names the field at `path` (`amounts.new`, `cohorts["2026-01"].customers[2]`). */
function render(path: Path): string {
  return path
    .map((k, i) => (typeof k === 'number' ? `[${k}]` : path[i - 1] === 'cohorts' ? `[${JSON.stringify(k)}]` : `.${k}`))
    .join('');
}
const named = (root: string, path: Path) =>
  expect.objectContaining({ code: 'INVALID_SUMMARY', field: `${root}${render(path)}` });
const refused = expect.objectContaining({ code: 'INVALID_SUMMARY', field: expect.stringMatching(/^(summary|a|b)/) });

describe('MRR movement summaries', () => {
  const arb = fc.tuple(rowsArb, fc.integer({ min: 1, max: 11 }), fc.nat(), fc.boolean());
  it('JSON round trip: accepted exactly, by finalize and merge', () => {
    fc.assert(
      fc.property(rowsArb, rowsArb, fc.integer({ min: 1, max: 11 }), (x, y, m) => {
        const o = { period: month(m), currency: 'USD' };
        const a = summarizeMrrMovements(x, o);
        const b = summarizeMrrMovements(y, o);
        const rt = <T>(s: T): T => JSON.parse(JSON.stringify(s)) as T;
        expect(rt(a)).toEqual(a);
        expect(finalizeMrrMovements(rt(a))).toEqual(finalizeMrrMovements(a));
        expect(mergeMrrMovements(rt(a), rt(b))).toEqual(mergeMrrMovements(a, b));
      }),
      { numRuns: 60 },
    );
  });
  it('a field of the wrong type, or removed, is refused (INVALID_SUMMARY naming it) by merge and finalize', () => {
    fc.assert(
      fc.property(arb, ([rows, m, pick, remove]) => {
        const s = summarizeMrrMovements(rows, { period: month(m), currency: 'USD' }) as unknown as Json;
        const all = paths(s, () => false);
        const path = all[pick % all.length] as Path;
        const bad = edit(s, path, remove ? () => undefined : wrongType) as never;
        expect(() => finalizeMrrMovements(bad)).toThrow(remove ? refused : named('summary', path));
        expect(() => mergeMrrMovements(bad, s as never)).toThrow(remove ? refused : named('a', path));
        expect(() => mergeMrrMovements(s as never, bad)).toThrow(remove ? refused : named('b', path));
      }),
      { numRuns: 300 },
    );
  });
  it('a summary of another kind or version is refused', () => {
    const s = summarizeMrrMovements([], { period: month(1), currency: 'USD' });
    const cohort = summarizeCohortRetention([], { currency: 'USD' });
    expect(() => finalizeMrrMovements(cohort as never)).toThrow(
      expect.objectContaining({ code: 'INVALID_SUMMARY', field: 'summary.kind' }),
    );
    expect(() => mergeMrrMovements(s, { ...s, version: 2 } as never)).toThrow(
      expect.objectContaining({ code: 'INVALID_SUMMARY', field: 'b.version' }),
    );
    expect(() => finalizeMrrMovements(null as never)).toThrow(refused);
  });
});

describe('cohort summaries', () => {
  // removing a whole cohort leaves the summary of fewer customers, a valid shape: not a removal this test makes
  const cohortEntry = (p: Path) => p.length === 2 && p[0] === 'cohorts';
  it('JSON round trip: accepted exactly, by finalize and merge', () => {
    fc.assert(
      fc.property(rowsArb, rowsArb, fc.constantFrom('month', 'quarter', 'year') as fc.Arbitrary<'month'>, (x, y, g) => {
        const o = { granularity: g, currency: 'USD', asOf: '2026-12-31' };
        const a = summarizeCohortRetention(x, o);
        const b = summarizeCohortRetention(y, o);
        const rt = <T>(s: T): T => JSON.parse(JSON.stringify(s)) as T;
        expect(rt(a)).toEqual(a);
        expect(finalizeCohortRetention(rt(a), { basis: 'revenue' })).toEqual(
          finalizeCohortRetention(a, { basis: 'revenue' }),
        );
        expect(mergeCohortRetention(rt(a), rt(b))).toEqual(mergeCohortRetention(a, b));
      }),
      { numRuns: 60 },
    );
  });
  it('a field of the wrong type, or removed, is refused (INVALID_SUMMARY naming it) by merge and finalize', () => {
    fc.assert(
      fc.property(
        rowsArb.filter((r) => r.length > 0),
        fc.nat(),
        fc.boolean(),
        (rows, pick, remove) => {
          const s = summarizeCohortRetention(rows, { currency: 'USD', asOf: '2026-12-31' }) as unknown as Json;
          const all = paths(s, remove ? cohortEntry : () => false);
          const path = all[pick % all.length] as Path;
          const bad = edit(s, path, remove ? () => undefined : wrongType) as never;
          expect(() => finalizeCohortRetention(bad)).toThrow(remove ? refused : named('summary', path));
          expect(() => mergeCohortRetention(bad, s as never)).toThrow(remove ? refused : named('a', path));
          expect(() => mergeCohortRetention(s as never, bad)).toThrow(remove ? refused : named('b', path));
        },
      ),
      { numRuns: 300 },
    );
  });
  it('a summary of another kind is refused', () => {
    const m = summarizeMrrMovements([], { period: month(1), currency: 'USD' });
    expect(() => finalizeCohortRetention(m as never)).toThrow(
      expect.objectContaining({ code: 'INVALID_SUMMARY', field: 'summary.kind' }),
    );
  });
});
