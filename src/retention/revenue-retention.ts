/**
 * Gross and net revenue retention and the quick ratio, from MRR movements.
 * @module
 */
import { invalid } from '../core/errors.js';
import { add, subtract } from '../core/money-arithmetic.js';
import { readMoneyExact, type Money } from '../core/money.js';
import type { Period } from '../core/periods.js';
import { readObject } from '../core/read.js';
import type { RateValue } from '../core/ratio.js';
import type { MrrMovements } from './mrr-movements.js';
import { resolveConvention, type QuickRatioReactivation, type RetentionPresetName } from './presets.js';
import { exactRatio } from './exact-ratio.js';

/** A rate of two money amounts, with both, so it can be audited and re-aggregated. */
export interface MoneyRate {
  /** `numerator / denominator`, or `null` when the denominator is zero. */
  readonly rate: RateValue;
  readonly numerator: Money;
  readonly denominator: Money;
}

/** A revenue retention rate and the period it covers (never annualised). */
export interface RevenueRetention extends MoneyRate {
  readonly basis: 'startCohort' | 'movements';
  /** The months measured. */
  readonly period: Period;
  /** Whole months in the period: a 1-month rate is a monthly rate, a 12-month rate an annual one. */
  readonly months: number;
}

/** Options of {@link grossRevenueRetention}. */
export interface GrossRevenueRetentionOptions {
  /**
   * `'startCohort'`: the customers active just before the period, followed to its end (the
   * investor and filing basis with a 12-month period). `'movements'`: the vendor formula on
   * one report interval, `(starting − contraction − churned) ÷ starting` (ChartMogul), allowed
   * only for a one-month period. Default `'startCohort'`.
   */
  readonly basis?: 'startCohort' | 'movements';
}

/** Options of {@link netRevenueRetention}. */
export interface NetRevenueRetentionOptions extends GrossRevenueRetentionOptions {
  /**
   * Movements basis only: whether reactivation MRR counts (ChartMogul's NRR chart: `'exclude'`;
   * its net MRR churn subtracts it: `'include'`). Default `'exclude'`. On the start-cohort
   * basis a cohort customer who left and came back counts with their ending MRR; giving this
   * option there is an error.
   */
  readonly reactivation?: 'include' | 'exclude';
}

function moneyRate(numerator: Money, denominator: Money): MoneyRate {
  const n = readMoneyExact(numerator, 'numerator').x;
  const d = readMoneyExact(denominator, 'denominator').x;
  const rate = exactRatio(n, d);
  if (rate !== null && !Number.isFinite(rate)) {
    const why = `over ${denominator.amount} gives a rate beyond the range of a number (±1.8e308)`;
    throw invalid('INVALID_AMOUNT', 'movements', numerator.amount, why);
  }
  return { rate, numerator, denominator };
}

function readMovements(m: MrrMovements): MrrMovements {
  if (m === null || typeof m !== 'object' || typeof m.months !== 'number' || m.starting === undefined) {
    throw invalid('INVALID_INPUT', 'movements', m, 'must be the result of mrrMovements or finalizeMrrMovements');
  }
  const cohort: unknown = m.startCohort;
  if (cohort !== null && typeof cohort !== 'object') {
    throw invalid('INVALID_INPUT', 'movements.startCohort', cohort, 'must be null or { starting, retained, ending }');
  }
  return m;
}

function basisOf(options: GrossRevenueRetentionOptions, m: MrrMovements): 'startCohort' | 'movements' {
  readObject(options, 'options', 'INVALID_OPTION');
  const basis = options.basis ?? 'startCohort';
  if (basis !== 'startCohort' && basis !== 'movements')
    throw invalid('INVALID_OPTION', 'options.basis', basis, "must be 'startCohort' or 'movements'");
  if (basis === 'movements' && m.months !== 1) {
    throw invalid(
      'INVALID_OPTION',
      'options.basis',
      basis,
      `needs a one-month period (this one has ${m.months} months: movements of customers acquired ` +
        "inside it would count against the starting base); use 'startCohort'",
    );
  }
  if (basis === 'startCohort' && m.startCohort === null) {
    throw invalid(
      'INVALID_INPUT',
      'movements.startCohort',
      null,
      'is missing (a summary merged from adjacent periods has none); ' +
        "use basis 'movements' on one month or summarise the whole period",
    );
  }
  return basis;
}

