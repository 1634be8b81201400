/**
 * Revenue per rep: credited won revenue in a period ÷ reps (full-time equivalents) in role.
 * @module
 */
import { assertIsoDate } from '../core/dates.js';
import { invalid } from '../core/errors.js';
import type { Money } from '../core/money.js';
import type { Period } from '../core/periods.js';
import { entityPath, readObject, readOneOf, readFailure } from '../core/read.js';
import { invalidSummary, summaryNumber, summaryRecord } from '../core/summary.js';
import { type GroupBy, readGrouping } from '../model/group-by.js';
import type { Member } from '../model/member.js';
import { readList } from './counts.js';
import { memberProration } from './member-proration.js';
import { dealCredits } from './deal-credits.js';
import { SeenIds } from './deal-kpi.js';
import { dealOutcomeOf } from '../model/deal-outcome.js';
import type { OutcomeOptions } from './deal-outcome.js';
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
import { addAmounts, amountRatio, MoneyTotal, moneyOf, sameCurrency } from './money-total.js';
import { readPeriodOption } from './period-filter.js';
import type { AttainmentDeal } from './quota-attainment.js';

/** What a rep's group is read from: the credited member's id (a function `groupBy` receives it). */
export interface RepRef {
  readonly ownerId: string;
}

/** Options of {@link revenuePerRep}. */
export interface RevenuePerRepOptions extends OutcomeOptions {
  /** The period: deals closed in it, and reps' days in role within it. Required. */
  readonly period: Period;
  /**
   * `'fte'` (default): each rep counts for the share of the period they were in role; `'count'`: each rep in role any
   * day counts 1.
   */
  readonly headcount?: 'fte' | 'count';
  /**
   * Group by the credited member (`'ownerId'`), their team, territory or role (from `members`),
   * or a function of {@link RepRef}. Default: totals only. `'segment'` is refused: reps have none.
   */
  readonly groupBy?: Exclude<GroupBy<RepRef>, 'segment'>;
}

/** Revenue per rep. */
export interface RevenuePerRep {
  /** Exact credited revenue (owner and revenue splits; overlays are not revenue); `null` with none. */
  readonly revenue: Money | null;
  /** Reps in role during the period (FTE or head count). */
  readonly reps: number;
  /**
   * revenue ÷ reps (a number of currency units); 0 when reps closed nothing; `null` with no reps (empty denominator).
   */
  readonly perRep: number | null;
}

/** Per-group state: exact revenue and reps (identical in every chunk: they come from `members`). */
export interface RevenuePerRepState {
  revenue: string;
  currency: string | null;
  reps: number;
}

/** The parameters of a revenue-per-rep summary. */
export interface RevenuePerRepParameters {
  /** How reps were counted. */
  readonly headcount: 'fte' | 'count';
}

/**
 * A mergeable revenue-per-rep summary (JSON): `{ kind: 'revenuePerRep', version: 1, groupBy, period, headcount,
 * total, groups }`.
 */
export type RevenuePerRepSummary = GroupedSummary<'revenuePerRep', RevenuePerRepState, RevenuePerRepParameters>;

const SPEC: SummarySpec<'revenuePerRep', RevenuePerRepState, RevenuePerRepParameters> = {
  kind: 'revenuePerRep',
  version: 1,
  params: (v, field) => {
    if (v['period'] === null) throw invalidSummary(`${field}.period`, null, 'must be the period of the summary');
    return { headcount: summaryOneOf(v['headcount'], `${field}.headcount`, ['fte', 'count']) };
  },
  state: (value, field) => {
    const v = summaryRecord(value, field);
    const reps = summaryNumber(v['reps'], `${field}.reps`);
    if (reps < 0) throw invalidSummary(`${field}.reps`, reps, 'must not be negative');
    const revenue = summaryAmount(v['revenue'], `${field}.revenue`);
    // a subnormal headcount (5e-324) would make revenue ÷ reps Infinity
    const units = reps > 0 && reps < 1e-6 ? amountRatio(revenue, '1') : null;
    if (units !== null && !Number.isFinite(units / reps)) {
      throw invalidSummary(`${field}.reps`, reps, 'is too small for the revenue: revenue ÷ reps must be a number');
    }
    return { revenue, currency: summaryCurrency(v['currency'], `${field}.currency`), reps };
  },
  merge: (a, b) => {
    if (a.reps !== b.reps) {
      const why = `must count the same reps as a (${a.reps}): summarise every chunk with the same members`;
      throw invalidSummary('b.reps', b.reps, why);
    }
    return { revenue: addAmounts(a.revenue, b.revenue), currency: sameCurrency(a.currency, b.currency), reps: a.reps };
  },
};

