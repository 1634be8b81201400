/**
 * Average deal size, with mergeable summaries.
 * @module
 */
import { minorUnits } from '../core/currency.js';
import { parseFixed, pow10 } from '../core/fixed.js';
import { fromFixed, type Money } from '../core/money.js';
import { roundRational, DEFAULT_ROUNDING } from '../core/rounding.js';
import { entityPath, readObject, readFailure } from '../core/read.js';
import { summaryInteger, summaryRecord } from '../core/summary.js';
import { readGrouping } from '../model/group-by.js';
import { readList } from './counts.js';
import { dealFacts, dealSelector, readFilter, type DealKpiOptions, type KpiDeal } from './deal-kpi.js';
import {
  finalizeGrouped,
  GroupAccumulator,
  type Grouped,
  type GroupedSummary,
  mergeGrouped,
  type SummarySpec,
  summaryAmount,
  summaryCurrency,
  summaryOneOf,
} from './grouped-summary.js';
import { addAmounts, MoneyTotal, moneyOf, sameCurrency } from './money-total.js';
import { readPeriodOption } from './period-filter.js';

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

/** The parameters of a deal-size summary. */
export interface DealSizeParameters {
  /** Which deals were averaged. */
  readonly outcome: 'won' | 'lost' | 'closed' | 'open' | 'all';
}

/**
 * A mergeable deal-size summary (JSON): `{ kind: 'averageDealSize', version: 1, groupBy, period, outcome, total, groups
 * }`.
 */
export type DealSizeSummary = GroupedSummary<'averageDealSize', DealSizeState, DealSizeParameters>;

const OUTCOMES = ['won', 'lost', 'closed', 'open', 'all'] as const;

