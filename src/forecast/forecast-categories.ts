/**
 * Forecast categories: closed, commit, best case, pipeline and omitted amounts for a period,
 * with the usual cumulative roll-ups (Salesforce Collaborative Forecasts).
 * @module
 */
import type { Deal } from '../model/deal.js';
import type { ForecastCategory } from '../model/segment.js';
import { invalid } from '../core/errors.js';
import type { CurrencyCode } from '../core/currency.js';
import { addFixed, formatFixed, normalizeFixed, type Fixed } from '../core/fixed.js';
import { assertSameCurrency, fromFixed, type Money } from '../core/money.js';
import type { Period } from '../core/periods.js';
import { addExact, dealAmount, inPeriod, readArray, readCurrency, readExact, readPeriod, ZERO } from './internal.js';

const CATEGORIES: readonly ForecastCategory[] = ['closed', 'commit', 'bestCase', 'pipeline', 'omitted'];

/** Options of {@link forecastByCategory}. */
export interface ForecastByCategoryOptions {
  /** Currency of the result; needed only when no deal falls in the period. Default: the first counted deal's. */
  readonly currency?: CurrencyCode | undefined;
}

/** Amount and number of deals of one category. */
export interface CategoryAmount {
  readonly count: number;
  /** Σ amount (gross, exact). */
  readonly amount: Money;
}

/** Result of {@link forecastByCategory}. */
export interface CategoryForecast {
  readonly period: Period;
  readonly currency: CurrencyCode;
  /** Won deals (category `closed`). */
  readonly closed: CategoryAmount;
  readonly commit: CategoryAmount;
  readonly bestCase: CategoryAmount;
  readonly pipeline: CategoryAmount;
  /** Lost or excluded deals (category `omitted`); in no roll-up. */
  readonly omitted: CategoryAmount;
  /** Commit forecast = closed + commit. */
  readonly commitForecast: Money;
  /** Best-case forecast = closed + commit + best case. */
  readonly bestCaseForecast: Money;
  /** Open pipeline = commit + best case + pipeline (everything not yet closed or omitted). */
  readonly openPipeline: Money;
}

/** JSON-serialisable partial result of {@link summarizeForecastByCategory}. */
export interface CategorySummary {
  readonly kind: 'forecastByCategory';
  readonly period: Period;
  readonly currency: CurrencyCode | null;
  /** Exact amounts (decimal strings) and counts by category. */
  readonly categories: Readonly<Record<ForecastCategory, { readonly count: number; readonly amount: string }>>;
}

/**
 * Summarises a chunk of deals by forecast category for a period (exact decimal strings), for
 * merging per team, territory, member or worker; see {@link forecastByCategory} for the rules.
 *
 * @param deals - the chunk.
 * @param period - the forecast period (inclusive).
 * @param options - see {@link ForecastByCategoryOptions}.
 * @returns a {@link CategorySummary}.
 * @throws {RevopsError} `INVALID_INPUT` when `deals` is not an array of deals, or a counted deal has an unknown category, a closed deal is in an open category, or an open deal is `closed`.
 * @throws {RevopsError} `INVALID_PERIOD` for a period that ends before it starts.
 * @throws {RevopsError} `INVALID_DATE` for a malformed `expectedCloseDate` (or `closeDate`) of a deal compared with the period.
 * @throws {RevopsError} `CURRENCY_MISMATCH` when counted deals use different currencies.
 * @throws {RevopsError} `UNKNOWN_CURRENCY` for an unknown currency code.
 * @example
 * ```ts
 * import { summarizeForecastByCategory } from 'revops/forecast';
 * const deal = { forecastCategory: 'commit', amount: { amount: '500.00', currency: 'USD' }, expectedCloseDate: '2026-02-10' };
 * summarizeForecastByCategory([deal], { start: '2026-01-01', end: '2026-03-31' }).categories.commit;
 * //=> { count: 1, amount: '500' }
 * ```
 */
