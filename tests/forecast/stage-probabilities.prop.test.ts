import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stageProbabilities } from '../../src/forecast/index.js';
import { wilsonInterval } from '../../src/metrics/index.js';
import type { Deal } from '../../src/model/deal.js';
import { deal, ev, pipeline } from './helpers.js';

const open = ['stage1', 'stage2', 'stage3'];

/** A closed deal that reached open stage `furthest` (0–2) and was won or lost, amount in whole dollars. */
const arbClosed = fc
  .record({ furthest: fc.integer({ min: 0, max: 2 }), won: fc.boolean(), dollars: fc.integer({ min: 0, max: 1e6 }) })
  .map(({ furthest, won, dollars }): Deal => {
    const history = [ev(null, 'stage1')];
    for (let i = 1; i <= furthest; i++) history.push(ev(open[i - 1] as string, open[i] as string));
    history.push(ev(open[furthest] as string, won ? 'won' : 'lost'));
    return deal({ stage: won ? 'won' : 'lost', closeDate: '2026-02-01', history, amount: `${dollars}.00` });
  });

describe('stageProbabilities intervals (laws)', () => {
  it('with equal weights each interval is wilsonInterval(wonCount, reachedCount) of revops/metrics', () => {
    fc.assert(
      fc.property(fc.array(arbClosed, { maxLength: 60 }), fc.double({ min: 0.5, max: 0.999, noNaN: true }), (ds, c) => {
        for (const s of stageProbabilities(ds, { pipeline, confidence: c }).stages) {
          const w = wilsonInterval(s.wonCount, s.reachedCount, { confidence: c });
          expect(s.probability).toBe(w.rate);
          if (w.lower === null) expect([s.lower, s.upper]).toEqual([null, null]);
          else {
            expect(s.lower).toBeCloseTo(w.lower, 12);
            expect(s.upper).toBeCloseTo(w.upper as number, 12);
          }
        }
      }),
    );
  });

  it('any weighting: 0 ≤ lower ≤ probability ≤ upper ≤ 1, and a higher confidence never narrows the interval', () => {
    fc.assert(
      fc.property(fc.array(arbClosed, { maxLength: 40 }), (ds) => {
        const narrow = stageProbabilities(ds, { pipeline, by: 'value', confidence: 0.8 }).stages;
        const wide = stageProbabilities(ds, { pipeline, by: 'value', confidence: 0.99 }).stages;
        narrow.forEach((s, i) => {
          if (s.probability === null) return;
          const [lo, hi] = [s.lower as number, s.upper as number];
          expect(0 <= lo && lo <= s.probability + 1e-12 && s.probability <= hi + 1e-12 && hi <= 1).toBe(true);
          expect(wide[i]?.lower as number).toBeLessThanOrEqual(lo + 1e-12);
          expect(wide[i]?.upper as number).toBeGreaterThanOrEqual(hi - 1e-12);
        });
      }),
    );
  });
});
