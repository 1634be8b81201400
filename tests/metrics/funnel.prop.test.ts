import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { funnel } from '../../src/metrics/funnel.js';
import { summarizeFunnel } from '../../src/metrics/funnel-count.js';
import { finalizeFunnel, mergeFunnel } from '../../src/metrics/funnel-summary.js';
import { pipeline, walker } from './fixtures.js';

const STAGES = ['a', 'b', 'c', 'won', 'lost'];
const entity = fc
  .record({
    path: fc.array(fc.constantFrom(...STAGES), { minLength: 1, maxLength: 6 }),
    day: fc.integer({ min: 1, max: 28 }),
    month: fc.constantFrom('01', '02', '03'),
    owner: fc.constantFrom('ann', 'bob', 'cy'),
    team: fc.option(fc.constantFrom('t1', 't2'), { nil: undefined }),
  })
  .map(({ path, day, month, owner, team }) =>
    walker(path, `2026-${month}-${String(day).padStart(2, '0')}`, owner, team === undefined ? {} : { teamId: team }),
  );
const options = fc.record({
  mode: fc.constantFrom('cohort' as const, 'period' as const),
  groupBy: fc.constantFrom(undefined, 'ownerId' as const, 'teamId' as const),
  period: fc.constantFrom(undefined, { start: '2026-02-01', end: '2026-02-28' }),
});

describe('funnel laws', () => {
  it('any split, summarised and merged in any order, equals the whole exactly', () => {
    fc.assert(
      fc.property(
        fc.array(entity, { maxLength: 40 }),
        fc.array(fc.nat(), { maxLength: 5 }),
        options,
        (all, cuts, opts) => {
          const o = Object.fromEntries(Object.entries(opts).filter(([, v]) => v !== undefined));
          const points = [...new Set(cuts.map((c) => c % (all.length + 1)))].sort((x, y) => x - y);
          const chunks: (typeof all)[] = [];
          let start = 0;
          for (const p of [...points, all.length]) {
            chunks.push(all.slice(start, p));
            start = p;
          }
          const summaries = chunks.map((c) => summarizeFunnel(c, { pipeline: pipeline, ...o }));
          const merged = summaries.reduceRight((acc, s) => mergeFunnel(s, acc));
          expect(finalizeFunnel(JSON.parse(JSON.stringify(merged)))).toEqual(funnel(all, { pipeline: pipeline, ...o }));
        },
      ),
    );
  });
  it('in cohort mode, reached never grows along the funnel and overall = Π stage conversions', () => {
    fc.assert(
      fc.property(fc.array(entity, { maxLength: 40 }), (all) => {
        const f = funnel(all, { pipeline });
        const r = f.rows.map((x) => x.reached);
        for (let i = 1; i < r.length; i++) expect(r[i] as number).toBeLessThanOrEqual(r[i - 1] as number);
        if ((r[3] as number) > 0) {
          const product = f.rows.slice(1).reduce((p, x) => p * (x.conversionFromPrevious as number), 1);
          expect(Math.abs(product - (f.overall as number))).toBeLessThan(1e-12);
        }
        expect(f.won + f.lost + (f.open as number)).toBe(f.entities);
      }),
    );
  });
  it('does not mutate its input', () => {
    fc.assert(
      fc.property(fc.array(entity, { maxLength: 10 }), (all) => {
        const copy = structuredClone(all);
        funnel(all, { pipeline, groupBy: 'ownerId', mode: 'period' });
        expect(all).toEqual(copy);
      }),
    );
  });
});