export function summarizeForecastByCategory(
  deals: readonly Deal[],
  period: Period,
  options: ForecastByCategoryOptions = {},
): CategorySummary {
  readArray(deals, 'deals');
  const window = readPeriod(period, 'period') as Period;
  let currency = readCurrency(options.currency, 'options.currency');
  const acc = new Map<ForecastCategory, { count: number; amount: Fixed }>(
    CATEGORIES.map((c) => [c, { count: 0, amount: ZERO }]),
  );
  for (let i = 0; i < deals.length; i++) {
    const deal = deals[i] as Deal;
    if (typeof deal !== 'object' || deal === null)
      throw invalid('INVALID_INPUT', `deals[${i}]`, deal, 'must be a deal');
    const date = deal.closeDate ?? deal.expectedCloseDate;
    if (
      !inPeriod(window, date, deal.closeDate === undefined ? `deals[${i}].expectedCloseDate` : `deals[${i}].closeDate`)
    )
      continue;
    const a = acc.get(deal.forecastCategory);
    if (a === undefined) {
      throw invalid(
        'INVALID_INPUT',
        `deals[${i}].forecastCategory`,
        deal.forecastCategory,
        `must be one of ${CATEGORIES.join(', ')}`,
      );
    }
    // A closed deal left in an open category (a lost deal still in 'commit') would inflate the roll-ups;
    // an open deal in 'closed' would count as booked. Both are data errors, refused rather than guessed.
    if (deal.closeDate !== undefined && deal.forecastCategory !== 'closed' && deal.forecastCategory !== 'omitted') {
      throw invalid(
        'INVALID_INPUT',
        `deals[${i}].forecastCategory`,
        deal.forecastCategory,
        `must be 'closed' (won) or 'omitted' (lost) for a deal with a closeDate (${deal.closeDate})`,
      );
    }
    if (deal.closeDate === undefined && deal.forecastCategory === 'closed') {
      throw invalid(
        'INVALID_INPUT',
        `deals[${i}].forecastCategory`,
        deal.forecastCategory,
        "must not be 'closed' for an open deal (no closeDate): only won deals are closed bookings",
      );
    }
    const m = dealAmount(deal, `deals[${i}]`, currency);
    currency = m.currency;
    a.count++;
    a.amount = addFixed(a.amount, m.fixed);
  }
  const categories = {} as Record<ForecastCategory, { count: number; amount: string }>;
  for (const c of CATEGORIES) {
    const a = acc.get(c) as { count: number; amount: Fixed };
    categories[c] = { count: a.count, amount: formatFixed(normalizeFixed(a.amount)) };
  }
  return { kind: 'forecastByCategory', period: window, currency: currency ?? null, categories };
}

function checkSummary(s: CategorySummary, field: string): void {
  if (typeof s !== 'object' || s === null || s.kind !== 'forecastByCategory' || typeof s.categories !== 'object') {
    throw invalid('INVALID_INPUT', field, s, 'must be a summary from summarizeForecastByCategory');
  }
}

/**
 * Merges two category summaries of the same period (exactly; associative and commutative).
 *
 * @param a - a summary.
 * @param b - another summary of the same period.
 * @returns the summary of both chunks.
 * @throws {RevopsError} `INVALID_INPUT` when either is not a category summary, or the periods differ.
 * @throws {RevopsError} `CURRENCY_MISMATCH` when the currencies differ.
 * @example
 * ```ts
 * import { mergeForecastByCategory, summarizeForecastByCategory } from 'revops/forecast';
 * const q1 = { start: '2026-01-01', end: '2026-03-31' };
 * const d = (amount: string) => ({ forecastCategory: 'bestCase', amount: { amount, currency: 'USD' }, expectedCloseDate: '2026-03-01' });
 * mergeForecastByCategory(summarizeForecastByCategory([d('1.10')], q1), summarizeForecastByCategory([d('2.20')], q1)).categories.bestCase;
 * //=> { count: 2, amount: '3.3' }
 * ```
 */
export function mergeForecastByCategory(a: CategorySummary, b: CategorySummary): CategorySummary {
  checkSummary(a, 'a');
  checkSummary(b, 'b');
  if (a.period.start !== b.period.start || a.period.end !== b.period.end) {
    throw invalid('INVALID_INPUT', 'b.period', b.period, `must equal a.period ${a.period.start}..${a.period.end}`);
  }
  if (a.currency !== null && b.currency !== null) assertSameCurrency(a.currency, b.currency);
  const categories = {} as Record<ForecastCategory, { count: number; amount: string }>;
  for (const c of CATEGORIES) {
    const x = a.categories[c];
    const y = b.categories[c];
    categories[c] = { count: x.count + y.count, amount: addExact(x.amount, y.amount, `categories.${c}`) };
  }
  return { kind: 'forecastByCategory', period: a.period, currency: a.currency ?? b.currency, categories };
}

/**
 * Turns a (merged) category summary into the {@link CategoryForecast}.
 *
 * @param summary - from {@link summarizeForecastByCategory} / {@link mergeForecastByCategory}.
 * @param options - `currency`, used when the summary has none.
 * @returns the same result as {@link forecastByCategory} on all the deals.
 * @throws {RevopsError} `INVALID_INPUT` when `summary` is not a category summary.
 * @throws {RevopsError} `INVALID_OPTION` when neither the summary nor the options give a currency.
 * @example
 * ```ts
 * import { finalizeForecastByCategory, summarizeForecastByCategory } from 'revops/forecast';
 * finalizeForecastByCategory(summarizeForecastByCategory([], { start: '2026-01-01', end: '2026-03-31' }), { currency: 'USD' }).commitForecast;
 * //=> { amount: '0.00', currency: 'USD' }
 * ```
 */
