/**
 * Time in stage from a stage history: per visit (`stageVisits`) and cumulative per stage
 * (`timeInStage`).
 * @module
 */
import { invalid } from '../core/errors.js';
import { type Instant, instantToEpochMs, type IsoDate } from '../core/dates.js';
import { readAsOf, readObject, readFailure } from '../core/read.js';
import type { StageEvent } from '../model/stage-event.js';

/**
 * Milliseconds in a day: durations are reported in fractional days of 86,400,000 ms of
 * elapsed time (24 hours, whatever the offsets or daylight saving).
 *
 * @example
 * ```ts
 * import { MS_PER_DAY } from 'revops/pipeline';
 * 36 * 3600 * 1000 / MS_PER_DAY;
 * //=> 1.5
 * ```
 */
export const MS_PER_DAY = 86_400_000;

/** One stay of an entity in a stage. */
export interface StageVisit {
  /** The stage. */
  readonly stage: string;
  /** The instant it was entered (the event's `at`, as written). */
  readonly enteredAt: string;
  /** The instant it was left, or `null` if the entity is still there (as of `asOf`). */
  readonly exitedAt: string | null;
  /** Whole milliseconds spent: to `exitedAt`, else to `asOf`; `null` when still there and no `asOf` was given. */
  readonly ms: number | null;
}

/** Options of {@link stageVisits}. */
export interface StageVisitsOptions {
  /**
   * Observe the history as of this moment (a date: the end of that day in UTC; an instant: that
   * moment): later events are ignored and an open visit runs until it. Default: none (all events;
   * an open visit has `ms: null`).
   */
  readonly asOf?: IsoDate | Instant;
}

/** Options of {@link timeInStage}. */
export interface TimeInStageOptions {
  /** The moment of observation: a date (the end of that day in UTC) or an instant. Required. */
  readonly asOf: IsoDate | Instant;
}

/** Epoch ms of each event, checked for validity and order. @internal */
export function eventTimes(history: readonly StageEvent[], field = 'history'): number[] {
  if (!Array.isArray(history)) throw invalid('INVALID_INPUT', field, history, 'must be an array of stage events');
  const times: number[] = new Array<number>(history.length);
  for (let i = 0; i < history.length; i++) {
    const ev = history[i];
    if (typeof ev !== 'object' || ev === null || typeof ev.to !== 'string')
      throw invalid('INVALID_INPUT', `${field}[${i}]`, ev, 'must be a stage event { from, to, at, actorId, roleId }');
    const t = instantToEpochMs(ev.at, `${field}[${i}].at`);
    if (i > 0 && t < times[i - 1]!)
      throw invalid(
        'INVALID_INPUT',
        `${field}[${i}].at`,
        ev.at,
        `must not be before the previous event (${history[i - 1]!.at}); history never goes backwards`,
      );
    times[i] = t;
  }
  return times;
}

/** An entity with an `id` and a stage `history` (a lead, a deal, a customer). */
export interface HistoryHolder {
  readonly id: string;
  readonly history: readonly StageEvent[];
}

/**
 * The history of each entity with its event times, checked.
 * @throws {RevopsError} `INVALID_INPUT` when `entities` is not an array, an entity is not an object, or a history is
 *   malformed; `INVALID_DATE` for a malformed `at`.
 * @internal
 */
export function entityHistories(
  entities: readonly HistoryHolder[],
): { readonly history: readonly StageEvent[]; readonly times: number[] }[] {
  if (!Array.isArray(entities))
    throw invalid('INVALID_INPUT', 'entities', entities, 'must be an array of entities with id and history');
  return entities.map((e: unknown, k) => {
    if (typeof e !== 'object' || e === null)
      throw invalid('INVALID_INPUT', `entities[${k}]`, e, 'must be an entity with id and history');
    const history = (e as HistoryHolder).history;
    return { history, times: eventTimes(history, `entities[${k}].history`) };
  });
}

/**
 * The visits of a history: each event opens a stay in its `to` stage that the next event
 * closes. Instants are compared at millisecond precision (`Date.parse`).
 *
 * @param history - Stage events, oldest first.
 * @param options - See {@link StageVisitsOptions}.
 * @returns One visit per event (at or before `asOf`), in order.
 * @throws {RevopsError} `INVALID_DATE` for an `at` or `asOf` that is not an instant with an offset.
 * @throws {RevopsError} `INVALID_INPUT` for a malformed event or events out of time order.
 * @throws {RevopsError} `INVALID_OPTION` for `options` that is not an object (`null`).
 * @example
 * ```ts
 * import { stageVisits } from 'revops/pipeline';
 * stageVisits([
 *   { from: null, to: 'new', at: '2026-01-01T00:00:00Z', actorId: 's1', roleId: 'sdr' },
 *   { from: 'new', to: 'working', at: '2026-01-01T12:00:00Z', actorId: 's1', roleId: 'sdr' },
 * ]).map((v) => [v.stage, v.ms]);
 * //=> [['new', 43200000], ['working', null]]
 * ```
 */
