/**
 * Historical stage probabilities: the chance that a deal in a stage is eventually won,
 * learned from closed deals' stage histories.
 * @module
 */
import type { Deal } from '../model/deal.js';
import type { Pipeline } from '../model/pipeline.js';
import { describeValue, invalid } from '../core/errors.js';
import { assertIsoDate, type IsoDate } from '../core/dates.js';
import { quarterOf } from '../core/periods.js';
import { assertSameCurrency, readMoneyExact } from '../core/money.js';
import { exactToNumber } from '../core/decimal-text.js';
import type { RateValue } from '../core/ratio.js';
import { criticalValue } from '../core/normal.js';
import { wilsonBoundsOfRate } from '../core/wilson.js';
import type { StageEvent } from '../model/stage-event.js';
import { duplicateCheck, readArray, readOutcome, setOwn } from './internal.js';
import { readFailure } from '../core/read.js';

/** Options of {@link stageProbabilities}. */
export interface StageProbabilitiesOptions {
  /** The deal pipeline: its stage order and which stages are won, lost or open. Required. */
  readonly pipeline: Pipeline;
  /** `'count'` (default): each deal weighs 1; `'value'`: each deal weighs its amount. */
  readonly by?: 'count' | 'value';
  /**
   * Half-life of a deal's weight, in calendar quarters: a deal closed k quarters before the
   * quarter of `asOf` weighs 2^(−k / halfLifeQuarters). Default: no recency weighting.
   */
  readonly halfLifeQuarters?: number;
  /** The date the estimate is made; required with `halfLifeQuarters`. Deals closed after it are ignored. */
  readonly asOf?: IsoDate;
  /** Confidence of each probability's interval, strictly between 0 and 1. Default `0.95`. */
  readonly confidence?: number;
}

/** One open stage's historical win probability. */
export interface StageProbability {
  readonly stage: string;
  /** won ÷ reached (weighted), or `null` when no closed deal reached the stage. */
  readonly probability: RateValue;
  /**
   * Lower bound of the Wilson interval of `probability` at `confidence` over `effectiveCount`
   * deals (0 exactly when none was won); `null` with no data.
   */
  readonly lower: RateValue;
  /** Upper bound of that interval (1 exactly when every deal was won); `null` with no data. */
  readonly upper: RateValue;
  /** Weighted number (or value) of closed deals that reached the stage. */
  readonly reached: number;
  /** Weighted number (or value) of those that were won. */
  readonly won: number;
  /** Unweighted number of closed deals that reached the stage. */
  readonly reachedCount: number;
  /** Unweighted number of those that were won. */
  readonly wonCount: number;
  /**
   * Kish's effective number of deals behind the rate, (Σw)² ÷ Σw²: `reachedCount` when every
   * deal weighs the same (`by: 'count'`, no half-life), fewer when weights differ; 0 with no data.
   */
  readonly effectiveCount: number;
}

/** Result of {@link stageProbabilities}. */
export interface StageProbabilities {
  /** One entry per open stage, in pipeline order. */
  readonly stages: readonly StageProbability[];
  /**
   * Stage id → probability, ready for `weightedPipeline`/`simulatePipeline`'s `probabilities`
   * option: the learned rate of each open stage that has data, 1 for won stages, 0 for lost ones.
   */
  readonly probabilities: Readonly<Record<string, number>>;
  /** Closed deals used. */
  readonly closedDeals: number;
  /** Deals ignored because they are still open (right-censored) or closed after `asOf`. */
  readonly ignoredDeals: number;
  /** The confidence of the intervals, e.g. 0.95. */
  readonly confidence: number;
}

/** Calendar quarters since year 0 of the quarter containing `date` (core's `quarterOf`; throws `INVALID_DATE`). */
function quarterIndex(date: string, field: string): number {
  const q = quarterOf(assertIsoDate(date, field));
  return q.fiscalYear * 4 + q.quarter - 1;
}