export function finalizeForecastByCategory(
  summary: CategorySummary,
  options: ForecastByCategoryOptions = {},
): CategoryForecast {
  checkSummary(summary, 'summary');
  const currency = summary.currency ?? readCurrency(options.currency, 'options.currency');
  if (currency === undefined) {
    throw invalid(
      'INVALID_OPTION',
      'options.currency',
      options.currency,
      'is required when no deal falls in the period',
    );
  }
  const fx = {} as Record<ForecastCategory, Fixed>;
  const out = {} as Record<ForecastCategory, CategoryAmount>;
  for (const c of CATEGORIES) {
    const s = summary.categories[c];
    fx[c] = readExact(s.amount, `summary.categories.${c}.amount`);
    out[c] = { count: s.count, amount: fromFixed(fx[c], currency) };
  }
  const commitForecast = addFixed(fx.closed, fx.commit);
  return {
    period: summary.period,
    currency,
    closed: out.closed,
    commit: out.commit,
    bestCase: out.bestCase,
    pipeline: out.pipeline,
    omitted: out.omitted,
    commitForecast: fromFixed(commitForecast, currency),
    bestCaseForecast: fromFixed(addFixed(commitForecast, fx.bestCase), currency),
    openPipeline: fromFixed(addFixed(addFixed(fx.commit, fx.bestCase), fx.pipeline), currency),
  };
}

/**
 * Amounts by forecast category for a period, and the roll-ups a forecast call uses:
 * commit forecast = closed + commit; best-case forecast = closed + commit + best case;
 * open pipeline = commit + best case + pipeline (Salesforce's `CommitForecast`,
 * `BestCaseForecast`, `OpenPipeline`). Amounts are gross (not weighted) and exact.
 *
 * Each deal counts once, in its own `forecastCategory` (the rep's judgement, as stored), dated
 * by its `closeDate` when it has one (won and lost deals) and by its `expectedCloseDate`
 * otherwise; only deals whose date lies in the period count. `closed` is for won deals and
 * lost deals are `omitted` (the model's convention), and this is checked: a deal with a
 * `closeDate` must be `closed` or `omitted`, and an open deal must not be `closed` — a lost
 * deal left in `commit` would otherwise inflate the commit forecast silently.
 *
 * @param deals - the deals.
 * @param period - the forecast period (inclusive).
 * @param options - see {@link ForecastByCategoryOptions}.
 * @returns a {@link CategoryForecast}.
 * @throws {RevopsError} `INVALID_INPUT` when `deals` is not an array of deals, or a counted deal has an unknown
 *   category, a closed deal is in an open category, or an open deal is `closed`.
 * @throws {RevopsError} `INVALID_PERIOD` for a period that ends before it starts.
 * @throws {RevopsError} `INVALID_DATE` for a malformed `expectedCloseDate` (or `closeDate`) of a deal compared with the period.
 * @throws {RevopsError} `INVALID_OPTION` when no deal falls in the period and no currency is given.
 * @throws {RevopsError} `CURRENCY_MISMATCH` when counted deals use different currencies.
 * @throws {RevopsError} `UNKNOWN_CURRENCY` for an unknown currency code.
 * @example
 * ```ts
 * import { forecastByCategory } from 'revops/forecast';
 * const d = (forecastCategory: string, amount: string, extra = {}) => ({ forecastCategory,
 *   amount: { amount, currency: 'USD' }, expectedCloseDate: '2026-03-15', ...extra });
 * const f = forecastByCategory([
 *   d('closed', '40000', { closeDate: '2026-02-01' }), d('commit', '25000'), d('bestCase', '30000'),
 *   d('pipeline', '50000'), d('omitted', '10000', { closeDate: '2026-01-20' }),
 * ], { start: '2026-01-01', end: '2026-03-31' });
 * [f.commitForecast.amount, f.bestCaseForecast.amount, f.openPipeline.amount];
 * //=> ['65000.00', '95000.00', '105000.00']
 * ```
 */
export function forecastByCategory(
  deals: readonly Deal[],
  period: Period,
  options: ForecastByCategoryOptions = {},
): CategoryForecast {
  return finalizeForecastByCategory(summarizeForecastByCategory(deals, period, options), options);
}