/**
 * Gross revenue retention (GRR) of a period — never above 1.
 *
 * Formulas: start-cohort basis `Σ_i min(end_i, start_i) ÷ Σ_i start_i` over the customers
 * active just before the period (what a cohort kept, expansion not counted; SaaS Metrics
 * Standards Board: bounded at 100 %); movements basis `(starting − contraction − churned) ÷
 * starting` (ChartMogul, one report interval). `null` when starting MRR is zero. The period
 * length is part of the result; a monthly GRR is never annualised.
 *
 * @param movements - from {@link mrrMovements}.
 * @param options - see {@link GrossRevenueRetentionOptions}.
 * @returns the rate with its numerator and denominator (money) and the period.
 * @throws {RevopsError} `INVALID_OPTION` for an unknown basis, or the movements basis on a period longer than a month.
 * @throws {RevopsError} `INVALID_INPUT` for input that is not movements, or the start-cohort basis without cohort data.
 * @example
 * ```ts
 * import { mrrMovements, grossRevenueRetention } from 'revops/retention';
 * const jan = { start: '2026-01-01', end: '2026-01-31' };
 * const feb = { start: '2026-02-01', end: '2026-02-28' };
 * const rows = [
 *   { customerId: 'a', period: jan, mrr: { amount: '100', currency: 'USD' } },
 *   { customerId: 'a', period: feb, mrr: { amount: '150', currency: 'USD' } },
 *   { customerId: 'b', period: jan, mrr: { amount: '100', currency: 'USD' } },
 *   { customerId: 'b', period: feb, mrr: { amount: '80', currency: 'USD' } },
 * ];
 * grossRevenueRetention(mrrMovements(rows, { period: feb })).rate;
 * //=> 0.9
 * ```
 */
export function grossRevenueRetention(
  movements: MrrMovements,
  options: GrossRevenueRetentionOptions = {},
): RevenueRetention {
  const m = readMovements(movements);
  const basis = basisOf(options, m);
  const numerator =
    basis === 'startCohort'
      ? (m.startCohort as NonNullable<MrrMovements['startCohort']>).retained
      : subtract(subtract(m.starting, m.contraction), m.churned);
  return { ...moneyRate(numerator, m.starting), basis, period: m.period, months: m.months };
}

/**
 * Net revenue retention (NRR, NDR) of a period — may exceed 1.
 *
 * Formulas: start-cohort basis `Σ_i end_i ÷ Σ_i start_i` over the customers active just before
 * the period (public filings: ARR now of the customers of 12 months ago ÷ their ARR then — pass
 * a 12-month period); movements basis `(starting + expansion − contraction − churned
 * [+ reactivation]) ÷ starting` on one month (ChartMogul NRR chart excludes reactivation;
 * Baremetrics `1 − (churned − expansion) ÷ starting`). `null` when starting MRR is zero.
 * Monthly figures are never annualised: 101 % a month is not 101 % a year.
 *
 * @param movements - from {@link mrrMovements}.
 * @param options - see {@link NetRevenueRetentionOptions}.
 * @returns the rate with its numerator and denominator (money) and the period.
 * @throws {RevopsError} `INVALID_OPTION` for an unknown basis or reactivation setting, the movements
 *   basis on a period longer than a month, or `reactivation` on the start-cohort basis.
 * @throws {RevopsError} `INVALID_INPUT` for input that is not movements, or the start-cohort basis without cohort data.
 * @example
 * ```ts
 * import { mrrMovements, netRevenueRetention } from 'revops/retention';
 * const jan = { start: '2026-01-01', end: '2026-01-31' };
 * const feb = { start: '2026-02-01', end: '2026-02-28' };
 * const rows = [
 *   { customerId: 'a', period: jan, mrr: { amount: '100', currency: 'USD' } },
 *   { customerId: 'a', period: feb, mrr: { amount: '150', currency: 'USD' } },
 *   { customerId: 'b', period: jan, mrr: { amount: '100', currency: 'USD' } },
 *   { customerId: 'b', period: feb, mrr: { amount: '80', currency: 'USD' } },
 * ];
 * netRevenueRetention(mrrMovements(rows, { period: feb })).rate;
 * //=> 1.15
 * ```
 */