/**
 * The historical probability that a deal in each open stage is eventually won:
 * p(s) = Σ w·[won and reached s] ÷ Σ w·[reached s] over **closed** deals (Sightfull's
 * "win rate by stage"; the reached-stage counting of Odoo's predictive lead scoring).
 *
 * Counting rules (documented choices):
 * - Reached: a closed deal reached every open stage whose pipeline order is at or before the
 *   furthest stage it ever entered (its history's `from`/`to` and its current stage; lost
 *   stages excluded). A deal that skipped a stage therefore counts as having passed it; a
 *   won deal has reached every open stage before its won stage; a lost deal with no open
 *   stage on record counts as having reached the first open stage.
 * - Closed = its current stage is a won or lost stage of `pipeline`; open deals are
 *   right-censored and ignored (they bias nothing they have not finished).
 * - Weights: 1 per deal (`by: 'count'`) or its amount as a number (`by: 'value'`), times the
 *   recency weight 2^(−k/h) with k = calendar quarters from the deal's close quarter to the
 *   quarter of `asOf` and h = `halfLifeQuarters`. The close date is `closeDate`, else the
 *   date of its last stage event as written in that instant (its own UTC offset: the event
 *   `2026-03-31T23:30:00-08:00` is dated 2026-03-31, in Q1).
 * - Open, won and lost: the kind of the deal's current stage, decided by revops/model's
 *   `dealOutcomeOf` (the one definition every module uses); `closeDate` only dates a deal.
 * - Intervals: each probability carries the Wilson score interval (Wilson 1927; Newcombe 1998,
 *   Stat Med 17:857–872) at `confidence`, the interval of revops/metrics' `wilsonInterval`,
 *   computed over Kish's effective number of deals n = (Σw)² ÷ Σw² (Kish 1965, *Survey
 *   Sampling*): with equal weights n is the count and the interval is exactly
 *   `wilsonInterval(wonCount, reachedCount)`; unequal weights (by value, by recency) give a
 *   smaller n and a wider interval. A stage no closed deal reached has `null` bounds.
 *
 * @param history - closed (and open) deals with their stage histories.
 * @param options - see {@link StageProbabilitiesOptions}.
 * @returns {@link StageProbabilities}; probabilities are fractions, `null` with no data.
 * @throws {RevopsError} `INVALID_INPUT` when `history` is not an array of deals, or a deal's stage is not in the
 *   pipeline, or a deal without any date is weighted by recency.
 * @throws {RevopsError} `INVALID_OPTION` for missing options or pipeline, a pipeline whose stages repeat an id or
 *   lack an id or kind, an unknown `by`, a non-positive half-life or a half-life without `asOf`.
 * @throws {RevopsError} `INVALID_RATE` for a `confidence` outside (0, 1).
 * @throws {RevopsError} `DUPLICATE_ID` when two deals share an id (a deal is counted once).
 * @throws {RevopsError} `INVALID_DATE` for a malformed `asOf`, or a malformed close date of a deal weighted by recency.
 * @throws {RevopsError} `INVALID_AMOUNT` for a negative amount with `by: 'value'` (a weight cannot be negative).
 * @throws {RevopsError} `CURRENCY_MISMATCH` when `by: 'value'` meets deals in different currencies.
 * @example
 * ```ts
 * import { stageProbabilities } from 'revops/forecast';
 * const stage = (id: string, kind: string, probability: number, forecastCategory: string) =>
 *   ({ id, name: id, kind, probability, forecastCategory, requiredFields: [] });
 * const pipeline = { id: 'p', name: 'Deals', entity: 'deal', transitions: [], handoffStages: [], stages: [
 *   stage('discovery', 'open', 0.1, 'pipeline'), stage('proposal', 'open', 0.5, 'bestCase'),
 *   stage('won', 'won', 1, 'closed'), stage('lost', 'lost', 0, 'omitted'),
 * ] };
 * const ev = (from: string | null, to: string) =>
 *   ({ from, to, at: '2026-01-05T10:00:00Z', actorId: 'u', roleId: 'ae' });
 * const deals = [
 *   { stage: 'won', history: [ev(null, 'discovery'), ev('discovery', 'proposal'), ev('proposal', 'won')] },
 *   { stage: 'lost', history: [ev(null, 'discovery'), ev('discovery', 'proposal'), ev('proposal', 'lost')] },
 *   { stage: 'lost', history: [ev(null, 'discovery'), ev('discovery', 'lost')] },
 * ];
 * const learned = stageProbabilities(deals, { pipeline });
 * learned.probabilities;
 * //=> { discovery: 1 / 3, proposal: 0.5, won: 1, lost: 0 }
 * // The Wilson interval of 1 won of 3 (statsmodels proportion_confint(1, 3, method='wilson')):
 * const d = learned.stages[0]!;
 * [d.wonCount, d.reachedCount, d.lower!.toFixed(4), d.upper!.toFixed(4)];
 * //=> [1, 3, '0.0615', '0.7923']
 * ```
 */
