/**
 * Sales cycle length (created to closed, in days): mean and median, mergeable exactly.
 * @module
 */
import { assertIsoDate, toUtcDate, type IsoDate } from '../core/dates.js';
import { invalid } from '../core/errors.js';
import { entityPath, readObject, readFailure } from '../core/read.js';
import { invalidSummary, summaryInteger, summaryRecord } from '../core/summary.js';
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
  summaryOneOf,
} from './grouped-summary.js';
import { dateOfInstant, readPeriodOption } from './period-filter.js';

/** Options of {@link salesCycleLength}. */
export interface SalesCycleLengthOptions extends DealKpiOptions {
  /** Which closed deals: `'won'` (default), `'lost'` or `'closed'` (both). */
  readonly outcome?: 'won' | 'lost' | 'closed';
}

/** A sales cycle length. */
export interface SalesCycleLength {
  /** Deals measured (closed, with a `closeDate`). */
  readonly count: number;
  /** Σ days, exact. */
  readonly totalDays: number;
  /** totalDays ÷ count; `null` with no deals. */
  readonly meanDays: number | null;
  /** The median of the day counts (mean of the two middle ones for an even count); `null` with no deals. */
  readonly medianDays: number | null;
}

/**
 * Per-group state: count, Σ days and the histogram of whole-day cycle lengths
 * (days → deals). Cycle lengths are whole days, so this histogram is exact and mergeable
 * by adding counts, and the median read from it equals the median of all the data; its
 * size is bounded by the number of distinct lengths (a few thousand at most), not by the
 * number of deals.
 */
export interface CycleLengthState {
  count: number;
  totalDays: number;
  histogram: Record<string, number>;
}

/** The parameters of a cycle-length summary. */
export interface CycleLengthParameters {
  /** Which closed deals were measured. */
  readonly outcome: 'won' | 'lost' | 'closed';
}

/**
 * A mergeable cycle-length summary (JSON): `{ kind: 'salesCycleLength', version: 1, groupBy, period, outcome, total,
 * groups }`.
 */
export type CycleLengthSummary = GroupedSummary<'salesCycleLength', CycleLengthState, CycleLengthParameters>;

const OUTCOMES = ['won', 'lost', 'closed'] as const;

/** Longest cycle a summary may record: the days from 0001-01-01 to 9999-12-31. */
const MAX_DAYS = 3_652_058;

function readState(value: unknown, field: string): CycleLengthState {
  const v = summaryRecord(value, field);
  const count = summaryInteger(v['count'], `${field}.count`);
  const totalDays = summaryInteger(v['totalDays'], `${field}.totalDays`);
  const raw = summaryRecord(v['histogram'], `${field}.histogram`);
  const histogram: Record<string, number> = {};
  let n = 0;
  let sum = 0;
  for (const k of Object.keys(raw)) {
    const days = Number(k);
    if (!/^\d{1,7}$/.test(k) || days > MAX_DAYS || String(days) !== k) {
      throw invalidSummary(`${field}.histogram`, k, 'must have keys that are whole numbers of days');
    }
    const c = summaryInteger(raw[k], `${field}.histogram[${JSON.stringify(k)}]`);
    histogram[k] = c;
    n += c;
    sum += c * days;
  }
  if (n !== count) throw invalidSummary(`${field}.count`, count, `must equal the histogram's total (${n})`);
  if (sum !== totalDays)
    throw invalidSummary(`${field}.totalDays`, totalDays, `must equal the histogram's sum (${sum})`);
  return { count, totalDays, histogram };
}

const SPEC: SummarySpec<'salesCycleLength', CycleLengthState, CycleLengthParameters> = {
  kind: 'salesCycleLength',
  version: 1,
  params: (v, field) => ({ outcome: summaryOneOf(v['outcome'], `${field}.outcome`, OUTCOMES) }),
  state: readState,
  merge: mergeState,
};

/**
 * Whole days since 1970-01-01 of a validated YYYY-MM-DD date (core's UTC date: no local zone, years 0001–0099 kept).
 */
function epochDay(date: IsoDate): number {
  return toUtcDate(date).getTime() / 86_400_000;
}

