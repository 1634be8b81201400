/**
 * Cohort retention tables (cohort × periods since start), logos and revenue, as a mergeable
 * summary whose size grows with cohorts × periods, never with customers.
 * @module
 */
import { invalid } from '../core/errors.js';
import type { IsoDate } from '../core/dates.js';
import type { Subscription } from '../model/subscription.js';
import {
  resolveConvention,
  type ChurnRecognition,
  type DiscountRule,
  type FreePlanRule,
  type RetentionPresetName,
} from './presets.js';
import { monthDate, readDate, readTimeline, unitsToDecimal } from './timeline.js';

/** Cohort and column width. */
export type CohortGranularity = 'month' | 'quarter' | 'year';

/** Options of {@link summarizeCohortRetention} (and, with `basis`, of {@link cohortRetention}). */
export interface CohortSummaryOptions {
  /** Width of a cohort and of a column. Default `'month'`. */
  readonly granularity?: CohortGranularity;
  /**
   * Last date reported: the last column is the last period that ends on or before it.
   * Default: the last month-end snapshot in the data. Give it explicitly when summarising
   * chunks that may end at different times.
   */
  readonly through?: IsoDate;
  /** Provider convention to start from. Default: the library defaults (= `'chartmogul'`). */
  readonly preset?: RetentionPresetName;
  /** When churn is recognised. Default `'periodEnd'`. */
  readonly churnRecognition?: ChurnRecognition;
  /** Whether free-plan customers are customers. Default `'active'`. */
  readonly freePlans?: FreePlanRule;
  /** Which discounts reduce MRR. Default `'all'`. */
  readonly discounts?: DiscountRule;
  /**
   * A customer who churns and comes back: `'active'` — counts as active again in the original
   * cohort (ChartMogul); `'lost'` — the first churn is final, so the table is a survival curve
   * (how Stripe's "haven't yet churned" reads; Stripe does not say how it counts returners).
   * Default `'active'`.
   */
  readonly returners?: 'active' | 'lost';
  /** The currency, required only to summarise an empty chunk. Default: the rows' currency. */
  readonly currency?: string;
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

/** The JSON-serialisable, mergeable summary of {@link summarizeCohortRetention}. */
export interface CohortRetentionSummary {
  readonly kind: 'revops/retention/cohortRetention';
  readonly granularity: CohortGranularity;
  readonly currency: string | null;
  readonly convention: {
    readonly churnRecognition: ChurnRecognition;
    readonly freePlans: FreePlanRule;
    readonly discounts: DiscountRule;
    readonly returners: 'active' | 'lost';
  };
  /**
   * Last day of the last month covered (the data's last month-end snapshot, or the month
   * ending on or before `options.through`); `null` without data. Cohorts and cells run to the
   * period containing it, which may be incomplete; the table reports complete periods only.
   */
  readonly lastMonth: IsoDate | null;
  /** Whether `lastMonth` came from the data (then a merge may extend it with zeros) or from `options.through`. */
  readonly throughFromData: boolean;
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

/** @internal */
export function readGranularity(g: unknown): CohortGranularity {
  if (g !== 'month' && g !== 'quarter' && g !== 'year')
    throw invalid('INVALID_OPTION', 'options.granularity', g, "must be 'month', 'quarter' or 'year'");
  return g;
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
 * @throws {RevopsError} `INVALID_DATE` for a malformed date.
 * @throws {RevopsError} `INVALID_PERIOD` for a row period that ends before it starts.
 * @throws {RevopsError} `INVALID_AMOUNT` for a negative or malformed amount, or a total beyond 2^53 − 1 minor units.
 * @throws {RevopsError} `CURRENCY_MISMATCH` for rows in different currencies.
 * @throws {RevopsError} `UNKNOWN_CURRENCY` for an unknown currency.
 * @throws {RevopsError} `INVALID_INPUT` for a malformed row.
 * @example
 * ```ts
 * import { summarizeCohortRetention } from 'revops/retention';
 * const rows = [{ customerId: 'a', period: { start: '2026-01-01', end: '2026-02-28' }, mrr: { amount: '10', currency: 'USD' } }];
 * summarizeCohortRetention(rows).cohorts['2026-01'].customers;
 * //=> [1, 1]
 * ```
 */
export function summarizeCohortRetention(
  subscriptions: readonly Subscription[],
  options: CohortSummaryOptions = {},
): CohortRetentionSummary {
  if (options === null || typeof options !== 'object')
    throw invalid('INVALID_OPTION', 'options', options, 'must be an object');
  const g = readGranularity(options.granularity ?? 'month');
  const c = resolveConvention(options);
  if (c.churnRecognition !== 'periodEnd' && c.churnRecognition !== 'cancellation')
    throw invalid(
      'INVALID_OPTION',
      'options.churnRecognition',
      c.churnRecognition,
      "must be 'periodEnd' or 'cancellation'",
    );
  if (c.freePlans !== 'active' && c.freePlans !== 'churned')
    throw invalid('INVALID_OPTION', 'options.freePlans', c.freePlans, "must be 'active' or 'churned'");
  const returners = options.returners ?? 'active';
  if (returners !== 'active' && returners !== 'lost')
    throw invalid('INVALID_OPTION', 'options.returners', returners, "must be 'active' or 'lost'");
  if (c.discounts !== 'all' && c.discounts !== 'foreverOnly' && c.discounts !== 'none')
    throw invalid('INVALID_OPTION', 'options.discounts', c.discounts, "must be 'all', 'foreverOnly' or 'none'");
  const tl = readTimeline(subscriptions, c, options.currency);
  const w = WIDTH[g];
  let lastMonth = tl.lastMonth;
  if (options.through !== undefined) {
    const [mi, , isLast] = readDate(options.through, 'options.through');
    lastMonth = isLast ? mi : mi - 1;
  }
  // cohorts and cells up to the period containing lastMonth (it may be incomplete: the table
  // reports only complete periods, but a merge with a chunk whose data goes further needs it)
  const lastP = lastMonth < 0 ? -1 : Math.floor(lastMonth / w);
  const acc = new Map<number, { size: number; start: number; customers: number[]; mrr: number[] }>();
  if (lastP >= 0) {
    for (const { months, units } of tl.customers.values()) {
      const f = months[0] as number;
      if (f > lastMonth) continue;
      const cp = Math.floor(f / w);
      let row = acc.get(cp);
      if (row === undefined) {
        const n = lastP - cp + 1;
        row = { size: 0, start: 0, customers: new Array<number>(n).fill(0), mrr: new Array<number>(n).fill(0) };
        acc.set(cp, row);
      }
      row.size++;
      row.start += units[0] as number;
      for (let i = 0; i < months.length; i++) {
        const m = months[i] as number;
        if (m > lastMonth) break;
        if (returners === 'lost' && i > 0 && months[i - 1] !== m - 1) break; // churned before: lost for good
        if ((m + 1) % w !== 0) continue; // not a period-end snapshot
        const k = (m + 1) / w - 1 - cp;
        row.customers[k] = (row.customers[k] as number) + 1;
        row.mrr[k] = (row.mrr[k] as number) + (units[i] as number);
      }
    }
  }
  const cohorts: Record<string, CohortSummaryRow> = {};
  for (const cp of [...acc.keys()].sort((x, y) => x - y)) {
    const r = acc.get(cp) as { size: number; start: number; customers: number[]; mrr: number[] };
    for (const v of [r.start, ...r.mrr]) {
      if (!Number.isSafeInteger(v))
        throw invalid(
          'INVALID_AMOUNT',
          'cohort MRR',
          v,
          'exceeds 2^53 − 1 units: summarise smaller customer chunks and merge',
        );
    }
    cohorts[periodLabel(cp, g)] = {
      start: monthDate(cp * w, false),
      size: r.size,
      startingMrr: unitsToDecimal(r.start, tl.scale),
      customers: r.customers,
      mrr: r.mrr.map((u) => unitsToDecimal(u, tl.scale)),
    };
  }
  return {
    kind: 'revops/retention/cohortRetention',
    granularity: g,
    currency: tl.currency,
    convention: { churnRecognition: c.churnRecognition, freePlans: c.freePlans, discounts: c.discounts, returners },
    lastMonth: lastMonth >= 0 ? monthDate(lastMonth, true) : null,
    throughFromData: options.through === undefined,
    cohorts,
  };
}
