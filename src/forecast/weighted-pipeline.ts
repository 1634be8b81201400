/**
 * Weighted pipeline: Σ amount × probability over open deals expected to close in a period,
 * by stage and in total, optionally per group — exact money, rounded once.
 * @module
 */
import { readOptions } from './checks.js';
import type { Deal } from '../model/deal.js';
import type { Pipeline } from '../model/pipeline.js';
import {
  readGrouping,
  sortedGroups,
  summaryGroupBy,
  type GroupByKey,
  type GroupingOptions,
} from '../model/group-by.js';
import { invalid } from '../core/errors.js';
import type { CurrencyCode } from '../core/currency.js';
import { exactFromNumber, formatExact } from '../core/decimal-text.js';
import { exactAdd, exactMul, type Exact } from '../core/exact.js';
import { assertSameCurrency, fromExact, type Money } from '../core/money.js';
import type { Period } from '../core/periods.js';
import type { RoundingMode } from '../core/rounding.js';
import {
  invalidSummary,
  readSummary,
  sameParameter,
  summaryInteger,
  summaryRecord,
  type Summary,
} from '../core/summary.js';
import {
  dealAmount,
  dealPath,
  dealProbability,
  duplicateCheck,
  inPeriod,
  mergeIds,
  readArray,
  readCurrency,
  readOutcome,
  readPeriod,
  readProbabilityMap,
  readRounding,
  roundToMinor,
  setOwn,
  summaryDecimal,
  summaryIds,
  ZERO,
  mergeGroupStates,
} from './internal.js';
import { readFailure } from '../core/read.js';

/** Options of {@link weightedPipeline} and {@link summarizeWeightedPipeline}. */
export interface WeightedPipelineOptions extends GroupingOptions<Deal> {
  /**
   * Probability by stage id (fractions), replacing each deal's own `probability` for deals in
   * a listed stage (e.g. learned by {@link stageProbabilities}). Default: every deal's own probability.
   */
  readonly probabilities?: Readonly<Record<string, number>>;
  /** Only deals whose `expectedCloseDate` lies in this inclusive period. Default: every open deal. */
  readonly period?: Period;
  /** The pipeline whose stage kinds decide which deals are open. Default: the default deal pipeline. */
  readonly pipeline?: Pipeline;
  /** Currency of the result; needed only when no deal is included. Default: the first included deal's. */
  readonly currency?: CurrencyCode | undefined;
  /** Rounding mode of the one rounding to the minor unit. Default `'halfAwayFromZero'`. */
  readonly rounding?: RoundingMode;
}

/** The weighted figures of one stage (or of the whole pipeline). */
export interface WeightedPipelineLine {
  /** Number of deals included. */
  readonly count: number;
  /** Σ amount (gross pipeline), exact. */
  readonly amount: Money;
  /** Σ amount × probability, exact (not rounded: may carry more digits than the minor unit). */
  readonly weightedExact: Money;
  /** `weightedExact` rounded once to the currency's minor unit. */
  readonly weighted: Money;
}

/** The weighted pipeline of all included deals, or of one group. */
export interface WeightedPipelineFigures extends WeightedPipelineLine {
  readonly currency: CurrencyCode;
  /** The same figures for each stage id that has at least one included deal (keys sorted). */
  readonly byStage: Readonly<Record<string, WeightedPipelineLine>>;
}

/** Result of {@link weightedPipeline}. */
export interface WeightedPipeline extends WeightedPipelineFigures {
  /** With `groupBy`: the figures of each group (keys sorted; no deal: `'(unassigned)'`). */
  readonly groups?: Readonly<Record<string, WeightedPipelineFigures>>;
}

/** One stage (or a total) in a {@link WeightedPipelineSummary}: exact decimal strings. */
export interface WeightedPipelineSummaryLine {
  readonly count: number;
  readonly amount: string;
  readonly weighted: string;
}

