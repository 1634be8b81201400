/**
 * What the deal KPIs share: which deals count (outcome and window) and their grouping facts.
 * @module
 */
import { invalid } from '../core/errors.js';
import type { Period } from '../core/periods.js';
import type { Deal } from '../model/deal.js';
import { outcomeOf, type Outcome, type OutcomeOptions } from './deal-outcome.js';
import type { GroupFacts, GroupingOptions } from './group-by.js';
import { dateOfInstant, inWindow, readWindow } from './window.js';

/** The fields of a deal the KPIs read. */
export type KpiDeal = Pick<Deal, 'ownerId' | 'amount' | 'stage' | 'createdAt'> &
  Partial<Pick<Deal, 'closeDate' | 'teamId' | 'territoryId' | 'segment' | 'id'>>;

/** Options shared by the deal KPIs. */
export interface DealKpiOptions extends GroupingOptions, OutcomeOptions {
  /**
   * Inclusive window of calendar dates. Closed deals count when their `closeDate` is in it
   * (a closed deal without `closeDate` then does not count); open deals when the date
   * written in `createdAt` is. Default: no window (every deal).
   */
  readonly window?: Period;
}

/** Which deals a KPI reads. @internal */
export type OutcomeFilter = 'won' | 'lost' | 'closed' | 'open' | 'all';

/** Reads a filter option. @internal */
export function readFilter(value: unknown, field: string, allowed: readonly OutcomeFilter[]): OutcomeFilter {
  if (!(allowed as readonly unknown[]).includes(value))
    throw invalid('INVALID_OPTION', field, value, `must be one of ${allowed.join(', ')}`);
  return value as OutcomeFilter;
}

/**
 * Returns a selector telling, for each deal, its outcome if it counts, or `null`.
 * @internal
 */
export function dealSelector(
  options: DealKpiOptions,
  filter: OutcomeFilter,
): (deal: KpiDeal, i: number) => Outcome | null {
  const outcome = outcomeOf(options);
  const window = readWindow(options.window);
  return (deal, i) => {
    if (typeof deal !== 'object' || deal === null)
      throw invalid('INVALID_INPUT', `deals[${i}]`, deal, 'must be a deal');
    const o = outcome(deal.stage);
    if (filter !== 'all' && filter !== o && !(filter === 'closed' && o !== 'open')) return null;
    if (window === null) return o;
    if (o === 'open') return inWindow(window, dateOfInstant(deal.createdAt, `deals[${i}].createdAt`)) ? o : null;
    return deal.closeDate !== undefined && inWindow(window, deal.closeDate) ? o : null;
  };
}

/** The grouping facts of a deal. @internal */
export function dealFacts(deal: KpiDeal): GroupFacts {
  return { memberId: deal.ownerId, teamId: deal.teamId, territoryId: deal.territoryId, segment: deal.segment };
}
