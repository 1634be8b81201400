/**
 * Gross and net revenue retention and the quick ratio, from MRR movements.
 * @module
 */
import { describeValue, invalid } from '../core/errors.js';
import { add, subtract } from '../core/money-arithmetic.js';
import type { CurrencyCode } from '../core/currency.js';
import { assertSameCurrency, fromExact, readMoneyExact, type Money } from '../core/money.js';
import { readPeriod, type Period } from '../core/periods.js';
import { readInteger, readObject, readFailure } from '../core/read.js';
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

/** The rate of two amounts read by {@link readMovements}; `field` names the numerator in a refusal. */
function moneyRate(numerator: Money, denominator: Money, field: string): MoneyRate {
  const n = readMoneyExact(numerator, 'numerator').x;
  const d = readMoneyExact(denominator, 'denominator').x;
  const rate = exactRatio(n, d);
  if (rate !== null && !Number.isFinite(rate)) {
    const why = `over ${describeValue(denominator.amount)} gives a rate beyond the range of a number (±1.8e308)`;
    throw invalid('INVALID_AMOUNT', field, numerator.amount, why);
  }
  return { rate, numerator, denominator };
}

/** The fields of {@link MrrMovements} the rates read, and the period and months together as `when`. */
type ReadMovements = Omit<MrrMovements, 'customers' | 'churnCounts' | 'ending'> & {
  readonly when: { readonly period: Period; readonly months: number };
};

/** Whole calendar months from the month of `p.start` to the month of `p.end`, both counted. */
function monthsSpanned(p: Period): number {
  const index = (date: string): number => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7));
  return index(p.end) - index(p.start) + 1;
}

/**
 * Reads the movements once, every field the rates use, into fresh values (the result shares
 * nothing with the caller's object): the period, its whole months, and each amount as money of
 * the starting amount's currency.
 */
function readMovements(m: MrrMovements): ReadMovements {
  if (m === null || typeof m !== 'object' || Array.isArray(m)) {
    throw invalid('INVALID_INPUT', 'movements', m, 'must be the result of mrrMovements or finalizeMrrMovements');
  }
  const period = readPeriod(m.period, 'movements.period');
  const months = readInteger(m.months, 'movements.months', { min: 1, code: 'INVALID_INPUT' });
  const spanned = monthsSpanned(period);
  if (months !== spanned) {
    const why = `must be the whole months of movements.period ${period.start}..${period.end} (${spanned})`;
    throw invalid('INVALID_INPUT', 'movements.months', months, why);
  }
  const starting = readMovementMoney(m.starting, 'movements.starting', null);
  const currency = starting.currency;
  const amount = (v: unknown, field: string): Money => readMovementMoney(v, field, currency);
  const cohort: unknown = m.startCohort;
  let startCohort: ReadMovements['startCohort'] = null;
  if (cohort !== null) {
    if (typeof cohort !== 'object' || Array.isArray(cohort)) {
      const why = 'must be null or { starting, retained, ending }';
      throw invalid('INVALID_INPUT', 'movements.startCohort', cohort, why);
    }
    const c = cohort as NonNullable<MrrMovements['startCohort']>;
    startCohort = {
      starting: amount(c.starting, 'movements.startCohort.starting'),
      retained: amount(c.retained, 'movements.startCohort.retained'),
      ending: amount(c.ending, 'movements.startCohort.ending'),
    };
  }
  return {
    period,
    months,
    when: { period, months },
    starting,
    new: amount(m.new, 'movements.new'),
    expansion: amount(m.expansion, 'movements.expansion'),
    contraction: amount(m.contraction, 'movements.contraction'),
    churned: amount(m.churned, 'movements.churned'),
    reactivation: amount(m.reactivation, 'movements.reactivation'),
    startCohort,
  };
}

