/**
 * Merging cohort summaries and turning them into a heat-map-ready cohort table.
 * @module
 */
import { invalid, RevopsError } from '../core/errors.js';
import { MINOR_UNITS_TABLE } from '../core/currency.js';
import type { IsoDate } from '../core/dates.js';
import { formatFixed, normalizeFixed, parseFixed, pow10 } from '../core/fixed.js';
import type { Money } from '../core/money.js';
import type { RateValue } from '../core/ratio.js';
import type { Subscription } from '../model/subscription.js';
import {
  periodLabel,
  readGranularity,
  summarizeCohortRetention,
  type CohortGranularity,
  type CohortRetentionSummary,
  type CohortSummaryOptions,
  type CohortSummaryRow,
} from './cohort-retention.js';
import { addDecimalStrings, monthDate, readDate } from './timeline.js';
import { ratioToNumber } from './unit-economics.js';

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

function readSummary(s: CohortRetentionSummary, field: string): CohortRetentionSummary {
  if (s === null || typeof s !== 'object' || s.kind !== 'revops/retention/cohortRetention')
    throw invalid('INVALID_INPUT', field, s, 'must be a summary from summarizeCohortRetention');
  return s;
}

function padTo(row: CohortSummaryRow, n: number): CohortSummaryRow {
  if (row.customers.length >= n) return row;
  const extra = n - row.customers.length;
  return {
    ...row,
    customers: [...row.customers, ...new Array<number>(extra).fill(0)],
    mrr: [...row.mrr, ...new Array<string>(extra).fill('0')],
  };
}

const WIDTH: Record<CohortGranularity, number> = { month: 1, quarter: 3, year: 12 };

/** Periods from a cohort's start to the period containing `lastMonth`, inclusive. */
function ages(start: IsoDate, lastMonth: IsoDate | null, g: CohortGranularity): number {
  if (lastMonth === null) return 0;
  const w = WIDTH[g];
  return Math.floor(readDate(lastMonth, 'lastMonth')[0] / w) - Math.floor(readDate(start, 'start')[0] / w) + 1;
}

/**
 * Merges two cohort summaries over disjoint customer sets: cells add, cohorts unite. When their
 * last months differ, the earlier one must have come from its data (its customers have no
 * revenue after it, so its missing cells are zeros), not from an explicit `through`. Exact;
 * order-independent.
 *
 * @param a - a summary.
 * @param b - another summary with the same granularity, convention and currency.
 * @returns the merged summary.
 * @throws {RevopsError} `INVALID_INPUT` for a non-summary, different granularities, or different explicit `through` dates.
 * @throws {RevopsError} `INVALID_OPTION` for different conventions.
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
  readSummary(a, 'a');
  readSummary(b, 'b');
  if (a.granularity !== b.granularity)
    throw invalid('INVALID_INPUT', 'b.granularity', b.granularity, `must be ${a.granularity} like the other summary`);
  if (JSON.stringify(a.convention) !== JSON.stringify(b.convention))
    throw invalid('INVALID_OPTION', 'b.convention', b.convention, `must equal ${JSON.stringify(a.convention)}`);
  if (a.currency !== null && b.currency !== null && a.currency !== b.currency)
    throw invalid('CURRENCY_MISMATCH', 'b.currency', b.currency, `must be ${a.currency} like the other summary`);
  let lastMonth = a.lastMonth;
  let fromData = a.throughFromData && b.throughFromData;
  if (a.lastMonth !== b.lastMonth) {
    const [early, late] = a.lastMonth === null || (b.lastMonth !== null && a.lastMonth < b.lastMonth) ? [a, b] : [b, a];
    if (!early.throughFromData && early.lastMonth !== null) {
      throw new RevopsError(
        'INVALID_INPUT',
        `summaries end at different explicit dates (${a.lastMonth} and ${b.lastMonth}): summarise every chunk with the same options.through`,
        { field: 'b.lastMonth', value: b.lastMonth },
      );
    }
    lastMonth = late.lastMonth;
    fromData = late.throughFromData;
  }
  const cohorts: Record<string, CohortSummaryRow> = {};
  const labels = [...new Set([...Object.keys(a.cohorts), ...Object.keys(b.cohorts)])].sort();
  for (const label of labels) {
    const x = Object.hasOwn(a.cohorts, label) ? a.cohorts[label] : undefined;
    const y = Object.hasOwn(b.cohorts, label) ? b.cohorts[label] : undefined;
    const start = (x ?? y)?.start as IsoDate;
    const n = ages(start, lastMonth, a.granularity);
    if (x === undefined || y === undefined) {
      cohorts[label] = padTo((x ?? y) as CohortSummaryRow, n);
      continue;
    }
    const px = padTo(x, n);
    const py = padTo(y, n);
    cohorts[label] = {
      start,
      size: x.size + y.size,
      startingMrr: addDecimalStrings(x.startingMrr, y.startingMrr, `cohorts.${label}.startingMrr`),
      customers: px.customers.map((v, i) => v + (py.customers[i] as number)),
      mrr: px.mrr.map((v, i) => addDecimalStrings(v, py.mrr[i] as string, `cohorts.${label}.mrr[${i}]`)),
    };
  }
  return {
    kind: a.kind,
    granularity: a.granularity,
    currency: a.currency ?? b.currency,
    convention: a.convention,
    lastMonth,
    throughFromData: fromData,
    cohorts,
  };
}

function rateOf(n: bigint, ns: number, d: bigint, ds: number): RateValue {
  return d === 0n ? null : ratioToNumber(n * pow10(ds), d * pow10(ns));
}

/**
 * Turns a cohort summary into the table: rows by cohort (oldest first), cells by age, and a
 * weighted average per age over the cohorts old enough to have it (0 % cells count; weights
 * are cohort sizes for logos, starting MRR for revenue — the PostHog #30624/#26217 pitfalls).
 *
 * @param summary - from {@link summarizeCohortRetention} or {@link mergeCohortRetention}.
 * @param options - see {@link FinalizeCohortOptions}.
 * @returns the table.
 * @throws {RevopsError} `INVALID_OPTION` for an unknown basis.
 * @throws {RevopsError} `INVALID_INPUT` for something that is not a cohort summary.
 * @throws {RevopsError} `INSUFFICIENT_DATA` for a summary without rows and without a currency.
 * @throws {RevopsError} `UNKNOWN_CURRENCY` for a summary whose currency is not an ISO 4217 code.
 * @example
 * ```ts
 * import { summarizeCohortRetention, finalizeCohortRetention } from 'revops/retention';
 * const rows = [{ customerId: 'a', period: { start: '2026-01-01', end: '2026-01-31' }, mrr: { amount: '10', currency: 'USD' } }];
 * finalizeCohortRetention(summarizeCohortRetention(rows, { through: '2026-02-28' })).cohorts[0].cells.map((c) => c.rate);
 * //=> [1, 0]
 * ```
 */