/** The total or one group of a {@link WeightedPipelineSummary}. */
export interface WeightedPipelineSummaryPart extends WeightedPipelineSummaryLine {
  readonly byStage: Readonly<Record<string, WeightedPipelineSummaryLine>>;
}

/**
 * JSON-serialisable partial result of {@link summarizeWeightedPipeline} (`kind`
 * `'weightedPipeline'`, `version` 1); merge with {@link mergeWeightedPipeline}. The parameters
 * that must agree for a merge (`period`, `groupBy`, `probabilities`) are compared on merge.
 */
export interface WeightedPipelineSummary extends Summary<'weightedPipeline'>, WeightedPipelineSummaryPart {
  readonly version: 1;
  readonly period: Period | null;
  readonly groupBy: GroupByKey | 'function' | null;
  readonly probabilities: Readonly<Record<string, number>> | null;
  /** Currency of the chunk, or `null` when the chunk included no deal and none was given. */
  readonly currency: CurrencyCode | null;
  /** Ids of the deals counted, sorted (a deal summarised in two chunks is refused on merge). */
  readonly ids: readonly string[];
  /** With `groupBy`: each group's sums; else `null`. */
  readonly groups: Readonly<Record<string, WeightedPipelineSummaryPart>> | null;
}

interface Acc {
  count: number;
  amount: Exact;
  weighted: Exact;
}

interface PartAcc extends Acc {
  stages: Map<string, Acc>;
}

/** Options of {@link summarizeWeightedPipeline}: which deals count and their probabilities (rounding is finalize's). */
export type SummarizeWeightedPipelineOptions = Omit<WeightedPipelineOptions, 'rounding'>;

const newAcc = (): PartAcc => ({ count: 0, amount: ZERO, weighted: ZERO, stages: new Map() });

function addTo(part: PartAcc, stage: string, amount: Exact, weighted: Exact): void {
  let s = part.stages.get(stage);
  if (s === undefined) {
    s = { count: 0, amount: ZERO, weighted: ZERO };
    part.stages.set(stage, s);
  }
  for (const a of [part, s]) {
    a.count++;
    a.amount = exactAdd(a.amount, amount);
    a.weighted = exactAdd(a.weighted, weighted);
  }
}

const printExact = (f: Exact): string => formatExact(f);
const printLine = (a: Acc): WeightedPipelineSummaryLine => ({
  count: a.count,
  amount: printExact(a.amount),
  weighted: printExact(a.weighted),
});

function printPart(p: PartAcc): WeightedPipelineSummaryPart {
  const byStage: Record<string, WeightedPipelineSummaryLine> = {};
  for (const stage of [...p.stages.keys()].sort()) setOwn(byStage, stage, printLine(p.stages.get(stage) as Acc));
  return { ...printLine(p), byStage };
}

/**
 * Summarises a chunk of deals for the weighted pipeline: exact sums as decimal strings, so
 * chunks (per team, territory or member, or per worker) can be merged in any order and give
 * exactly the whole-data answer. Which deals count, and the probability used, are as in
 * {@link weightedPipeline}.
 *
 * @param deals - the chunk (any deals; only open ones in the period count).
 * @param options - see {@link SummarizeWeightedPipelineOptions}.
 * @returns a {@link WeightedPipelineSummary}.
 * @throws {RevopsError} `INVALID_INPUT` when `deals` is not an array of deals, or a deal's stage is not in the
 *   pipeline.
 * @throws {RevopsError} `DUPLICATE_ID` when two counted deals have the same id (naming both positions).
 * @throws {RevopsError} `INVALID_RATE` for a probability outside [0, 1].
 * @throws {RevopsError} `INVALID_OPTION` for a malformed `probabilities` map, `pipeline` or `groupBy`.
 * @throws {RevopsError} `INVALID_PERIOD` for a period that ends before it starts.
 * @throws {RevopsError} `INVALID_DATE` for a malformed `expectedCloseDate` of a deal compared with the period.
 * @throws {RevopsError} `CURRENCY_MISMATCH` when included deals use different currencies.
 * @throws {RevopsError} `UNKNOWN_CURRENCY` for an unknown currency code.
 * @example
 * ```ts
 * import { summarizeWeightedPipeline } from 'revops/forecast';
 * const deal = { id: 'D-1', stage: 'proposal', probability: 0.3, amount: { amount: '1000.00', currency: 'USD' },
 *   expectedCloseDate: '2026-03-31' };
 * summarizeWeightedPipeline([deal]).weighted;
 * //=> '300'
 * ```
 */