export function stageProbabilities(history: readonly Deal[], options: StageProbabilitiesOptions): StageProbabilities {
  try {
    readArray(history, 'history');
    if (typeof options !== 'object' || options === null)
      throw invalid('INVALID_OPTION', 'options', options, 'must be an options object with a pipeline');
    const pipeline = options.pipeline;
    if (typeof pipeline !== 'object' || pipeline === null || !Array.isArray(pipeline.stages)) {
      throw invalid('INVALID_OPTION', 'options.pipeline', pipeline, 'must be a pipeline definition');
    }
    const by = options.by ?? 'count';
    if (by !== 'count' && by !== 'value')
      throw invalid('INVALID_OPTION', 'options.by', by, "must be 'count' or 'value'");
    const confidence = options.confidence ?? 0.95;
    if (typeof confidence !== 'number' || !(confidence > 0 && confidence < 1))
      throw invalid('INVALID_RATE', 'options.confidence', confidence, 'must be a fraction strictly between 0 and 1');
    const half = options.halfLifeQuarters;
    let asOfQuarter = 0;
    if (half !== undefined) {
      if (typeof half !== 'number' || !Number.isFinite(half) || half <= 0) {
        throw invalid('INVALID_OPTION', 'options.halfLifeQuarters', half, 'must be a positive number of quarters');
      }
      if (options.asOf === undefined)
        throw invalid('INVALID_OPTION', 'options.asOf', undefined, 'is required with halfLifeQuarters');
    }
    if (options.asOf !== undefined) {
      assertIsoDate(options.asOf, 'options.asOf');
      asOfQuarter = quarterIndex(options.asOf, 'options.asOf');
    }
    const stageList = readStages(pipeline);
    const outcome = readOutcome(pipeline);
    const order = new Map<string, number>();
    const openIdx: number[] = [];
    for (let i = 0; i < stageList.length; i++) {
      const s = stageList[i] as StageFacts;
      order.set(s.id, i);
      if (s.kind === 'open') openIdx.push(i);
    }
    const firstOpen = openIdx[0] ?? 0;
    const n = stageList.length;
    const reached = new Float64Array(n);
    const reachedSq = new Float64Array(n);
    const won = new Float64Array(n);
    const reachedCount = new Float64Array(n);
    const wonCount = new Float64Array(n);
    let closedDeals = 0;
    let ignored = 0;
    let valueCurrency: string | undefined;
    const stageIndex = (id: unknown, field: string): number => {
      const i = typeof id === 'string' ? order.get(id) : undefined;
      if (i === undefined)
        throw invalid('INVALID_INPUT', field, id, `must be a stage of pipeline ${describeValue(pipeline.id)}`);
      return i;
    };
    const ids = duplicateCheck();
    for (let d = 0; d < history.length; d++) {
      const deal = history[d] as Deal;
      if (typeof deal !== 'object' || deal === null)
        throw invalid('INVALID_INPUT', `history[${d}]`, deal, 'must be a deal');
      ids.check(deal, d);
      const kind = outcome(deal, `history[${d}]`);
      const events = readArray(deal.history ?? [], `history[${d}].history`);
      const lastEvent = events[events.length - 1];
      const closeDate =
        deal.closeDate ?? (lastEvent === undefined ? undefined : eventDate(lastEvent, d, events.length));
      if (kind === 'open' || (options.asOf !== undefined && closeDate !== undefined && closeDate > options.asOf)) {
        ignored++;
        continue;
      }
      let weight = 1;
      if (by === 'value') {
        const m = readMoneyExact(deal.amount, `history[${d}].amount`);
        if (valueCurrency === undefined) valueCurrency = m.currency;
        else assertSameCurrency(valueCurrency, m.currency, `history[${d}].amount`);
        if (m.x.int < 0)
          throw invalid(
            'INVALID_AMOUNT',
            `history[${d}].amount`,
            deal.amount.amount,
            'must not be negative when deals are weighted by value',
          );
        weight = exactToNumber(m.x);
      }
      if (half !== undefined) {
        if (closeDate === undefined)
          throw invalid(
            'INVALID_INPUT',
            `history[${d}].closeDate`,
            undefined,
            'is needed for recency weighting (no close date and no history)',
          );
        const field =
          deal.closeDate === undefined ? `history[${d}].history[${events.length - 1}].at` : `history[${d}].closeDate`;
        weight *= 2 ** (-(asOfQuarter - quarterIndex(closeDate, field)) / half);
      }
      let furthest = -1;
      const visit = (id: string | null, field: string): void => {
        if (id === null) return;
        const i = stageIndex(id, field);
        if ((stageList[i] as StageFacts).kind !== 'lost' && i > furthest) furthest = i;
      };
      visit(deal.stage, `history[${d}].stage`);
      for (let k = 0; k < events.length; k++) {
        const e = events[k] as StageEvent;
        if (typeof e !== 'object' || e === null)
          throw invalid('INVALID_INPUT', `history[${d}].history[${k}]`, e, 'must be a stage event');
        visit(e.from, `history[${d}].history[${k}].from`);
        visit(e.to, `history[${d}].history[${k}].to`);
      }
      if (furthest < 0) furthest = firstOpen;
      const isWon = kind === 'won';
      closedDeals++;
      for (const i of openIdx) {
        if (i > furthest) break;
        reached[i] = (reached[i] as number) + weight;
        reachedSq[i] = (reachedSq[i] as number) + weight * weight;
        reachedCount[i] = (reachedCount[i] as number) + 1;
        if (isWon) {
          won[i] = (won[i] as number) + weight;
          wonCount[i] = (wonCount[i] as number) + 1;
        }
      }
    }
    const z = criticalValue(confidence);
    const stages: StageProbability[] = [];
    const probabilities: Record<string, number> = {};
    for (let i = 0; i < n; i++) {
      const s = stageList[i] as StageFacts;
      if (s.kind === 'won') setOwn(probabilities, s.id, 1);
      else if (s.kind === 'lost') setOwn(probabilities, s.id, 0);
      else {
        const r = reached[i] as number;
        const w = won[i] as number;
        const probability = r > 0 ? Math.min(1, w / r) : null;
        const effective = r > 0 ? (r * r) / (reachedSq[i] as number) : 0;
        const [lower, upper]: [RateValue, RateValue] =
          probability === null || !(effective > 0) ? [null, null] : wilsonBoundsOfRate(probability, effective, z);
        if (probability !== null) setOwn(probabilities, s.id, probability);
        stages.push({
          stage: s.id,
          probability,
          lower,
          upper,
          reached: r,
          won: w,
          reachedCount: reachedCount[i] as number,
          wonCount: wonCount[i] as number,
          effectiveCount: effective,
        });
      }
    }
    return { stages, probabilities, closedDeals, ignoredDeals: ignored, confidence };
  } catch (thrown) {
    throw readFailure(thrown, { history, options });
  }
}

