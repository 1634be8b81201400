/**
 * `transition`: move an entity to another stage, if the pipeline, the actor's role and the
 * guards allow it.
 * @module
 */
import type { RevopsError } from '../core/errors.js';
import type { Result } from '../core/result.js';
import { buildMoved, checkMove, checkTime, refuse } from './apply-move.js';
import { missingFields } from './pipeline-index.js';
import type { DefinedPipeline } from './define-pipeline.js';
import type { Actor, Changes, StagedEntity } from './types.js';
import { readFailure } from '../core/read.js';

/** Options of {@link transition}. */
export interface TransitionOptions {
  /** The pipeline the entity moves in (from `definePipeline` or a default pipeline). Required. */
  readonly pipeline: DefinedPipeline;
  /** Who makes the move, in which role. Required. */
  readonly actor: Actor;
  /** When (ISO-8601 instant with offset); must not be before the last event. Required. */
  readonly at: string;
  /** Why, in words; required by some transitions (closing lost, disqualifying, nurturing). Default: none. */
  readonly reason?: string | undefined;
  /**
   * Why, as a code of the pipeline's `lostReasons` catalogue: required for a move into a lost
   * stage when the pipeline has a catalogue (then `reason` is an optional note), refused
   * otherwise. Recorded as the event's `reasonCode` and the deal's `lostReasonCode` (a lead's
   * `disqualifyReasonCode`). Default: none.
   */
  readonly reasonCode?: string | undefined;
  /**
   * Fields set together with the move (`null` clears one), applied before the guard is
   * checked and recorded in the event so that a replay reproduces them. Default: none.
   */
  readonly changes?: Changes | undefined;
}