export function summarizeWeightedPipeline(
  deals: readonly Deal[],
  options: SummarizeWeightedPipelineOptions = {},
): WeightedPipelineSummary {
  try {
    const o = readOptions(options);
    readArray(deals, 'deals');
    const probabilities = readProbabilityMap(o.probabilities, 'options.probabilities');
    const window = readPeriod(o.period, 'options.period');
    const outcome = readOutcome(o.pipeline);
    const grouping = readGrouping(o, 'deals', (d: Deal) => d);
    let currency = readCurrency(o.currency, 'options.currency');
    const ids = duplicateCheck();
    const total = newAcc();
    const groups = new Map<string, PartAcc>();
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
      const p = dealProbability(deal, probabilities, path);
      // The probability is read as its shortest decimal (0.7 is seven tenths), so the product is exact.
      const w = exactMul(m.x, exactFromNumber(p));
      addTo(total, deal.stage, m.x, w);
      if (grouping !== null) {
        const key = grouping.keyOf(deal, i);
        let g = groups.get(key);
        if (g === undefined) {
          g = newAcc();
          groups.set(key, g);
        }
        addTo(g, deal.stage, m.x, w);
      }
    }
    let printedGroups: Record<string, WeightedPipelineSummaryPart> | null = null;
    if (grouping !== null) {
      printedGroups = {};
      for (const [key, g] of Object.entries(sortedGroups(groups))) setOwn(printedGroups, key, printPart(g));
    }
    return {
      kind: 'weightedPipeline',
      version: 1,
      period: window ?? null,
      groupBy: grouping?.label ?? null,
      probabilities: probabilities === undefined ? null : sortedRecord(probabilities),
      currency: currency ?? null,
      ids: ids.ids().sort(),
      ...printPart(total),
      groups: printedGroups,
    };
  } catch (thrown) {
    throw readFailure(thrown, { deals, options });
  }
}

function sortedRecord(r: Readonly<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of Object.keys(r).sort()) setOwn(out, k, r[k] as number);
  return out;
}

interface ReadPart {
  readonly count: number;
  readonly amount: Exact;
  readonly weighted: Exact;
  readonly byStage: ReadonlyMap<string, { count: number; amount: Exact; weighted: Exact }>;
}

interface ReadSummary {
  readonly period: Period | null;
  readonly groupBy: unknown;
  readonly probabilities: unknown;
  readonly currency: CurrencyCode | null;
  readonly ids: readonly string[];
  readonly total: ReadPart;
  readonly groups: ReadonlyMap<string, ReadPart> | null;
}

function readLine(value: unknown, field: string): { count: number; amount: Exact; weighted: Exact } {
  const o = summaryRecord(value, field);
  return {
    count: summaryInteger(o['count'], `${field}.count`),
    amount: summaryDecimal(o['amount'], `${field}.amount`),
    weighted: summaryDecimal(o['weighted'], `${field}.weighted`),
  };
}

function readPart(value: unknown, field: string): ReadPart {
  const line = readLine(value, field);
  const o = summaryRecord(value, field);
  const stages = summaryRecord(o['byStage'], `${field}.byStage`);
  const byStage = new Map<string, { count: number; amount: Exact; weighted: Exact }>();
  for (const stage of Object.keys(stages)) byStage.set(stage, readLine(stages[stage], `${field}.byStage.${stage}`));
  return { ...line, byStage };
}

