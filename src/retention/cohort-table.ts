/**
 * Merging cohort summaries and turning them into a heat-map-ready cohort table.
 * @module
 */
import { invalid, RevopsError } from '../core/errors.js';
import type { IsoDate } from '../core/dates.js';
import { EXACT_ZERO, exactAdd, type Exact } from '../core/exact.js';
import { fromExact, type Money } from '../core/money.js';
import type { RateValue } from '../core/ratio.js';
import { readObject, readOneOf, readFailure } from '../core/read.js';
import { invalidSummary, sameParameter } from '../core/summary.js';
import type { Subscription } from '../model/subscription.js';
import {
  cellCount,
  cohortPeriod,
  periodLabel,
  readCohortSummary,
  summarizeCohortRetention,
  type CohortGranularity,
  type CohortRetentionSummary,
  type CohortSummaryOptions,
  type CohortSummaryRow,
} from './cohort-retention.js';
import { exactRatio } from './exact-ratio.js';
import { addAmounts, amountExact, zeroLike } from './summary-amounts.js';
import { monthDate } from './timeline.js';

/** What a cell's rate measures: customers kept (`'logos'`) or MRR kept, expansion included (`'revenue'`). */
export type CohortBasis = 'logos' | 'revenue';

/** One cell: a cohort, `age` periods after its start. */
export interface CohortCell {
  readonly age: number;
  /** Label of the calendar period of the cell. */
  readonly period: string;
  /** Customers of the cohort active at the end of the period. */
  readonly customers: number;
  /** Their MRR at the end of the period. */
  readonly mrr: Money;
  /** `customers ÷ size` (logos, ≤ 1) or `mrr ÷ startingMrr` (revenue, may exceed 1); `null` over zero. */
  readonly rate: RateValue;
}

/** One cohort (a row of the heat map). */
export interface CohortRow {
  /** Label: `2026-01`, `2026-Q1` or `2026`. */
  readonly cohort: string;
  readonly start: IsoDate;
  readonly size: number;
  readonly startingMrr: Money;
  readonly cells: readonly CohortCell[];
}

/** The weighted average of one age over the cohorts old enough to have it. */
export interface CohortAverage {
  readonly age: number;
  /** Cohorts averaged (those with a cell at this age; 0 % cells count, empty cohorts cannot occur). */
  readonly cohorts: number;
  readonly customers: number;
  readonly size: number;
  readonly mrr: Money;
  readonly startingMrr: Money;
  /** `Σ customers ÷ Σ size` (logos) or `Σ mrr ÷ Σ startingMrr` (revenue): weighted by cohort size or starting MRR. */
  readonly rate: RateValue;
}

/** The cohort table of {@link cohortRetention}. */
export interface CohortTable {
  readonly granularity: CohortGranularity;
  readonly basis: CohortBasis;
  readonly currency: string;
  /** Last day of the last reported period, or `null` without data. */
  readonly through: IsoDate | null;
  readonly cohorts: readonly CohortRow[];
  readonly average: readonly CohortAverage[];
}

/** Options of {@link cohortRetention}. */
export interface CohortRetentionOptions extends CohortSummaryOptions {
  /** What the rates measure. Default `'logos'`. */
  readonly basis?: CohortBasis;
}

/** Options of {@link finalizeCohortRetention}. */
export interface FinalizeCohortOptions {
  /** What the rates measure. Default `'logos'`. */
  readonly basis?: CohortBasis;
}

/** The row with zero cells up to `n` (zeros written with the digits of its starting MRR). */
function padTo(row: CohortSummaryRow, n: number): CohortSummaryRow {
  if (row.customers.length >= n) return row;
  const extra = n - row.customers.length;
  const zero = zeroLike(row.startingMrr);
  return {
    ...row,
    customers: [...row.customers, ...new Array<number>(extra).fill(0)],
    mrr: [...row.mrr, ...new Array<string>(extra).fill(zero)],
  };
}

