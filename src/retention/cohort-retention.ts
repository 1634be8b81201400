/**
 * Cohort retention tables (cohort × periods since start), logos and revenue, as a mergeable
 * summary whose size grows with cohorts × periods, never with customers.
 * @module
 */
import { MINOR_UNITS_TABLE, type CurrencyCode } from '../core/currency.js';
import type { Instant, IsoDate } from '../core/dates.js';
import { formatDecimal } from '../core/decimal-text.js';
import { ExactSum } from '../core/exact-sum.js';
import { readAsOf, readObject, readOneOf, readFailure } from '../core/read.js';
import {
  invalidSummary,
  readSummary,
  summaryArray,
  summaryInteger,
  summaryRecord,
  type Summary,
} from '../core/summary.js';
import type { Subscription } from '../model/subscription.js';
import {
  readConventionSettings,
  resolveConvention,
  type ConventionOptions,
  type ChurnRecognition,
  type DiscountRule,
  type FreePlanRule,
} from './presets.js';
import { summaryAmount } from './summary-amounts.js';
import { monthDate, readDate, readTimeline } from './timeline.js';

/** Cohort and column width. */
export type CohortGranularity = 'month' | 'quarter' | 'year';

/** Options of {@link summarizeCohortRetention} (and, with `basis`, of {@link cohortRetention}). */
export interface CohortSummaryOptions extends ConventionOptions {
  /** Width of a cohort and of a column. Default `'month'`. */
  readonly granularity?: CohortGranularity;
  /**
   * The table as it stood then: the last column is the last period whose final month-end
   * snapshot is on or before `asOf` (a date is the end of that day, UTC). Default: the last
   * month-end snapshot in the data. Give it explicitly when summarising chunks that may end at
   * different times.
   */
  readonly asOf?: IsoDate | Instant;
  /**
   * A customer who churns and comes back: `'active'` — counts as active again in the original
   * cohort (ChartMogul); `'lost'` — the first churn is final, so the table is a survival curve
   * (how Stripe's "haven't yet churned" reads; Stripe does not say how it counts returners).
   * Default `'active'`.
   */
  readonly returners?: 'active' | 'lost';
  /** The currency, required only to summarise an empty chunk. Default: the rows' currency. */
  readonly currency?: CurrencyCode;
}

/** One cohort of a {@link CohortRetentionSummary}: arrays indexed by age (periods since the cohort's start). */
export interface CohortSummaryRow {
  /** First day of the cohort's period. */
  readonly start: IsoDate;
  /** Customers whose first paid (active) month falls in the period. */
  readonly size: number;
  /** Their MRR in their first active month (New Business MRR), exact decimal. */
  readonly startingMrr: string;
  /** Customers of the cohort active at the end of each period. */
  readonly customers: number[];
  /** Their MRR at the end of each period, exact decimals. */
  readonly mrr: string[];
}

/**
 * The JSON summary of {@link summarizeCohortRetention}, version 1: its parameters
 * (`granularity`, `currency`, the convention's settings, `returners`) are fields, compared on
 * merge; amounts are exact decimal strings.
 */
export interface CohortRetentionSummary extends Summary<'cohortRetention'> {
  readonly kind: 'cohortRetention';
  readonly version: 1;
  readonly granularity: CohortGranularity;
  /** `null` for a summary of no rows without `options.currency`. */
  readonly currency: CurrencyCode | null;
  readonly churnRecognition: ChurnRecognition;
  readonly freePlans: FreePlanRule;
  readonly discounts: DiscountRule;
  readonly returners: 'active' | 'lost';
  /**
   * Last day of the last month covered (the data's last month-end snapshot, or the month
   * ending on or before `options.asOf`); `null` without data. Cohorts and cells run to the
   * period containing it, which may be incomplete; the table reports complete periods only.
   */
  readonly lastMonth: IsoDate | null;
  /** Whether `lastMonth` came from the data (then a merge may extend it with zeros) or from `options.asOf`. */
  readonly lastMonthFromData: boolean;
  /** Cohorts keyed by label (`2026-01`, `2026-Q1`, `2026`); arrays run to the period containing `lastMonth`. */
  readonly cohorts: Readonly<Record<string, CohortSummaryRow>>;
}

const WIDTH: Record<CohortGranularity, number> = { month: 1, quarter: 3, year: 12 };

/** Label of period `p` (in units of the granularity). @internal */
export function periodLabel(p: number, g: CohortGranularity): string {
  const w = WIDTH[g];
  const first = p * w;
  const y = String(Math.floor(first / 12)).padStart(4, '0');
  if (g === 'year') return y;
  if (g === 'quarter') return `${y}-Q${(first % 12) / 3 + 1}`;
  return `${y}-${String((first % 12) + 1).padStart(2, '0')}`;
}

/** Reads a granularity (`INVALID_OPTION` for an option, `INVALID_SUMMARY` for a summary's field). @internal */
export function readGranularity(
  g: unknown,
  field = 'options.granularity',
  code: 'INVALID_OPTION' | 'INVALID_SUMMARY' = 'INVALID_OPTION',
): CohortGranularity {
  return readOneOf(g, field, ['month', 'quarter', 'year'], code);
}

