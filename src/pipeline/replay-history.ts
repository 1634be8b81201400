/**
 * `replayHistory`: rebuild an entity by applying a recorded stage history, move by move,
 * through the same rules that recorded it.
 * @module
 */
import { invalid, RevopsError } from '../core/errors.js';
import type { Result } from '../core/result.js';
import type { StageEvent } from '../model/stage-event.js';
import { refuse } from './apply-move.js';
import type { DefinedPipeline } from './define-pipeline.js';
import { enterPipeline } from './enter-pipeline.js';
import { indexOfOptions } from './pipeline-index.js';
import { reopen } from './reopen.js';
import { transition } from './transition.js';
import type { StagedEntity } from './types.js';
import { readFailure } from '../core/read.js';

/** Options of {@link replayHistory}. */
export interface ReplayHistoryOptions {
  /** The pipeline the history was recorded in. Required. */
  readonly pipeline: DefinedPipeline;
}

/**
 * Replays `history` onto `base` (the entity as created, with an empty history): the first
 * event (`from: null`) through {@link enterPipeline}, each later event through
 * {@link transition}, or through {@link reopen} when it leaves a closed stage — with the
 * event's actor, role, `at`, reason and changes. A history recorded by these functions replays
 * to the same entity; a history that breaks the pipeline's rules (edited by hand, imported
 * from elsewhere) is refused at the first bad event, whose position is the error's `details.index`.
 * An event whose `from` is not the stage the entity is in is refused with
 * `TRANSITION_NOT_ALLOWED`; so is a first event with a non-null `from`.
 *
 * @param base - The entity before its first event (`history` empty; `stage` is overwritten).
 * @param history - The events to apply, oldest first.
 * @param options - See {@link ReplayHistoryOptions}.
 * @returns `{ ok: true, value }` with the rebuilt entity, or the first refusal with its `details.index`.
 * @throws {RevopsError} `INVALID_PIPELINE` if `pipeline` did not come from `definePipeline`.
 * @throws {RevopsError} `INVALID_INPUT` for a `history` that is not an array, an unknown stage, a current stage that
 *   differs from the last event, or a malformed actor, reason or `changes` in an event (as {@link transition}).
 * @throws {RevopsError} `INVALID_DATE` if `at` is not an instant with an offset.
 * @throws {RevopsError} `INVALID_RATE` if `changes.probability` is not a fraction in [0, 1].
 * @example
 * ```ts
 * import { defaultLeadPipeline, replayHistory } from 'revops/pipeline';
 * const history = [
 *   { from: null, to: 'new', at: '2026-01-05T09:00:00Z', actorId: 's1', roleId: 'sdr' },
 *   { from: 'new', to: 'working', at: '2026-01-06T09:00:00Z', actorId: 's1', roleId: 'sdr' },
 *   { from: 'working', to: 'disqualified', at: '2026-01-09T09:00:00Z', actorId: 's1', roleId: 'sdr',
 *     reason: 'no budget' },
 * ];
 * const r = replayHistory({ id: 'l1', stage: '', history: [] }, history, { pipeline: defaultLeadPipeline });
 * r.ok && [r.value.stage, r.value.disqualifyReason];
 * //=> ['disqualified', 'no budget']
 * const bad = replayHistory({ id: 'l1', stage: '', history: [] }, [history[0]!, { ...history[1]!,
 *   roleId: 'account-executive' }], { pipeline: defaultLeadPipeline });
 * bad.ok ? null : [bad.error.code, bad.error.details.index];
 * //=> ['ROLE_NOT_PERMITTED', 1]
 * ```
 */
export function replayHistory<E extends StagedEntity>(
  base: E,
  history: readonly StageEvent[],
  options: ReplayHistoryOptions,
): Result<E, RevopsError> {
  try {
    const index = indexOfOptions(options);
    if (!Array.isArray(history)) throw invalid('INVALID_INPUT', 'history', history, 'must be an array of stage events');
    let current = base;
    for (let i = 0; i < history.length; i++) {
      const ev = history[i]!;
      const move = {
        pipeline: options.pipeline,
        actor:
          ev.system === true
            ? { id: ev.actorId, roleId: ev.roleId, system: true }
            : { id: ev.actorId, roleId: ev.roleId },
        at: ev.at,
        reason: ev.reason,
        reasonCode: ev.reasonCode,
        changes: ev.changes,
      };
      let r: Result<E, RevopsError>;
      if (i === 0) {
        r =
          ev.from === null
            ? enterPipeline(current, { ...move, stage: ev.to })
            : refuse(
                'TRANSITION_NOT_ALLOWED',
                current,
                ev.from,
                ev.to,
                'the first event of a history must be a creation (from: null)',
              );
      } else if (ev.from !== current.stage) {
        r = refuse(
          'TRANSITION_NOT_ALLOWED',
          current,
          ev.from,
          ev.to,
          `event ${i} leaves "${String(ev.from)}" but the entity is in "${current.stage}"`,
        );
      } else if (index.stages.get(current.stage)?.closed === true) {
        r =
          index.reopen?.to.id === ev.to
            ? reopen(current, move)
            : refuse(
                'CLOSED',
                current,
                ev.from,
                ev.to,
                `"${current.stage}" is closed and "${ev.to}" is not the reopen stage`,
              );
      } else {
        r = transition(current, ev.to, move);
      }
      if (!r.ok) {
        const e = r.error;
        const details = { ...e.details, index: i };
        return { ok: false, error: new RevopsError(e.code, `${e.message} (history[${i}])`, { details }) };
      }
      current = r.value;
    }
    return { ok: true, value: current };
  } catch (thrown) {
    throw readFailure(thrown, { base, history, options });
  }
}