/** A money field of the movements as a fresh Money in `currency` (any currency when `null`). */
function readMovementMoney(value: unknown, field: string, currency: CurrencyCode | null): Money {
  const { x, currency: c, digits } = readMoneyExact(value, field);
  if (currency !== null) assertSameCurrency(currency, c, field);
  return fromExact(x, c, digits);
}

function basisOf(options: GrossRevenueRetentionOptions, m: ReadMovements): 'startCohort' | 'movements' {
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
 * @throws {RevopsError} `INVALID_INPUT` for input that is not movements (`months` not the whole months of
 *   `period`, an amount that is not money), or the start-cohort basis without cohort data.
 * @throws {RevopsError} `INVALID_PERIOD` or `INVALID_DATE` for a malformed `movements.period`.
 * @throws {RevopsError} `INVALID_AMOUNT` for a malformed amount, or amounts whose rate is beyond the range of a
 *   number (`'1e999'` over `'200.00'`: never `Infinity`).
 * @throws {RevopsError} `CURRENCY_MISMATCH` or `UNKNOWN_CURRENCY` for amounts not all in one known currency.
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
  try {
    const m = readMovements(movements);
    const basis = basisOf(options, m);
    if (basis === 'startCohort') {
      const retained = (m.startCohort as NonNullable<ReadMovements['startCohort']>).retained;
      return { ...moneyRate(retained, m.starting, 'movements.startCohort.retained'), basis, ...m.when };
    }
    const numerator = subtract(subtract(m.starting, m.contraction), m.churned);
    return { ...moneyRate(numerator, m.starting, 'movements (starting − contraction − churned)'), basis, ...m.when };
  } catch (thrown) {
    throw readFailure(thrown, { movements, options });
  }
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
 * @throws {RevopsError} `INVALID_INPUT` for input that is not movements (`months` not the whole months of
 *   `period`, an amount that is not money), or the start-cohort basis without cohort data.
 * @throws {RevopsError} `INVALID_PERIOD` or `INVALID_DATE` for a malformed `movements.period`.
 * @throws {RevopsError} `INVALID_AMOUNT` for a malformed amount, or amounts whose rate is beyond the range of a
 *   number (`'1e999'` over `'200.00'`: never `Infinity`).
 * @throws {RevopsError} `CURRENCY_MISMATCH` or `UNKNOWN_CURRENCY` for amounts not all in one known currency.
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
  try {
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
      const ending = (m.startCohort as NonNullable<ReadMovements['startCohort']>).ending;
      return { ...moneyRate(ending, m.starting, 'movements.startCohort.ending'), basis, ...m.when };
    }
    const r = options.reactivation ?? 'exclude';
    if (r !== 'include' && r !== 'exclude')
      throw invalid('INVALID_OPTION', 'options.reactivation', r, "must be 'include' or 'exclude'");
    let numerator = subtract(subtract(add(m.starting, m.expansion), m.contraction), m.churned);
    if (r === 'include') numerator = add(numerator, m.reactivation);
    const field = `movements (starting + expansion − contraction − churned${r === 'include' ? ' + reactivation' : ''})`;
    return { ...moneyRate(numerator, m.starting, field), basis, ...m.when };
  } catch (thrown) {
    throw readFailure(thrown, { movements, options });
  }
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
 * @throws {RevopsError} `INVALID_INPUT` for input that is not movements (`months` not the whole months of
 *   `period`, an amount that is not money).
 * @throws {RevopsError} `INVALID_PERIOD` or `INVALID_DATE` for a malformed `movements.period`.
 * @throws {RevopsError} `INVALID_AMOUNT` for a malformed amount, or amounts whose ratio is beyond the range of a
 *   number (never `Infinity`).
 * @throws {RevopsError} `CURRENCY_MISMATCH` or `UNKNOWN_CURRENCY` for amounts not all in one known currency.
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
  try {
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
    const field = `movements (new + expansion${r === 'numerator' ? ' + reactivation' : ''})`;
    return moneyRate(gained, add(m.contraction, m.churned), field);
  } catch (thrown) {
    throw readFailure(thrown, { movements, options });
  }
}
