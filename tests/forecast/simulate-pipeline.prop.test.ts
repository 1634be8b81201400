import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulatePipeline, weightedPipeline } from '../../src/forecast/index.js';
import { deal } from './helpers.js';

const arbPipeline = fc.array(
  fc.record({
    cents: fc.integer({ min: 1, max: 100_000_000 }),
    p: fc.integer({ min: 0, max: 100 }).map((x) => x / 100),
  }),
  { minLength: 1, maxLength: 12 },
);

const toDeals = (rows: { cents: number; p: number }[]) =>
  rows.map((r) => deal({ amount: (r.cents / 100).toFixed(2), probability: r.p }));

describe('simulatePipeline properties', () => {
  it('the mean converges to the weighted pipeline as runs grow (within 5 standard errors)', () => {
    fc.assert(
      fc.property(arbPipeline, fc.integer(), (rows, seed) => {
        const deals = toDeals(rows);
        const weighted = Number(weightedPipeline(deals).weightedExact.amount);
        // Var of one run = Σ a² p (1 − p) (independent Bernoulli closes, no slip).
        const variance = rows.reduce((s, r) => s + (r.cents / 100) ** 2 * r.p * (1 - r.p), 0);
        for (const runs of [1_000, 16_000]) {
          const sim = simulatePipeline(deals, { runs, seed });
          expect(sim.expected).toBeCloseTo(weighted, 6);
          expect(Math.abs(sim.mean - weighted)).toBeLessThanOrEqual(5 * Math.sqrt(variance / runs) + 1e-6);
        }
      }),
      { seed: 424242, numRuns: 40 },
    );
  });

  it('min ≤ P10 ≤ P50 ≤ P90 ≤ max, and the histogram holds every run', () => {
    fc.assert(
      fc.property(
        arbPipeline,
        fc.integer({ min: 1, max: 3000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer(),
        (rows, runs, slip, seed) => {
          const sim = simulatePipeline(toDeals(rows), { runs, seed, slip });
          expect(sim.min).toBeLessThanOrEqual(sim.p10);
          expect(sim.p10).toBeLessThanOrEqual(sim.p50);
          expect(sim.p50).toBeLessThanOrEqual(sim.p90);
          expect(sim.p90).toBeLessThanOrEqual(sim.max);
          expect(sim.histogram.counts.reduce((s, c) => s + c, 0)).toBe(runs);
        },
      ),
      { seed: 99, numRuns: 100 },
    );
  });

  it('the same seed gives the same result', () => {
    fc.assert(
      fc.property(arbPipeline, fc.oneof(fc.integer(), fc.string()), (rows, seed) => {
        const deals = toDeals(rows);
        expect(simulatePipeline(deals, { runs: 500, seed })).toEqual(simulatePipeline(deals, { runs: 500, seed }));
      }),
      { seed: 5, numRuns: 50 },
    );
  });
});
