/**
 * `enterPipeline`: start an entity in a pipeline, with the creation event as its first history entry.
 * @module
 */
import type { RevopsError } from '../core/errors.js';
import type { Result } from '../core/result.js';
import { buildMoved, checkMove, refuse } from './apply-move.js';
import { indexOfOptions, missingFields } from './pipeline-index.js';
import type { DefinedPipeline } from './define-pipeline.js';
import type { Actor, Changes, StagedEntity } from './types.js';
import { readFailure } from '../core/read.js';

/** Options of {@link enterPipeline}. */
export interface EnterPipelineOptions {
  /** The pipeline to enter. Required. */
  readonly pipeline: DefinedPipeline;
  /** Who creates the entity. Required. */
  readonly actor: Actor;
  /** When (ISO-8601 instant with offset). Required. */
  readonly at: string;
  /** The start stage; default the pipeline's first start stage. */
  readonly stage?: string;
  /** Why (recorded on the event). Default: none. */
  readonly reason?: string | undefined;
  /** Fields set together with the creation. Default: none. */
  readonly changes?: Changes | undefined;
}

/**
 * Starts an entity in a pipeline: sets `stage` and a history of one event
 * `{ from: null, to: stage, at, actorId, roleId }` (the creation), and for deals the stage's
 * default probability (`probabilitySource` 'stage' unless one was set) and forecast category.
 *
 * The pipeline definition says where entities may start (`startStages`), not who may create
 * them: any actor may; applications that restrict creation check the role's
 * `lead.create` / `deal.create` permission themselves.
 *
 * Refusals: `TRANSITION_NOT_ALLOWED` when `stage` is not a start stage; `GUARD_FAILED` when
 * the start stage's required fields are not set.
 *
 * @param entity - The entity, with an empty `history` (its `stage` is overwritten).
 * @param options - See {@link EnterPipelineOptions}.
 * @returns `{ ok: true, value }` with the started entity, or `{ ok: false, error }`.
 * @throws {RevopsError} `INVALID_PIPELINE` if `pipeline` did not come from `definePipeline`.
 * @throws {RevopsError} `INVALID_INPUT` when `history` is not empty, the stage is unknown, or the actor, reason or
 *   `changes` are malformed.
 * @throws {RevopsError} `INVALID_DATE` if `at` is not an instant with an offset.
 * @throws {RevopsError} `INVALID_RATE` if `changes.probability` is not a fraction in [0, 1].
 * @example
 * ```ts
 * import { defaultLeadPipeline, enterPipeline } from 'revops/pipeline';
 * const r = enterPipeline({ id: 'l1', stage: '', history: [] }, { pipeline: defaultLeadPipeline, actor: { id: 's1',
 *   roleId: 'sdr' }, at: '2026-01-05T09:00:00Z' });
 * r.ok && [r.value.stage, r.value.history[0]?.from];
 * //=> ['new', null]
 * ```
 */
export function enterPipeline<E extends StagedEntity>(
  entity: E,
  options: EnterPipelineOptions,
): Result<E, RevopsError> {
  try {
    const index = indexOfOptions(options);
    const stage = options.stage ?? [...index.start][0]!;
    const m = checkMove(entity, stage, options, true);
    if (!index.start.has(stage))
      return refuse(
        'TRANSITION_NOT_ALLOWED',
        entity,
        null,
        stage,
        `"${stage}" is not a start stage (start stages: ${[...index.start].join(', ')})`,
      );
    if (m.actor.system === true && !index.allowSystemStart)
      return refuse(
        'SYSTEM_NOT_PERMITTED',
        entity,
        null,
        stage,
        `system actor "${m.actor.id}" may not create entities (the pipeline has no allowSystemStart)`,
      );
    const next = buildMoved(entity, m, false);
    const missing = missingFields(next, m.to.required);
    if (missing.length > 0)
      return refuse('GUARD_FAILED', entity, null, stage, `entering "${stage}" requires ${missing.join(', ')}`, {
        missingFields: missing,
      });
    return { ok: true, value: next };
  } catch (thrown) {
    throw readFailure(thrown, { entity, options });
  }
}
