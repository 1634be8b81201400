/**
 * The one place where a move is applied: argument checks, the time check, the new entity with
 * its derived fields (probability, forecast category, close date, reasons) and the new event.
 * `transition`, `reopen` and `enterPipeline` decide whether a move is allowed and then call
 * this. Internal.
 * @module
 */
import { describeValue, invalid, RevopsError } from '../core/errors.js';
import { isInstant, isIsoDate } from '../core/dates.js';
import { err, type Err } from '../core/result.js';
import type { StageEvent } from '../model/stage-event.js';
import { indexOfOptions, type IndexedStage, type PipelineIndex } from './pipeline-index.js';
import type { Actor, Changes, RefusalCode, RefusalDetails, StagedEntity } from './types.js';

const FORBIDDEN_KEYS = new Set(['id', 'stage', 'history', '__proto__', 'constructor', 'prototype']);
const SOURCES = new Set(['stage', 'manual', 'model']);
const CATEGORIES = new Set(['pipeline', 'bestCase', 'commit', 'closed', 'omitted']);
const DEAL_DERIVED = ['probability', 'probabilitySource', 'forecastCategory', 'forecastCategorySource'];
/** The field each entity kind keeps the `reason` of its lost stage in: derived, never set through `changes`. */
const REASON_FIELD: Readonly<Record<string, string>> = { deal: 'lostReason', lead: 'disqualifyReason' };
/** The field each entity kind keeps the `reasonCode` of its lost stage in: derived likewise. */
const REASON_CODE_FIELD: Readonly<Record<string, string>> = { deal: 'lostReasonCode', lead: 'disqualifyReasonCode' };

/** The checked arguments of a move. @internal */
export interface MoveArgs {
  readonly index: PipelineIndex;
  readonly from: IndexedStage | null;
  readonly to: IndexedStage;
  readonly actor: Actor;
  readonly at: string;
  readonly reason: string | undefined;
  /** A code of the pipeline's `lostReasons` catalogue (moves into a lost stage only). */
  readonly reasonCode: string | undefined;
  readonly changes: Changes | undefined;
}

/** The common options of every move, as the caller gives them. @internal */
export interface RawMoveOptions {
  readonly pipeline: unknown;
  readonly actor: Actor;
  readonly at: string;
  readonly reason?: string | undefined;
  readonly reasonCode?: string | undefined;
  readonly changes?: Changes | undefined;
}

function checkChanges(changes: unknown, index: PipelineIndex, to: IndexedStage): Changes | undefined {
  if (changes === undefined) return undefined;
  if (typeof changes !== 'object' || changes === null || Array.isArray(changes))
    throw invalid('INVALID_INPUT', 'changes', changes, 'must be an object of field → value');
  for (const [key, v] of Object.entries(changes)) {
    const field = `changes.${key}`;
    if (FORBIDDEN_KEYS.has(key))
      throw invalid(
        'INVALID_INPUT',
        field,
        v,
        "cannot be changed by a move (id, stage and history are the pipeline's own)",
      );
    if (
      !(v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v)))
    ) {
      throw invalid(
        'INVALID_INPUT',
        field,
        v,
        'must be a string, a finite number, a boolean or null (null clears the field)',
      );
    }
    if (key === REASON_FIELD[index.entity] || key === REASON_CODE_FIELD[index.entity])
      throw invalid(
        'INVALID_INPUT',
        field,
        v,
        'is derived: set from `reason` / `reasonCode` when entering a lost stage, cleared on reopening',
      );
    if (index.entity !== 'deal') continue;
    if (to.closed && DEAL_DERIVED.includes(key))
      throw invalid(
        'INVALID_INPUT',
        field,
        v,
        `cannot be set when entering ${to.kind} stage "${to.id}" ` +
          `(forced to ${to.kind === 'won' ? '1, closed' : '0, omitted'})`,
      );
    if (to.closed && key === 'closeDate' && v === null)
      throw invalid(
        'INVALID_INPUT',
        field,
        v,
        `cannot be cleared when entering ${to.kind} stage "${to.id}" (a closed deal has a close date)`,
      );
    if (key === 'probability' && (typeof v !== 'number' || v < 0 || v > 1))
      throw invalid('INVALID_RATE', field, v, 'must be a fraction in [0, 1]');
    if (key === 'probabilitySource' && !SOURCES.has(v as string))
      throw invalid('INVALID_INPUT', field, v, "must be 'stage', 'manual' or 'model'");
    if ((key === 'closeDate' || key === 'expectedCloseDate') && v !== null && !isIsoDate(v))
      throw invalid('INVALID_DATE', field, v, 'must be a calendar date YYYY-MM-DD');
    if (key === 'forecastCategory' && (!CATEGORIES.has(v as string) || v === 'closed'))
      throw invalid(
        'INVALID_INPUT',
        field,
        v,
        "must be 'pipeline', 'bestCase', 'commit' or 'omitted' for an open stage",
      );
    if (key === 'forecastCategorySource' && v !== 'stage' && v !== 'manual')
      throw invalid('INVALID_INPUT', field, v, "must be 'stage' or 'manual'");
  }
  const c = changes as Changes;
  if (c['probabilitySource'] === 'stage' && typeof c['probability'] === 'number') {
    throw invalid(
      'INVALID_INPUT',
      'changes.probability',
      c['probability'],
      "contradicts probabilitySource 'stage' in the same move",
    );
  }
  if (c['forecastCategorySource'] === 'stage' && typeof c['forecastCategory'] === 'string') {
    throw invalid(
      'INVALID_INPUT',
      'changes.forecastCategory',
      c['forecastCategory'],
      "contradicts forecastCategorySource 'stage' in the same move",
    );
  }
  return c;
}