/**
 * Summarises a cohort retention table over a chunk of rows (see {@link cohortRetention}).
 *
 * Splitting: a chunk must hold the whole history of its customers (the cohort is the
 * customer's first active month). Chunks over disjoint customer sets merge exactly with
 * {@link mergeCohortRetention}; the summary holds cohorts × periods numbers, never one entry
 * per customer. A time split of one customer's rows would need each customer's first active
 * month as boundary state, so it is not offered.
 *
 * @param subscriptions - revenue rows, any order; one currency.
 * @param options - see {@link CohortSummaryOptions}.
 * @returns the summary.
 * @throws {RevopsError} `INVALID_OPTION` for an unknown granularity, preset or setting.
 * @throws {RevopsError} `INVALID_DATE` for a malformed date or `asOf`.
 * @throws {RevopsError} `INVALID_PERIOD` for a row period that ends before it starts.
 * @throws {RevopsError} `INVALID_AMOUNT` for a negative or malformed amount, or one customer's month beyond 2^53 − 1
 *   minor units.
 * @throws {RevopsError} `CURRENCY_MISMATCH` for rows in different currencies.
 * @throws {RevopsError} `UNKNOWN_CURRENCY` for an unknown currency.
 * @throws {RevopsError} `INVALID_INPUT` for a malformed row.
 * @throws {RevopsError} `DUPLICATE_ID` for two rows of one `subscriptionId` that hold the same month end.
 * @example
 * ```ts
 * import { summarizeCohortRetention } from 'revops/retention';
 * const period = { start: '2026-01-01', end: '2026-02-28' };
 * const rows = [{ customerId: 'a', period, mrr: { amount: '10', currency: 'USD' } }];
 * summarizeCohortRetention(rows).cohorts['2026-01'].customers;
 * //=> [1, 1]
 * ```
 */
export function summarizeCohortRetention(
  subscriptions: readonly Subscription[],
  options: CohortSummaryOptions = {},
): CohortRetentionSummary {
  try {
    const o = readObject(options, 'options', 'INVALID_OPTION') as CohortSummaryOptions;
    const g = readGranularity(o.granularity ?? 'month');
    const c = resolveConvention(o);
    const settings = readConventionSettings(c, 'options.');
    const returners = readOneOf(o.returners ?? 'active', 'options.returners', ['active', 'lost']);
    let until = Number.POSITIVE_INFINITY;
    if (o.asOf !== undefined) {
      const [mi, , isLast] = readDate(readAsOf(o.asOf, 'options.asOf').date, 'options.asOf');
      until = isLast ? mi : mi - 1;
    }
    const tl = readTimeline(subscriptions, { ...c, ...settings }, o.currency, until);
    const w = WIDTH[g];
    const lastMonth = o.asOf === undefined ? tl.lastMonth : until;
    // cohorts and cells up to the period containing lastMonth (it may be incomplete: the table
    // reports only complete periods, but a merge with a chunk whose data goes further needs it)
    const lastP = lastMonth < 0 ? -1 : Math.floor(lastMonth / w);
    interface Acc {
      size: number;
      start: ExactSum;
      customers: number[];
      mrr: (ExactSum | undefined)[]; // created on first use: most cells of a long table stay empty
    }
    const acc = new Map<number, Acc>();
    if (lastP >= 0) {
      for (const { months, units } of tl.customers.values()) {
        const f = months[0] as number;
        if (f > lastMonth) continue;
        const cp = Math.floor(f / w);
        let row = acc.get(cp);
        if (row === undefined) {
          const n = lastP - cp + 1;
          row = {
            size: 0,
            start: new ExactSum(tl.scale),
            customers: new Array<number>(n).fill(0),
            mrr: new Array<ExactSum | undefined>(n).fill(undefined),
          };
          acc.set(cp, row);
        }
        row.size++;
        row.start.addUnits(units[0] as number);
        for (let i = 0; i < months.length; i++) {
          const m = months[i] as number;
          if (m > lastMonth) break;
          if (returners === 'lost' && i > 0 && months[i - 1] !== m - 1) break; // churned before: lost for good
          if ((m + 1) % w !== 0) continue; // not a period-end snapshot
          const k = (m + 1) / w - 1 - cp;
          row.customers[k] = (row.customers[k] as number) + 1;
          (row.mrr[k] ??= new ExactSum(tl.scale)).addUnits(units[i] as number);
        }
      }
    }
    const zero = formatDecimal(0, 0, tl.scale);
    const d = (a: ExactSum | undefined): string => (a === undefined ? zero : a.toString(tl.scale));
    const cohorts: Record<string, CohortSummaryRow> = {};
    for (const cp of [...acc.keys()].sort((x, y) => x - y)) {
      const r = acc.get(cp) as Acc;
      cohorts[periodLabel(cp, g)] = {
        start: monthDate(cp * w, false),
        size: r.size,
        startingMrr: d(r.start),
        customers: r.customers,
        mrr: r.mrr.map(d),
      };
    }
    return {
      kind: 'cohortRetention',
      version: 1,
      granularity: g,
      currency: tl.currency,
      ...settings,
      returners,
      lastMonth: lastMonth >= 0 ? monthDate(lastMonth, true) : null,
      lastMonthFromData: o.asOf === undefined,
      cohorts,
    };
  } catch (thrown) {
    throw readFailure(thrown, { subscriptions, options });
  }
}

