import { describe, expect, it } from 'vitest';
import { simulatePipeline } from '../../src/forecast/index.js';
import { createRng } from '../../src/core/index.js';
import { codeOf, deal } from './helpers.js';

// Research S5 (constructed, exact distribution computed by hand): A 100,000 @ 0.5, B 50,000 @ 0.8,
// C 20,000 @ 0.3, independent, no slip ⇒ mean 96,000, variance 2.984e9.
const s5 = [
  deal({ id: 'A', amount: '100000', probability: 0.5 }),
  deal({ id: 'B', amount: '50000', probability: 0.8 }),
  deal({ id: 'C', amount: '20000', probability: 0.3 }),
];

describe('simulatePipeline', () => {
  it('S5: the mean is within 5 standard errors of 96,000 and the spread matches the exact variance', () => {
    const runs = 100_000;
    const sim = simulatePipeline(s5, { runs, seed: 2026 });
    expect(sim.expected).toBe(96_000);
    expect(Math.abs(sim.mean - 96_000)).toBeLessThan(5 * Math.sqrt(2.984e9 / runs));
    // sd of the sample sd ≈ σ·√((κ − 1)/(4n)) is tiny here; 2 % is far outside sampling error.
    expect(Math.abs(sim.standardDeviation / Math.sqrt(2.984e9) - 1)).toBeLessThan(0.02);
    // P90: F(150,000) = 0.88 < 0.9 ≤ F(170,000) = 1 (exact distribution) ⇒ 170,000.
    expect(sim.p90).toBe(170_000);
    expect(sim.max).toBe(170_000);
    expect(sim.min).toBe(0);
  });

  it('quantiles are the smallest simulated total with F(x) ≥ q', () => {
    // One deal of 100 at p = 0.3: F(0) ≈ 0.7, so P10 = P50 = 0 and P90 = 100.
    const sim = simulatePipeline([deal({ amount: '100', probability: 0.3 })], { runs: 20_000, seed: 5 });
    expect([sim.p10, sim.p50, sim.p90]).toEqual([0, 0, 100]);
  });

  it('follows the documented draw order (a plain reference loop over createRng gives the same totals)', () => {
    const deals = [
      deal({ id: 'x', amount: '10.50', probability: 0.4 }),
      deal({ id: 'y', amount: '3', probability: 0.9 }),
      deal({ id: 'z', amount: '7.25', probability: 0.6 }),
    ];
    const runs = 1000;
    const slip = { x: 0.5, z: 0.2 };
    const sim = simulatePipeline(deals, { runs, seed: 'q3', slip, bins: 4 });
    // Reference: run by run, deal by deal; won ⇔ next() < p; a won deal with slip q > 0 draws again, slipped ⇔ next() <
    // q.
    const rng = createRng('q3');
    const totals: number[] = [];
    for (let r = 0; r < runs; r++) {
      let cents = 0;
      for (const [a, p, q] of [
        [1050, 0.4, 0.5],
        [300, 0.9, 0],
        [725, 0.6, 0.2],
      ] as const) {
        if (rng.next() < p && !(q > 0 && rng.next() < q)) cents += a;
      }
      totals.push(cents);
    }
    const sorted = [...totals].sort((a, b) => a - b);
    expect(sim.mean).toBeCloseTo(totals.reduce((s, t) => s + t, 0) / runs / 100, 10);
    expect(sim.p10).toBe((sorted[99] as number) / 100);
    expect(sim.p50).toBe((sorted[499] as number) / 100);
    expect(sim.p90).toBe((sorted[899] as number) / 100);
    expect(sim.histogram.counts.reduce((s, c) => s + c, 0)).toBe(runs);
    expect(sim.histogram.edges).toHaveLength(5);
    expect(sim.expected).toBeCloseTo(10.5 * 0.4 * 0.5 + 3 * 0.9 + 7.25 * 0.6 * 0.8, 12);
  });

  it('a uniform slip moves the expectation to Σ a·p·(1 − q)', () => {
    const sim = simulatePipeline(s5, { runs: 50_000, seed: 9, slip: 0.25 });
    expect(sim.expected).toBeCloseTo(96_000 * 0.75, 6);
    // π = p(1 − q): Var = Σ a²π(1 − π) (independent Bernoulli), by hand.
    const v = [
      [100_000, 0.375],
      [50_000, 0.6],
      [20_000, 0.225],
    ].reduce((s, [a, pi]) => s + (a as number) ** 2 * (pi as number) * (1 - (pi as number)), 0);
    expect(Math.abs(sim.mean - sim.expected)).toBeLessThan(5 * Math.sqrt(v / 50_000));
  });

  it('stage probabilities override deal probabilities; only open deals in the period count', () => {
    const deals = [
      deal({ stage: 'negotiation', amount: '100', probability: 0.1 }),
      deal({ stage: 'negotiation', amount: '100', probability: 0.1, expectedCloseDate: '2026-06-30' }),
      deal({ stage: 'closed-won', amount: '500', probability: 1, closeDate: '2026-01-05' }),
    ];
    const sim = simulatePipeline(deals, {
      runs: 100,
      probabilities: { negotiation: 1 },
      period: { start: '2026-01-01', end: '2026-03-31' },
    });
    expect(sim.deals).toBe(1);
    expect([sim.min, sim.p50, sim.max, sim.mean]).toEqual([100, 100, 100, 100]);
    expect(sim.histogram).toEqual({ edges: [100, 100], counts: [100] });
  });

  it('the same seed gives the same result; another seed another sample', () => {
    const a = simulatePipeline(s5, { runs: 2000, seed: 1 });
    expect(simulatePipeline(s5, { runs: 2000, seed: 1 })).toEqual(a);
    expect(simulatePipeline(s5, { runs: 2000, seed: 2 }).mean).not.toBe(a.mean);
    expect(simulatePipeline(s5, { runs: 2000 })).toEqual(a); // default seed 1
  });

  it('rejects bad options', () => {
    expect(codeOf(() => simulatePipeline(s5, { runs: 0 }))).toBe('INVALID_OPTION');
    expect(codeOf(() => simulatePipeline(s5, { runs: 1.5 }))).toBe('INVALID_OPTION');
    // Not a RangeError from the allocation.
    expect(codeOf(() => simulatePipeline(s5, { runs: 1e10 }))).toBe('INVALID_OPTION');
    expect(codeOf(() => simulatePipeline(s5, { runs: 10, bins: 1e7 }))).toBe('INVALID_OPTION');
    expect(codeOf(() => simulatePipeline(s5, { seed: Number.NaN }))).toBe('INVALID_SEED');
    expect(codeOf(() => simulatePipeline(s5, { slip: 2 }))).toBe('INVALID_RATE');
    expect(codeOf(() => simulatePipeline(s5, { slip: { A: -1 } }))).toBe('INVALID_RATE');
    expect(codeOf(() => simulatePipeline([]))).toBe('INVALID_OPTION');
    expect(simulatePipeline([], { currency: 'USD', runs: 3 }).p90).toBe(0);
  });
});
