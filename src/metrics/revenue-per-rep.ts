/**
 * Revenue per rep: credited won revenue in a period ÷ reps (full-time equivalents) in role.
 * @module
 */
import { invalid } from '../core/errors.js';
import { period as makePeriod, prorationFraction, type Period } from '../core/periods.js';
import type { Money } from '../core/money.js';
import type { Member } from '../model/member.js';
import { dealCredits } from './deal-credits.js';
import { outcomeOf, type OutcomeOptions } from './deal-outcome.js';
import { groupKeyFunction, type GroupBy } from './group-by.js';
import { finalizeGrouped, mergeGrouped, type Grouped, type GroupedSummary, summaryKind } from './grouped-summary.js';
import type { AttainmentDeal } from './quota-attainment.js';
import { addAmounts, amountRatio, MoneyTotal, moneyOf, sameCurrency } from './money-total.js';
import { readList } from './counts.js';

/** Options of {@link revenuePerRep}. */
export interface RevenuePerRepOptions extends OutcomeOptions {
  /** The period: deals closed in it, and reps' days in role within it. Required. */
  readonly period: Period;
  /** `'fte'` (default): each rep counts for the share of the period they were in role; `'count'`: each rep in role any day counts 1. */
  readonly headcount?: 'fte' | 'count';
  /** Group by member, team, territory or role (of the credited member). Default: totals only. */
  readonly groupBy?: Exclude<GroupBy, 'segment'>;
}

/** Revenue per rep. */
export interface RevenuePerRep {
  /** Exact credited revenue (owner and revenue splits; overlays are not revenue); `null` with none. */
  readonly revenue: Money | null;
  /** Reps in role during the period (FTE or head count). */
  readonly reps: number;
  /** revenue ÷ reps (a number of currency units); 0 when reps closed nothing; `null` with no reps (empty denominator). */
  readonly perRep: number | null;
}

/** Per-group state: exact revenue and reps (identical in every chunk: they come from `members`). */
export interface RevenuePerRepState {
  revenue: string;
  currency: string | null;
  reps: number;
}

/** A mergeable revenue-per-rep summary (JSON); `kind` is `revenuePerRep:<start>:<end>:<headcount>`. */
export type RevenuePerRepSummary = GroupedSummary<RevenuePerRepState>;

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
  if (typeof options !== 'object' || options === null || options.period === undefined)
    throw invalid('INVALID_OPTION', 'period', undefined, 'is required');
  readList(deals, 'deals');
  readList(members, 'members');
  const p = makePeriod(options.period.start, options.period.end);
  const headcount = options.headcount ?? 'fte';
  if (headcount !== 'fte' && headcount !== 'count')
    throw invalid('INVALID_OPTION', 'headcount', headcount, "must be 'fte' or 'count'");
  if ((options.groupBy as string | undefined) === 'segment')
    throw invalid(
      'INVALID_OPTION',
      'groupBy',
      'segment',
      'must be member, team, territory or role (reps have no segment)',
    );
  const keyOf = groupKeyFunction({ ...(options.groupBy === undefined ? {} : { groupBy: options.groupBy }), members });
  const total: RevenuePerRepState = { revenue: '0', currency: null, reps: 0 };
  const groups = new Map<string, RevenuePerRepState>();
  const slot = (memberId: string): RevenuePerRepState[] => {
    if (keyOf === null) return [total];
    const key = keyOf({ memberId });
    let s = groups.get(key);
    if (s === undefined) {
      s = { revenue: '0', currency: null, reps: 0 };
      groups.set(key, s);
    }
    return [total, s];
  };
  members.forEach((m, i) => {
    if (typeof m !== 'object' || m === null) throw invalid('INVALID_INPUT', `members[${i}]`, m, 'must be a member');
    const end = m.endDate ?? (m.startDate > p.end ? m.startDate : p.end);
    const f = prorationFraction(makePeriod(m.startDate, end), p);
    const reps = headcount === 'fte' ? f.value : f.numerator > 0 ? 1 : 0;
    for (const s of slot(m.id)) s.reps += reps;
  });
  const totals = new Map<RevenuePerRepState, MoneyTotal>();
  const outcome = outcomeOf(options);
  for (let i = 0; i < deals.length; i++) {
    const deal = deals[i] as AttainmentDeal;
    if (typeof deal !== 'object' || deal === null)
      throw invalid('INVALID_INPUT', `deals[${i}]`, deal, 'must be a deal');
    if (
      outcome(deal.stage) !== 'won' ||
      deal.closeDate === undefined ||
      deal.closeDate < p.start ||
      deal.closeDate > p.end
    )
      continue;
    const revenueOnly = deal.splits?.filter((s) => s.kind === 'revenue');
    for (const credit of dealCredits(
      { ownerId: deal.ownerId, amount: deal.amount, splits: revenueOnly },
      `deals[${i}]`,
    )) {
      for (const s of slot(credit.memberId)) {
        let t = totals.get(s);
        if (t === undefined) {
          t = new MoneyTotal();
          totals.set(s, t);
        }
        t.add(credit.amount, `deals[${i}].amount`);
      }
    }
  }
  for (const [s, t] of totals) {
    s.revenue = t.amount();
    s.currency = t.currency;
  }
  const keys = [...groups.keys()].sort();
  return {
    kind: `revenuePerRep:${p.start}:${p.end}:${headcount}`,
    groupBy: options.groupBy ?? null,
    total,
    groups: Object.fromEntries(keys.map((k) => [k, groups.get(k) as RevenuePerRepState])),
  };
}