/**
 * Summarises a chunk of deals for {@link revenuePerRep}; every chunk takes the same members.
 *
 * @param deals - deals; won ones closed in the period count.
 * @param members - the reps (filter by role before, if needed).
 * @param options - {@link RevenuePerRepOptions}.
 * @returns a JSON-serialisable summary.
 * @throws {RevopsError} as {@link revenuePerRep}.
 * @example
 * ```ts
 * import { summarizeRevenuePerRep } from 'revops/metrics';
 * summarizeRevenuePerRep([], [], { period: { start: '2026-01-01', end: '2026-03-31' } }).total;
 * //=> { revenue: '0', currency: null, reps: 0 }
 * ```
 */
export function summarizeRevenuePerRep(
  deals: readonly AttainmentDeal[],
  members: readonly Member[],
  options: RevenuePerRepOptions,
): RevenuePerRepSummary {
  try {
    readObject(options, 'options', 'INVALID_OPTION');
    if (options.period === undefined) throw invalid('INVALID_OPTION', 'options.period', undefined, 'is required');
    readList(deals, 'deals');
    readList(members, 'members');
    const p = readPeriodOption(options.period) as Period;
    const headcount = readOneOf(options.headcount ?? 'fte', 'options.headcount', ['fte', 'count']);
    if ((options.groupBy as unknown) === 'segment') {
      throw invalid('INVALID_OPTION', 'options.groupBy', 'segment', 'must not be segment (reps have none)');
    }
    const grouping = readGrouping<RepRef>(
      { ...(options.groupBy === undefined ? {} : { groupBy: options.groupBy }), members },
      'members',
      (r) => r,
    );
    const acc = new GroupAccumulator<RevenuePerRepState, RepRef>(grouping, () => ({
      revenue: '0',
      currency: null,
      reps: 0,
    }));
    const seenMembers = new SeenIds('members');
    members.forEach((m, i) => {
      const f = memberProration(m, entityPath('members', i, m), p);
      seenMembers.check(m, i);
      const reps = headcount === 'fte' ? f.value : f.numerator > 0 ? 1 : 0;
      for (const s of acc.targets({ ownerId: m.id }, i)) s.reps += reps;
    });
    const totals = new Map<RevenuePerRepState, MoneyTotal>();
    const outcome = dealOutcomeOf(options);
    const seen = new SeenIds('deals');
    for (let i = 0; i < deals.length; i++) {
      const deal = deals[i] as AttainmentDeal;
      const path = entityPath('deals', i, deal);
      readObject(deal, path);
      seen.check(deal, i);
      if (outcome(deal, path) !== 'won' || deal.closeDate === undefined) continue;
      const date = assertIsoDate(deal.closeDate, `${path}.closeDate`);
      if (date < p.start || date > p.end) continue;
      const revenueOnly = deal.splits?.filter((s) => s.kind === 'revenue');
      for (const credit of dealCredits({ ownerId: deal.ownerId, amount: deal.amount, splits: revenueOnly }, path)) {
        for (const s of acc.targets({ ownerId: credit.memberId }, i)) {
          let t = totals.get(s);
          if (t === undefined) {
            t = new MoneyTotal();
            totals.set(s, t);
          }
          t.add(credit.amount, `${path}.amount`);
        }
      }
    }
    for (const [s, t] of totals) {
      s.revenue = t.amount();
      s.currency = t.currency;
    }
    return acc.summary(SPEC, p, { headcount });
  } catch (thrown) {
    throw readFailure(thrown, { deals, members, options });
  }
}

/**
 * Merges two revenue-per-rep summaries (same period, headcount, grouping and members):
 * revenue adds, reps stay.
 *
 * @param a - a summary.
 * @param b - another one.
 * @returns both together.
 * @throws {RevopsError} `INVALID_SUMMARY` naming the field for a malformed summary, or one of another period,
 *   headcount, grouping or members.
 * @throws {RevopsError} `CURRENCY_MISMATCH` for two currencies.
 * @example
 * ```ts
 * import { mergeRevenuePerRep, summarizeRevenuePerRep } from 'revops/metrics';
 * const o = { period: { start: '2026-01-01', end: '2026-03-31' } };
 * mergeRevenuePerRep(summarizeRevenuePerRep([], [], o), summarizeRevenuePerRep([], [], o)).total.reps;
 * //=> 0
 * ```
 */