const WIDTH: Record<CohortGranularity, number> = { month: 1, quarter: 3, year: 12 };

/**
 * Merges two cohort summaries over disjoint customer sets: cells add, cohorts unite. When their
 * last months differ, the earlier one must have come from its data (its customers have no
 * revenue after it, so its missing cells are zeros), not from an explicit `asOf`. Exact;
 * associative and commutative. Both summaries are read in full first, so a summary that came
 * back malformed from JSON is refused, never merged into a wrong number.
 *
 * @param a - a summary.
 * @param b - another summary with the same granularity, convention and currency.
 * @returns the merged summary.
 * @throws {RevopsError} `INVALID_SUMMARY` naming the field: not a version-1 `cohortRetention` summary, a field of the
 *   wrong type, different granularities or settings, or different explicit `asOf` months.
 * @throws {RevopsError} `CURRENCY_MISMATCH` for different currencies.
 * @example
 * ```ts
 * import { summarizeCohortRetention, mergeCohortRetention } from 'revops/retention';
 * const jan = { start: '2026-01-01', end: '2026-01-31' };
 * const a = summarizeCohortRetention([{ customerId: 'a', period: jan, mrr: { amount: '10', currency: 'USD' } }]);
 * const b = summarizeCohortRetention([{ customerId: 'b', period: jan, mrr: { amount: '5', currency: 'USD' } }]);
 * mergeCohortRetention(a, b).cohorts['2026-01'].size;
 * //=> 2
 * ```
 */
export function mergeCohortRetention(a: CohortRetentionSummary, b: CohortRetentionSummary): CohortRetentionSummary {
  try {
    const [x, xLast] = readCohortSummary(a, 'a');
    const [y, yLast] = readCohortSummary(b, 'b');
    for (const k of ['granularity', 'churnRecognition', 'freePlans', 'discounts', 'returners'] as const)
      sameParameter(x[k], y[k], k);
    if (x.currency !== null && y.currency !== null && x.currency !== y.currency)
      throw invalid('CURRENCY_MISMATCH', 'b.currency', y.currency, `must be ${x.currency} like a.currency`);
    let lastMonth = x.lastMonth;
    let last = xLast;
    let fromData = x.lastMonthFromData && y.lastMonthFromData;
    if (xLast !== yLast) {
      const [early, late, lateLast] =
        xLast === null || (yLast !== null && xLast < yLast) ? [x, y, yLast] : [y, x, xLast];
      if (!early.lastMonthFromData && early.lastMonth !== null) {
        throw invalidSummary(
          'b.lastMonth',
          y.lastMonth,
          `must equal a.lastMonth (${x.lastMonth}): summarise every chunk with the same options.asOf`,
        );
      }
      lastMonth = late.lastMonth;
      last = lateLast;
      fromData = late.lastMonthFromData;
    }
    const g = x.granularity;
    const cohorts: Record<string, CohortSummaryRow> = {};
    const labels = [...new Set([...Object.keys(x.cohorts), ...Object.keys(y.cohorts)])].sort();
    for (const label of labels) {
      const p = Object.hasOwn(x.cohorts, label) ? x.cohorts[label] : undefined;
      const q = Object.hasOwn(y.cohorts, label) ? y.cohorts[label] : undefined;
      const start = (p ?? q)?.start as IsoDate;
      const n = cellCount(cohortPeriod(start, g), last, g);
      if (p === undefined || q === undefined) {
        cohorts[label] = padTo((p ?? q) as CohortSummaryRow, n);
        continue;
      }
      const pp = padTo(p, n);
      const pq = padTo(q, n);
      cohorts[label] = {
        start,
        size: p.size + q.size,
        startingMrr: addAmounts(p.startingMrr, q.startingMrr),
        customers: pp.customers.map((v, i) => v + (pq.customers[i] as number)),
        mrr: pp.mrr.map((v, i) => addAmounts(v, pq.mrr[i] as string)),
      };
    }
    return { ...x, currency: x.currency ?? y.currency, lastMonth, lastMonthFromData: fromData, cohorts };
  } catch (thrown) {
    throw readFailure(thrown, { a, b }, 'INVALID_SUMMARY');
  }
}