const SPEC: SummarySpec<'averageDealSize', DealSizeState, DealSizeParameters> = {
  kind: 'averageDealSize',
  version: 1,
  params: (v, field) => ({ outcome: summaryOneOf(v['outcome'], `${field}.outcome`, OUTCOMES) }),
  state: (value, field) => {
    const v = summaryRecord(value, field);
    return {
      count: summaryInteger(v['count'], `${field}.count`),
      total: summaryAmount(v['total'], `${field}.total`),
      currency: summaryCurrency(v['currency'], `${field}.currency`),
    };
  },
  merge: (a, b) => ({
    count: a.count + b.count,
    total: addAmounts(a.total, b.total),
    currency: sameCurrency(a.currency, b.currency),
  }),
};

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
 * summarizeAverageDealSize([]).outcome;
 * //=> 'won'
 * ```
 */
export function summarizeAverageDealSize(
  deals: readonly KpiDeal[],
  options: AverageDealSizeOptions = {},
): DealSizeSummary {
  try {
    readList(deals, 'deals');
    readObject(options, 'options', 'INVALID_OPTION');
    const outcome = readFilter(options.outcome ?? 'won', 'options.outcome', OUTCOMES) as DealSizeParameters['outcome'];
    const select = dealSelector(options, outcome);
    const acc = new GroupAccumulator<DealSizeState, KpiDeal>(readGrouping(options, 'deals', dealFacts), () => ({
      count: 0,
      total: '0',
      currency: null,
    }));
    const totals = new Map<DealSizeState, MoneyTotal>();
    for (let i = 0; i < deals.length; i++) {
      const deal = deals[i] as KpiDeal;
      if (select(deal, i) === null) continue;
      for (const s of acc.targets(deal, i)) {
        s.count++;
        let t = totals.get(s);
        if (t === undefined) {
          t = new MoneyTotal();
          totals.set(s, t);
        }
        t.add(deal.amount, `${entityPath('deals', i, deal)}.amount`);
      }
    }
    for (const [s, t] of totals) {
      s.total = t.amount();
      s.currency = t.currency;
    }
    return acc.summary(SPEC, readPeriodOption(options.period), { outcome });
  } catch (thrown) {
    throw readFailure(thrown, { deals, options });
  }
}

/**
 * Merges two deal-size summaries (same outcome and grouping).
 *
 * @param a - a summary.
 * @param b - another one.
 * @returns both together.
 * @throws {RevopsError} `INVALID_SUMMARY` naming the field for a malformed summary or one of another outcome,
 *   grouping or period.
 * @throws {RevopsError} `CURRENCY_MISMATCH` for two currencies.
 * @example
 * ```ts
 * import { mergeAverageDealSize, summarizeAverageDealSize } from 'revops/metrics';
 * mergeAverageDealSize(summarizeAverageDealSize([]), summarizeAverageDealSize([])).total;
 * //=> { count: 0, total: '0', currency: null }
 * ```
 */
export function mergeAverageDealSize(a: DealSizeSummary, b: DealSizeSummary): DealSizeSummary {
  try {
    return mergeGrouped(a, b, SPEC);
  } catch (thrown) {
    throw readFailure(thrown, { a, b }, 'INVALID_SUMMARY');
  }
}

/**
 * Reads the average deal size from a summary.
 *
 * @param summary - from {@link summarizeAverageDealSize} or {@link mergeAverageDealSize}.
 * @returns the {@link AverageDealSize}, with `groups` when grouped.
 * @throws {RevopsError} `INVALID_SUMMARY` naming the field for anything but a valid deal-size summary.
 * @example
 * ```ts
 * import { finalizeAverageDealSize } from 'revops/metrics';
 * finalizeAverageDealSize({ kind: 'averageDealSize', version: 1, groupBy: null, period: null, outcome: 'won',
 *   groups: {}, total: { count: 3, total: '100.00', currency: 'USD' } }).average;
 * //=> { amount: '33.33', currency: 'USD' }
 * ```
 */
export function finalizeAverageDealSize(summary: DealSizeSummary): Grouped<AverageDealSize> {
  try {
    return finalizeGrouped(summary, SPEC, (s): AverageDealSize => {
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
  } catch (thrown) {
    throw readFailure(thrown, { summary }, 'INVALID_SUMMARY');
  }
}

/**
 * The average deal size: Σ amount ÷ number of deals, the sum exact and the quotient rounded
 * once to the currency's minor unit (half away from zero). By default over won deals (the
 * usual definition); choose others with `outcome`.
 *
 * @param deals - deals.
 * @param options - {@link AverageDealSizeOptions}: `outcome`, `pipeline`, `period`, `groupBy`, `members`.
 * @returns count, exact total and average, with `groups` when `groupBy` is set.
 * @throws {RevopsError} `INVALID_OPTION` for an unknown `outcome` or `groupBy`.
 * @throws {RevopsError} `CURRENCY_MISMATCH` for amounts in two currencies.
 * @throws {RevopsError} `INVALID_PERIOD` / `INVALID_DATE` for a malformed period.
 * @throws {RevopsError} `INVALID_INPUT` for deals that are not an array or a deal that is not an object.
 * @throws {RevopsError} `DUPLICATE_ID` for two deals with the same id (naming both positions).
 * @throws {RevopsError} `INVALID_AMOUNT` for a malformed amount (negative amounts, e.g. credit deals, are averaged as
 *   given).
 * @example
 * ```ts
 * import { averageDealSize } from 'revops/metrics';
 * const deal = (amount) => ({ ownerId: 'ae1', stage: 'closed-won', createdAt: '2026-01-05T10:00:00Z',
 *   amount: { amount, currency: 'USD' } });
 * averageDealSize([deal('10000.00'), deal('20000.00'), deal('5000.01')]).average;
 * //=> { amount: '11666.67', currency: 'USD' }
 * ```
 */
export function averageDealSize(
  deals: readonly KpiDeal[],
  options: AverageDealSizeOptions = {},
): Grouped<AverageDealSize> {
  try {
    return finalizeAverageDealSize(summarizeAverageDealSize(deals, options));
  } catch (thrown) {
    throw readFailure(thrown, { deals, options });
  }
}