export function mergeRevenuePerRep(a: RevenuePerRepSummary, b: RevenuePerRepSummary): RevenuePerRepSummary {
  try {
    return mergeGrouped(a, b, SPEC);
  } catch (thrown) {
    throw readFailure(thrown, { a, b }, 'INVALID_SUMMARY');
  }
}

/**
 * Reads revenue per rep from a summary.
 *
 * @param summary - from {@link summarizeRevenuePerRep} or {@link mergeRevenuePerRep}.
 * @returns the {@link RevenuePerRep}, with `groups` when grouped.
 * @throws {RevopsError} `INVALID_SUMMARY` naming the field for anything but a valid revenue-per-rep summary.
 * @example
 * ```ts
 * import { finalizeRevenuePerRep } from 'revops/metrics';
 * finalizeRevenuePerRep({ kind: 'revenuePerRep', version: 1, groupBy: null, period: { start: '2026-01-01',
 *   end: '2026-03-31' },
 *   headcount: 'fte', groups: {}, total: { revenue: '300000', currency: 'USD', reps: 2.5 } }).perRep;
 * //=> 120000
 * ```
 */
export function finalizeRevenuePerRep(summary: RevenuePerRepSummary): Grouped<RevenuePerRep> {
  try {
    return finalizeGrouped(summary, SPEC, (s): RevenuePerRep => {
      const revenue = moneyOf(s.revenue, s.currency);
      const units = amountRatio(s.revenue, '1');
      return { revenue, reps: s.reps, perRep: s.reps === 0 || units === null ? null : units / s.reps };
    });
  } catch (thrown) {
    throw readFailure(thrown, { summary }, 'INVALID_SUMMARY');
  }
}

/**
 * Revenue per rep: the won revenue credited in a period (owner's share and revenue splits;
 * overlay credit is not revenue) ÷ the reps in role during the period. By default reps are
 * full-time equivalents: a rep who started halfway counts ½ (days in role ÷ days in the
 * period, core `prorationFraction`); with `headcount: 'count'` every rep in role counts 1.
 * `members` is the list of reps (filter it by role first, e.g. account executives).
 *
 * @param deals - deals; won ones with `closeDate` in the period count.
 * @param members - the reps.
 * @param options - {@link RevenuePerRepOptions}: `period` (required), `headcount`, `groupBy`, `pipeline`.
 * @returns exact revenue, reps and revenue per rep, with `groups` when `groupBy` is set.
 * @throws {RevopsError} `INVALID_OPTION` without a period, or for an unknown headcount or groupBy (segment is
 *   refused: reps have none).
 * @throws {RevopsError} `INVALID_PERIOD` / `INVALID_DATE` for a malformed period or member dates.
 * @throws {RevopsError} `INVALID_INPUT` for deals or members that are not arrays, a deal or member that is not an
 *   object, or split shares above 1.
 * @throws {RevopsError} `DUPLICATE_ID` for two deals (or two members) with the same id, naming both positions.
 * @throws {RevopsError} `INVALID_AMOUNT` for a malformed amount.
 * @throws {RevopsError} `CURRENCY_MISMATCH` for revenue in two currencies.
 * @example
 * ```ts
 * import { revenuePerRep } from 'revops/metrics';
 * const rep = (id, startDate) => ({ id, name: id, roleId: 'account-executive', territoryIds: [], startDate });
 * const won = (ownerId, amount) => ({ ownerId, stage: 'closed-won', closeDate: '2026-02-20', amount: { amount,
 *   currency: 'USD' } });
 * // b joined on 15 February: 14 of February's 28 days
 * revenuePerRep([won('a', '200000'), won('b', '100000')], [rep('a', '2025-01-01'), rep('b', '2026-02-15')],
 *   { period: { start: '2026-02-01', end: '2026-02-28' } });
 * //=> { revenue: { amount: '300000.00', currency: 'USD' }, reps: 1.5, perRep: 200000 }
 * ```
 */
export function revenuePerRep(
  deals: readonly AttainmentDeal[],
  members: readonly Member[],
  options: RevenuePerRepOptions,
): Grouped<RevenuePerRep> {
  try {
    return finalizeRevenuePerRep(summarizeRevenuePerRep(deals, members, options));
  } catch (thrown) {
    throw readFailure(thrown, { deals, members, options });
  }
}
