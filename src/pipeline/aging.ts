/**
 * Stage aging: open entities that have stayed too long in their current stage ("rotting"
 * deals in Pipedrive's words, "stalled" in Oracle's).
 * @module
 */
import { describeValue, invalid } from '../core/errors.js';
import type { Instant, IsoDate } from '../core/dates.js';
import { readAsOf, readFailure } from '../core/read.js';
import type { StageEvent } from '../model/stage-event.js';
import type { DefinedPipeline } from './define-pipeline.js';
import { indexOfOptions } from './pipeline-index.js';
import { MS_PER_DAY, entityHistories } from './time-in-stage.js';

/** Options of {@link agingDeals}. */
export interface AgingOptions {
  /** The entities' pipeline. Required. */
  readonly pipeline: DefinedPipeline;
  /**
   * The moment of observation (a date: the end of that day in UTC; an instant: that moment); later events are ignored.
   * Required.
   */
  readonly asOf: IsoDate | Instant;
  /**
   * Days an entity may stay in a stage: one number for every open stage, or stage id → days
   * (stages not listed are never reported, as Pipedrive's per-stage "rotten days"). Required.
   */
  readonly thresholdDays: number | Readonly<Record<string, number>>;
}

/** An entity past its stage's threshold. */
export interface AgingEntity {
  readonly id: string;
  /** Its stage as of `asOf`. */
  readonly stage: string;
  /** When it entered that stage (the event's `at`). */
  readonly enteredAt: string;
  /** Fractional days in the stage since then (the current visit only). */
  readonly daysInStage: number;
  /** The threshold it exceeded. */
  readonly thresholdDays: number;
}

/**
 * Lists the entities that, as of `asOf`, are in an open stage and have been there (the
 * current visit, since their last event) strictly longer than the stage's threshold, oldest
 * first (ties by id). Entities in a won or lost stage, or created after `asOf`, are never listed.
 *
 * @param entities - Entities with `id` and `history` (deals, leads, customers).
 * @param options - See {@link AgingOptions}.
 * @returns The aging entities, most days in stage first.
 * @throws {RevopsError} `INVALID_OPTION` for a threshold that is negative or not finite, or names an unknown stage.
 * @throws {RevopsError} `INVALID_INPUT` for `entities` that is not an array of objects, an event naming a stage the
 *   pipeline
 *   does not have, or events out of order; also when `options` is not an object.
 * @throws {RevopsError} `INVALID_DATE` for an `asOf` or event `at` that is not an instant.
 * @throws {RevopsError} `INVALID_PIPELINE` if `pipeline` did not come from `definePipeline`.
 * @example
 * ```ts
 * import { agingDeals, defaultDealPipeline } from 'revops/pipeline';
 * const ev = (from: string | null, to: string, at: string) => ({ from, to, at, actorId: 'a',
 *   roleId: 'account-executive' });
 * const deals = [
 *   { id: 'd1', history: [ev(null, 'discovery', '2026-01-01T00:00:00Z'), ev('discovery', 'proposal',
 *     '2026-01-10T00:00:00Z')] },
 *   { id: 'd2', history: [ev(null, 'discovery', '2026-01-25T00:00:00Z')] },
 * ];
 * agingDeals(deals, { pipeline: defaultDealPipeline, asOf: '2026-02-01T12:00:00Z', thresholdDays: 14 });
 * //=> [{ id: 'd1', stage: 'proposal', enteredAt: '2026-01-10T00:00:00Z', daysInStage: 22.5, thresholdDays: 14 }]
 * ```
 */
export function agingDeals(
  entities: readonly { readonly id: string; readonly history: readonly StageEvent[] }[],
  options: AgingOptions,
): AgingEntity[] {
  try {
    const index = indexOfOptions(options);
    const asOf = readAsOf(options.asOf, 'options.asOf').epochMs;
    const th = options.thresholdDays;
    const checkThreshold = (v: unknown, field: string): number => {
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
        throw invalid('INVALID_OPTION', field, v, 'must be a finite number of days ≥ 0');
      return v;
    };
    const limits = new Map<string, number>();
    if (typeof th === 'number') {
      checkThreshold(th, 'thresholdDays');
      for (const s of index.stages.values()) if (index.outcome({ stage: s.id }) === 'open') limits.set(s.id, th);
    } else {
      if (typeof th !== 'object' || th === null)
        throw invalid('INVALID_OPTION', 'thresholdDays', th, 'must be a number of days or stage id → days');
      for (const [id, v] of Object.entries(th)) {
        if (!index.stages.has(id))
          throw invalid(
            'INVALID_OPTION',
            `thresholdDays.${id}`,
            v,
            `must name a stage of pipeline "${options.pipeline.id}"`,
          );
        if (index.outcome({ stage: id }) === 'open') limits.set(id, checkThreshold(v, `thresholdDays.${id}`));
      }
    }
    const out: AgingEntity[] = [];
    const histories = entityHistories(entities);
    histories.forEach(({ history, times }, k) => {
      let last = -1;
      while (last + 1 < times.length && times[last + 1]! <= asOf) last++;
      if (last < 0) return;
      const ev = history[last]!;
      if (!index.stages.has(ev.to))
        throw invalid(
          'INVALID_INPUT',
          `entities[${k}].history[${last}].to`,
          ev.to,
          `must be a stage of pipeline ${describeValue(options.pipeline.id)}`,
        );
      const limit = limits.get(ev.to);
      const days = (asOf - times[last]!) / MS_PER_DAY;
      if (limit !== undefined && days > limit)
        out.push({ id: entities[k]!.id, stage: ev.to, enteredAt: ev.at, daysInStage: days, thresholdDays: limit });
    });
    return out.sort((a, b) => b.daysInStage - a.daysInStage || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  } catch (thrown) {
    throw readFailure(thrown, { entities, options });
  }
}