/** Validates a weighted-pipeline summary field by field (INVALID_SUMMARY naming the field). */
function readWeightedSummary(value: unknown, field: string): ReadSummary {
  const o = readSummary(value, field, 'weightedPipeline', 1);
  const currency = o['currency'];
  if (currency !== null) {
    if (typeof currency !== 'string') throw invalidSummary(`${field}.currency`, currency, 'must be a currency or null');
    readCurrency(currency, `${field}.currency`);
  }
  const groupsValue = o['groups'];
  let groups: Map<string, ReadPart> | null = null;
  if (groupsValue !== null) {
    const g = summaryRecord(groupsValue, `${field}.groups`);
    groups = new Map();
    for (const key of Object.keys(g)) groups.set(key, readPart(g[key], `${field}.groups.${key}`));
  }
  const period = o['period'];
  if (period !== null) {
    const p = summaryRecord(period, `${field}.period`);
    try {
      readPeriod(p as unknown as Period, `${field}.period`);
    } catch {
      throw invalidSummary(`${field}.period`, period, 'must be a period { start, end } or null');
    }
  }
  const groupBy = summaryGroupBy(o['groupBy'], `${field}.groupBy`);
  if (groups === null && groupBy !== null)
    throw invalidSummary(`${field}.groups`, null, `must be an object (groupBy ${groupBy})`);
  const probabilities = o['probabilities'];
  if (probabilities !== null) {
    // every value a fraction: a nested or cyclic value is refused here, before the merge compares the maps as JSON
    const map = summaryRecord(probabilities, `${field}.probabilities`);
    for (const stage of Object.keys(map)) {
      const p = map[stage];
      if (typeof p !== 'number' || !(p >= 0 && p <= 1)) {
        const key = JSON.stringify(stage.length > 40 ? `${stage.slice(0, 37)}...` : stage);
        throw invalidSummary(`${field}.probabilities[${key}]`, p, 'must be a fraction from 0 to 1');
      }
    }
  }
  return {
    period: period as Period | null,
    groupBy,
    probabilities,
    currency: currency as CurrencyCode | null,
    ids: summaryIds(o['ids'], `${field}.ids`),
    total: readPart(o, field),
    groups,
  };
}

function mergeParts(a: ReadPart | undefined, b: ReadPart | undefined): PartAcc {
  const out = newAcc();
  for (const part of [a, b]) {
    if (part === undefined) continue;
    out.count += part.count;
    out.amount = exactAdd(out.amount, part.amount);
    out.weighted = exactAdd(out.weighted, part.weighted);
    for (const [stage, line] of part.byStage) {
      const s = out.stages.get(stage);
      if (s === undefined) out.stages.set(stage, { ...line });
      else {
        s.count += line.count;
        s.amount = exactAdd(s.amount, line.amount);
        s.weighted = exactAdd(s.weighted, line.weighted);
      }
    }
  }
  return out;
}

/**
 * Merges two weighted-pipeline summaries (exactly; associative and commutative).
 *
 * @param a - a summary.
 * @param b - another summary, made with the same `period`, `groupBy` and `probabilities`.
 * @returns the summary of both chunks together.
 * @throws {RevopsError} `INVALID_SUMMARY` when either is not a valid weighted-pipeline summary (naming the field), or
 *   they were made with different parameters.
 * @throws {RevopsError} `DUPLICATE_ID` when a deal was counted in both.
 * @throws {RevopsError} `CURRENCY_MISMATCH` when the summaries are in different currencies.
 * @example
 * ```ts
 * import { mergeWeightedPipeline, summarizeWeightedPipeline } from 'revops/forecast';
 * const d = (id: string, amount: string, probability: number) => ({ id, stage: 'proposal', probability,
 *   amount: { amount, currency: 'USD' }, expectedCloseDate: '2026-03-31' });
 * const a = summarizeWeightedPipeline([d('D-1', '10.00', 0.5)]);
 * mergeWeightedPipeline(a, summarizeWeightedPipeline([d('D-2', '0.10', 0.25)])).weighted;
 * //=> '5.025'
 * ```
 */
