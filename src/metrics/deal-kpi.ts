/**
 * What the deal KPIs share: which deals count (outcome and period), their grouping facts,
 * and the refusal of a deal id seen twice.
 * @module
 */
import { describeValue, invalid, RevopsError } from '../core/errors.js';
import type { Period } from '../core/periods.js';
import { entityPath, readObject } from '../core/read.js';
import type { Deal } from '../model/deal.js';
import type { GroupFacts, GroupingOptions } from '../model/group-by.js';
import { type DealOutcome, dealOutcomeOf } from '../model/deal-outcome.js';
import type { OutcomeOptions } from './deal-outcome.js';
import { dateOfInstant, inPeriod, readPeriodOption } from './period-filter.js';

/** The fields of a deal the KPIs read. */
export type KpiDeal = Pick<Deal, 'ownerId' | 'amount' | 'stage' | 'createdAt'> &
  Partial<Pick<Deal, 'closeDate' | 'teamId' | 'territoryId' | 'segment' | 'id'>>;

/** Options shared by the deal KPIs. */
export interface DealKpiOptions extends GroupingOptions<KpiDeal>, OutcomeOptions {
  /**
   * Inclusive period of calendar dates. Closed deals count when their `closeDate` is in it
   * (a closed deal without `closeDate` then does not count); open deals when the date
   * written in `createdAt` is. Default: no period (every deal).
   */
  readonly period?: Period;
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
 * Remembers the ids of the records read so far and refuses the same id twice, naming both
 * positions (a retried import or a merged file would otherwise count a record twice).
 * @internal
 */
export class SeenIds {
  private readonly first = new Map<string, number>();

  constructor(private readonly collection: string) {}

  /** @throws {RevopsError} `DUPLICATE_ID` when `record.id` was seen at another index. */
  check(record: { readonly id?: unknown }, index: number): void {
    const id = record.id;
    if (typeof id !== 'string') return;
    const before = this.first.get(id);
    if (before === undefined) {
      this.first.set(id, index);
      return;
    }
    const c = this.collection;
    const field = `${entityPath(c, index, record)}.id`;
    throw new RevopsError(
      'DUPLICATE_ID',
      `${field} must be unique, got ${describeValue(id)} again (first at ${c}[${before}]): a record counts once`,
      { field, value: id, details: { id, first: before, second: index } },
    );
  }
}

/**
 * Returns a selector telling, for each deal, its outcome if it counts, or `null`. It checks
 * that each deal is an object and that no deal id appears twice.
 * @internal
 */
export function dealSelector(
  options: DealKpiOptions,
  filter: OutcomeFilter,
): (deal: KpiDeal, i: number) => DealOutcome | null {
  const outcome = dealOutcomeOf(options);
  const p = readPeriodOption(options.period);
  const seen = new SeenIds('deals');
  return (deal, i) => {
    const path = entityPath('deals', i, deal);
    readObject(deal, path);
    seen.check(deal, i);
    const o = outcome(deal, path);
    if (filter !== 'all' && filter !== o && !(filter === 'closed' && o !== 'open')) return null;
    if (p === null) return o;
    if (o === 'open')
      return inPeriod(p, dateOfInstant(deal.createdAt, `${entityPath('deals', i, deal)}.createdAt`)) ? o : null;
    return deal.closeDate !== undefined && inPeriod(p, deal.closeDate) ? o : null;
  };
}

/** The grouping facts of a deal. @internal */
export function dealFacts(deal: KpiDeal): GroupFacts {
  return { ownerId: deal.ownerId, teamId: deal.teamId, territoryId: deal.territoryId, segment: deal.segment };
}
