/**
 * Pipeline forecasts per team, territory or member: the mergeable summaries of one group each.
 * @module
 */
import type { Deal } from '../model/deal.js';
import { invalid } from '../core/errors.js';
import type { Period } from '../core/periods.js';
import {
  finalizeForecastByCategory,
  summarizeForecastByCategory,
  type CategoryForecast,
  type ForecastByCategoryOptions,
} from './forecast-categories.js';
import {
  finalizeWeightedPipeline,
  summarizeWeightedPipeline,
  type WeightedPipeline,
  type WeightedPipelineOptions,
} from './weighted-pipeline.js';
import { readArray, setOwn } from './internal.js';

/** The deal field a forecast is split by: the owner (member), the team or the territory. */
export type DealGrouping = 'ownerId' | 'teamId' | 'territoryId';

/**
 * The group key of deals that have no team or territory (named `UNASSIGNED_GROUP` so that it
 * does not collide with `revops/metrics`' `UNASSIGNED` in the root `revops` export).
 *
 * @example
 * ```ts
 * import { UNASSIGNED_GROUP } from 'revops/forecast';
 * UNASSIGNED_GROUP;
 * //=> '(unassigned)'
 * ```
 */
export const UNASSIGNED_GROUP = '(unassigned)';

function groupDeals(deals: readonly Deal[], by: DealGrouping): Map<string, Deal[]> {
  readArray(deals, 'deals');
  if (by !== 'ownerId' && by !== 'teamId' && by !== 'territoryId') {
    throw invalid('INVALID_OPTION', 'by', by, "must be 'ownerId', 'teamId' or 'territoryId'");
  }
  const groups = new Map<string, Deal[]>();
  deals.forEach((deal, i) => {
    if (typeof deal !== 'object' || deal === null)
      throw invalid('INVALID_INPUT', `deals[${i}]`, deal, 'must be a deal');
    const key = deal[by] ?? UNASSIGNED_GROUP;
    const g = groups.get(key);
    if (g === undefined) groups.set(key, [deal]);
    else g.push(deal);
  });
  return groups;
}

function firstCurrency(deals: readonly Deal[]): string | undefined {
  const d = deals[0];
  return d === undefined ? undefined : d.amount.currency;
}

/**
 * {@link weightedPipeline} for each owner, team or territory (deals without one go to
 * {@link UNASSIGNED_GROUP}). Each group is a summary finalised on its own, so merging the groups'
 * summaries gives the organisation's figure exactly.
 *
 * @param deals - the deals.
 * @param by - `'ownerId'`, `'teamId'` or `'territoryId'`.
 * @param options - as for {@link weightedPipeline}; a group with no included deal reports zero in its deals' currency.
 * @returns a record from group key to {@link WeightedPipeline}.
 * @throws {RevopsError} `INVALID_OPTION` for an unknown `by`, and as {@link weightedPipeline}.
 * @throws {RevopsError} `INVALID_INPUT` when `deals` is not an array of deals.
 * @throws {RevopsError} `INVALID_RATE` for a probability outside [0, 1].
 * @throws {RevopsError} `INVALID_PERIOD` for a period that ends before it starts.
 * @throws {RevopsError} `INVALID_DATE` for a malformed `expectedCloseDate` (or `closeDate`) of a deal compared with the period.
 * @throws {RevopsError} `CURRENCY_MISMATCH` when a group mixes currencies.
 * @throws {RevopsError} `UNKNOWN_CURRENCY` for an unknown currency code.
 * @example
 * ```ts
 * import { weightedPipelineBy } from 'revops/forecast';
 * const d = (teamId: string | undefined, amount: string) => ({ teamId, stage: 'demo', probability: 0.5,
 *   amount: { amount, currency: 'USD' }, expectedCloseDate: '2026-03-31' });
 * const by = weightedPipelineBy([d('east', '100'), d(undefined, '50'), d('east', '20')], 'teamId');
 * [by.east?.weighted.amount, by['(unassigned)']?.weighted.amount];
 * //=> ['60.00', '25.00']
 * ```
 */
export function weightedPipelineBy(
  deals: readonly Deal[],
  by: DealGrouping,
  options: WeightedPipelineOptions = {},
): Record<string, WeightedPipeline> {
  const out: Record<string, WeightedPipeline> = {};
  const groups = groupDeals(deals, by);
  for (const key of [...groups.keys()].sort()) {
    const g = groups.get(key) as Deal[];
    const { rounding, ...select } = options;
    setOwn(
      out,
      key,
      finalizeWeightedPipeline(summarizeWeightedPipeline(g, select), {
        currency: options.currency ?? firstCurrency(g),
        ...(rounding === undefined ? {} : { rounding }),
      }),
    );
  }
  return out;
}

/**
 * {@link forecastByCategory} for each owner, team or territory (deals without one go to
 * {@link UNASSIGNED_GROUP}).
 *
 * @param deals - the deals.
 * @param by - `'ownerId'`, `'teamId'` or `'territoryId'`.
 * @param period - the forecast period (inclusive).
 * @param options - as for {@link forecastByCategory}.
 * @returns a record from group key to {@link CategoryForecast}.
 * @throws {RevopsError} `INVALID_OPTION` for an unknown `by`.
 * @throws {RevopsError} `INVALID_INPUT` when `deals` is not an array of deals, or a counted deal has an unknown category, a closed deal is in an open category, or an open deal is `closed`.
 * @throws {RevopsError} `INVALID_PERIOD` for a period that ends before it starts.
 * @throws {RevopsError} `INVALID_DATE` for a malformed `expectedCloseDate` (or `closeDate`) of a deal compared with the period.
 * @throws {RevopsError} `CURRENCY_MISMATCH` when a group mixes currencies.
 * @throws {RevopsError} `UNKNOWN_CURRENCY` for an unknown currency code.
 * @example
 * ```ts
 * import { forecastByCategoryBy } from 'revops/forecast';
 * const d = (ownerId: string, forecastCategory: string) => ({ ownerId, forecastCategory,
 *   amount: { amount: '1000', currency: 'USD' }, expectedCloseDate: '2026-01-31' });
 * const by = forecastByCategoryBy([d('ana', 'commit'), d('bo', 'pipeline'), d('ana', 'bestCase')], 'ownerId',
 *   { start: '2026-01-01', end: '2026-03-31' });
 * [by.ana?.bestCaseForecast.amount, by.bo?.openPipeline.amount];
 * //=> ['2000.00', '1000.00']
 * ```
 */
export function forecastByCategoryBy(
  deals: readonly Deal[],
  by: DealGrouping,
  period: Period,
  options: ForecastByCategoryOptions = {},
): Record<string, CategoryForecast> {
  const out: Record<string, CategoryForecast> = {};
  const groups = groupDeals(deals, by);
  for (const key of [...groups.keys()].sort()) {
    const g = groups.get(key) as Deal[];
    setOwn(
      out,
      key,
      finalizeForecastByCategory(summarizeForecastByCategory(g, period, options), {
        currency: options.currency ?? firstCurrency(g),
      }),
    );
  }
  return out;
}
