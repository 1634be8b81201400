/**
 * revops/forecast against plain references: the Monte Carlo pipeline simulation (10,000 deals
 * × 10,000 runs) and a Holt-Winters fit with parameter search on 10 years of monthly data.
 */
import { createRng } from '../src/core/index.js';
import { holtWinters, simulatePipeline } from '../src/forecast/index.js';
import type { Deal } from '../src/model/deal.js';
import { keep, type BenchCase } from './harness.js';

// ── (a) 10,000 deals simulated 10,000 times ───────────────────────────────────────────────
const DEALS = 10_000;
const RUNS = 10_000;
const gen = createRng(42);
const deals: Deal[] = [];
for (let i = 0; i < DEALS; i++) {
  const cents = 100_000 + gen.int(50_000_000);
  deals.push({
    id: `d${i}`,
    name: `Deal ${i}`,
    accountId: 'a',
    ownerId: 'o',
    type: 'new',
    amount: { amount: (cents / 100).toFixed(2), currency: 'USD' },
    stage: 'proposal',
    probability: gen.int(101) / 100,
    probabilitySource: 'stage',
    forecastCategory: 'pipeline',
    expectedCloseDate: '2026-03-31',
    createdAt: '2026-01-01T00:00:00Z',
    history: [],
  });
}
const amounts = Float64Array.from(deals, (d) => Number(d.amount.amount));
const probabilities = Float64Array.from(deals, (d) => d.probability);

function simulateLibrary(): void {
  keep(simulatePipeline(deals, { runs: RUNS, seed: 7 }));
}

/** The minimal typed-array loop: the same draws from the same generator, totals, mean, sorted quantiles. */
function simulateReference(): void {
  const rng = createRng(7);
  const totals = new Float64Array(RUNS);
  let sum = 0;
  for (let r = 0; r < RUNS; r++) {
    let t = 0;
    for (let i = 0; i < DEALS; i++) if (rng.next() < (probabilities[i] as number)) t += amounts[i] as number;
    totals[r] = t;
    sum += t;
  }
  totals.sort();
  keep([sum / RUNS, totals[RUNS / 10 - 1], totals[RUNS / 2 - 1], totals[(9 * RUNS) / 10 - 1]]);
}

// ── (b) Holt-Winters fit on 10 years of monthly bookings ─────────────────────────────────
const MONTHS = 120;
const noise = createRng(3);
const series: number[] = [];
for (let t = 0; t < MONTHS; t++) {
  series.push(
    1000 + 8 * t + 150 * Math.sin((2 * Math.PI * t) / 12) + 60 * Math.cos((4 * Math.PI * t) / 12) + 40 * noise.normal(),
  );
}

function hwLibrary(): void {
  keep(holtWinters(series, { seasonLength: 12, horizon: 12 }));
}

/** Plain additive Holt-Winters SSE with the same simple start, minimised by a 10 × 10 × 10 grid search. */
function hwReference(): void {
  const m = 12;
  let l0 = 0;
  for (let i = 0; i < m; i++) l0 += (series[i] as number) / m;
  let b0 = 0;
  for (let i = 0; i < m; i++) b0 += ((series[m + i] as number) - (series[i] as number)) / (m * m);
  const s0 = series.slice(0, m).map((v) => v - l0);
  const sse = (a: number, b: number, g: number): number => {
    let l = l0;
    let tr = b0;
    const s = s0.slice();
    let total = 0;
    for (let t = 0; t < MONTHS; t++) {
      const j = t % m;
      const e = (series[t] as number) - (l + tr + (s[j] as number));
      total += e * e;
      l = l + tr + a * e;
      tr = tr + a * b * e;
      s[j] = (s[j] as number) + g * (1 - a) * e;
    }
    return total;
  };
  let best = Infinity;
  for (let i = 1; i <= 10; i++)
    for (let j = 1; j <= 10; j++) for (let k = 1; k <= 10; k++) best = Math.min(best, sse(i / 11, j / 11, k / 11));
  keep(best);
}

export const cases: BenchCase[] = [
  {
    name: 'simulatePipeline: 10,000 deals × 10,000 runs (seeded draws, totals, mean, P10/P50/P90)',
    size: DEALS * RUNS,
    library: simulateLibrary,
    reference: simulateReference,
  },
  {
    name: 'holtWinters fit (α, β, γ search) on 120 months, season 12, vs a 1,000-point grid search',
    size: MONTHS,
    library: hwLibrary,
    reference: hwReference,
  },
];
