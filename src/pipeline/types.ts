/**
 * The shared vocabulary of `revops/pipeline`: who acts, what moves, and why a move is refused.
 * @module
 */
import type { RevopsErrorCode } from '../core/errors.js';
import type { StageEvent } from '../model/stage-event.js';

/**
 * Who makes a move: a member acting in one role, or a system actor (an import, an integration,
 * a workflow). A member's role decides what the pipeline lets them do; a system actor may make
 * only the moves the pipeline opens to system actors (`allowSystem`), whatever its role. `id`
 * is recorded in the history as `actorId`, `roleId` as `roleId`, and a system actor's moves carry
 * `system: true`.
 */
export interface Actor {
  /** Member id, or the system actor's id (`'salesforce-sync'`), recorded as the event's `actorId`. */
  readonly id: string;
  /**
   * The role the actor acts in (a role id of the catalogue, e.g. `'account-executive'`); for a
   * system actor, the name recorded as the event's role (e.g. `'integration'`), not checked.
   */
  readonly roleId: string;
  /** `true` for a system actor. Default `false` (a member). */
  readonly system?: boolean | undefined;
}

/**
 * Anything that moves through a pipeline: an id, the current stage and the stage history.
 * The model's `Lead` and `Deal` are staged entities; so is any object of your own with these
 * three fields (a customer, a contract term, a ticket).
 */
export interface StagedEntity {
  /** Identifier, used in refusal messages. */
  readonly id: string;
  /** Current stage id. */
  readonly stage: string;
  /** Stage history, oldest first; the last event's `to` is `stage`. */
  readonly history: readonly StageEvent[];
}

/**
 * Why a move was refused: the `code` of the {@link RevopsError} in a refusal (`{ ok: false,
 * error }`, returned, never thrown):
 * - `TIME_TRAVEL`: `at` is before the last event of the history.
 * - `CLOSED`: the entity is in a won or lost stage; only {@link reopen} moves it.
 * - `TRANSITION_NOT_ALLOWED`: the pipeline has no transition from the current stage to the target
 *   (or, when starting, the target is not a start stage).
 * - `ROLE_NOT_PERMITTED`: the transition exists but the actor's role is not among its roles.
 * - `REASON_REQUIRED`: the move needs a non-empty `reason` (closing lost, disqualifying, nurturing,
 *   reopening), or, when the pipeline has a `lostReasons` catalogue, a move into a lost stage
 *   needs a `reasonCode` from it.
 * - `SYSTEM_NOT_PERMITTED`: a system actor made a move the pipeline does not open to system actors
 *   (a transition without `allowSystem`, creation without `allowSystemStart`, reopening without
 *   `reopen.allowSystem`).
 * - `GUARD_FAILED`: fields required by the transition or the target stage are not set; `missingFields`
 *   lists them.
 * - `NOT_CLOSED`: {@link reopen} of an entity that is not in a won or lost stage.
 * - `REOPEN_NOT_ALLOWED`: the pipeline has no reopen rule, or not for the entity's closed stage.
 * - `LEAD_NOT_QUALIFIED`, `OWNER_REQUIRED`, `ACCOUNT_REQUIRED`: {@link convertLead}'s preconditions.
 */
export type RefusalCode = Extract<
  RevopsErrorCode,
  | 'TIME_TRAVEL'
  | 'CLOSED'
  | 'TRANSITION_NOT_ALLOWED'
  | 'ROLE_NOT_PERMITTED'
  | 'REASON_REQUIRED'
  | 'SYSTEM_NOT_PERMITTED'
  | 'GUARD_FAILED'
  | 'NOT_CLOSED'
  | 'REOPEN_NOT_ALLOWED'
  | 'LEAD_NOT_QUALIFIED'
  | 'OWNER_REQUIRED'
  | 'ACCOUNT_REQUIRED'
>;

/** The facts of a refused move, in its error's `details` (JSON values only). */
export interface RefusalDetails {
  /** The entity's id. */
  readonly entityId: string;
  /** Stage the entity is in (`null` when starting it in the pipeline). */
  readonly from: string | null;
  /** Stage it was asked to enter. */
  readonly to: string;
  /** The actor's role, for `ROLE_NOT_PERMITTED`. */
  readonly roleId?: string;
  /** Roles that may make the move, for `ROLE_NOT_PERMITTED`. */
  readonly allowedRoles?: readonly string[];
  /** Fields that must be set first, for `GUARD_FAILED`. */
  readonly missingFields?: readonly string[];
  /** The codes of the pipeline's `lostReasons` catalogue, for `REASON_REQUIRED` when a code is missing. */
  readonly reasonCodes?: readonly string[];
  /** Position in the history being replayed, for {@link replayHistory}. */
  readonly index?: number;
}

/** A scalar field value carried by a move (`null` clears the field). */
export type ChangeValue = string | number | boolean | null;

/** Fields set together with a move: name → new value; recorded in the event's `changes`. */
export type Changes = Readonly<Record<string, ChangeValue>>;
