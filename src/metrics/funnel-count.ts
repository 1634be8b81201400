/**
 * Counting leads or deals through a pipeline's stages into a mergeable funnel summary, in
 * cohort and period mode, from stage histories (or, when asked, from current stages).
 * @module
 */
import { instantToEpochMs, type Instant, type IsoDate } from '../core/dates.js';
import { invalid } from '../core/errors.js';
import type { Period } from '../core/periods.js';
import { entityPath, readAsOf, readObject, readOneOf, readFailure } from '../core/read.js';
import type { GroupFacts, GroupingOptions } from '../model/group-by.js';
import { readGrouping } from '../model/group-by.js';
import type { Pipeline } from '../model/pipeline.js';
import type { StageEvent } from '../model/stage-event.js';
import { readList } from './counts.js';
import { SeenIds } from './deal-kpi.js';
import { type FunnelState, type FunnelSummary, funnelSpec } from './funnel-summary.js';
import { GroupAccumulator } from './grouped-summary.js';
import { checkInstant, dateOfInstant, inPeriod, readPeriodOption } from './period-filter.js';

/** What a funnel needs of a lead or a deal. */
export interface FunnelEntity {
  readonly id?: string;
  readonly createdAt: Instant;
  /** Current stage; with `source: 'snapshot'`, stands for the whole history of an entity without one. */
  readonly stage: string;
  readonly history?: readonly StageEvent[];
  readonly ownerId: string;
  readonly teamId?: string | undefined;
  readonly territoryId?: string | undefined;
  readonly segment?: string | undefined;
}

/** Options of {@link summarizeFunnel} and `funnel`. */
export interface FunnelOptions extends GroupingOptions<FunnelEntity> {
  /** The entities' pipeline: stage order and kinds. Required. */
  readonly pipeline: Pipeline;
  /**
   * `'cohort'` (default): entities created in `period` (by the date written in `createdAt`),
   * followed to the end of their history (or to `asOf`). `'period'`: stage entries that
   * happened in `period`, whatever the entity's creation date.
   */
  readonly mode?: 'cohort' | 'period';
  /**
   * `'history'` (default): every entity must carry its stage history (`history`, not empty);
   * one without is refused, because its path through the funnel is unknown. `'snapshot'`:
   * an entity without history stands in its current stage since creation (an open or won
   * stage implies every step before it); a lost one's furthest stage is unknown, so it is
   * counted in `lost` and in `lostWithoutHistory`, and reaches no row.
   */
  readonly source?: 'history' | 'snapshot';
  /** Inclusive period of calendar dates. Default: no period (every entity, every transition). */
  readonly period?: Period;
  /**
   * Ignore stage events after this moment, and entities created after it ("as it looked
   * then"): a date means the end of that day in UTC, an instant that moment. Default: none ignored.
   */
  readonly asOf?: IsoDate | Instant;
  /**
   * The open stages that are the funnel's steps, in order. Default: every `open` stage of the
   * pipeline in listed order. Pass a subset to leave out side stages (a lead pipeline's
   * `nurture`). Entering a stage not listed moves nothing in the funnel.
   */
  readonly stages?: readonly string[];
}

interface Layout {
  readonly steps: readonly string[];
  readonly wonStages: readonly string[];
  /** stage id → row index (steps 0..S−1, won S..), lost → −2 */
  readonly index: ReadonlyMap<string, number>;
}

function layoutOf(pipeline: Pipeline, stages: readonly string[] | undefined): Layout {
  if (typeof pipeline !== 'object' || pipeline === null || !Array.isArray(pipeline.stages)) {
    throw invalid('INVALID_PIPELINE', 'options.pipeline', pipeline, 'must be a pipeline with stages');
  }
  // each stage read once by an index loop (a stages array with its own `constructor` key, or a
  // null stage, of a pipeline not made by definePipeline must not end in a TypeError)
  const all: { readonly id: string; readonly kind: unknown }[] = [];
  for (let i = 0; i < pipeline.stages.length; i++) {
    const st = pipeline.stages[i] as unknown;
    if (typeof st !== 'object' || st === null || typeof (st as { id?: unknown }).id !== 'string')
      throw invalid('INVALID_PIPELINE', `options.pipeline.stages[${i}]`, st, 'must be a stage { id, kind }');
    all.push({ id: (st as { id: string }).id, kind: (st as { kind?: unknown }).kind });
  }
  const kinds = new Map(all.map((s) => [s.id, s.kind]));
  if (stages !== undefined && !Array.isArray(stages))
    throw invalid('INVALID_OPTION', 'options.stages', stages, 'must be an array of open stage ids');
  const steps = stages ?? all.filter((s) => s.kind === 'open').map((s) => s.id);
  const index = new Map<string, number>();
  steps.forEach((id, i) => {
    if (kinds.get(id) !== 'open')
      throw invalid('INVALID_OPTION', `options.stages[${i}]`, id, 'must be an open stage of the pipeline');
    if (index.has(id)) throw invalid('INVALID_OPTION', `options.stages[${i}]`, id, 'must not be listed twice');
    index.set(id, i);
  });
  if (steps.length === 0) throw invalid('INVALID_OPTION', 'options.stages', steps, 'must list at least one open stage');
  const wonStages = all.filter((s) => s.kind === 'won').map((s) => s.id);
  wonStages.forEach((id, i) => index.set(id, steps.length + i));
  for (const s of all) if (s.kind === 'lost') index.set(s.id, -2);
  return { steps, wonStages, index };
}