/**
 * Turns a cohort summary into the table: rows by cohort (oldest first), cells by age, and a
 * weighted average per age over the cohorts old enough to have it (0 % cells count; weights
 * are cohort sizes for logos, starting MRR for revenue — the PostHog #30624/#26217 pitfalls).
 * The summary is read in full first: a summary that came back malformed from JSON is refused.
 *
 * @param summary - from {@link summarizeCohortRetention} or {@link mergeCohortRetention}.
 * @param options - see {@link FinalizeCohortOptions}.
 * @returns the table.
 * @throws {RevopsError} `INVALID_OPTION` for an unknown basis.
 * @throws {RevopsError} `INVALID_SUMMARY` naming the field, for anything that is not a version-1 `cohortRetention`
 *   summary with its documented fields.
 * @throws {RevopsError} `INSUFFICIENT_DATA` for a summary without rows and without a currency.
 * @example
 * ```ts
 * import { summarizeCohortRetention, finalizeCohortRetention } from 'revops/retention';
 * const jan = { start: '2026-01-01', end: '2026-01-31' };
 * const rows = [{ customerId: 'a', period: jan, mrr: { amount: '10', currency: 'USD' } }];
 * finalizeCohortRetention(summarizeCohortRetention(rows, { asOf: '2026-02-28' })).cohorts[0].cells.map((c) => c.rate);
 * //=> [1, 0]
 * ```
 */
export function finalizeCohortRetention(
  summary: CohortRetentionSummary,
  options: FinalizeCohortOptions = {},
): CohortTable {
  try {
    const [s, last] = readCohortSummary(summary, 'summary');
    const o = readObject(options, 'options', 'INVALID_OPTION') as FinalizeCohortOptions;
    const basis = readOneOf(o.basis ?? 'logos', 'options.basis', ['logos', 'revenue']);
    const g = s.granularity;
    const currency = s.currency;
    if (currency === null)
      throw new RevopsError(
        'INSUFFICIENT_DATA',
        'summary.currency is null: the summary has no rows; pass options.currency to summarise an empty chunk',
        { field: 'summary.currency', value: null },
      );
    const money = (x: Exact): Money => fromExact(x, currency);
    const w = WIDTH[g];
    // the last complete period: the last one whose final month is at most lastMonth
    const throughP = last === null ? -1 : Math.floor((last + 1) / w) - 1;
    const avg: { cohorts: number; customers: number; size: number; mrr: Exact; start: Exact }[] = [];
    const rows: CohortRow[] = [];
    for (const label of Object.keys(s.cohorts).sort()) {
      const r = s.cohorts[label] as CohortSummaryRow;
      const cp = cohortPeriod(r.start, g);
      if (cp > throughP) continue;
      const start = amountExact(r.startingMrr);
      const cells = r.customers.slice(0, throughP - cp + 1).map((customers, age): CohortCell => {
        const mrr = amountExact(r.mrr[age] as string);
        const a = (avg[age] ??= { cohorts: 0, customers: 0, size: 0, mrr: EXACT_ZERO, start: EXACT_ZERO });
        a.cohorts++;
        a.customers += customers;
        a.size += r.size;
        a.mrr = exactAdd(a.mrr, mrr);
        a.start = exactAdd(a.start, start);
        return {
          age,
          period: periodLabel(cp + age, g),
          customers,
          mrr: money(mrr),
          rate: basis === 'logos' ? (r.size === 0 ? null : customers / r.size) : exactRatio(mrr, start),
        };
      });
      rows.push({ cohort: label, start: r.start, size: r.size, startingMrr: money(start), cells });
    }
    const average = avg.map(
      (a, age): CohortAverage => ({
        age,
        cohorts: a.cohorts,
        customers: a.customers,
        size: a.size,
        mrr: money(a.mrr),
        startingMrr: money(a.start),
        rate: basis === 'logos' ? (a.size === 0 ? null : a.customers / a.size) : exactRatio(a.mrr, a.start),
      }),
    );
    return {
      granularity: g,
      basis,
      currency,
      through: throughP < 0 ? null : monthDate((throughP + 1) * w - 1, true),
      cohorts: rows,
      average,
    };
  } catch (thrown) {
    throw readFailure(thrown, { summary, options }, { summary: 'INVALID_SUMMARY' });
  }
}