/**
 * Moves an entity to `toStage`, returning a new entity whose history has one more event
 * `{ from, to, at, actorId, roleId, reason?, changes? }`. The input is never mutated.
 *
 * Checks, in this order (the first failure is returned):
 * 1. `TIME_TRAVEL` — `at` is before the last event (equal instants are allowed);
 * 2. `CLOSED` — the entity is in a won or lost stage (only {@link reopen} moves it);
 * 3. `TRANSITION_NOT_ALLOWED` — no transition from the current stage to `toStage`;
 * 4. `ROLE_NOT_PERMITTED` — `actor.roleId` is not among the transition's roles
 *    (`error.details.allowedRoles` lists them); for a system actor (`actor.system: true`),
 *    `SYSTEM_NOT_PERMITTED` unless the transition has `allowSystem: true` (roles are then not
 *    checked, and the event records `system: true`);
 * 5. `REASON_REQUIRED` — the transition requires a reason (every move into a lost stage does) and none was given;
 *    with a `lostReasons` catalogue, a move into a lost stage needs a `reasonCode` of it
 *    (`error.details.reasonCodes` lists them; the free-text `reason` is then optional);
 * 6. `GUARD_FAILED` — fields required by the transition or by the target stage are not set on
 *    the entity after `changes` (`error.details.missingFields` lists them). A field is set when present and not
 *    `null`, `''` or `[]`; dotted names reach into objects (`fields.budget`).
 *
 * What a move derives, by the pipeline's `entity`:
 * - `deal`, entering a **won** stage: `probability` 1, `probabilitySource` 'stage',
 *   `forecastCategory` 'closed', `closeDate` = the calendar date of `at` as written (its own
 *   offset; pass `changes.closeDate` to choose another), `lostReason` removed;
 *   entering a **lost** stage: probability 0, 'omitted', `closeDate` likewise, `lostReason` = `reason`,
 *   `lostReasonCode` = `reasonCode` (each removed when not given).
 * - `deal`, entering an **open** stage — the probability rule: a probability whose
 *   `probabilitySource` is `'stage'` (or absent) is reset to the new stage's default; a
 *   `'manual'` or `'model'` probability is kept (the override survives stage changes, the rule
 *   users of EspoCRM and SuiteCRM ask for). `changes.probability` sets a manual override
 *   (source 'manual' unless `changes.probabilitySource` says 'model'); `changes.probabilitySource:
 *   'stage'` drops an override. The forecast category follows the same rule through
 *   `forecastCategorySource`: a category set by `changes.forecastCategory` is a rep's judgement
 *   (`'manual'`) and is kept through later moves between open stages, until
 *   `changes.forecastCategorySource: 'stage'` drops it or the deal closes; otherwise the
 *   category is the new stage's default. Closing sets the source back to `'stage'`.
 * - `lead`, entering a lost stage: `disqualifyReason` = `reason`, `disqualifyReasonCode` = `reasonCode`.
 * - `lostReason`, `lostReasonCode` (deals) and `disqualifyReason`, `disqualifyReasonCode` (leads) come
 *   only from `reason` and `reasonCode`; naming them in `changes` throws.
 * - `customer` (or anything else): only `stage`, `history` and `changes`.
 *
 * @param entity - A lead, a deal, or any `{ id, stage, history }` in `options.pipeline`.
 * @param toStage - The stage to enter.
 * @param options - See {@link TransitionOptions}.
 * @returns `{ ok: true, value }` with the moved entity, or `{ ok: false, error }` with a `RevopsError` whose
 *   `code` is a {@link RefusalCode} and whose `details` are {@link RefusalDetails}.
 * @throws {RevopsError} `INVALID_PIPELINE` if `pipeline` did not come from `definePipeline`.
 * @throws {RevopsError} `INVALID_INPUT` for missing `options`, an entity that is not an object with a non-empty
 *   string `id` and a `history` array of stage events (`to`, `actorId`, `roleId` strings, `from` a string or null), an
 *   unknown stage (current or target), a current stage that differs
 *   from the last event, a malformed actor, reason or `changes` (id, stage and history cannot be
 *   changed; values are scalars; derived deal fields cannot be set, nor `closeDate` cleared, when closing; `lostReason`
 * /
 *   `disqualifyReason` come from `reason`), or a `reasonCode` that is not a code of the pipeline's `lostReasons`,
 *   is given for a move that does not enter a lost stage, or is given when the pipeline has no catalogue.
 * @throws {RevopsError} `INVALID_DATE` if `at` (or a history event's `at`) is not an instant with an offset, or
 *   (deals) `changes.closeDate` /
 *   `changes.expectedCloseDate` is not a calendar date.
 * @throws {RevopsError} `INVALID_RATE` if `changes.probability` is not a fraction in [0, 1].
 * @example
 * ```ts
 * import { defaultDealPipeline, transition } from 'revops/pipeline';
 * const deal = {
 *   id: 'd1', stage: 'negotiation', probability: 0.8, probabilitySource: 'stage' as const,
 *     forecastCategory: 'commit' as const,
 *   amount: { amount: '12000.00', currency: 'USD' }, expectedCloseDate: '2026-03-31',
 *   history: [{ from: null, to: 'negotiation', at: '2026-03-01T10:00:00Z', actorId: 'ae1',
 *     roleId: 'account-executive' }],
 * };
 * const won = transition(deal, 'closed-won', { pipeline: defaultDealPipeline, actor: { id: 'ae1',
 *   roleId: 'account-executive' }, at: '2026-03-20T16:00:00-07:00' });
 * won.ok && [won.value.stage, won.value.probability, won.value.forecastCategory, won.value.closeDate];
 * //=> ['closed-won', 1, 'closed', '2026-03-20']
 * const bySdr = transition(deal, 'closed-won', { pipeline: defaultDealPipeline, actor: { id: 's1', roleId: 'sdr' },
 *   at: '2026-03-20T16:00:00Z' });
 * bySdr.ok ? null : bySdr.error.code;
 * //=> 'ROLE_NOT_PERMITTED'
 * const lost = transition(deal, 'closed-lost', { pipeline: defaultDealPipeline, actor: { id: 'ae1',
 *   roleId: 'account-executive' }, at: '2026-03-20T16:00:00Z' });
 * lost.ok ? null : lost.error.code;
 * //=> 'REASON_REQUIRED'
 * // A catalogue of lost reasons, and an e-signature integration allowed to close won:
 * import { definePipeline } from 'revops/pipeline';
 * const coded = definePipeline({ ...defaultDealPipeline, id: 'coded',
 *   lostReasons: [{ code: 'price', label: 'Price too high' }, { code: 'timing', label: 'Bad timing' }],
 *   transitions: defaultDealPipeline.transitions.map((t) =>
 *     t.to === 'closed-won' ? { ...t, allowSystem: true } : t) });
 * const ae = { id: 'ae1', roleId: 'account-executive' };
 * const priced = transition(deal, 'closed-lost', { pipeline: coded, actor: ae, at: '2026-03-20T16:00:00Z',
 *   reasonCode: 'price', reason: 'went with a cheaper tool' });
 * priced.ok && [priced.value.lostReasonCode, priced.value.lostReason];
 * //=> ['price', 'went with a cheaper tool']
 * const sync = { id: 'docusign-sync', roleId: 'integration', system: true };
 * const signed = transition(deal, 'closed-won', { pipeline: coded, actor: sync, at: '2026-03-21T09:00:00Z',
 *   changes: { expectedCloseDate: '2026-03-21' } });
 * signed.ok && [signed.value.stage, signed.value.history[1]?.actorId, signed.value.history[1]?.system];
 * //=> ['closed-won', 'docusign-sync', true]
 * const pushed = transition(deal, 'closed-lost', { pipeline: coded, actor: sync, at: '2026-03-21T09:00:00Z',
 *   reasonCode: 'timing' });
 * pushed.ok ? null : pushed.error.code;
 * //=> 'SYSTEM_NOT_PERMITTED'
 * ```
 */
