/**
 * revops/forecast against plain references: the Monte Carlo pipeline simulation (10,000 deals
 * × 10,000 runs) against the minimal loop with the same draws, and Holt-Winters fits on 10
 * years of monthly data against statsmodels' ExponentialSmoothing on the same series with the
 * same initialisation (recorded by bench/statsmodels/holt-winters.py; this suite needs no Python).
 */
import { createRng } from '../src/core/index.js';
import { holtWinters, simulatePipeline } from '../src/forecast/index.js';
import type { Deal } from '../src/model/deal.js';
import type { BenchCase } from './harness.js';
import recorded from './statsmodels/holt-winters.json';
import { holtWintersSeries, MONTHS } from './statsmodels/series.js';

// ── (a) 10,000 deals simulated 10,000 times ───────────────────────────────────────────────
const DEALS = 10_000;
const RUNS = 10_000;
const SEED = 7;
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
// The reference's inputs, prepared once (the library reads and checks the deals on every call).
const cents = Float64Array.from(deals, (d) => Math.round(Number(d.amount.amount) * 100));
const thresholds = Float64Array.from(deals, (d) => d.probability * 4294967296);
const start = createRng(SEED).state();

/**
 * The minimal loop: core's xoshiro128** stepped inline (the same draws as the library: one
 * 32-bit draw per deal per run, won ⇔ draw < p·2³²), totals in cents, mean, type-1 P10/P50/P90.
 */
function simulateReference(): unknown {
  let [s0, s1, s2, s3] = start;
  const totals = new Float64Array(RUNS);
  let sum = 0;
  for (let r = 0; r < RUNS; r++) {
    let t = 0;
    for (let i = 0; i < DEALS; i++) {
      const x = Math.imul(s1, 5);
      const u = Math.imul((x << 7) | (x >>> 25), 9) >>> 0;
      const k = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= k;
      s3 = (s3 << 11) | (s3 >>> 21);
      if (u < (thresholds[i] as number)) t += cents[i] as number;
    }
    totals[r] = t;
    sum += t;
  }
  totals.sort();
  return [sum / RUNS / 100, totals[RUNS / 10 - 1], totals[RUNS / 2 - 1], totals[(9 * RUNS) / 10 - 1]];
}

// ── (b) Holt-Winters on 120 months, season 12, vs statsmodels (recorded) ─────────────────
const series = holtWintersSeries();
if (JSON.stringify(series) !== JSON.stringify(recorded.series)) {
  throw new Error('bench/statsmodels/holt-winters.json was recorded on another series: re-record it');
}

const REPETITIONS = 9;

/** CPU ms of one call of `fn`: median, min and max over REPETITIONS samples of at least 20 ms. */
function cpuPerCall(fn: () => unknown): { median: number; min: number; max: number; perRepetition: number[] } {
  const cpu = (calls: number): number => {
    const t0 = process.cpuUsage();
    for (let i = 0; i < calls; i++) fn();
    const d = process.cpuUsage(t0);
    return (d.user + d.system) / 1000 / calls;
  };
  // Warm-up: about 100 ms of calls, so that the engine has compiled the fit before it is timed.
  const calls = Math.max(1, Math.min(1000, Math.ceil(20 / Math.max(cpu(1), 0.001))));
  for (let i = 0; i < 5; i++) cpu(calls);
  const perRepetition = Array.from({ length: REPETITIONS }, () => cpu(calls));
  const sorted = [...perRepetition].sort((a, b) => a - b);
  const r3 = (v: number): number => Math.round(v * 1000) / 1000;
  return {
    median: r3(sorted[(REPETITIONS - 1) / 2] as number),
    min: r3(sorted[0] as number),
    max: r3(sorted[REPETITIONS - 1] as number),
    perRepetition,
  };
}

function holtWintersCase(seasonality: 'additive' | 'multiplicative', initialization: 'estimated' | 'heuristic') {
  const sm = recorded.cases.find((c) => c.seasonality === seasonality && c.case === initialization);
  if (sm === undefined) throw new Error(`no recorded statsmodels case ${seasonality} ${initialization}`);
  // statsmodels' fit computes no prediction intervals: neither does this one.
  const fitOnce = () => holtWinters(series, { seasonLength: 12, seasonality, initialization, horizon: 12, levels: [] });
  // Timed reference: one pass of the recursion at statsmodels' fitted parameters and states (one evaluation of
  // the objective); the comparison with statsmodels itself is in `details`.
  const alpha = sm.parameters.alpha;
  const beta = alpha * sm.parameters.betaStar;
  const gamma = sm.parameters.gamma;
  const mult = seasonality === 'multiplicative';
  const onePass = (): number => {
    let l = sm.initial.level;
    let b = sm.initial.trend;
    const s = Float64Array.from(sm.initial.seasonal);
    let sse = 0;
    for (let t = 0; t < MONTHS; t++) {
      const j = t % 12;
      const base = l + b;
      const st = s[j] as number;
      const e = (series[t] as number) - (mult ? base * st : base + st);
      sse += e * e;
      l = base + (mult ? (alpha * e) / st : alpha * e);
      b = b + (mult ? (beta * e) / st : beta * e);
      s[j] = st + (mult ? (gamma * e) / base : gamma * e);
    }
    return sse;
  };
  const smStart = initialization === 'estimated' ? 'estimated states' : 'the same heuristic start, held fixed';
  return {
    name: `holtWinters ${seasonality}, ${initialization} initial states, 120 months: vs statsmodels (${smStart})`,
    size: MONTHS,
    library: fitOnce,
    reference: onePass,
    details: (): Record<string, string | number> => {
      const ours = cpuPerCall(fitOnce);
      const ratios = ours.perRepetition.map((v) => v / sm.cpuMsMedian).sort((a, b) => a - b);
      const r2 = (v: number): number => Math.round(v * 100) / 100;
      const sse = fitOnce().sse;
      return {
        reference: 'one recursion pass (one SSE evaluation) at statsmodels’ parameters',
        statsmodels:
          `${recorded.statsmodels} ExponentialSmoothing.fit(), ` +
          `recorded ${recorded.date} by bench/statsmodels/holt-winters.py`,
        statsmodelsCpuMs: sm.cpuMsMedian,
        statsmodelsCpuMsRange: `${sm.cpuMsMin}–${sm.cpuMsMax}`,
        revopsCpuMs: ours.median,
        revopsCpuMsRange: `${ours.min}–${ours.max}`,
        ratioToStatsmodels: r2(ratios[(REPETITIONS - 1) / 2] as number),
        ratioToStatsmodelsRange: `${r2(ratios[0] as number)}–${r2(ratios[REPETITIONS - 1] as number)}`,
        sse: Math.round(sse * 100) / 100,
        statsmodelsSse: Math.round(sm.sse * 100) / 100,
        sseRatio: Math.round((sse / sm.sse) * 1e6) / 1e6,
      };
    },
  };
}

const holtWintersCases = [
  holtWintersCase('additive', 'estimated'),
  holtWintersCase('additive', 'heuristic'),
  holtWintersCase('multiplicative', 'estimated'),
  holtWintersCase('multiplicative', 'heuristic'),
];

export const cases: BenchCase[] = [
  {
    name: 'simulatePipeline: 10,000 deals × 10,000 runs (seeded draws, totals, mean, P10/P50/P90)',
    size: DEALS * RUNS,
    library: () => simulatePipeline(deals, { runs: RUNS, seed: SEED }),
    reference: simulateReference,
  },
  ...holtWintersCases,
];
