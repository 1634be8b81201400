/**
 * Forecast categories: closed, commit, best case, pipeline and omitted amounts for a period,
 * with the usual cumulative roll-ups (Salesforce Collaborative Forecasts), optionally per group.
 * @module
 */
import { readOptions } from './checks.js';
import type { Deal } from '../model/deal.js';
import type { Pipeline } from '../model/pipeline.js';
import type { ForecastCategory } from '../model/segment.js';
import {
  readGrouping,
  sortedGroups,
  summaryGroupBy,
  type GroupByKey,
  type GroupingOptions,
} from '../model/group-by.js';
import { describeValue, invalid } from '../core/errors.js';
import type { CurrencyCode } from '../core/currency.js';
import { formatExact } from '../core/decimal-text.js';
import { exactAdd, type Exact } from '../core/exact.js';
import { assertSameCurrency, fromExact, type Money } from '../core/money.js';
import type { Period } from '../core/periods.js';
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
  duplicateCheck,
  inPeriod,
  mergeIds,
  readArray,
  readCurrency,
  readOutcome,
  readPeriod,
  setOwn,
  summaryDecimal,
  summaryIds,
  ZERO,
  mergeGroupStates,
} from './internal.js';
import { readFailure } from '../core/read.js';

const CATEGORIES: readonly ForecastCategory[] = ['closed', 'commit', 'bestCase', 'pipeline', 'omitted'];

/** Options of {@link forecastByCategory} and {@link summarizeForecastByCategory}. */
export interface ForecastByCategoryOptions extends GroupingOptions<Deal> {
  /** The forecast period (inclusive). Required. */
  readonly period: Period;
  /** The pipeline whose stage kinds decide which deals are open, won or lost. Default: the default deal pipeline. */
  readonly pipeline?: Pipeline;
  /** Currency of the result; needed only when no deal falls in the period. Default: the first counted deal's. */
  readonly currency?: CurrencyCode | undefined;
}

/** Options of {@link finalizeForecastByCategory}. */
export interface FinalizeForecastByCategoryOptions {
  /** Currency of the result when the summary has none (no deal fell in the period). */
  readonly currency?: CurrencyCode | undefined;
}

/** Amount and number of deals of one category. */
export interface CategoryAmount {
  readonly count: number;
  /** Σ amount (gross, exact). */
  readonly amount: Money;
}