function entityFacts(entity: FunnelEntity): GroupFacts {
  return { ownerId: entity.ownerId, teamId: entity.teamId, territoryId: entity.territoryId, segment: entity.segment };
}

/** How far one entity got: the row ranges it is credited with and how it ended. */
interface Walk {
  /** Credited row ranges, as pairs [from, to] (inclusive), disjoint. */
  ranges: number[];
  wonAny: boolean;
  /** Last row entered (−1 none / a stage outside the funnel, −2 lost). */
  last: number;
  lostInPeriod: boolean;
  wonInPeriod: boolean;
  withoutHistory: boolean;
}

/**
 * Summarises a chunk of leads or deals into a mergeable funnel summary (see `funnel`).
 * Work is linear: O(Σ history lengths) per chunk plus O(rows) per group.
 *
 * @param entities - leads or deals with stage histories.
 * @param options - {@link FunnelOptions} (`pipeline` required).
 * @returns a JSON-serialisable summary for `mergeFunnel` and `finalizeFunnel`.
 * @throws {RevopsError} `INVALID_PIPELINE`, `INVALID_OPTION`, `INVALID_INPUT`, `INVALID_DATE`, `INVALID_PERIOD`,
 *   `DUPLICATE_ID` as `funnel`.
 * @example
 * ```ts
 * import { summarizeFunnel, mergeFunnel, finalizeFunnel } from 'revops/metrics';
 * const pipeline = { id: 'p', name: 'P', entity: 'deal', transitions: [], handoffStages: [], stages: [
 *   { id: 'a', name: 'A', kind: 'open', probability: 0.1, forecastCategory: 'pipeline', requiredFields: [] },
 *   { id: 'won', name: 'Won', kind: 'won', probability: 1, forecastCategory: 'closed', requiredFields: [] },
 * ] };
 * const d = (stage) => ({ createdAt: '2026-01-05T10:00:00Z', stage, ownerId: 'ae1', history: [] });
 * const o = { pipeline, source: 'snapshot' };
 * finalizeFunnel(mergeFunnel(summarizeFunnel([d('a')], o), summarizeFunnel([d('won')], o))).overall;
 * //=> 0.5
 * ```
 */