export function mergeWeightedPipeline(a: WeightedPipelineSummary, b: WeightedPipelineSummary): WeightedPipelineSummary {
  try {
    const x = readWeightedSummary(a, 'a');
    const y = readWeightedSummary(b, 'b');
    sameParameter(x.period, y.period, 'period');
    sameParameter(x.groupBy, y.groupBy, 'groupBy');
    sameParameter(x.probabilities, y.probabilities, 'probabilities');
    if (x.currency !== null && y.currency !== null) assertSameCurrency(x.currency, y.currency);
    const ids = mergeIds(x.ids, y.ids);
    const groups = mergeGroupStates(x.groups, y.groups, (a, b) => printPart(mergeParts(a, b)));
    return {
      kind: 'weightedPipeline',
      version: 1,
      period: x.period,
      groupBy: x.groupBy as WeightedPipelineSummary['groupBy'],
      probabilities: x.probabilities as WeightedPipelineSummary['probabilities'],
      currency: x.currency ?? y.currency,
      ids,
      ...printPart(mergeParts(x.total, y.total)),
      groups,
    };
  } catch (thrown) {
    throw readFailure(thrown, { a, b }, 'INVALID_SUMMARY');
  }
}

/** Options of {@link finalizeWeightedPipeline}. */
export type FinalizeWeightedPipelineOptions = Pick<WeightedPipelineOptions, 'currency' | 'rounding'>;

/**
 * Turns a (merged) summary into the {@link WeightedPipeline} result.
 *
 * @param summary - from {@link summarizeWeightedPipeline} / {@link mergeWeightedPipeline}.
 * @param options - `currency` (used when the summary has none) and `rounding`.
 * @returns the same result as {@link weightedPipeline} on all the deals.
 * @throws {RevopsError} `INVALID_SUMMARY` when `summary` is not a valid weighted-pipeline summary (naming the field).
 * @throws {RevopsError} `INVALID_OPTION` when neither the summary nor the options give a currency, or for a bad
 *   rounding mode.
 * @example
 * ```ts
 * import { finalizeWeightedPipeline, summarizeWeightedPipeline } from 'revops/forecast';
 * finalizeWeightedPipeline(summarizeWeightedPipeline([]), { currency: 'EUR' }).weighted;
 * //=> { amount: '0.00', currency: 'EUR' }
 * ```
 */
export function finalizeWeightedPipeline(
  summary: WeightedPipelineSummary,
  options: FinalizeWeightedPipelineOptions = {},
): WeightedPipeline {
  try {
    const o = readOptions(options);
    const s = readWeightedSummary(summary, 'summary');
    const mode = readRounding(o.rounding, 'options.rounding');
    const currency = s.currency ?? readCurrency(o.currency, 'options.currency');
    if (currency === undefined) {
      throw invalid('INVALID_OPTION', 'options.currency', o.currency, 'is required when no deal is included');
    }
    const line = (a: { count: number; amount: Exact; weighted: Exact }): WeightedPipelineLine => ({
      count: a.count,
      amount: fromExact(a.amount, currency),
      weightedExact: fromExact(a.weighted, currency),
      weighted: fromExact(roundToMinor(a.weighted, currency, mode), currency),
    });
    const figures = (p: ReadPart): WeightedPipelineFigures => {
      const byStage: Record<string, WeightedPipelineLine> = {};
      for (const stage of [...p.byStage.keys()].sort()) setOwn(byStage, stage, line(getOwnStage(p, stage)));
      return { currency, ...line(p), byStage };
    };
    const result: WeightedPipelineFigures = figures(s.total);
    if (s.groups === null) return result;
    const groups: Record<string, WeightedPipelineFigures> = {};
    for (const key of [...s.groups.keys()].sort()) setOwn(groups, key, figures(s.groups.get(key) as ReadPart));
    return { ...result, groups };
  } catch (thrown) {
    throw readFailure(thrown, { summary, options }, { summary: 'INVALID_SUMMARY' });
  }
}

