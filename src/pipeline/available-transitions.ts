/**
 * `availableTransitions`: what an actor may do with an entity now.
 * @module
 */
import { checkActor, currentStage } from './apply-move.js';
import { indexOfOptions, missingFields } from './pipeline-index.js';
import type { DefinedPipeline } from './define-pipeline.js';
import type { Actor, StagedEntity } from './types.js';
import { readFailure } from '../core/read.js';

/** Options of {@link availableTransitions}. */
export interface AvailableTransitionsOptions {
  /** The entity's pipeline. Required. */
  readonly pipeline: DefinedPipeline;
  /** The actor asking. Required. */
  readonly actor: Actor;
}

/** One move the actor may make. */
export interface AvailableTransition {
  /** The stage it enters. */
  readonly to: string;
  /** `'transition'` (use `transition`) or `'reopen'` (use `reopen`). */
  readonly via: 'transition' | 'reopen';
  /** Whether a `reason` must be given. */
  readonly requiresReason: boolean;
  /**
   * Guard fields not yet set on the entity: set them (e.g. through `changes`) or the move is refused with
   * `GUARD_FAILED`.
   */
  readonly missingFields: readonly string[];
}

/**
 * Lists the moves `actor` may make from the entity's current stage, in the pipeline's stage
 * order: every transition out of an open stage whose roles include the actor's role, or, for
 * a closed entity, the reopen move when the rule covers its stage and role. Each entry says
 * whether a reason is needed and which guard fields are still missing, so a UI can offer the
 * move and ask for what it needs. Time is not checked (any `at` not before the last event works).
 *
 * @param entity - The entity.
 * @param options - See {@link AvailableTransitionsOptions}.
 * @returns The available moves; empty when there are none.
 * @throws {RevopsError} `INVALID_PIPELINE` if `pipeline` did not come from `definePipeline`.
 * @throws {RevopsError} `INVALID_INPUT` for a malformed entity, an unknown current stage, a current stage that differs
 *   from the last event's `to` (as {@link transition}), or a malformed actor.
 * @example
 * ```ts
 * import { availableTransitions, defaultDealPipeline } from 'revops/pipeline';
 * const deal = { id: 'd1', stage: 'proposal', amount: { amount: '900.00', currency: 'USD' }, history: [] };
 * availableTransitions(deal, { pipeline: defaultDealPipeline, actor: { id: 'x1',
 *   roleId: 'sales-specialist' } }).map((a) => a.to);
 * //=> ['demo', 'negotiation']
 * availableTransitions(deal, { pipeline: defaultDealPipeline, actor: { id: 'ae1',
 *   roleId: 'account-executive' } }).find((a) => a.to === 'closed-won');
 * //=> { to: 'closed-won', via: 'transition', requiresReason: false, missingFields: ['expectedCloseDate'] }
 * ```
 */
export function availableTransitions(
  entity: StagedEntity,
  options: AvailableTransitionsOptions,
): AvailableTransition[] {
  try {
    const index = indexOfOptions(options);
    const from = currentStage(entity, index);
    const actor = checkActor(options.actor);
    const allowed = (t: { readonly roles: ReadonlySet<string>; readonly allowSystem: boolean }): boolean =>
      actor.system === true ? t.allowSystem : t.roles.has(actor.roleId);
    if (from.closed) {
      const rule = index.reopen;
      if (rule === undefined || !rule.fromStages.has(from.id) || !allowed(rule)) return [];
      return [
        {
          to: rule.to.id,
          via: 'reopen',
          requiresReason: rule.requiresReason,
          missingFields: missingFields(entity, rule.to.required),
        },
      ];
    }
    const out = [...(index.out.get(from.id)?.values() ?? [])].filter(allowed);
    out.sort((a, b) => a.to.order - b.to.order);
    return out.map((t) => ({
      to: t.to.id,
      via: 'transition',
      requiresReason: t.requiresReason,
      missingFields: missingFields(entity, t.guard),
    }));
  } catch (thrown) {
    throw readFailure(thrown, { entity, options });
  }
}