const EVENT_SHAPE =
  'must be a stage event { from, to, at, actorId, roleId } (from null or a string, the others strings)';

/**
 * Checks the entity's shape: an object with a non-empty string `id` and a `history` array of
 * stage events (each with string `to`, `actorId`, `roleId`, `from` a string or `null`, and `at`
 * an instant), so that a move never reads a malformed event and never copies one into its result.
 */
function checkEntityShape(entity: StagedEntity, name = 'entity'): void {
  if (typeof entity !== 'object' || entity === null)
    throw invalid('INVALID_INPUT', name, entity, 'must be an object with id, stage and history');
  if (typeof entity.id !== 'string' || entity.id === '')
    throw invalid('INVALID_INPUT', `${name}.id`, entity.id, 'must be a non-empty string');
  const history: unknown = entity.history;
  if (!Array.isArray(history))
    throw invalid('INVALID_INPUT', `${name}.history`, history, 'must be an array of stage events');
  for (let i = 0; i < history.length; i++) {
    const ev: unknown = history[i];
    const field = `${name}.history[${i}]`;
    if (typeof ev !== 'object' || ev === null) throw invalid('INVALID_INPUT', field, ev, EVENT_SHAPE);
    const e = ev as Partial<Record<keyof StageEvent, unknown>>;
    if (typeof e.to !== 'string') throw invalid('INVALID_INPUT', `${field}.to`, e.to, EVENT_SHAPE);
    if (e.from !== null && typeof e.from !== 'string')
      throw invalid('INVALID_INPUT', `${field}.from`, e.from, EVENT_SHAPE);
    if (typeof e.actorId !== 'string') throw invalid('INVALID_INPUT', `${field}.actorId`, e.actorId, EVENT_SHAPE);
    if (typeof e.roleId !== 'string') throw invalid('INVALID_INPUT', `${field}.roleId`, e.roleId, EVENT_SHAPE);
    if (!isInstant(e.at))
      throw invalid('INVALID_DATE', `${field}.at`, e.at, 'must be an ISO-8601 instant with an offset');
  }
}

/**
 * The entity's current stage, checked: `entity` is an object with a `history` array, its
 * `stage` is a stage of the pipeline, and equals the last event's `to`.
 * @throws {RevopsError} `INVALID_INPUT` naming `<name>`, `<name>.history` or `<name>.stage`.
 * @internal
 */
export function currentStage(entity: StagedEntity, index: PipelineIndex, name = 'entity'): IndexedStage {
  checkEntityShape(entity, name);
  // Open, won or lost: revops/model's one decision (throws INVALID_INPUT naming `<name>.stage` for an unknown stage).
  index.outcome(entity, name);
  const from = index.stages.get(entity.stage) as IndexedStage;
  const last = entity.history.length > 0 ? entity.history[entity.history.length - 1] : undefined;
  if (last !== undefined && last.to !== entity.stage) {
    throw invalid(
      'INVALID_INPUT',
      `${name}.stage`,
      entity.stage,
      `must equal the last history event's "to" (${describeValue(last.to)})`,
    );
  }
  return from;
}

/**
 * The actor, checked: `{ id, roleId }` with non-empty strings.
 * @throws {RevopsError} `INVALID_INPUT` naming `actor`.
 * @internal
 */
