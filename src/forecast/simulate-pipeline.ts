/**
 * Monte Carlo simulation of a pipeline: which deals close, and whether they slip out of the
 * period. Seeded, reproducible on every runtime.
 * @module
 */
import { readOptions } from './checks.js';
import type { Deal } from '../model/deal.js';
import type { Pipeline } from '../model/pipeline.js';
import { invalid } from '../core/errors.js';
import { minorUnits, type CurrencyCode } from '../core/currency.js';
import { exactToNumber } from '../core/decimal-text.js';
import { exactRescale } from '../core/exact.js';
import type { Period } from '../core/periods.js';
import { createRng } from '../core/random.js';
import { LIMITS, readFailure } from '../core/read.js';
import {
  checkFraction,
  dealAmount,
  getOwn,
  dealProbability,
  inPeriod,
  readPositiveInteger,
  readArray,
  readCurrency,
  readPeriod,
  readOutcome,
  dealPath,
  duplicateCheck,
  readProbabilityMap,
} from './internal.js';

/** The largest `bins` accepted. */
const MAX_BINS = 1_000_000;

/** Options of {@link simulatePipeline}. */
export interface SimulatePipelineOptions {
  /**
   * Number of simulated periods, an integer from 1 to `LIMITS.runs` (10,000,000: the totals of all
   * runs are kept, 80 MB at that limit, for the quantiles). Default 10,000.
   */
  readonly runs?: number;
  /** Seed of core's `createRng` (a number or a string). Default `1`. */
  readonly seed?: number | string;
  /** Probability by stage id, replacing the deal's own probability for listed stages. Default: each deal's own. */
  readonly probabilities?: Readonly<Record<string, number>>;
  /**
   * Chance that a deal that is won slips out of the period (its close moves later): one
   * fraction for every deal, or a record from deal id to fraction (unlisted deals: 0). Default 0.
   */
  readonly slip?: number | Readonly<Record<string, number>>;
  /** Only open deals whose `expectedCloseDate` lies in this period. Default: every open deal. */
  readonly period?: Period;
  /** The pipeline whose stage kinds decide which deals are open. Default: the default deal pipeline. */
  readonly pipeline?: Pipeline;
  /** Number of equal-width histogram bins between the smallest and largest outcome, up to 1,000,000. Default 20. */
  readonly bins?: number;
  /** Currency, needed only when no deal is included. Default: the first included deal's. */
  readonly currency?: CurrencyCode;
}

/** Result of {@link simulatePipeline}. All amounts are plain numbers in major units (estimates). */
export interface PipelineSimulation {
  readonly runs: number;
  readonly seed: number | string;
  readonly currency: CurrencyCode;
  /** Number of deals simulated. */
  readonly deals: number;
  /** Mean of the simulated period bookings. */
  readonly mean: number;
  /** Sample standard deviation (n − 1) of the simulated bookings. */
  readonly standardDeviation: number;
  /** Analytic expectation Σ amountᵢ · pᵢ · (1 − slipᵢ), which `mean` estimates. */
  readonly expected: number;
  /** 10th, 50th and 90th percentiles: the smallest simulated total x with F(x) ≥ q. */
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
  readonly min: number;
  readonly max: number;
  /** `counts[k]` runs fell in [edges[k], edges[k+1]) (the last bin includes its upper edge). */
  readonly histogram: { readonly edges: readonly number[]; readonly counts: readonly number[] };
}

/**
 * The `q`-quantile of ascending `sorted` values by the inverse empirical CDF: the smallest x
 * with F(x) ≥ q, F(x) = #{values ≤ x}/n (Hyndman & Fan type 1). `q` is given in hundredths.
 */
function quantileType1(sorted: Float64Array, hundredths: number): number {
  const n = sorted.length;
  // ceil(n·q) computed from integers: n·hundredths is exact, one division rounds correctly.
  const k = Math.max(1, Math.ceil((n * hundredths) / 100));
  return sorted[k - 1] as number;
}

/**
 * The hot loop: `totals[r]` = Σ amounts of deals won and not slipped in run r. The draws are
 * core's xoshiro128** stream (the same as `createRng(seed).nextUint32()`, continued from
 * `rng.state()`), stepped inline on local 32-bit words so the engine keeps them in registers.
 */
