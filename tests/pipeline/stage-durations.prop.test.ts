/**
 * Laws of the stage-duration summaries: any split of the entities, summarised chunk by chunk
 * and merged in any order, finalises to exactly the whole-data answer; the answer does not
 * depend on the order of the entities; cumulative counts never exceed visit counts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  defaultDealPipeline,
  finalizeStageDurations,
  mergeStageDurations,
  stageDurations,
  summarizeStageDurations,
} from '../../src/pipeline/index.js';

const STAGES = defaultDealPipeline.stages.map((s) => s.id);
const T0 = Date.parse('2026-01-01T00:00:00Z');

/** A random history: stage ids and gaps (ms) — durations only need stages and times. */
const entityArb = fc
  .array(fc.record({ stage: fc.constantFrom(...STAGES), gapMs: fc.integer({ min: 0, max: 40 * 86_400_000 }) }), {
    minLength: 1,
    maxLength: 8,
  })
  .map((steps) => {
    let t = T0;
    return steps.map((s, i) => {
      t += s.gapMs;
      return {
        from: i === 0 ? null : steps[i - 1]!.stage,
        to: s.stage,
        at: new Date(t).toISOString(),
        actorId: 'u',
        roleId: 'account-executive',
      };
    });
  });
const entitiesArb = fc
  .array(entityArb, { maxLength: 30 })
  .map((hs) => hs.map((history, i) => ({ id: `e${i}`, history })));

describe('stage duration summaries', () => {
  it.each(['cumulative', 'visit'] as const)('%s: split + merge (any order, through JSON) = whole', (mode) => {
    fc.assert(
      fc.property(entitiesArb, fc.array(fc.nat(), { maxLength: 5 }), fc.boolean(), (entities, cuts, reverse) => {
        const points = [...new Set(cuts.map((c) => c % (entities.length + 1)))].sort((a, b) => a - b);
        const chunks: (typeof entities)[] = [];
        let prev = 0;
        for (const p of [...points, entities.length]) {
          chunks.push(entities.slice(prev, p));
          prev = p;
        }
        let summaries = chunks.map(
          (c) =>
            JSON.parse(
              JSON.stringify(summarizeStageDurations(c, { pipeline: defaultDealPipeline, mode })),
            ) as ReturnType<typeof summarizeStageDurations>,
        );
        if (reverse) summaries = summaries.reverse();
        const merged = summaries.reduce((a, b) => mergeStageDurations(a, b));
        expect(finalizeStageDurations(merged)).toEqual(
          stageDurations(entities, { pipeline: defaultDealPipeline, mode }),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('does not depend on entity order; cumulative counts ≤ visit counts; no NaN', () => {
    fc.assert(
      fc.property(entitiesArb, (entities) => {
        const a = stageDurations(entities, { pipeline: defaultDealPipeline });
        expect(stageDurations([...entities].reverse(), { pipeline: defaultDealPipeline })).toEqual(a);
        const v = stageDurations(entities, { pipeline: defaultDealPipeline, mode: 'visit' });
        a.forEach((s, i) => {
          expect(s.count).toBeLessThanOrEqual(v[i]!.count);
          for (const x of [s.meanDays, s.medianDays, s.p90Days])
            expect(x === null || (Number.isFinite(x) && x >= 0)).toBe(true);
          if (s.count > 0) expect(s.medianDays!).toBeLessThanOrEqual(s.p90Days!);
        });
      }),
      { numRuns: 200 },
    );
  });
});