/**
 * The cohort retention table: customers grouped by the period of their first active month,
 * followed period by period (cohort × periods since start), as counts, MRR and rates —
 * ready to draw as a heat map.
 *
 * A customer belongs to the cohort of the first month they were active (paying, or on a free
 * plan when free plans count as active) and stays in it (ChartMogul; Stripe: "if they
 * re-subscribe, they will remain a part of their original cohort"). With `returners: 'active'`
 * (default) a customer who leaves and comes back counts as active again in later cells; with
 * `returners: 'lost'` the first churn is final and each row is a survival curve (how Stripe's
 * "haven't yet churned" reads — Stripe does not say which it does). A cell is measured at the
 * end of its period (month-end snapshot of its last month). Logo rate = active customers ÷
 * cohort size (ChartMogul "Customer Retention" cohort);
 * revenue rate = the cohort's MRR ÷ its starting (New Business) MRR, expansion and reactivation
 * included (ChartMogul "Net MRR Retention" cohort), so it can exceed 1.
 *
 * @param subscriptions - revenue rows, any order; one currency.
 * @param options - see {@link CohortRetentionOptions}.
 * @returns the table.
 * @throws {RevopsError} `INVALID_OPTION` for an unknown granularity, basis, preset or setting.
 * @throws {RevopsError} `INVALID_DATE` for a malformed date.
 * @throws {RevopsError} `INVALID_PERIOD` for a row period that ends before it starts.
 * @throws {RevopsError} `INVALID_AMOUNT` for a negative or malformed amount.
 * @throws {RevopsError} `CURRENCY_MISMATCH` for rows in different currencies.
 * @throws {RevopsError} `UNKNOWN_CURRENCY` for an unknown currency.
 * @throws {RevopsError} `INVALID_INPUT` for a malformed row.
 * @throws {RevopsError} `INSUFFICIENT_DATA` for no rows and no `currency` option.
 * @example
 * ```ts
 * import { cohortRetention } from 'revops/retention';
 * const row = (id: string, start: string, end: string, amount: string) =>
 *   ({ customerId: id, period: { start, end }, mrr: { amount, currency: 'USD' } });
 * const rows = [
 *   row('a', '2026-01-01', '2026-03-31', '10'),
 *   row('b', '2026-01-01', '2026-01-31', '10'),
 *   row('c', '2026-02-01', '2026-03-31', '20'),
 * ];
 * cohortRetention(rows).cohorts.map((c) => [c.cohort, c.cells.map((x) => x.rate)]);
 * //=> [['2026-01', [1, 0.5, 0.5]], ['2026-02', [1, 1]]]
 * cohortRetention(rows).average.map((a) => a.rate);
 * //=> [1, 0.6666666666666666, 0.5]
 * ```
 */
export function cohortRetention(
  subscriptions: readonly Subscription[],
  options: CohortRetentionOptions = {},
): CohortTable {
  try {
    const { basis, ...rest } = readObject(options, 'options', 'INVALID_OPTION') as CohortRetentionOptions;
    return finalizeCohortRetention(summarizeCohortRetention(subscriptions, rest), basis === undefined ? {} : { basis });
  } catch (thrown) {
    throw readFailure(thrown, { subscriptions, options });
  }
}