function drawTotals(
  state: readonly [number, number, number, number],
  amounts: Float64Array,
  win: Float64Array,
  slip: Float64Array,
  totals: Float64Array,
): void {
  let s0 = state[0] | 0;
  let s1 = state[1] | 0;
  let s2 = state[2] | 0;
  let s3 = state[3] | 0;
  const n = amounts.length;
  const runs = totals.length;
  for (let r = 0; r < runs; r++) {
    let t = 0;
    for (let i = 0; i < n; i++) {
      // xoshiro128** output and state update (Blackman & Vigna 2018), as in core/random.ts.
      let x = Math.imul(s1, 5);
      let u = Math.imul((x << 7) | (x >>> 25), 9) >>> 0;
      let k = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= k;
      s3 = (s3 << 11) | (s3 >>> 21);
      if (u < (win[i] as number)) {
        const q = slip[i] as number;
        if (q !== 0) {
          x = Math.imul(s1, 5);
          u = Math.imul((x << 7) | (x >>> 25), 9) >>> 0;
          k = s1 << 9;
          s2 ^= s0;
          s3 ^= s1;
          s1 ^= s2;
          s0 ^= s3;
          s2 ^= k;
          s3 = (s3 << 11) | (s3 >>> 21);
          if (u < q) continue;
        }
        t += amounts[i] as number;
      }
    }
    totals[r] = t;
  }
}

/**
 * Simulates the period's bookings from the open pipeline, `runs` times: each deal is won with
 * probability pᵢ and, if won, slips out of the period with probability qᵢ; a run's total is
 * the sum of the amounts of deals won and not slipped. Returns the mean, P10/P50/P90 and a
 * histogram.
 *
 * Reproducibility: the draws come from core's `createRng(seed)` (xoshiro128**, 32-bit integer
 * arithmetic, the same on every runtime), in this fixed order: run by run, deal by deal in
 * input order, one draw u for "won" (won ⇔ u < pᵢ, u = nextUint32/2³²) and, only for a won
 * deal with qᵢ > 0, a second draw for "slipped" (slipped ⇔ u′ < qᵢ).
 *
 * Estimates, not money: amounts go into a Float64Array in minor units (exact integers while
 * totals stay below 2⁵³ minor units, so each run's total is exact), and results are plain
 * numbers in major units. Quantiles use the inverse empirical CDF (smallest simulated total
 * x with F(x) ≥ q), so they are always totals that occurred. The mean converges to
 * Σ aᵢpᵢ(1 − qᵢ) with standard error √(Σ aᵢ²πᵢ(1 − πᵢ)/runs), πᵢ = pᵢ(1 − qᵢ).
 *
 * Which deals: open ones (the kind of their stage in `options.pipeline` is `open`, revops/model's
 * `dealOutcome`) whose `expectedCloseDate` lies in `options.period`; the same deal id twice is
 * refused (`DUPLICATE_ID`).
 *
 * @param deals - the deals (closed deals and those outside the period are ignored).
 * @param options - see {@link SimulatePipelineOptions}.
 * @returns a {@link PipelineSimulation}.
 * @throws {RevopsError} `INVALID_INPUT` when `deals` is not an array of deals, or a deal's stage is not in the
 *   pipeline.
 * @throws {RevopsError} `DUPLICATE_ID` when two simulated deals have the same id (naming both positions).
 * @throws {RevopsError} `INVALID_RATE` for a probability or slip outside [0, 1].
 * @throws {RevopsError} `INVALID_OPTION` for runs or bins that are not positive integers, runs above 10,000,000, bins
 *   above 1,000,000, a malformed map, or no currency with no deals.
 * @throws {RevopsError} `INVALID_SEED` for a seed that is not a finite number or a string.
 * @throws {RevopsError} `INVALID_PERIOD` for a period that ends before it starts.
 * @throws {RevopsError} `INVALID_DATE` for a malformed `expectedCloseDate` of a deal compared with the period.
 * @throws {RevopsError} `CURRENCY_MISMATCH` when deals use different currencies.
 * @throws {RevopsError} `UNKNOWN_CURRENCY` for an unknown currency code.
 * @throws {RevopsError} `INVALID_AMOUNT` for a malformed amount, or one beyond 2^53 − 1 minor units in absolute
 *   value (90,071,992,547,409.91 USD).
 * @example
 * ```ts
 * import { simulatePipeline } from 'revops/forecast';
 * const d = (id: string, amount: string, probability: number) => ({ id, stage: 'proposal', probability,
 *   amount: { amount, currency: 'USD' }, expectedCloseDate: '2026-03-31' });
 * const deals = [d('a', '100000', 0.5), d('b', '50000', 0.8), d('c', '20000', 0.3)];
 * const sim = simulatePipeline(deals, { runs: 20000, seed: 7 });
 * sim.expected;
 * //=> 96000
 * Math.abs(sim.mean - sim.expected) < 5 * Math.sqrt(2.984e9 / 20000);
 * //=> true
 * sim.p10 <= sim.p50 && sim.p50 <= sim.p90;
 * //=> true
 * ```
 */