/** The category figures of all counted deals, or of one group. */
export interface CategoryFigures {
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

/** Result of {@link forecastByCategory}. */
export interface CategoryForecast extends CategoryFigures {
  /** With `groupBy`: the figures of each group (keys sorted; no value: `'(unassigned)'`). */
  readonly groups?: Readonly<Record<string, CategoryFigures>>;
}

/** Exact amounts (decimal strings) and counts by category. */
export type CategorySums = Readonly<Record<ForecastCategory, { readonly count: number; readonly amount: string }>>;

/**
 * JSON-serialisable partial result of {@link summarizeForecastByCategory} (`kind`
 * `'forecastByCategory'`, `version` 1). `period` and `groupBy` must agree for a merge.
 */
export interface CategorySummary extends Summary<'forecastByCategory'> {
  readonly version: 1;
  readonly period: Period;
  readonly groupBy: GroupByKey | 'function' | null;
  readonly currency: CurrencyCode | null;
  /** Ids of the deals counted, sorted (a deal summarised in two chunks is refused on merge). */
  readonly ids: readonly string[];
  readonly categories: CategorySums;
  /** With `groupBy`: each group's sums; else `null`. */
  readonly groups: Readonly<Record<string, CategorySums>> | null;
}

type Acc = Map<ForecastCategory, { count: number; amount: Exact }>;
const newAcc = (): Acc => new Map(CATEGORIES.map((c) => [c, { count: 0, amount: ZERO }]));

function printAcc(acc: Acc): CategorySums {
  const out = {} as Record<ForecastCategory, { count: number; amount: string }>;
  for (const c of CATEGORIES) {
    const a = acc.get(c) as { count: number; amount: Exact };
    out[c] = { count: a.count, amount: formatExact(a.amount) };
  }
  return out;
}

/**
 * Summarises a chunk of deals by forecast category for a period (exact decimal strings), for
 * merging per team, territory, member or worker; see {@link forecastByCategory} for the rules.
 *
 * @param deals - the chunk.
 * @param options - `period` (required) and see {@link ForecastByCategoryOptions}.
 * @returns a {@link CategorySummary}.
 * @throws {RevopsError} `INVALID_INPUT` when `deals` is not an array of deals, a deal's stage is not in the pipeline,
 *   or a counted deal has an unknown category, a lost deal is not `omitted`, a won deal is in an open category, or an
 *   open deal is `closed`.
 * @throws {RevopsError} `DUPLICATE_ID` when two counted deals have the same id (naming both positions).
 * @throws {RevopsError} `INVALID_OPTION` for a malformed `pipeline` or `groupBy`.
 * @throws {RevopsError} `INVALID_PERIOD` for a missing period or one that ends before it starts.
 * @throws {RevopsError} `INVALID_DATE` for a malformed `expectedCloseDate` (or `closeDate`) of a deal compared with the
 *   period.
 * @throws {RevopsError} `CURRENCY_MISMATCH` when counted deals use different currencies.
 * @throws {RevopsError} `UNKNOWN_CURRENCY` for an unknown currency code.
 * @example
 * ```ts
 * import { summarizeForecastByCategory } from 'revops/forecast';
 * const deal = { id: 'D-1', stage: 'negotiation', forecastCategory: 'commit',
 *   amount: { amount: '500.00', currency: 'USD' }, expectedCloseDate: '2026-02-10' };
 * summarizeForecastByCategory([deal], { period: { start: '2026-01-01', end: '2026-03-31' } }).categories.commit;
 * //=> { count: 1, amount: '500' }
 * ```
 */
export function summarizeForecastByCategory(
  deals: readonly Deal[],
  options: ForecastByCategoryOptions,
): CategorySummary {
  try {
    readArray(deals, 'deals');
    if (typeof options !== 'object' || options === null) {
      throw invalid('INVALID_OPTION', 'options', options, 'must be { period, … } (the period is required)');
    }
    const window = readPeriod(options.period, 'options.period');
    if (window === undefined) throw invalid('INVALID_PERIOD', 'options.period', undefined, 'is required');
    const outcome = readOutcome(options.pipeline);
    const grouping = readGrouping(options, 'deals', (d: Deal) => d);
    let currency = readCurrency(options.currency, 'options.currency');
    const ids = duplicateCheck();
    const total = newAcc();
    const groups = new Map<string, Acc>();
    for (let i = 0; i < deals.length; i++) {
      const deal = deals[i] as Deal;
      if (typeof deal !== 'object' || deal === null)
        throw invalid('INVALID_INPUT', `deals[${i}]`, deal, 'must be a deal');
      const path = dealPath(i, deal);
      const kind = outcome(deal, path);
      // Closed deals are dated by when they closed (their closeDate, when given),
      // open ones by when they are expected to.
      const dated = kind !== 'open' && deal.closeDate !== undefined;
      const date = dated ? (deal.closeDate as string) : deal.expectedCloseDate;
      if (!inPeriod(window, date, `${path}.${dated ? 'closeDate' : 'expectedCloseDate'}`)) continue;
      const category = deal.forecastCategory;
      if (!(CATEGORIES as readonly unknown[]).includes(category)) {
        throw invalid('INVALID_INPUT', `${path}.forecastCategory`, category, `must be one of ${CATEGORIES.join(', ')}`);
      }
      // A lost deal left in an open category (or in 'closed') would inflate the roll-ups; an open deal in 'closed'
      // would count as booked. Both are data errors, refused rather than guessed.
      const allowed =
        kind === 'won'
          ? category === 'closed' || category === 'omitted'
          : kind === 'lost'
            ? category === 'omitted'
            : category !== 'closed';
      if (!allowed) {
        const rule =
          kind === 'won'
            ? "must be 'closed' (or 'omitted') for a won deal"
            : kind === 'lost'
              ? "must be 'omitted' for a lost deal"
              : "must not be 'closed' for an open deal: only won deals are closed bookings";
        throw invalid(
          'INVALID_INPUT',
          `${path}.forecastCategory`,
          category,
          `${rule} (stage ${describeValue(deal.stage)})`,
        );
      }
      ids.check(deal, i);
      const m = dealAmount(deal, path, currency);
      currency = m.currency;
      const accs = [total];
      if (grouping !== null) {
        const key = grouping.keyOf(deal, i);
        let g = groups.get(key);
        if (g === undefined) {
          g = newAcc();
          groups.set(key, g);
        }
        accs.push(g);
      }
      for (const acc of accs) {
        const a = acc.get(category) as { count: number; amount: Exact };
        a.count++;
        a.amount = exactAdd(a.amount, m.x);
      }
    }
    let printed: Record<string, CategorySums> | null = null;
    if (grouping !== null) {
      printed = {};
      for (const [key, g] of Object.entries(sortedGroups(groups))) setOwn(printed, key, printAcc(g));
    }
    return {
      kind: 'forecastByCategory',
      version: 1,
      period: window,
      groupBy: grouping?.label ?? null,
      currency: currency ?? null,
      ids: ids.ids().sort(),
      categories: printAcc(total),
      groups: printed,
    };
  } catch (thrown) {
    throw readFailure(thrown, { deals, options });
  }
}

type ReadSums = Record<ForecastCategory, { count: number; amount: Exact }>;

function readSums(value: unknown, field: string): ReadSums {
  const o = summaryRecord(value, field);
  const out = {} as ReadSums;
  for (const c of CATEGORIES) {
    const line = summaryRecord(o[c], `${field}.${c}`);
    out[c] = {
      count: summaryInteger(line['count'], `${field}.${c}.count`),
      amount: summaryDecimal(line['amount'], `${field}.${c}.amount`),
    };
  }
  return out;
}

interface ReadCategorySummary {
  readonly period: Period;
  readonly groupBy: unknown;
  readonly currency: CurrencyCode | null;
  readonly ids: readonly string[];
  readonly categories: ReadSums;
  readonly groups: ReadonlyMap<string, ReadSums> | null;
}

/** Validates a category summary field by field (INVALID_SUMMARY naming the field). */
function readCategorySummary(value: unknown, field: string): ReadCategorySummary {
  const o = readSummary(value, field, 'forecastByCategory', 1);
  const currency = o['currency'];
  if (currency !== null) {
    if (typeof currency !== 'string') throw invalidSummary(`${field}.currency`, currency, 'must be a currency or null');
    readCurrency(currency, `${field}.currency`);
  }
  let period: Period;
  try {
    period = readPeriod(
      summaryRecord(o['period'], `${field}.period`) as unknown as Period,
      `${field}.period`,
    ) as Period;
  } catch {
    throw invalidSummary(`${field}.period`, o['period'], 'must be a period { start, end }');
  }
  const groupBy = summaryGroupBy(o['groupBy'], `${field}.groupBy`);
  let groups: Map<string, ReadSums> | null = null;
  if (groupBy !== null) {
    const g = summaryRecord(o['groups'], `${field}.groups`);
    groups = new Map();
    for (const key of Object.keys(g)) groups.set(key, readSums(g[key], `${field}.groups.${key}`));
  } else if (o['groups'] !== null) throw invalidSummary(`${field}.groups`, o['groups'], 'must be null without groupBy');
  return {
    period,
    groupBy,
    currency: currency as CurrencyCode | null,
    ids: summaryIds(o['ids'], `${field}.ids`),
    categories: readSums(o['categories'], `${field}.categories`),
    groups,
  };
}

function addSums(x: ReadSums | undefined, y: ReadSums | undefined): Acc {
  const acc = newAcc();
  for (const s of [x, y]) {
    if (s === undefined) continue;
    for (const c of CATEGORIES) {
      const a = acc.get(c) as { count: number; amount: Exact };
      a.count += s[c].count;
      a.amount = exactAdd(a.amount, s[c].amount);
    }
  }
  return acc;
}

/**
 * Merges two category summaries of the same period (exactly; associative and commutative).
 *
 * @param a - a summary.
 * @param b - another summary of the same period and grouping.
 * @returns the summary of both chunks.
 * @throws {RevopsError} `INVALID_SUMMARY` when either is not a valid category summary (naming the field), or the
 *   periods
 *   or groupings differ.
 * @throws {RevopsError} `DUPLICATE_ID` when a deal was counted in both.
 * @throws {RevopsError} `CURRENCY_MISMATCH` when the currencies differ.
 * @example
 * ```ts
 * import { mergeForecastByCategory, summarizeForecastByCategory } from 'revops/forecast';
 * const q1 = { period: { start: '2026-01-01', end: '2026-03-31' } };
 * const d = (id: string, amount: string) => ({ id, stage: 'proposal', forecastCategory: 'bestCase',
 *   amount: { amount, currency: 'USD' }, expectedCloseDate: '2026-03-01' });
 * const a = summarizeForecastByCategory([d('D-1', '1.10')], q1);
 * mergeForecastByCategory(a, summarizeForecastByCategory([d('D-2', '2.20')], q1)).categories.bestCase;
 * //=> { count: 2, amount: '3.3' }
 * ```
 */
export function mergeForecastByCategory(a: CategorySummary, b: CategorySummary): CategorySummary {
  try {
    const x = readCategorySummary(a, 'a');
    const y = readCategorySummary(b, 'b');
    sameParameter(x.period, y.period, 'period');
    sameParameter(x.groupBy, y.groupBy, 'groupBy');
    if (x.currency !== null && y.currency !== null) assertSameCurrency(x.currency, y.currency);
    const ids = mergeIds(x.ids, y.ids);
    const groups = mergeGroupStates(x.groups, y.groups, (a, b) => printAcc(addSums(a, b)));
    return {
      kind: 'forecastByCategory',
      version: 1,
      period: x.period,
      groupBy: x.groupBy as CategorySummary['groupBy'],
      currency: x.currency ?? y.currency,
      ids,
      categories: printAcc(addSums(x.categories, y.categories)),
      groups,
    };
  } catch (thrown) {
    throw readFailure(thrown, { a, b }, 'INVALID_SUMMARY');
  }
}

/**
 * Turns a (merged) category summary into the {@link CategoryForecast}.
 *
 * @param summary - from {@link summarizeForecastByCategory} / {@link mergeForecastByCategory}.
 * @param options - `currency`, used when the summary has none.
 * @returns the same result as {@link forecastByCategory} on all the deals.
 * @throws {RevopsError} `INVALID_SUMMARY` when `summary` is not a valid category summary (naming the field).
 * @throws {RevopsError} `INVALID_OPTION` when neither the summary nor the options give a currency.
 * @example
 * ```ts
 * import { finalizeForecastByCategory, summarizeForecastByCategory } from 'revops/forecast';
 * const empty = summarizeForecastByCategory([], { period: { start: '2026-01-01', end: '2026-03-31' } });
 * finalizeForecastByCategory(empty, { currency: 'USD' }).commitForecast;
 * //=> { amount: '0.00', currency: 'USD' }
 * ```
 */
export function finalizeForecastByCategory(
  summary: CategorySummary,
  options: FinalizeForecastByCategoryOptions = {},
): CategoryForecast {
  try {
    const s = readCategorySummary(summary, 'summary');
    const o = readOptions(options);
    const currency = s.currency ?? readCurrency(o.currency, 'options.currency');
    if (currency === undefined) {
      throw invalid('INVALID_OPTION', 'options.currency', o.currency, 'is required when no deal falls in the period');
    }
    const figures = (fx: ReadSums): CategoryFigures => {
      const out = {} as Record<ForecastCategory, CategoryAmount>;
      for (const c of CATEGORIES) out[c] = { count: fx[c].count, amount: fromExact(fx[c].amount, currency) };
      const commitForecast = exactAdd(fx.closed.amount, fx.commit.amount);
      return {
        period: s.period,
        currency,
        closed: out.closed,
        commit: out.commit,
        bestCase: out.bestCase,
        pipeline: out.pipeline,
        omitted: out.omitted,
        commitForecast: fromExact(commitForecast, currency),
        bestCaseForecast: fromExact(exactAdd(commitForecast, fx.bestCase.amount), currency),
        openPipeline: fromExact(exactAdd(exactAdd(fx.commit.amount, fx.bestCase.amount), fx.pipeline.amount), currency),
      };
    };
    const result = figures(s.categories);
    if (s.groups === null) return result;
    const groups: Record<string, CategoryFigures> = {};
    for (const key of [...s.groups.keys()].sort()) setOwn(groups, key, figures(s.groups.get(key) as ReadSums));
    return { ...result, groups };
  } catch (thrown) {
    throw readFailure(thrown, { summary, options }, { summary: 'INVALID_SUMMARY' });
  }
}

/**
 * Amounts by forecast category for a period, and the roll-ups a forecast call uses:
 * commit forecast = closed + commit; best-case forecast = closed + commit + best case;
 * open pipeline = commit + best case + pipeline (Salesforce's `CommitForecast`,
 * `BestCaseForecast`, `OpenPipeline`). Amounts are gross (not weighted) and exact.
 *
 * Whether a deal is open, won or lost is the kind of its stage in `options.pipeline`
 * (revops/model's `dealOutcome`; `closeDate` says when, never whether). Each deal counts once,
 * in its own `forecastCategory` (the rep's judgement, as stored), dated by its `closeDate` when
 * it is won or lost and has one, else by its `expectedCloseDate`; only deals whose date lies
 * in the period count. `closed` is for won deals and lost deals are `omitted` (the model's
 * convention), and this is checked: a lost deal must be `omitted`, a won deal `closed` (or
 * `omitted`), and an open deal must not be `closed` — a lost deal left in `commit` would
 * otherwise inflate the commit forecast silently. The same deal id twice is refused
 * (`DUPLICATE_ID`). With `groupBy`, the result also carries each group's figures.
 *
 * @param deals - the deals.
 * @param options - `period` (required) and see {@link ForecastByCategoryOptions}.
 * @returns a {@link CategoryForecast}.
 * @throws {RevopsError} `INVALID_INPUT` when `deals` is not an array of deals, a deal's stage is not in the pipeline,
 *   or a counted deal has an unknown category, a lost deal is not `omitted`, a won deal is in an open category, or an
 *   open deal is `closed`.
 * @throws {RevopsError} `DUPLICATE_ID` when two counted deals have the same id (naming both positions).
 * @throws {RevopsError} `INVALID_OPTION` for a malformed `pipeline` or `groupBy`.
 * @throws {RevopsError} `INVALID_PERIOD` for a missing period or one that ends before it starts.
 * @throws {RevopsError} `INVALID_DATE` for a malformed `expectedCloseDate` (or `closeDate`) of a deal compared with the
 *   period.
 * @throws {RevopsError} `INVALID_OPTION` when no deal falls in the period and no currency is given.
 * @throws {RevopsError} `CURRENCY_MISMATCH` when counted deals use different currencies.
 * @throws {RevopsError} `UNKNOWN_CURRENCY` for an unknown currency code.
 * @example
 * ```ts
 * import { forecastByCategory } from 'revops/forecast';
 * const d = (id: string, stage: string, forecastCategory: string, amount: string, extra = {}) => ({ id, stage,
 *   forecastCategory, amount: { amount, currency: 'USD' }, expectedCloseDate: '2026-03-15', ...extra });
 * const f = forecastByCategory([
 *   d('D-1', 'closed-won', 'closed', '40000', { closeDate: '2026-02-01' }), d('D-2', 'negotiation', 'commit', '25000'),
 *   d('D-3', 'proposal', 'bestCase', '30000'), d('D-4', 'discovery', 'pipeline', '50000'),
 *   d('D-5', 'closed-lost', 'omitted', '10000', { closeDate: '2026-01-20' }),
 * ], { period: { start: '2026-01-01', end: '2026-03-31' } });
 * [f.commitForecast.amount, f.bestCaseForecast.amount, f.openPipeline.amount];
 * //=> ['65000.00', '95000.00', '105000.00']
 * ```
 */
export function forecastByCategory(deals: readonly Deal[], options: ForecastByCategoryOptions): CategoryForecast {
  try {
    return finalizeForecastByCategory(
      summarizeForecastByCategory(deals, options),
      options?.currency === undefined ? {} : { currency: options.currency },
    );
  } catch (thrown) {
    throw readFailure(thrown, { deals, options });
  }
}