/** What this module reads of a stage. */
interface StageFacts {
  readonly id: string;
  readonly kind: string;
}

/**
 * The pipeline's stages, read once with an index loop: each must be an object with a string
 * id, and no id may repeat (a repeated id would make the reached-stage order ambiguous).
 * @throws {RevopsError} `INVALID_OPTION` naming the stage.
 */
function readStages(pipeline: Pipeline): StageFacts[] {
  const list = pipeline.stages;
  const out: StageFacts[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < list.length; i++) {
    const s = list[i] as unknown;
    const field = `options.pipeline.stages[${i}]`;
    if (typeof s !== 'object' || s === null) throw invalid('INVALID_OPTION', field, s, 'must be a stage');
    const { id, kind } = s as { id: unknown; kind: unknown };
    if (typeof id !== 'string') throw invalid('INVALID_OPTION', `${field}.id`, id, 'must be a stage id (a string)');
    if (kind !== 'open' && kind !== 'won' && kind !== 'lost')
      throw invalid('INVALID_OPTION', `${field}.kind`, kind, "must be 'open', 'won' or 'lost'");
    if (seen.has(id)) throw invalid('INVALID_OPTION', `${field}.id`, id, 'repeats an earlier stage id');
    seen.add(id);
    out.push({ id, kind });
  }
  return out;
}

/** The calendar date of a stage event as written in its own offset (`at.slice(0, 10)`). */
function eventDate(event: unknown, d: number, count: number): string {
  const at = typeof event === 'object' && event !== null ? (event as StageEvent).at : undefined;
  if (typeof at !== 'string')
    throw invalid('INVALID_INPUT', `history[${d}].history[${count - 1}].at`, at, 'must be an ISO-8601 instant');
  return at.slice(0, 10);
}
