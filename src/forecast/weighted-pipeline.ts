/**
 * Weighted pipeline: Σ amount × probability over open deals expected to close in a period,
 * by stage and in total — exact money, rounded once.
 * @module
 */
import type { Deal } from '../model/deal.js';
import { invalid } from '../core/errors.js';
import type { CurrencyCode } from '../core/currency.js';
import { addFixed, formatFixed, multiplyFixed, normalizeFixed, parseFixed, type Fixed } from '../core/fixed.js';
import { assertSameCurrency, fromFixed, type Money } from '../core/money.js';
import type { Period } from '../core/periods.js';
import type { RoundingMode } from '../core/rounding.js';
import {
  addExact,
  dealAmount,
  dealProbability,
  inPeriod,
  isOpen,
  readArray,
  readCurrency,
  readExact,
  readPeriod,
  readProbabilityMap,
  readRounding,
  roundToMinor,
  ZERO,
  getOwn,
  setOwn,
} from './internal.js';

/** Options of {@link weightedPipeline} and {@link summarizeWeightedPipeline}. */
export interface WeightedPipelineOptions {
  /**
   * Probability by stage id (fractions), replacing each deal's own `probability` for deals in
   * a listed stage (e.g. learned by {@link stageProbabilities}). Default: every deal's own probability.
   */
  readonly probabilities?: Readonly<Record<string, number>>;
  /** Only deals whose `expectedCloseDate` lies in this inclusive period. Default: every open deal. */
  readonly period?: Period;
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

/** Result of {@link weightedPipeline}. */
export interface WeightedPipeline extends WeightedPipelineLine {
  readonly currency: CurrencyCode;
  /** The same figures for each stage id that has at least one included deal. */
  readonly byStage: Readonly<Record<string, WeightedPipelineLine>>;
}

/** One stage (or the total) in a {@link WeightedPipelineSummary}: exact decimal strings. */
export interface WeightedPipelineSummaryLine {
  readonly count: number;
  readonly amount: string;
  readonly weighted: string;
}

/** JSON-serialisable partial result of {@link summarizeWeightedPipeline}; merge with {@link mergeWeightedPipeline}. */
export interface WeightedPipelineSummary extends WeightedPipelineSummaryLine {
  readonly kind: 'weightedPipeline';
  /** Currency of the chunk, or `null` when the chunk included no deal and none was given. */
  readonly currency: CurrencyCode | null;
  readonly byStage: Readonly<Record<string, WeightedPipelineSummaryLine>>;
}

interface Acc {
  count: number;
  amount: Fixed;
  weighted: Fixed;
}

/** Options of {@link summarizeWeightedPipeline}: which deals count and their probabilities (rounding is finalize's). */
export type SummarizeWeightedPipelineOptions = Omit<WeightedPipelineOptions, 'rounding'>;

/**
 * Summarises a chunk of deals for the weighted pipeline: exact sums as decimal strings, so
 * chunks (per team, territory or member, or per worker) can be merged in any order and give
 * exactly the whole-data answer. Which deals count, and the probability used, are as in
 * {@link weightedPipeline}.
 *
 * @param deals - the chunk (any deals; only open ones in the period count).
 * @param options - see {@link SummarizeWeightedPipelineOptions}.
 * @returns a {@link WeightedPipelineSummary}.
 * @throws {RevopsError} `INVALID_INPUT` when `deals` is not an array of deals.
 * @throws {RevopsError} `INVALID_RATE` for a probability outside [0, 1].
 * @throws {RevopsError} `INVALID_OPTION` for a malformed `probabilities` map.
 * @throws {RevopsError} `INVALID_PERIOD` for a period that ends before it starts.
 * @throws {RevopsError} `INVALID_DATE` for a malformed `expectedCloseDate` (or `closeDate`) of a deal compared with the period.
 * @throws {RevopsError} `CURRENCY_MISMATCH` when included deals use different currencies.
 * @throws {RevopsError} `UNKNOWN_CURRENCY` for an unknown currency code.
 * @example
 * ```ts
 * import { summarizeWeightedPipeline } from 'revops/forecast';
 * const deal = { stage: 'proposal', probability: 0.3, amount: { amount: '1000.00', currency: 'USD' },
 *   expectedCloseDate: '2026-03-31' };
 * summarizeWeightedPipeline([deal]).weighted;
 * //=> '300'
 * ```
 */
export function summarizeWeightedPipeline(
  deals: readonly Deal[],
  options: SummarizeWeightedPipelineOptions = {},
): WeightedPipelineSummary {
  readArray(deals, 'deals');
  const probabilities = readProbabilityMap(options.probabilities, 'options.probabilities');
  const window = readPeriod(options.period, 'options.period');
  let currency = readCurrency(options.currency, 'options.currency');
  const total: Acc = { count: 0, amount: ZERO, weighted: ZERO };
  const stages = new Map<string, Acc>();
  for (let i = 0; i < deals.length; i++) {
    const deal = deals[i] as Deal;
    if (typeof deal !== 'object' || deal === null)
      throw invalid('INVALID_INPUT', `deals[${i}]`, deal, 'must be a deal');
    if (!isOpen(deal) || !inPeriod(window, deal.expectedCloseDate, `deals[${i}].expectedCloseDate`)) continue;
    const m = dealAmount(deal, `deals[${i}]`, currency);
    currency = m.currency;
    const p = dealProbability(deal, probabilities, `deals[${i}]`);
    // The probability is read as its shortest decimal (0.7 is seven tenths), so the product is exact.
    const w = multiplyFixed(m.fixed, parseFixed(p, `deals[${i}].probability`));
    let s = stages.get(deal.stage);
    if (s === undefined) {
      s = { count: 0, amount: ZERO, weighted: ZERO };
      stages.set(deal.stage, s);
    }
    for (const a of [total, s]) {
      a.count++;
      a.amount = addFixed(a.amount, m.fixed);
      a.weighted = addFixed(a.weighted, w);
    }
  }
  const byStage: Record<string, WeightedPipelineSummaryLine> = {};
  for (const stage of [...stages.keys()].sort()) setOwn(byStage, stage, printAcc(stages.get(stage) as Acc));
  return { kind: 'weightedPipeline', currency: currency ?? null, ...printAcc(total), byStage };
}

function printAcc(a: Acc): WeightedPipelineSummaryLine {
  return { count: a.count, amount: printPlain(a.amount), weighted: printPlain(a.weighted) };
}

function printPlain(f: Fixed): string {
  return formatFixed(normalizeFixed(f));
}

function checkSummary(s: WeightedPipelineSummary, field: string): void {
  if (
    typeof s !== 'object' ||
    s === null ||
    s.kind !== 'weightedPipeline' ||
    typeof s.byStage !== 'object' ||
    s.byStage === null
  ) {
    throw invalid('INVALID_INPUT', field, s, 'must be a summary from summarizeWeightedPipeline');
  }
}

function mergeLine(
  a: WeightedPipelineSummaryLine | undefined,
  b: WeightedPipelineSummaryLine | undefined,
  field: string,
): WeightedPipelineSummaryLine {
  if (a === undefined) return b as WeightedPipelineSummaryLine;
  if (b === undefined) return a;
  return {
    count: a.count + b.count,
    amount: addExact(a.amount, b.amount, `${field}.amount`),
    weighted: addExact(a.weighted, b.weighted, `${field}.weighted`),
  };
}

/**
 * Merges two weighted-pipeline summaries (exactly; associative and commutative).
 *
 * @param a - a summary.
 * @param b - another summary.
 * @returns the summary of both chunks together.
 * @throws {RevopsError} `INVALID_INPUT` when either is not a weighted-pipeline summary.
 * @throws {RevopsError} `CURRENCY_MISMATCH` when the summaries are in different currencies.
 * @example
 * ```ts
 * import { mergeWeightedPipeline, summarizeWeightedPipeline } from 'revops/forecast';
 * const d = (amount: string, probability: number) => ({ stage: 'proposal', probability,
 *   amount: { amount, currency: 'USD' }, expectedCloseDate: '2026-03-31' });
 * mergeWeightedPipeline(summarizeWeightedPipeline([d('10.00', 0.5)]), summarizeWeightedPipeline([d('0.10', 0.25)])).weighted;
 * //=> '5.025'
 * ```
 */
export function mergeWeightedPipeline(a: WeightedPipelineSummary, b: WeightedPipelineSummary): WeightedPipelineSummary {
  checkSummary(a, 'a');
  checkSummary(b, 'b');
  if (a.currency !== null && b.currency !== null) assertSameCurrency(a.currency, b.currency);
  const byStage: Record<string, WeightedPipelineSummaryLine> = {};
  for (const stage of [...new Set([...Object.keys(a.byStage), ...Object.keys(b.byStage)])].sort()) {
    setOwn(byStage, stage, mergeLine(getOwn(a.byStage, stage), getOwn(b.byStage, stage), `byStage.${stage}`));
  }
  return { kind: 'weightedPipeline', currency: a.currency ?? b.currency, ...mergeLine(a, b, 'total'), byStage };
}

/**
 * Turns a (merged) summary into the {@link WeightedPipeline} result.
 *
 * @param summary - from {@link summarizeWeightedPipeline} / {@link mergeWeightedPipeline}.
 * @param options - `currency` (used when the summary has none) and `rounding`.
 * @returns the same result as {@link weightedPipeline} on all the deals.
 * @throws {RevopsError} `INVALID_INPUT` when `summary` is not a weighted-pipeline summary.
 * @throws {RevopsError} `INVALID_OPTION` when neither the summary nor the options give a currency.
 * @example
 * ```ts
 * import { finalizeWeightedPipeline, summarizeWeightedPipeline } from 'revops/forecast';
 * finalizeWeightedPipeline(summarizeWeightedPipeline([]), { currency: 'EUR' }).weighted;
 * //=> { amount: '0.00', currency: 'EUR' }
 * ```
 */
export function finalizeWeightedPipeline(
  summary: WeightedPipelineSummary,
  options: Pick<WeightedPipelineOptions, 'currency' | 'rounding'> = {},
): WeightedPipeline {
  checkSummary(summary, 'summary');
  const mode = readRounding(options.rounding, 'options.rounding');
  const currency = summary.currency ?? readCurrency(options.currency, 'options.currency');
  if (currency === undefined) {
    throw invalid('INVALID_OPTION', 'options.currency', options.currency, 'is required when no deal is included');
  }
  const line = (s: WeightedPipelineSummaryLine, field: string): WeightedPipelineLine => {
    const weighted = readExact(s.weighted, `${field}.weighted`);
    return {
      count: s.count,
      amount: fromFixed(readExact(s.amount, `${field}.amount`), currency),
      weightedExact: fromFixed(weighted, currency),
      weighted: fromFixed(roundToMinor(weighted, currency, mode), currency),
    };
  };
  const byStage: Record<string, WeightedPipelineLine> = {};
  for (const stage of Object.keys(summary.byStage).sort())
    setOwn(
      byStage,
      stage,
      line(getOwn(summary.byStage, stage) as WeightedPipelineSummaryLine, `summary.byStage.${stage}`),
    );
  return { currency, ...line(summary, 'summary'), byStage };
}

/**
 * The weighted pipeline: Σ amountᵢ × pᵢ over open deals expected to close in the period, by
 * stage and in total (Salesforce's `ExpectedRevenue`, HubSpot's weighted amount).
 *
 * Which deals: open deals (no `closeDate`) whose `expectedCloseDate` lies in `options.period`
 * (all open deals when no period is given). pᵢ is `options.probabilities[stage]` when that
 * stage is listed, else the deal's own `probability`.
 *
 * Exactness and the one rounding: each product amount × p is exact (the probability, a
 * number, is read as its shortest decimal through core's fixed-point multiply: 0.7 is 7/10),
 * the products are summed exactly (`weightedExact`), and each reported sum — every stage's
 * and the total — is rounded **once**, from its exact value, to the currency's minor unit
 * (`weighted`). So the rounded stage figures may differ from the rounded total by up to half
 * a minor unit per stage; the exact figures always add up.
 *
 * @param deals - the deals (any; closed ones and ones outside the period are ignored).
 * @param options - see {@link WeightedPipelineOptions}.
 * @returns a {@link WeightedPipeline}.
 * @throws {RevopsError} `INVALID_INPUT` when `deals` is not an array of deals.
 * @throws {RevopsError} `INVALID_RATE` for a probability outside [0, 1].
 * @throws {RevopsError} `INVALID_OPTION` for a malformed option, or no currency for an empty result.
 * @throws {RevopsError} `INVALID_PERIOD` for a period that ends before it starts.
 * @throws {RevopsError} `INVALID_DATE` for a malformed `expectedCloseDate` (or `closeDate`) of a deal compared with the period.
 * @throws {RevopsError} `CURRENCY_MISMATCH` when included deals use different currencies.
 * @throws {RevopsError} `UNKNOWN_CURRENCY` for an unknown currency code.
 * @example
 * ```ts
 * import { weightedPipeline } from 'revops/forecast';
 * // Freshworks "weighted pipelines": six Negotiation deals at 70 %.
 * const deals = [3950, 3060, 1460, 1340, 1285, 1190].map((a) => ({ stage: 'negotiation', probability: 0.7,
 *   amount: { amount: String(a), currency: 'USD' }, expectedCloseDate: '2026-03-31' }));
 * const w = weightedPipeline(deals);
 * [w.amount.amount, w.weighted.amount, w.count];
 * //=> ['12285.00', '8599.50', 6]
 * ```
 */
export function weightedPipeline(deals: readonly Deal[], options: WeightedPipelineOptions = {}): WeightedPipeline {
  const { rounding, ...select } = options;
  return finalizeWeightedPipeline(summarizeWeightedPipeline(deals, select), {
    currency: options.currency,
    ...(rounding === undefined ? {} : { rounding }),
  });
}