export function simulatePipeline(deals: readonly Deal[], options: SimulatePipelineOptions = {}): PipelineSimulation {
  try {
    const o = readOptions(options);
    readArray(deals, 'deals');
    const runs = readPositiveInteger(o.runs ?? 10_000, 'options.runs', LIMITS.runs);
    const bins = readPositiveInteger(o.bins ?? 20, 'options.bins', MAX_BINS);
    const seed = o.seed ?? 1;
    const probabilities = readProbabilityMap(o.probabilities, 'options.probabilities');
    const window = readPeriod(o.period, 'options.period');
    const outcome = readOutcome(o.pipeline);
    const ids = duplicateCheck();
    const slip = o.slip ?? 0;
    let slipMap: Readonly<Record<string, number>> | undefined;
    if (typeof slip === 'number') checkFraction(slip, 'options.slip');
    else if (typeof slip === 'object' && slip !== null && !Array.isArray(slip)) {
      for (const [id, q] of Object.entries(slip)) checkFraction(q, `options.slip.${id}`);
      slipMap = slip;
    } else
      throw invalid('INVALID_OPTION', 'options.slip', slip, 'must be a fraction or a record from deal id to fraction');
    const rng = createRng(seed);
    let currency = readCurrency(o.currency, 'options.currency');

    // Gather the included deals into typed arrays: amount (minor units), win and slip thresholds.
    const amountsList: number[] = [];
    const winList: number[] = [];
    const slipList: number[] = [];
    let expectedMinor = 0;
    for (let i = 0; i < deals.length; i++) {
      const deal = deals[i] as Deal;
      if (typeof deal !== 'object' || deal === null)
        throw invalid('INVALID_INPUT', `deals[${i}]`, deal, 'must be a deal');
      const path = dealPath(i, deal);
      if (outcome(deal, path) !== 'open' || !inPeriod(window, deal.expectedCloseDate, `${path}.expectedCloseDate`)) {
        continue;
      }
      ids.check(deal, i);
      const m = dealAmount(deal, path, currency);
      currency = m.currency;
      const digits = minorUnits(currency);
      const units = m.x.scale <= digits ? Number(exactRescale(m.x, digits)) : exactToNumber(m.x) * 10 ** digits;
      if (!(Math.abs(units) <= Number.MAX_SAFE_INTEGER)) {
        const why = 'must be at most 2^53 − 1 minor units in absolute value (the simulation adds amounts as numbers)';
        throw invalid('INVALID_AMOUNT', `${path}.amount.amount`, (deal.amount as { amount?: unknown }).amount, why);
      }
      const p = dealProbability(deal, probabilities, path);
      const q = slipMap === undefined ? (slip as number) : (getOwn(slipMap, deal.id) ?? 0);
      amountsList.push(units);
      // u32 / 2^32 < p  ⇔  u32 < p · 2^32 (exact: a power-of-two scaling).
      winList.push(p * 4294967296);
      slipList.push(q * 4294967296);
      expectedMinor += units * p * (1 - q);
    }
    if (currency === undefined)
      throw invalid('INVALID_OPTION', 'options.currency', undefined, 'is required when no deal is included');
    const n = amountsList.length;
    const amounts = Float64Array.from(amountsList);
    const win = Float64Array.from(winList);
    const slipThreshold = Float64Array.from(slipList);
    const totals = new Float64Array(runs);
    drawTotals(rng.state(), amounts, win, slipThreshold, totals);

    const scale = 10 ** minorUnits(currency);
    let sum = 0;
    for (let r = 0; r < runs; r++) sum += totals[r] as number;
    const meanMinor = sum / runs;
    let ss = 0;
    for (let r = 0; r < runs; r++) {
      const d = (totals[r] as number) - meanMinor;
      ss += d * d;
    }
    const sd = runs > 1 ? Math.sqrt(ss / (runs - 1)) : 0;
    totals.sort();
    const min = totals[0] as number;
    const max = totals[runs - 1] as number;
    const counts = new Array<number>(max > min ? bins : 1).fill(0);
    const width = (max - min) / counts.length;
    for (let r = 0; r < runs; r++) {
      const v = totals[r] as number;
      const k = width === 0 ? 0 : Math.min(counts.length - 1, Math.floor((v - min) / width));
      counts[k] = (counts[k] as number) + 1;
    }
    const edges: number[] = [];
    for (let k = 0; k <= counts.length; k++) edges.push((k === counts.length ? max : min + k * width) / scale);
    return {
      runs,
      seed,
      currency,
      deals: n,
      mean: meanMinor / scale,
      standardDeviation: sd / scale,
      expected: expectedMinor / scale,
      p10: quantileType1(totals, 10) / scale,
      p50: quantileType1(totals, 50) / scale,
      p90: quantileType1(totals, 90) / scale,
      min: min / scale,
      max: max / scale,
      histogram: { edges, counts },
    };
  } catch (thrown) {
    throw readFailure(thrown, { deals, options });
  }
}