export function transition<E extends StagedEntity>(
  entity: E,
  toStage: string,
  options: TransitionOptions,
): Result<E, RevopsError> {
  try {
    const m = checkMove(entity, toStage, options, false);
    const timeRefusal = checkTime(entity, m);
    if (timeRefusal !== undefined) return timeRefusal;
    const from = m.from!;
    if (from.closed) {
      return refuse(
        'CLOSED',
        entity,
        from.id,
        toStage,
        `"${from.id}" is a ${from.kind} stage; a closed entity moves only by reopen`,
      );
    }
    const t = m.index.out.get(from.id)?.get(toStage);
    if (t === undefined) {
      return refuse(
        'TRANSITION_NOT_ALLOWED',
        entity,
        from.id,
        toStage,
        `the pipeline has no transition "${from.id}" → "${toStage}"`,
      );
    }
    if (m.actor.system === true) {
      if (!t.allowSystem)
        return refuse(
          'SYSTEM_NOT_PERMITTED',
          entity,
          from.id,
          toStage,
          `system actor "${m.actor.id}" may not move "${from.id}" → "${toStage}" (the transition has no allowSystem)`,
        );
    } else if (!t.roles.has(m.actor.roleId)) {
      return refuse(
        'ROLE_NOT_PERMITTED',
        entity,
        from.id,
        toStage,
        `role "${m.actor.roleId}" may not move "${from.id}" → "${toStage}" (allowed: ${t.roleList.join(', ')})`,
        {
          roleId: m.actor.roleId,
          allowedRoles: t.roleList,
        },
      );
    }
    const catalogue = m.index.lostReasons;
    if (catalogue !== undefined && m.to.kind === 'lost' && m.reasonCode === undefined) {
      const reasonCodes = [...catalogue.keys()];
      return refuse(
        'REASON_REQUIRED',
        entity,
        from.id,
        toStage,
        `moving "${from.id}" → "${toStage}" requires a reasonCode from the pipeline's lostReasons`,
        { reasonCodes },
      );
    }
    if (t.requiresReason && m.reason === undefined && m.reasonCode === undefined) {
      return refuse(
        'REASON_REQUIRED',
        entity,
        from.id,
        toStage,
        `moving "${from.id}" → "${toStage}" requires a reason`,
      );
    }
    const next = buildMoved(entity, m, false);
    if (t.guard.length > 0) {
      const missing = missingFields(next, t.guard);
      if (missing.length > 0) {
        return refuse(
          'GUARD_FAILED',
          entity,
          from.id,
          toStage,
          `moving "${from.id}" → "${toStage}" requires ${missing.join(', ')}`,
          { missingFields: missing },
        );
      }
    }
    return { ok: true, value: next };
  } catch (thrown) {
    throw readFailure(thrown, { entity, toStage, options });
  }
}
