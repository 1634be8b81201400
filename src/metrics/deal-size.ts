/**
 * Average deal size, with mergeable summaries.
 * @module
 */
import { minorUnits } from '../core/currency.js';
import { parseFixed, pow10 } from '../core/fixed.js';
import { fromFixed, type Money } from '../core/money.js';
import { roundRational, DEFAULT_ROUNDING } from '../core/rounding.js';
import { dealFacts, dealSelector, readFilter, type DealKpiOptions, type KpiDeal } from './deal-kpi.js';
import {
  finalizeGrouped,
  GroupAccumulator,
  mergeGrouped,
  type Grouped,
  type GroupedSummary,
  summaryKind,
} from './grouped-summary.js';
import { addAmounts, MoneyTotal, moneyOf, sameCurrency } from './money-total.js';
import { readList } from './counts.js';

/** Options of {@link averageDealSize}. */
export interface AverageDealSizeOptions extends DealKpiOptions {
  /** Which deals: `'won'` (default), `'lost'`, `'closed'`, `'open'` or `'all'`. */
  readonly outcome?: 'won' | 'lost' | 'closed' | 'open' | 'all';
}

/** An average deal size with its exact total. */
export interface AverageDealSize {
  readonly count: number;
  /** Exact sum of the amounts; `null` with no deals. */
  readonly total: Money | null;
  /** total ÷ count rounded once to the currency's minor unit, half away from zero; `null` with no deals. */
  readonly average: Money | null;
}

/** Per-group state: count and exact total (decimal string). */
export interface DealSizeState {
  count: number;
  total: string;
  currency: string | null;
}

/** A mergeable deal-size summary (JSON); `kind` is `averageDealSize:<outcome>`. */
export type DealSizeSummary = GroupedSummary<DealSizeState>;

const OUTCOMES = ['won', 'lost', 'closed', 'open', 'all'] as const;

/**
 * Summarises a chunk of deals for {@link averageDealSize}.
 *
 * @param deals - deals.
 * @param options - {@link AverageDealSizeOptions}.
 * @returns a JSON-serialisable summary.
 * @throws {RevopsError} as {@link averageDealSize}.
 * @example
 * ```ts
 * import { summarizeAverageDealSize } from 'revops/metrics';
 * summarizeAverageDealSize([]).kind;
 * //=> 'averageDealSize:won'
 * ```
 */
export function summarizeAverageDealSize(
  deals: readonly KpiDeal[],
  options: AverageDealSizeOptions = {},
): DealSizeSummary {
  readList(deals, 'deals');
  const outcome = readFilter(options.outcome ?? 'won', 'outcome', OUTCOMES);
  const select = dealSelector(options, outcome);
  const acc = new GroupAccumulator<DealSizeState>(`averageDealSize:${outcome}`, options, () => ({
    count: 0,
    total: '0',
    currency: null,
  }));
  const totals = new Map<DealSizeState, MoneyTotal>();
  for (let i = 0; i < deals.length; i++) {
    const deal = deals[i] as KpiDeal;
    if (select(deal, i) === null) continue;
    for (const s of acc.targets(deal, dealFacts)) {
      s.count++;
      let t = totals.get(s);
      if (t === undefined) {
        t = new MoneyTotal();
        totals.set(s, t);
      }
      t.add(deal.amount, `deals[${i}].amount`);
    }
  }
  for (const [s, t] of totals) {
    s.total = t.amount();
    s.currency = t.currency;
  }
  return acc.summary();
}

function mergeState(a: DealSizeState, b: DealSizeState): DealSizeState {
  return {
    count: a.count + b.count,
    total: addAmounts(a.total, b.total),
    currency: sameCurrency(a.currency, b.currency),
  };
}

const kindOf = (value: unknown, field: string): string =>
  summaryKind(value, field, 'averageDealSize', (kind) => OUTCOMES.some((o) => kind === `averageDealSize:${o}`));

