/**
 * Funnels from stage histories, in cohort and period mode: the one-call form of
 * `summarizeFunnel` (funnel-count.ts) and `finalizeFunnel` (funnel-summary.ts).
 * @module
 */
import { type FunnelEntity, type FunnelOptions, summarizeFunnel } from './funnel-count.js';
import { type Funnel, finalizeFunnel } from './funnel-summary.js';
import type { Grouped } from './grouped-summary.js';
import { readFailure } from '../core/read.js';

/**
 * A funnel from stage histories: how many leads or deals reached each stage, and the
 * stage-to-stage and overall conversion.
 *
 * Reaching: an entity reached step k when its history (up to `asOf`) entered step k or any
 * later step, or a won stage — **a skipped stage counts as passed**, so "reached" only grows
 * along the funnel and overall = Π stage-to-stage. A won stage implies every
 * step; a lost stage implies nothing beyond the steps actually entered. Conversion:
 * cᵢ = reachedᵢ₊₁ / reachedᵢ, overall = reached(won) / reached(first step), `null` over 0.
 *
 * Cohort vs period: **cohort** mode follows the entities created in the
 * period to the end of their histories — numerator and denominator are the same entities,
 * so every rate is in [0, 1]; recent cohorts are incomplete (`open` counts the entities not
 * yet resolved). **Period** mode counts the entries into each stage that happened in the
 * period (each entity at most once per stage: its first entry), whatever the entity's
 * creation date — what most CRM dashboards show; numerator and denominator are different
 * entities, so a "conversion" can exceed 1 and moves with volume and lag. The two agree
 * only when nothing crosses the period's edges.
 * Without history: by default an entity must carry its stage history; `source: 'snapshot'`
 * counts an entity without one by its current stage, and a lost one as `lostWithoutHistory`
 * (its furthest stage is unknown, so it reaches no row).
 * Dates: an event's date is the calendar date written in its instant (its own offset).
 *
 * @param entities - leads or deals with stage histories (`history`).
 * @param options - {@link FunnelOptions}: `pipeline` (required), `mode`, `source`, `period`, `asOf`, `stages`,
 *   `groupBy`, `members`.
 * @returns the {@link Funnel}, with `groups` when `groupBy` is set.
 * @throws {RevopsError} `INVALID_PIPELINE` for a pipeline without stages.
 * @throws {RevopsError} `INVALID_OPTION` for an unknown mode or groupBy, or a step that is not an open stage.
 * @throws {RevopsError} `INVALID_INPUT` for entities that are not an array, an entity that is not an object, a
 *   history that is not an array of events, or an entity without history unless `source: 'snapshot'`.
 * @throws {RevopsError} `INVALID_DATE` for a malformed instant or asOf.
 * @throws {RevopsError} `INVALID_PERIOD` for a malformed period.
 * @throws {RevopsError} `DUPLICATE_ID` for two entities with the same id (naming both positions).
 * @example
 * ```ts
 * import { funnel } from 'revops/metrics';
 * const pipeline = { id: 'p', name: 'P', entity: 'deal', transitions: [], handoffStages: [], stages: [
 *   { id: 'a', name: 'A', kind: 'open', probability: 0.1, forecastCategory: 'pipeline', requiredFields: [] },
 *   { id: 'b', name: 'B', kind: 'open', probability: 0.5, forecastCategory: 'pipeline', requiredFields: [] },
 *   { id: 'won', name: 'Won', kind: 'won', probability: 1, forecastCategory: 'closed', requiredFields: [] },
 *   { id: 'lost', name: 'Lost', kind: 'lost', probability: 0, forecastCategory: 'omitted', requiredFields: [] },
 * ] };
 * const ev = (from, to, at) => ({ from, to, at, actorId: 'ae1', roleId: 'account-executive' });
 * const deals = [
 *   { createdAt: '2026-01-05T10:00:00Z', stage: 'won', ownerId: 'ae1', history: [ev(null, 'a',
 *     '2026-01-05T10:00:00Z'), ev('a', 'won', '2026-02-01T10:00:00Z')] },
 *   { createdAt: '2026-01-06T10:00:00Z', stage: 'lost', ownerId: 'ae1', history: [ev(null, 'a',
 *     '2026-01-06T10:00:00Z'), ev('a', 'lost', '2026-01-20T10:00:00Z')] },
 * ];
 * funnel(deals, { pipeline }).rows.map((r) => [r.stageId, r.reached]);
 * //=> [['a', 2], ['b', 1], ['won', 1]]
 * ```
 */
export function funnel(entities: readonly FunnelEntity[], options: FunnelOptions): Grouped<Funnel> {
  try {
    return finalizeFunnel(summarizeFunnel(entities, options));
  } catch (thrown) {
    throw readFailure(thrown, { entities, options });
  }
}