/**
 * Summarises a chunk of deals for {@link salesCycleLength}.
 *
 * @param deals - deals.
 * @param options - {@link SalesCycleLengthOptions}.
 * @returns a JSON-serialisable summary.
 * @throws {RevopsError} as {@link salesCycleLength}.
 * @example
 * ```ts
 * import { summarizeSalesCycleLength } from 'revops/metrics';
 * summarizeSalesCycleLength([{ ownerId: 'ae1', stage: 'closed-won', createdAt: '2026-01-05T10:00:00Z',
 *   closeDate: '2026-02-04', amount: { amount: '1.00', currency: 'USD' } }]).total;
 * //=> { count: 1, totalDays: 30, histogram: { '30': 1 } }
 * ```
 */
export function summarizeSalesCycleLength(
  deals: readonly KpiDeal[],
  options: SalesCycleLengthOptions = {},
): CycleLengthSummary {
  try {
    readList(deals, 'deals');
    readObject(options, 'options', 'INVALID_OPTION');
    const outcome = readFilter(
      options.outcome ?? 'won',
      'options.outcome',
      OUTCOMES,
    ) as CycleLengthParameters['outcome'];
    const select = dealSelector(options, outcome);
    const acc = new GroupAccumulator<CycleLengthState, KpiDeal>(readGrouping(options, 'deals', dealFacts), () => ({
      count: 0,
      totalDays: 0,
      histogram: {},
    }));
    const histograms = new Map<CycleLengthState, Map<number, number>>();
    // validated date → epoch day; bounded by the number of distinct dates
    const days0 = new Map<string, number>();
    const dayOf = (date: string, field: string): number => {
      let d = days0.get(date);
      if (d === undefined) {
        d = epochDay(assertIsoDate(date, field));
        days0.set(date, d);
      }
      return d;
    };
    for (let i = 0; i < deals.length; i++) {
      const deal = deals[i] as KpiDeal;
      if (select(deal, i) === null || deal.closeDate === undefined) continue;
      const closed = deal.closeDate;
      const path = entityPath('deals', i, deal);
      const days =
        dayOf(closed, `${path}.closeDate`) -
        dayOf(dateOfInstant(deal.createdAt, `${path}.createdAt`), `${path}.createdAt`);
      if (days < 0) {
        const why = `must not be before the creation date ${deal.createdAt.slice(0, 10)}`;
        throw invalid('INVALID_DATE', `${path}.closeDate`, closed, why);
      }
      for (const s of acc.targets(deal, i)) {
        s.count++;
        s.totalDays += days;
        let h = histograms.get(s);
        if (h === undefined) {
          h = new Map();
          histograms.set(s, h);
        }
        h.set(days, (h.get(days) ?? 0) + 1);
      }
    }
    for (const [s, h] of histograms) s.histogram = toRecord(h);
    return acc.summary(SPEC, readPeriodOption(options.period), { outcome });
  } catch (thrown) {
    throw readFailure(thrown, { deals, options });
  }
}

function toRecord(h: Map<number, number>): Record<string, number> {
  return Object.fromEntries([...h.entries()].sort((x, y) => x[0] - y[0]).map(([d, c]) => [String(d), c]));
}

function mergeState(a: CycleLengthState, b: CycleLengthState): CycleLengthState {
  const h = new Map<number, number>();
  for (const src of [a.histogram, b.histogram])
    for (const [d, c] of Object.entries(src)) h.set(Number(d), (h.get(Number(d)) ?? 0) + c);
  return { count: a.count + b.count, totalDays: a.totalDays + b.totalDays, histogram: toRecord(h) };
}

/** The median of a histogram of whole days: the value at rank ⌈n/2⌉, averaged with the next for even n. */
function median(histogram: Record<string, number>, count: number): number | null {
  if (count === 0) return null;
  const entries = Object.entries(histogram)
    .map(([d, c]) => [Number(d), c] as const)
    .sort((x, y) => x[0] - y[0]);
  const valueAt = (rank: number): number => {
    let seen = 0;
    for (const [d, c] of entries) {
      seen += c;
      if (seen >= rank) return d;
    }
    return Number.NaN;
  };
  return count % 2 === 1 ? valueAt((count + 1) / 2) : (valueAt(count / 2) + valueAt(count / 2 + 1)) / 2;
}