/**
 * Merges two deal-size summaries (same outcome and grouping).
 *
 * @param a - a summary.
 * @param b - another one.
 * @returns both together.
 * @throws {RevopsError} `INVALID_INPUT` for another kind; `INVALID_OPTION` for another grouping; `CURRENCY_MISMATCH` for two currencies.
 * @example
 * ```ts
 * import { mergeAverageDealSize, summarizeAverageDealSize } from 'revops/metrics';
 * mergeAverageDealSize(summarizeAverageDealSize([]), summarizeAverageDealSize([])).total;
 * //=> { count: 0, total: '0', currency: null }
 * ```
 */
export function mergeAverageDealSize(a: DealSizeSummary, b: DealSizeSummary): DealSizeSummary {
  return mergeGrouped(a, b, kindOf(a, 'a'), mergeState);
}

/**
 * Reads the average deal size from a summary.
 *
 * @param summary - from {@link summarizeAverageDealSize} or {@link mergeAverageDealSize}.
 * @returns the {@link AverageDealSize}, with `groups` when grouped.
 * @throws {RevopsError} `INVALID_INPUT` for something that is not a deal-size summary.
 * @example
 * ```ts
 * import { finalizeAverageDealSize } from 'revops/metrics';
 * finalizeAverageDealSize({ kind: 'averageDealSize:won', groupBy: null, groups: {}, total: { count: 3, total: '100.00', currency: 'USD' } }).average;
 * //=> { amount: '33.33', currency: 'USD' }
 * ```
 */
export function finalizeAverageDealSize(summary: DealSizeSummary): Grouped<AverageDealSize> {
  return finalizeGrouped<DealSizeState, AverageDealSize>(summary, kindOf(summary, 'summary'), (s) => {
    if (s.currency === null || s.count === 0) return { count: s.count, total: null, average: null };
    const f = parseFixed(s.total, 'total');
    const digits = minorUnits(s.currency);
    const units = roundRational(f.int * pow10(digits), pow10(f.scale) * BigInt(s.count), DEFAULT_ROUNDING);
    return {
      count: s.count,
      total: moneyOf(s.total, s.currency),
      average: fromFixed({ int: units, scale: digits }, s.currency),
    };
  });
}

/**
 * The average deal size: Σ amount ÷ number of deals, the sum exact and the quotient rounded
 * once to the currency's minor unit (half away from zero). By default over won deals (the
 * usual definition); choose others with `outcome`.
 *
 * @param deals - deals.
 * @param options - {@link AverageDealSizeOptions}: `outcome`, `pipeline`, `window`, `groupBy`, `members`.
 * @returns count, exact total and average, with `groups` when `groupBy` is set.
 * @throws {RevopsError} `INVALID_OPTION` for an unknown `outcome` or `groupBy`.
 * @throws {RevopsError} `CURRENCY_MISMATCH` for amounts in two currencies.
 * @throws {RevopsError} `INVALID_PERIOD` for a malformed window.
 * @throws {RevopsError} `INVALID_INPUT` for deals that are not an array or a deal that is not an object.
 * @throws {RevopsError} `INVALID_AMOUNT` for a malformed amount (negative amounts, e.g. credit deals, are averaged as given).
 * @example
 * ```ts
 * import { averageDealSize } from 'revops/metrics';
 * const deal = (amount) => ({ ownerId: 'ae1', stage: 'closed-won', createdAt: '2026-01-05T10:00:00Z', amount: { amount, currency: 'USD' } });
 * averageDealSize([deal('10000.00'), deal('20000.00'), deal('5000.01')]).average;
 * //=> { amount: '11666.67', currency: 'USD' }
 * ```
 */
export function averageDealSize(
  deals: readonly KpiDeal[],
  options: AverageDealSizeOptions = {},
): Grouped<AverageDealSize> {
  return finalizeAverageDealSize(summarizeAverageDealSize(deals, options));
}