export function checkActor(actor: unknown): Actor {
  let id: unknown;
  let roleId: unknown;
  let system: unknown;
  try {
    if (typeof actor === 'object' && actor !== null) ({ id, roleId, system } = actor as Actor);
  } catch {
    id = undefined; // a getter that throws: refused below
  }
  if (typeof id !== 'string' || id === '' || typeof roleId !== 'string' || roleId === '') {
    throw invalid('INVALID_INPUT', 'actor', actor, 'must be { id, roleId, system? } with non-empty strings');
  }
  if (system !== undefined && typeof system !== 'boolean')
    throw invalid('INVALID_INPUT', 'actor.system', system, 'must be a boolean (true for a system actor)');
  return system === true ? { id, roleId, system: true } : { id, roleId };
}

/** The checked `reasonCode` of a move: a code of the catalogue, and only for a move into a lost stage. */
function checkReasonCode(code: unknown, index: PipelineIndex, to: IndexedStage): string | undefined {
  if (code === undefined) return undefined;
  if (typeof code !== 'string' || code === '')
    throw invalid('INVALID_INPUT', 'reasonCode', code, 'must be a non-empty string');
  if (to.kind !== 'lost')
    throw invalid('INVALID_INPUT', 'reasonCode', code, `is only for moves into a lost stage, not "${to.id}"`);
  const catalogue = index.lostReasons;
  if (catalogue === undefined)
    throw invalid('INVALID_INPUT', 'reasonCode', code, 'needs a pipeline with a lostReasons catalogue');
  if (!catalogue.has(code)) {
    const codes = [...catalogue.keys()];
    const list = codes.length > 20 ? `${codes.slice(0, 20).join(', ')}, …` : codes.join(', ');
    throw invalid('INVALID_INPUT', 'reasonCode', code, `must be a code of the pipeline's lostReasons (${list})`);
  }
  return code;
}

/**
 * Checks the arguments every move shares and resolves the stages.
 * @throws {RevopsError} `INVALID_PIPELINE`, `INVALID_INPUT`, `INVALID_DATE`, `INVALID_RATE` (see `transition`).
 * @internal
 */
export function checkMove(entity: StagedEntity, toStage: string, options: RawMoveOptions, starting: boolean): MoveArgs {
  const index = indexOfOptions(options);
  const from = starting ? null : currentStage(entity, index);
  if (starting) {
    checkEntityShape(entity);
    if (entity.history.length > 0)
      throw invalid('INVALID_INPUT', 'entity.history', entity.history, 'must be empty to enter a pipeline');
  }
  const to = index.stages.get(toStage);
  if (to === undefined) throw invalid('INVALID_INPUT', 'toStage', toStage, 'must be a stage of the pipeline');
  const actor = checkActor(options.actor);
  if (!isInstant(options.at))
    throw invalid(
      'INVALID_DATE',
      'at',
      options.at,
      'must be an ISO-8601 instant with an offset, e.g. "2026-03-31T17:05:00Z"',
    );
  const reason = options.reason;
  if (reason !== undefined && typeof reason !== 'string')
    throw invalid('INVALID_INPUT', 'reason', reason, 'must be a string');
  return {
    index,
    from,
    to,
    actor,
    at: options.at,
    reason: reason === '' ? undefined : reason,
    reasonCode: checkReasonCode(options.reasonCode, index, to),
    changes: checkChanges(options.changes, index, to),
  };
}

/**
 * Compares two valid instants at millisecond precision: negative when `a` is earlier. Two UTC
 * (`Z`) strings of the same length, with at most millisecond digits, compare as text (ISO-8601
 * sorts, and text order is then epoch order); anything else — other offsets, such as
 * `+09:00` against `Z`, or finer fractions — through epoch milliseconds.
 * @internal
 */
export function compareInstants(a: string, b: string): number {
  const n = a.length;
  if (n === b.length && n <= 24 && a.charCodeAt(n - 1) === 90 && b.charCodeAt(n - 1) === 90)
    return a < b ? -1 : a > b ? 1 : 0;
  return Date.parse(a) - Date.parse(b);
}

/** A refusal for `entity` moving `from` → `to`. @internal */
export function refuse(
  code: RefusalCode,
  entity: StagedEntity,
  from: string | null,
  to: string,
  message: string,
  extra: Partial<Pick<RefusalDetails, 'roleId' | 'allowedRoles' | 'missingFields' | 'reasonCodes'>> = {},
): Err<RevopsError> {
  const details: RefusalDetails = { entityId: entity.id, from, to, ...extra };
  return err(new RevopsError(code, `${entity.id}: ${message}`, { details: { ...details } }));
}