/**
 * Merges two cycle-length summaries (same outcome and grouping): counts, sums and
 * histograms add.
 *
 * @param a - a summary.
 * @param b - another one.
 * @returns both together.
 * @throws {RevopsError} `INVALID_SUMMARY` naming the field for a malformed summary (counts that disagree
 *   with the histogram included) or one of another outcome, grouping or period.
 * @example
 * ```ts
 * import { mergeSalesCycleLength } from 'revops/metrics';
 * const s = (days) => ({ kind: 'salesCycleLength', version: 1, groupBy: null, period: null, outcome: 'won', groups: {},
 *   total: { count: 1, totalDays: days, histogram: { [days]: 1 } } });
 * mergeSalesCycleLength(s(30), s(10)).total;
 * //=> { count: 2, totalDays: 40, histogram: { '10': 1, '30': 1 } }
 * ```
 */
export function mergeSalesCycleLength(a: CycleLengthSummary, b: CycleLengthSummary): CycleLengthSummary {
  try {
    return mergeGrouped(a, b, SPEC);
  } catch (thrown) {
    throw readFailure(thrown, { a, b }, 'INVALID_SUMMARY');
  }
}

/**
 * Reads the cycle length from a summary.
 *
 * @param summary - from {@link summarizeSalesCycleLength} or {@link mergeSalesCycleLength}.
 * @returns the {@link SalesCycleLength}, with `groups` when grouped.
 * @throws {RevopsError} `INVALID_SUMMARY` naming the field for anything but a valid cycle-length summary.
 * @example
 * ```ts
 * import { finalizeSalesCycleLength } from 'revops/metrics';
 * finalizeSalesCycleLength({ kind: 'salesCycleLength', version: 1, groupBy: null, period: null, outcome: 'won',
 *   groups: {}, total: { count: 3, totalDays: 130, histogram: { '10': 1, '30': 1, '90': 1 } } });
 * //=> { count: 3, totalDays: 130, meanDays: 43.333333333333336, medianDays: 30 }
 * ```
 */
export function finalizeSalesCycleLength(summary: CycleLengthSummary): Grouped<SalesCycleLength> {
  try {
    return finalizeGrouped(
      summary,
      SPEC,
      (s): SalesCycleLength => ({
        count: s.count,
        totalDays: s.totalDays,
        meanDays: s.count === 0 ? null : s.totalDays / s.count,
        medianDays: median(s.histogram, s.count),
      }),
    );
  } catch (thrown) {
    throw readFailure(thrown, { summary }, 'INVALID_SUMMARY');
  }
}

/**
 * The sales cycle length: days from creation (the date written in `createdAt`) to
 * `closeDate`, over closed deals (won by default), as mean and median. Deals without a
 * `closeDate` are not measured.
 *
 * Formula: dᵢ = closeDate − created date (whole days); mean = Σdᵢ / n; median = the middle
 * dᵢ (mean of the two middle ones for even n). Mergeable exactly: see {@link CycleLengthState}.
 *
 * @param deals - deals.
 * @param options - {@link SalesCycleLengthOptions}: `outcome`, `pipeline`, `period` (by close date), `groupBy`,
 *   `members`.
 * @returns count, total, mean and median days, with `groups` when `groupBy` is set.
 * @throws {RevopsError} `INVALID_OPTION` for an unknown `outcome` or `groupBy`.
 * @throws {RevopsError} `INVALID_DATE` for a malformed date or a close date before creation.
 * @throws {RevopsError} `INVALID_PERIOD` for a malformed period.
 * @throws {RevopsError} `INVALID_INPUT` for deals that are not an array or a deal that is not an object.
 * @throws {RevopsError} `DUPLICATE_ID` for two deals with the same id (naming both positions).
 * @example
 * ```ts
 * import { salesCycleLength } from 'revops/metrics';
 * const deal = (closeDate) => ({ ownerId: 'ae1', stage: 'closed-won', createdAt: '2026-01-01T09:00:00Z', closeDate,
 *   amount: { amount: '1.00', currency: 'USD' } });
 * salesCycleLength([deal('2026-01-11'), deal('2026-01-31'), deal('2026-04-01'), deal('2026-01-21')]);
 * //=> { count: 4, totalDays: 150, meanDays: 37.5, medianDays: 25 }
 * ```
 */
export function salesCycleLength(
  deals: readonly KpiDeal[],
  options: SalesCycleLengthOptions = {},
): Grouped<SalesCycleLength> {
  try {
    return finalizeSalesCycleLength(summarizeSalesCycleLength(deals, options));
  } catch (thrown) {
    throw readFailure(thrown, { deals, options });
  }
}