/** Periods from a cohort's first period `cp` to the period containing `lastMonth`, inclusive. @internal */
export function cellCount(cp: number, lastMonth: number | null, g: CohortGranularity): number {
  return lastMonth === null ? 0 : Math.floor(lastMonth / WIDTH[g]) - cp + 1;
}

/** The cohort's first period (in units of the granularity) of a cohort starting on `start`. @internal */
export function cohortPeriod(start: IsoDate, g: CohortGranularity): number {
  return Math.floor((readDate(start, 'start')[0] as number) / WIDTH[g]);
}

/**
 * Reads a cohort summary that may have travelled through JSON, a queue or another machine:
 * kind and version, every field's type, each cohort's label, start and cell count, and cells
 * that never exceed the cohort's size. Returns a fresh copy and `lastMonth` as a month index
 * (`null` without data).
 * @throws {RevopsError} `INVALID_SUMMARY` naming the field.
 * @internal
 */
export function readCohortSummary(value: unknown, field: string): [CohortRetentionSummary, number | null] {
  const s = readSummary(value, field, 'cohortRetention', 1);
  const g = readGranularity(s['granularity'], `${field}.granularity`, 'INVALID_SUMMARY');
  const currency = s['currency'];
  if (currency !== null && (typeof currency !== 'string' || !MINOR_UNITS_TABLE.has(currency)))
    throw invalidSummary(`${field}.currency`, currency, 'must be null or an ISO 4217 code');
  const settings = readConventionSettings(s, `${field}.`, 'INVALID_SUMMARY');
  const returners = readOneOf(s['returners'], `${field}.returners`, ['active', 'lost'], 'INVALID_SUMMARY');
  const lastMonth = s['lastMonth'];
  let last: number | null = null;
  if (lastMonth !== null) {
    const [mi, , isLast] = summaryDate(lastMonth, `${field}.lastMonth`);
    if (!isLast) throw invalidSummary(`${field}.lastMonth`, lastMonth, 'must be the last day of a month');
    last = mi;
  }
  const fromData = s['lastMonthFromData'];
  if (typeof fromData !== 'boolean') throw invalidSummary(`${field}.lastMonthFromData`, fromData, 'must be a boolean');
  const raw = summaryRecord(s['cohorts'], `${field}.cohorts`);
  const cohorts: Record<string, CohortSummaryRow> = {};
  for (const label of Object.keys(raw)) {
    const f = `${field}.cohorts[${JSON.stringify(label)}]`;
    const r = summaryRecord(raw[label], f);
    const start = r['start'];
    const [mi, day] = summaryDate(start, `${f}.start`);
    const cp = Math.floor(mi / WIDTH[g]);
    if (day !== 1 || mi !== cp * WIDTH[g] || periodLabel(cp, g) !== label)
      throw invalidSummary(`${f}.start`, start, `must be the first day of the ${g} labelled ${label}`);
    const size = summaryInteger(r['size'], `${f}.size`);
    const n = cellCount(cp, last, g);
    const customers = summaryArray(r['customers'], `${f}.customers`);
    const mrr = summaryArray(r['mrr'], `${f}.mrr`);
    if (customers.length !== n) throw invalidSummary(`${f}.customers`, customers.length, `must hold ${n} cells`);
    if (mrr.length !== n) throw invalidSummary(`${f}.mrr`, mrr.length, `must hold ${n} cells`);
    cohorts[label] = {
      start: start as IsoDate,
      size,
      startingMrr: summaryAmount(r['startingMrr'], `${f}.startingMrr`),
      customers: customers.map((v, i) => {
        const k = summaryInteger(v, `${f}.customers[${i}]`);
        if (k > size) throw invalidSummary(`${f}.customers[${i}]`, v, `must not exceed the cohort's size ${size}`);
        return k;
      }),
      mrr: mrr.map((v, i) => summaryAmount(v, `${f}.mrr[${i}]`)),
    };
  }
  const summary: CohortRetentionSummary = {
    kind: 'cohortRetention',
    version: 1,
    granularity: g,
    currency,
    ...settings,
    returners,
    lastMonth: lastMonth as IsoDate | null,
    lastMonthFromData: fromData,
    cohorts,
  };
  return [summary, last];
}

function summaryDate(value: unknown, field: string): [number, number, boolean] {
  try {
    return readDate(value, field);
  } catch {
    throw invalidSummary(field, value, 'must be a calendar date YYYY-MM-DD');
  }
}