function getOwnStage(p: ReadPart, stage: string): { count: number; amount: Exact; weighted: Exact } {
  return p.byStage.get(stage) as { count: number; amount: Exact; weighted: Exact };
}

/**
 * The weighted pipeline: Σ amountᵢ × pᵢ over open deals expected to close in the period, by
 * stage and in total (Salesforce's `ExpectedRevenue`, HubSpot's weighted amount), and per
 * group with `groupBy`.
 *
 * Which deals: open deals — the kind of their stage in `options.pipeline` is `open` (revops/model's
 * `dealOutcome`) — whose `expectedCloseDate` lies in `options.period` (all open deals when no
 * period is given). pᵢ is `options.probabilities[stage]` when that stage is listed, else the
 * deal's own `probability`. The same deal id twice is refused (`DUPLICATE_ID`).
 *
 * Exactness and the one rounding: each product amount × p is exact (the probability, a
 * number, is read as its shortest decimal through core's exact engine: 0.7 is 7/10),
 * the products are summed exactly (`weightedExact`), and each reported sum — every stage's,
 * every group's and the total — is rounded **once**, from its exact value, to the currency's
 * minor unit (`weighted`). So the rounded stage figures may differ from the rounded total by up
 * to half a minor unit per stage; the exact figures always add up.
 *
 * @param deals - the deals (any; closed ones and ones outside the period are ignored).
 * @param options - see {@link WeightedPipelineOptions}.
 * @returns a {@link WeightedPipeline}.
 * @throws {RevopsError} `INVALID_INPUT` when `deals` is not an array of deals, or a deal's stage is not in the
 *   pipeline.
 * @throws {RevopsError} `DUPLICATE_ID` when two counted deals have the same id (naming both positions).
 * @throws {RevopsError} `INVALID_RATE` for a probability outside [0, 1].
 * @throws {RevopsError} `INVALID_OPTION` for a malformed option, or no currency for an empty result.
 * @throws {RevopsError} `INVALID_PERIOD` for a period that ends before it starts.
 * @throws {RevopsError} `INVALID_DATE` for a malformed `expectedCloseDate` of a deal compared with the period.
 * @throws {RevopsError} `CURRENCY_MISMATCH` when included deals use different currencies.
 * @throws {RevopsError} `UNKNOWN_CURRENCY` for an unknown currency code.
 * @example
 * ```ts
 * import { weightedPipeline } from 'revops/forecast';
 * // Freshworks "weighted pipelines": six Negotiation deals at 70 %.
 * const deals = [3950, 3060, 1460, 1340, 1285, 1190].map((a, i) => ({ id: `D-${i}`, stage: 'negotiation',
 *   probability: 0.7, amount: { amount: String(a), currency: 'USD' }, expectedCloseDate: '2026-03-31' }));
 * const w = weightedPipeline(deals);
 * [w.amount.amount, w.weighted.amount, w.count];
 * //=> ['12285.00', '8599.50', 6]
 * ```
 */
export function weightedPipeline(deals: readonly Deal[], options: WeightedPipelineOptions = {}): WeightedPipeline {
  try {
    const { rounding, ...select } = readOptions(options);
    return finalizeWeightedPipeline(summarizeWeightedPipeline(deals, select), {
      currency: select.currency,
      ...(rounding === undefined ? {} : { rounding }),
    });
  } catch (thrown) {
    throw readFailure(thrown, { deals, options });
  }
}