export function netRevenueRetention(
  movements: MrrMovements,
  options: NetRevenueRetentionOptions = {},
): RevenueRetention {
  const m = readMovements(movements);
  const basis = basisOf(options, m);
  if (basis === 'startCohort') {
    if (options.reactivation !== undefined)
      throw invalid(
        'INVALID_OPTION',
        'options.reactivation',
        options.reactivation,
        "applies only to basis 'movements'",
      );
    return {
      ...moneyRate((m.startCohort as NonNullable<MrrMovements['startCohort']>).ending, m.starting),
      basis,
      period: m.period,
      months: m.months,
    };
  }
  const r = options.reactivation ?? 'exclude';
  if (r !== 'include' && r !== 'exclude')
    throw invalid('INVALID_OPTION', 'options.reactivation', r, "must be 'include' or 'exclude'");
  let numerator = subtract(subtract(add(m.starting, m.expansion), m.contraction), m.churned);
  if (r === 'include') numerator = add(numerator, m.reactivation);
  return { ...moneyRate(numerator, m.starting), basis, period: m.period, months: m.months };
}

/** Options of {@link quickRatio}. */
export interface QuickRatioOptions {
  /** Provider preset for the reactivation setting. Default: none (library default `'exclude'`). */
  readonly preset?: RetentionPresetName;
  /** Whether reactivation MRR joins the numerator. Default `'exclude'` (Baremetrics' published formula). */
  readonly reactivation?: QuickRatioReactivation;
}

/**
 * The SaaS quick ratio: MRR gained per unit of MRR lost.
 *
 * Formula (Baremetrics; attributed to Mamoon Hamid): `(new + expansion [+ reactivation]) ÷
 * (contraction + churned)`; `null` when nothing was lost. A ratio of 4 or more is the usual bar.
 *
 * @param movements - from {@link mrrMovements}.
 * @param options - see {@link QuickRatioOptions}.
 * @returns the ratio with its numerator and denominator (money).
 * @throws {RevopsError} `INVALID_OPTION` for an unknown preset or reactivation setting.
 * @throws {RevopsError} `INVALID_INPUT` for input that is not movements.
 * @example
 * ```ts
 * import { mrrMovements, quickRatio } from 'revops/retention';
 * const jan = { start: '2026-01-01', end: '2026-01-31' };
 * const feb = { start: '2026-02-01', end: '2026-02-28' };
 * const rows = [
 *   { customerId: 'a', period: jan, mrr: { amount: '100', currency: 'USD' } },
 *   { customerId: 'a', period: feb, mrr: { amount: '150', currency: 'USD' } },
 *   { customerId: 'b', period: jan, mrr: { amount: '100', currency: 'USD' } },
 *   { customerId: 'b', period: feb, mrr: { amount: '80', currency: 'USD' } },
 * ];
 * quickRatio(mrrMovements(rows, { period: feb })).rate;
 * //=> 2.5
 * ```
 */
export function quickRatio(movements: MrrMovements, options: QuickRatioOptions = {}): MoneyRate {
  const m = readMovements(movements);
  readObject(options, 'options', 'INVALID_OPTION');
  const r = resolveConvention({
    ...(options.preset === undefined ? {} : { preset: options.preset }),
    ...(options.reactivation === undefined ? {} : { quickRatioReactivation: options.reactivation }),
  }).quickRatioReactivation;
  if (r !== 'numerator' && r !== 'exclude')
    throw invalid('INVALID_OPTION', 'options.reactivation', r, "must be 'numerator' or 'exclude'");
  let gained = add(m.new, m.expansion);
  if (r === 'numerator') gained = add(gained, m.reactivation);
  return moneyRate(gained, add(m.contraction, m.churned));
}