export function summarizeFunnel(entities: readonly FunnelEntity[], options: FunnelOptions): FunnelSummary {
  try {
    readList(entities, 'entities');
    readObject(options, 'options', 'INVALID_OPTION');
    const mode = readOneOf(options.mode ?? 'cohort', 'options.mode', ['cohort', 'period']);
    const source = readOneOf(options.source ?? 'history', 'options.source', ['history', 'snapshot']);
    const layout = layoutOf(options.pipeline, options.stages);
    const p = readPeriodOption(options.period);
    const asOf = options.asOf === undefined ? null : readAsOf(options.asOf, 'options.asOf').epochMs;
    const S = layout.steps.length;
    const W = layout.wonStages.length;
    // during counting, each state's `reached` holds differences (a range adds 1 at its start and
    // −1 after its end), so that crediting k steps costs O(1); prefix sums at the end
    const acc = new GroupAccumulator<FunnelState, FunnelEntity>(
      readGrouping(options, 'entities', entityFacts),
      (): FunnelState => ({
        entities: 0,
        reached: new Array<number>(S + W + 1).fill(0),
        wonAny: 0,
        won: 0,
        lost: 0,
        lostWithoutHistory: 0,
        open: 0,
      }),
    );
    const wonStamp = new Array<number>(W).fill(-1);
    const seen = new SeenIds('entities');
    for (let e = 0; e < entities.length; e++) {
      const entity = entities[e] as FunnelEntity;
      const path = entityPath('entities', e, entity);
      readObject(entity, path);
      seen.check(entity, e);
      const created = dateOfInstant(entity.createdAt, `${path}.createdAt`);
      if (mode === 'cohort' && !inPeriod(p, created)) continue;
      // "as it looked then": an entity created after asOf did not exist yet
      if (asOf !== null && instantToEpochMs(entity.createdAt, `${path}.createdAt`) > asOf) continue;
      const walk = walkEntity(entity, e, path, { layout, mode, source, p, asOf, created, wonStamp });
      if (mode === 'period' && walk.ranges.length === 0 && !walk.lostInPeriod) continue;
      for (const s of acc.targets(entity, e)) {
        s.entities++;
        for (let r = 0; r < walk.ranges.length; r += 2) {
          s.reached[walk.ranges[r] as number] = (s.reached[walk.ranges[r] as number] as number) + 1;
          s.reached[(walk.ranges[r + 1] as number) + 1] = (s.reached[(walk.ranges[r + 1] as number) + 1] as number) - 1;
        }
        if (mode === 'cohort') {
          if (walk.wonAny) s.wonAny++;
          if (walk.last >= S) s.won++;
          else if (walk.last === -2) {
            s.lost++;
            if (walk.withoutHistory) s.lostWithoutHistory++;
          } else s.open++;
        } else {
          if (walk.wonInPeriod) {
            s.wonAny++;
            s.won++;
          }
          if (walk.lostInPeriod) {
            s.lost++;
            if (walk.withoutHistory) s.lostWithoutHistory++;
          }
        }
      }
    }
    for (const s of acc.states()) {
      let run = 0;
      for (let k = 0; k < S + W; k++) {
        run += s.reached[k] as number;
        s.reached[k] = run;
      }
      s.reached.length = S + W;
    }
    const asOfText = asOf === null ? null : new Date(asOf).toISOString();
    return acc.summary(funnelSpec(), p, {
      mode,
      source,
      steps: layout.steps,
      wonStages: layout.wonStages,
      asOf: asOfText,
    });
  } catch (thrown) {
    throw readFailure(thrown, { entities, options });
  }
}

interface WalkContext {
  readonly layout: Layout;
  readonly mode: 'cohort' | 'period';
  readonly source: 'history' | 'snapshot';
  readonly p: Period | null;
  readonly asOf: number | null;
  readonly created: string;
  /** Per won stage, the index of the last entity that reached it (no per-entity reset needed). */
  readonly wonStamp: number[];
}

/** The shape `checkInstant` accepts, tested without building a field name. */
function looksLikeInstant(at: unknown): at is string {
  return typeof at === 'string' && at.length >= 20 && at.charCodeAt(10) === 84;
}

function walkEntity(entity: FunnelEntity, e: number, path: string, c: WalkContext): Walk {
  const S = c.layout.steps.length;
  const history = entity.history ?? [];
  if (!Array.isArray(history)) {
    throw invalid('INVALID_INPUT', `${path}.history`, history, 'must be an array of stage events');
  }
  const withoutHistory = history.length === 0;
  if (withoutHistory && c.source === 'history') {
    const why = "must list the entity's stage events (pass source: 'snapshot' to count current stages)";
    throw invalid('INVALID_INPUT', `${path}.history`, history, why);
  }
  const walk: Walk = { ranges: [], wonAny: false, last: -1, lostInPeriod: false, wonInPeriod: false, withoutHistory };
  let maxStep = -1;
  const n = withoutHistory ? 1 : history.length;
  for (let h = 0; h < n; h++) {
    const ev = history[h];
    if (!withoutHistory && (ev === null || typeof ev !== 'object')) {
      throw invalid('INVALID_INPUT', `${path}.history[${h}]`, ev, 'must be a stage event');
    }
    const to = ev === undefined ? entity.stage : ev.to;
    // every event's instant is checked (its field name built only for the error);
    // cohort mode counts every event of a cohort member, period mode those dated in the period
    let here = true;
    if (ev !== undefined) {
      const at = ev.at;
      if (!looksLikeInstant(at)) checkInstant(at, `${path}.history[${h}].at`);
      if (c.asOf !== null && instantToEpochMs(at, `${path}.history[${h}].at`) > c.asOf) break;
      if (c.mode === 'period') here = inPeriod(c.p, at.slice(0, 10));
    } else if (c.mode === 'period') here = inPeriod(c.p, c.created);
    const r = c.layout.index.get(to);
    walk.last = r ?? -1;
    if (r === undefined) continue;
    if (r === -2) {
      if (here) walk.lostInPeriod = true;
      continue;
    }
    const top = r < S ? r : S - 1;
    if (top > maxStep) {
      if (here) walk.ranges.push(maxStep + 1, top);
      maxStep = top;
    }
    if (r >= S && c.wonStamp[r - S] !== e) {
      c.wonStamp[r - S] = e;
      walk.wonAny = true;
      if (here) {
        walk.ranges.push(r, r);
        walk.wonInPeriod = true;
      }
    }
  }
  return walk;
}