export function finalizeCohortRetention(
  summary: CohortRetentionSummary,
  options: FinalizeCohortOptions = {},
): CohortTable {
  readSummary(summary, 'summary');
  const g = readGranularity(summary.granularity);
  const basis = options.basis ?? 'logos';
  if (basis !== 'logos' && basis !== 'revenue')
    throw invalid('INVALID_OPTION', 'options.basis', basis, "must be 'logos' or 'revenue'");
  const currency = summary.currency;
  if (currency === null)
    throw new RevopsError(
      'INSUFFICIENT_DATA',
      'the summary has no rows and no currency: pass options.currency to summarise an empty chunk',
      { field: 'summary.currency', value: null },
    );
  const digits = MINOR_UNITS_TABLE.get(currency);
  if (digits === undefined) throw invalid('UNKNOWN_CURRENCY', 'summary.currency', currency, 'must be an ISO 4217 code');
  const money = (f: { int: bigint; scale: number }): Money => ({
    amount: formatFixed(normalizeFixed(f), digits),
    currency,
  });
  const w = WIDTH[g];
  // the last complete period: the last one whose final month is at most lastMonth
  const throughP =
    summary.lastMonth === null ? -1 : Math.floor((readDate(summary.lastMonth, 'summary.lastMonth')[0] + 1) / w) - 1;
  const avg: { cohorts: number; customers: number; size: number; mrr: bigint; start: bigint }[] = [];
  let scale = digits;
  for (const label of Object.keys(summary.cohorts)) {
    const r = summary.cohorts[label] as CohortSummaryRow;
    scale = Math.max(scale, parseFixed(r.startingMrr).scale);
    for (const m of r.mrr) scale = Math.max(scale, parseFixed(m).scale);
  }
  const units = (s: string): bigint => {
    const f = parseFixed(s);
    return f.int * pow10(scale - f.scale);
  };
  const rows: CohortRow[] = [];
  for (const label of Object.keys(summary.cohorts).sort()) {
    const r = summary.cohorts[label] as CohortSummaryRow;
    const cp = Math.floor(readDate(r.start, 'start')[0] / w);
    if (cp > throughP) continue;
    const start = units(r.startingMrr);
    const cells = r.customers.slice(0, throughP - cp + 1).map((customers, age): CohortCell => {
      const mrr = units(r.mrr[age] as string);
      const a = (avg[age] ??= { cohorts: 0, customers: 0, size: 0, mrr: 0n, start: 0n });
      a.cohorts++;
      a.customers += customers;
      a.size += r.size;
      a.mrr += mrr;
      a.start += start;
      return {
        age,
        period: periodLabel(cp + age, g),
        customers,
        mrr: money({ int: mrr, scale }),
        rate: basis === 'logos' ? (r.size === 0 ? null : customers / r.size) : rateOf(mrr, 0, start, 0),
      };
    });
    rows.push({ cohort: label, start: r.start, size: r.size, startingMrr: money({ int: start, scale }), cells });
  }
  const average = avg.map(
    (a, age): CohortAverage => ({
      age,
      cohorts: a.cohorts,
      customers: a.customers,
      size: a.size,
      mrr: money({ int: a.mrr, scale }),
      startingMrr: money({ int: a.start, scale }),
      rate: basis === 'logos' ? (a.size === 0 ? null : a.customers / a.size) : rateOf(a.mrr, 0, a.start, 0),
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
 * "haven't yet churned" reads — Stripe does not say which it does). A cell is measured at the end of its period (month-end snapshot of its last
 * month). Logo rate = active customers ÷ cohort size (ChartMogul "Customer Retention" cohort);
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
 * const row = (id: string, start: string, end: string, amount: string) => ({ customerId: id, period: { start, end }, mrr: { amount, currency: 'USD' } });
 * const rows = [row('a', '2026-01-01', '2026-03-31', '10'), row('b', '2026-01-01', '2026-01-31', '10'), row('c', '2026-02-01', '2026-03-31', '20')];
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
  const { basis, ...rest } = options;
  return finalizeCohortRetention(summarizeCohortRetention(subscriptions, rest), basis === undefined ? {} : { basis });
}