export function stageVisits(history: readonly StageEvent[], options: StageVisitsOptions = {}): StageVisit[] {
  try {
    const times = eventTimes(history);
    readObject(options, 'options', 'INVALID_OPTION');
    const asOf = options.asOf === undefined ? undefined : readAsOf(options.asOf, 'options.asOf').epochMs;
    const visits: StageVisit[] = [];
    for (let i = 0; i < history.length; i++) {
      if (asOf !== undefined && times[i]! > asOf) break;
      const next = i + 1 < history.length && (asOf === undefined || times[i + 1]! <= asOf) ? i + 1 : -1;
      const ev = history[i]!;
      visits.push({
        stage: ev.to,
        enteredAt: ev.at,
        exitedAt: next >= 0 ? history[next]!.at : null,
        ms: next >= 0 ? times[next]! - times[i]! : asOf === undefined ? null : asOf - times[i]!,
      });
    }
    return visits;
  } catch (thrown) {
    throw readFailure(thrown, { history, options });
  }
}

/**
 * Cumulative days in each stage as of `asOf`: the sum over every visit to the stage (re-entries
 * add up, HubSpot's "cumulative time in stage"), the current visit counted until `asOf`.
 *
 * Formula: days(s) = Σ over visits v of s (exit(v) − enter(v)) / 86,400,000, where exit(v) is the
 * next event's instant, or `asOf` for the visit in progress; instants are epoch milliseconds.
 * Days are fractional, each 24 hours of elapsed time whatever the offsets or DST. The values add
 * up to the entity's age, `asOf` − first event (up to float rounding, as each stage's whole
 * milliseconds are divided separately).
 *
 * Edge cases: events after `asOf` are ignored (as if not yet happened); an empty history, or an
 * `asOf` before the first event, gives `{}`; a stage entered exactly at `asOf` is listed with 0;
 * events at the same instant give their stage 0; instants written in different offsets
 * (`2026-01-01T09:00:00+09:00` and `2026-01-01T00:00:00Z` are the same instant) are compared by
 * epoch milliseconds, never as text, and fraction digits beyond the millisecond are ignored.
 * Stages appear in order of first visit.
 *
 * @param history - Stage events, oldest first.
 * @param options - {@link TimeInStageOptions}: `asOf`, the moment of observation (a date means the end of that day
 *   in UTC).
 * @returns Stage id → days.
 * @throws {RevopsError} `INVALID_DATE` for an `at` or `asOf` that is not an instant with an offset.
 * @throws {RevopsError} `INVALID_INPUT` for a malformed event or events out of time order.
 * @example
 * ```ts
 * import { timeInStage } from 'revops/pipeline';
 * timeInStage([
 *   { from: null, to: 'discovery', at: '2026-01-01T00:00:00Z', actorId: 'a', roleId: 'account-executive' },
 *   { from: 'discovery', to: 'demo', at: '2026-01-03T00:00:00Z', actorId: 'a', roleId: 'account-executive' },
 *   { from: 'demo', to: 'discovery', at: '2026-01-04T12:00:00Z', actorId: 'a', roleId: 'account-executive' },
 * ], { asOf: '2026-01-05T00:00:00Z' });
 * //=> { discovery: 2.5, demo: 1.5 }
 * ```
 */
export function timeInStage(history: readonly StageEvent[], options: TimeInStageOptions): Record<string, number> {
  try {
    readObject(options, 'options', 'INVALID_OPTION');
    if (options.asOf === undefined) throw invalid('INVALID_DATE', 'options.asOf', undefined, 'is required');
    const ms = new Map<string, number>();
    for (const v of stageVisits(history, { asOf: options.asOf })) ms.set(v.stage, (ms.get(v.stage) ?? 0) + v.ms!);
    const out: Record<string, number> = {};
    for (const [stage, t] of ms) {
      // a `__proto__` stage id (possible in a history not checked against a pipeline) stays an own key
      if (stage === '__proto__')
        Object.defineProperty(out, stage, {
          value: t / MS_PER_DAY,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      else out[stage] = t / MS_PER_DAY;
    }
    return out;
  } catch (thrown) {
    throw readFailure(thrown, { history, options });
  }
}