/** `TIME_TRAVEL` when `at` is before the last event, else undefined. @internal */
export function checkTime(entity: StagedEntity, m: MoveArgs): Err<RevopsError> | undefined {
  const last = entity.history.length > 0 ? entity.history[entity.history.length - 1] : undefined;
  if (last !== undefined && compareInstants(m.at, last.at) < 0) {
    return refuse(
      'TIME_TRAVEL',
      entity,
      m.from?.id ?? null,
      m.to.id,
      `move at ${m.at} is before the last event at ${last.at}; history never goes backwards`,
    );
  }
  return undefined;
}

/**
 * The entity after the move: `changes` applied (`null` deletes), stage set, event appended,
 * and the derived fields of the pipeline's entity kind (see `transition`).
 * @internal
 */
export function buildMoved<E extends StagedEntity>(entity: E, m: MoveArgs, reopening: boolean): E {
  const event: { -readonly [K in keyof StageEvent]: StageEvent[K] } = {
    from: m.from === null ? null : m.from.id,
    to: m.to.id,
    at: m.at,
    actorId: m.actor.id,
    roleId: m.actor.roleId,
  };
  if (m.reason !== undefined) event.reason = m.reason;
  if (m.reasonCode !== undefined) event.reasonCode = m.reasonCode;
  if (m.actor.system === true) event.system = true;
  const next = { ...entity, stage: m.to.id, history: [...entity.history, event] } as unknown as Record<string, unknown>;
  const c = m.changes;
  let changed = false;
  if (c !== undefined) {
    for (const key in c) {
      changed = true;
      const v = c[key];
      if (v === null) delete next[key];
      else next[key] = v;
    }
    if (changed) event.changes = { ...c };
  }
  const to = m.to;
  if (m.index.entity === 'deal') {
    if (to.closed) {
      next['probability'] = to.probability;
      next['probabilitySource'] = 'stage';
      next['forecastCategory'] = to.forecastCategory;
      if ('forecastCategorySource' in next) next['forecastCategorySource'] = 'stage';
      if (c === undefined || !('closeDate' in c)) next['closeDate'] = m.at.slice(0, 10);
      setOrDelete(next, 'lostReason', to.kind === 'lost' ? m.reason : undefined);
      setOrDelete(next, 'lostReasonCode', to.kind === 'lost' ? m.reasonCode : undefined);
    } else {
      if (reopening) {
        if (c === undefined || !('closeDate' in c)) delete next['closeDate'];
        delete next['lostReason'];
        delete next['lostReasonCode'];
        if (c === undefined || !('probabilitySource' in c || 'probability' in c)) next['probabilitySource'] = 'stage';
        if (
          'forecastCategorySource' in next &&
          (c === undefined || !('forecastCategorySource' in c || 'forecastCategory' in c))
        )
          next['forecastCategorySource'] = 'stage';
      }
      if (c !== undefined && typeof c['probability'] === 'number' && c['probabilitySource'] === undefined)
        next['probabilitySource'] = 'manual';
      if (next['probabilitySource'] === undefined) next['probabilitySource'] = 'stage';
      if (next['probabilitySource'] === 'stage' || typeof next['probability'] !== 'number')
        next['probability'] = to.probability;
      // A category set in this move is a manual judgement; a manual one survives open-stage moves
      // (the complaint "my forecast category was overwritten when the stage changed").
      if (c !== undefined && typeof c['forecastCategory'] === 'string' && c['forecastCategorySource'] === undefined)
        next['forecastCategorySource'] = 'manual';
      if (next['forecastCategorySource'] !== 'manual') next['forecastCategory'] = to.forecastCategory;
    }
  } else if (m.index.entity === 'lead') {
    if (to.kind === 'lost' || reopening) {
      setOrDelete(next, 'disqualifyReason', m.reason !== undefined && to.kind === 'lost' ? m.reason : undefined);
      setOrDelete(next, 'disqualifyReasonCode', to.kind === 'lost' ? m.reasonCode : undefined);
    }
  }
  return next as E;
}

/** Sets `record[key]`, or deletes it when `value` is undefined (never an own property holding `undefined`). */
function setOrDelete(record: Record<string, unknown>, key: string, value: string | undefined): void {
  if (value === undefined) delete record[key];
  else record[key] = value;
}
