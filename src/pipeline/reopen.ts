/**
 * `reopen`: take a closed (won or lost) entity back into an open stage, as the pipeline's
 * reopen rule allows.
 * @module
 */
import type { RevopsError } from '../core/errors.js';
import type { Result } from '../core/result.js';
import { buildMoved, checkMove, checkTime, refuse } from './apply-move.js';
import { indexOfOptions, missingFields } from './pipeline-index.js';
import type { TransitionOptions } from './transition.js';
import type { StagedEntity } from './types.js';
import { readFailure } from '../core/read.js';

/** Options of {@link reopen}: those of `transition` (the target is the pipeline's `reopen.toStage`). */
export type ReopenOptions = TransitionOptions;

/**
 * Reopens a closed entity into the pipeline's `reopen.toStage`, recording the event like any
 * move. In the default pipelines only the sales manager reopens, with a reason.
 *
 * Checks, in order: `TIME_TRAVEL`; `NOT_CLOSED` (the entity is in an open stage);
 * `REOPEN_NOT_ALLOWED` (the pipeline has no reopen rule, or its `fromStages` do not include
 * the entity's stage); `ROLE_NOT_PERMITTED` (role not in `reopen.roles`); `REASON_REQUIRED`
 * (`reopen.requiresReason`, true by default); `GUARD_FAILED` (fields required by the target stage).
 *
 * Derived fields: a deal loses `lostReason`, and `closeDate` unless `changes` set it; its
 * `probabilitySource` becomes 'stage' (so probability and forecast category are the target
 * stage's defaults) unless `changes` set them; a lead loses `disqualifyReason`.
 *
 * @param entity - A closed entity of `options.pipeline`.
 * @param options - See {@link TransitionOptions}.
 * @returns `{ ok: true, value }` with the reopened entity, or `{ ok: false, error }`.
 * @throws {RevopsError} `INVALID_PIPELINE` if `pipeline` did not come from `definePipeline`.
 * @throws {RevopsError} `INVALID_INPUT` for an unknown stage, a current stage that differs from the last event, a
 *   malformed entity or history event, or a malformed actor, reason or `changes` (as {@link transition}).
 * @throws {RevopsError} `INVALID_DATE` if `at` (or a history event's `at`) is not an instant with an offset.
 * @throws {RevopsError} `INVALID_RATE` if `changes.probability` is not a fraction in [0, 1].
 * @example
 * ```ts
 * import { defaultDealPipeline, reopen } from 'revops/pipeline';
 * const lost = {
 *   id: 'd2', stage: 'closed-lost', probability: 0, probabilitySource: 'stage' as const,
 *     forecastCategory: 'omitted' as const,
 *   closeDate: '2026-02-10', lostReason: 'budget',
 *   history: [
 *     { from: null, to: 'discovery', at: '2026-01-05T09:00:00Z', actorId: 'ae1', roleId: 'account-executive' },
 *     { from: 'discovery', to: 'closed-lost', at: '2026-02-10T09:00:00Z', actorId: 'ae1',
 *       roleId: 'account-executive', reason: 'budget' },
 *   ],
 * };
 * const r = reopen(lost, { pipeline: defaultDealPipeline, actor: { id: 'm1', roleId: 'sales-manager' },
 *   at: '2026-04-01T09:00:00Z', reason: 'budget approved' });
 * r.ok && [r.value.stage, r.value.probability, r.value.closeDate, r.value.lostReason];
 * //=> ['discovery', 0.1, undefined, undefined]
 * const byAe = reopen(lost, { pipeline: defaultDealPipeline, actor: { id: 'ae1', roleId: 'account-executive' },
 *   at: '2026-04-01T09:00:00Z', reason: 'x' });
 * byAe.ok ? null : byAe.error.code;
 * //=> 'ROLE_NOT_PERMITTED'
 * ```
 */
export function reopen<E extends StagedEntity>(entity: E, options: ReopenOptions): Result<E, RevopsError> {
  try {
    const index = indexOfOptions(options);
    const rule = index.reopen;
    const target = rule?.to.id ?? entity.stage;
    const m = checkMove(entity, target, options, false);
    const timeRefusal = checkTime(entity, m);
    if (timeRefusal !== undefined) return timeRefusal;
    const from = m.from!;
    if (!from.closed)
      return refuse(
        'NOT_CLOSED',
        entity,
        from.id,
        target,
        `"${from.id}" is an open stage; only won and lost entities are reopened`,
      );
    if (rule === undefined)
      return refuse('REOPEN_NOT_ALLOWED', entity, from.id, target, 'the pipeline has no reopen rule; closed is final');
    if (!rule.fromStages.has(from.id))
      return refuse(
        'REOPEN_NOT_ALLOWED',
        entity,
        from.id,
        target,
        `the pipeline does not reopen entities in "${from.id}"`,
      );
    if (m.actor.system === true) {
      if (!rule.allowSystem)
        return refuse(
          'SYSTEM_NOT_PERMITTED',
          entity,
          from.id,
          target,
          `system actor "${m.actor.id}" may not reopen (the reopen rule has no allowSystem)`,
        );
    } else if (!rule.roles.has(m.actor.roleId)) {
      return refuse(
        'ROLE_NOT_PERMITTED',
        entity,
        from.id,
        target,
        `role "${m.actor.roleId}" may not reopen (allowed: ${rule.roleList.join(', ')})`,
        {
          roleId: m.actor.roleId,
          allowedRoles: rule.roleList,
        },
      );
    }
    if (rule.requiresReason && m.reason === undefined)
      return refuse('REASON_REQUIRED', entity, from.id, target, 'reopening requires a reason');
    const next = buildMoved(entity, m, true);
    const missing = missingFields(next, rule.to.required);
    if (missing.length > 0)
      return refuse('GUARD_FAILED', entity, from.id, target, `entering "${target}" requires ${missing.join(', ')}`, {
        missingFields: missing,
      });
    return { ok: true, value: next };
  } catch (thrown) {
    throw readFailure(thrown, { entity, options });
  }
}