const kindOf = (value: unknown, field: string): string =>
  summaryKind(value, field, 'revenuePerRep', (kind) => kind.startsWith('revenuePerRep:'));

function mergeState(a: RevenuePerRepState, b: RevenuePerRepState): RevenuePerRepState {
  if (a.reps !== b.reps)
    throw invalid(
      'INVALID_INPUT',
      'b',
      b.reps,
      `must count the same reps as a (${a.reps}): summarise every chunk with the same members`,
    );
  return { revenue: addAmounts(a.revenue, b.revenue), currency: sameCurrency(a.currency, b.currency), reps: a.reps };
}

/**
 * Merges two revenue-per-rep summaries (same period, headcount, grouping and members):
 * revenue adds, reps stay.
 *
 * @param a - a summary.
 * @param b - another one.
 * @returns both together.
 * @throws {RevopsError} `INVALID_INPUT` for another kind or other members; `INVALID_OPTION` for another grouping; `CURRENCY_MISMATCH` for two currencies.
 * @example
 * ```ts
 * import { mergeRevenuePerRep, summarizeRevenuePerRep } from 'revops/metrics';
 * const o = { period: { start: '2026-01-01', end: '2026-03-31' } };
 * mergeRevenuePerRep(summarizeRevenuePerRep([], [], o), summarizeRevenuePerRep([], [], o)).total.reps;
 * //=> 0
 * ```
 */
export function mergeRevenuePerRep(a: RevenuePerRepSummary, b: RevenuePerRepSummary): RevenuePerRepSummary {
  return mergeGrouped(a, b, kindOf(a, 'a'), mergeState);
}

/**
 * Reads revenue per rep from a summary.
 *
 * @param summary - from {@link summarizeRevenuePerRep} or {@link mergeRevenuePerRep}.
 * @returns the {@link RevenuePerRep}, with `groups` when grouped.
 * @throws {RevopsError} `INVALID_INPUT` for something that is not a revenue-per-rep summary.
 * @example
 * ```ts
 * import { finalizeRevenuePerRep } from 'revops/metrics';
 * finalizeRevenuePerRep({ kind: 'revenuePerRep:2026-01-01:2026-03-31:fte', groupBy: null, groups: {}, total: { revenue: '300000', currency: 'USD', reps: 2.5 } }).perRep;
 * //=> 120000
 * ```
 */
export function finalizeRevenuePerRep(summary: RevenuePerRepSummary): Grouped<RevenuePerRep> {
  return finalizeGrouped<RevenuePerRepState, RevenuePerRep>(summary, kindOf(summary, 'summary'), (s) => {
    const revenue = moneyOf(s.revenue, s.currency);
    const units = amountRatio(s.revenue, '1');
    return { revenue, reps: s.reps, perRep: s.reps === 0 || units === null ? null : units / s.reps };
  });
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
 * @throws {RevopsError} `INVALID_OPTION` without a period, or for an unknown headcount or groupBy (segment is refused: reps have none).
 * @throws {RevopsError} `INVALID_PERIOD` / `INVALID_DATE` for a malformed period or member dates.
 * @throws {RevopsError} `INVALID_INPUT` for deals or members that are not arrays, a deal or member that is not an object, or split shares above 1.
 * @throws {RevopsError} `INVALID_AMOUNT` for a malformed amount.
 * @throws {RevopsError} `CURRENCY_MISMATCH` for revenue in two currencies.
 * @example
 * ```ts
 * import { revenuePerRep } from 'revops/metrics';
 * const rep = (id, startDate) => ({ id, name: id, roleId: 'account-executive', territoryIds: [], startDate });
 * const won = (ownerId, amount) => ({ ownerId, stage: 'closed-won', closeDate: '2026-02-20', amount: { amount, currency: 'USD' } });
 * // b joined on 15 February: 14 of February's 28 days
 * revenuePerRep([won('a', '200000'), won('b', '100000')], [rep('a', '2025-01-01'), rep('b', '2026-02-15')], { period: { start: '2026-02-01', end: '2026-02-28' } });
 * //=> { revenue: { amount: '300000.00', currency: 'USD' }, reps: 1.5, perRep: 200000 }
 * ```
 */
export function revenuePerRep(
  deals: readonly AttainmentDeal[],
  members: readonly Member[],
  options: RevenuePerRepOptions,
): Grouped<RevenuePerRep> {
  return finalizeRevenuePerRep(summarizeRevenuePerRep(deals, members, options));
}
