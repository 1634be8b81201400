/**
 * Funnels from stage histories, in cohort and period mode, with mergeable summaries.
 * @module
 */
import { instantToEpochMs, type Instant } from '../core/dates.js';
import { invalid } from '../core/errors.js';
import type { Period } from '../core/periods.js';
import type { RateValue } from '../core/ratio.js';
import type { Pipeline } from '../model/pipeline.js';
import type { StageEvent } from '../model/stage-event.js';
import type { GroupFacts, GroupingOptions } from './group-by.js';
import { finalizeFunnel } from './funnel-summary.js';
import { GroupAccumulator, type Grouped, type GroupedSummary } from './grouped-summary.js';
import { checkInstant, dateOfInstant, inWindow, readWindow } from './window.js';
import { readList } from './counts.js';

/** What a funnel needs of a lead or a deal. */
export interface FunnelEntity {
  readonly createdAt: Instant;
  /** Current stage, used as the creation stage when `history` is empty. */
  readonly stage: string;
  readonly history?: readonly StageEvent[];
  readonly ownerId: string;
  readonly teamId?: string | undefined;
  readonly territoryId?: string | undefined;
  readonly segment?: string | undefined;
}

/** Options of {@link funnel} and {@link summarizeFunnel}. */
export interface FunnelOptions extends GroupingOptions {
  /**
   * `'cohort'` (default): entities created in `window` (by the date written in `createdAt`),
   * followed to the end of their history (or to `asOf`). `'period'`: stage entries that
   * happened in `window`, whatever the entity's creation date.
   */
  readonly mode?: 'cohort' | 'period';
  /** Inclusive window of calendar dates. Default: no window (every entity, every transition). */
  readonly window?: Period;
  /**
   * Ignore stage events after this instant, and entities created after it (for "as it looked
   * then"). An entity without history stands in its current stage from creation. Default: none ignored.
   */
  readonly asOf?: Instant;
  /**
   * The open stages that are the funnel's steps, in order. Default: every `open` stage of the
   * pipeline in listed order. Pass a subset to leave out side stages (a lead pipeline's
   * `nurture`). Entering a stage not listed moves nothing in the funnel.
   */
  readonly stages?: readonly string[];
}

/** One row of a funnel: a step (open stage) or a won stage. */
export interface FunnelRow {
  readonly stageId: string;
  readonly kind: 'open' | 'won';
  /** Cohort: entities that reached the stage; period: entities that first reached it inside the window. */
  readonly reached: number;
  /** reached / reached of the previous step (for a won row: of the last step); `null` over 0. */
  readonly conversionFromPrevious: RateValue;
  /** reached / reached of the first step; `null` over 0. */
  readonly conversionFromFirst: RateValue;
}

/** A funnel. */
export interface Funnel {
  readonly mode: 'cohort' | 'period';
  /** Cohort: entities in the cohort; period: entities with at least one counted entry in the window. */
  readonly entities: number;
  /** The steps, then the won stages. */
  readonly rows: readonly FunnelRow[];
  /** Cohort: entities whose last stage is won; period: entities that entered a won stage in the window. */
  readonly won: number;
  /** Cohort: entities whose last stage is lost; period: entities that entered a lost stage in the window. */
  readonly lost: number;
  /** Cohort: entities still open (not yet resolved: right-censored); period: `null` (not defined). */
  readonly open: number | null;
  /** Won rows reached ÷ first step reached (won in any won stage); `null` over 0. */
  readonly overall: RateValue;
  /** won / (won + lost): conversion among resolved entities; `null` over 0. */
  readonly resolvedWinRate: RateValue;
}

/** Per-group counts of a funnel summary. */
export interface FunnelState {
  entities: number;
  /** Per row: steps, then won stages. */
  reached: number[];
  /** Entities that reached any won row. */
  wonAny: number;
  won: number;
  lost: number;
  open: number;
}

/** A mergeable funnel summary (JSON). Its `kind` records mode and rows: `funnel:` + JSON `[mode, steps, wonStages]`. */
export type FunnelSummary = GroupedSummary<FunnelState>;

interface Layout {
  readonly steps: readonly string[];
  readonly wonStages: readonly string[];
  /** stage id → row index (steps 0..S−1, won S..), lost → −2 */
  readonly index: ReadonlyMap<string, number>;
}

function layoutOf(pipeline: Pipeline, stages: readonly string[] | undefined): Layout {
  if (typeof pipeline !== 'object' || pipeline === null || !Array.isArray(pipeline.stages)) {
    throw invalid('INVALID_PIPELINE', 'pipeline', pipeline, 'must be a pipeline with stages');
  }
  const kinds = new Map(pipeline.stages.map((s) => [s.id, s.kind]));
  if (stages !== undefined && !Array.isArray(stages))
    throw invalid('INVALID_OPTION', 'stages', stages, 'must be an array of open stage ids');
  const steps = stages ?? pipeline.stages.filter((s) => s.kind === 'open').map((s) => s.id);
  steps.forEach((id, i) => {
    if (kinds.get(id) !== 'open')
      throw invalid('INVALID_OPTION', `stages[${i}]`, id, 'must be an open stage of the pipeline');
    if (steps.indexOf(id) !== i) throw invalid('INVALID_OPTION', `stages[${i}]`, id, 'must not be listed twice');
  });
  if (steps.length === 0) throw invalid('INVALID_OPTION', 'stages', steps, 'must list at least one open stage');
  const wonStages = pipeline.stages.filter((s) => s.kind === 'won').map((s) => s.id);
  const index = new Map<string, number>();
  steps.forEach((id, i) => index.set(id, i));
  wonStages.forEach((id, i) => index.set(id, steps.length + i));
  for (const s of pipeline.stages) if (s.kind === 'lost') index.set(s.id, -2);
  return { steps, wonStages, index };
}

function entityFacts(entity: FunnelEntity): GroupFacts {
  return { memberId: entity.ownerId, teamId: entity.teamId, territoryId: entity.territoryId, segment: entity.segment };
}

const emptyState = (rows: number) => (): FunnelState => ({
  entities: 0,
  reached: new Array<number>(rows).fill(0),
  wonAny: 0,
  won: 0,
  lost: 0,
  open: 0,
});

/**
 * Summarises a chunk of leads or deals into a mergeable funnel summary (see {@link funnel}).
 *
 * @param entities - leads or deals with stage histories.
 * @param pipeline - their pipeline (stage order and kinds).
 * @param options - {@link FunnelOptions}.
 * @returns a JSON-serialisable summary for {@link mergeFunnel} and {@link finalizeFunnel}.
 * @throws {RevopsError} `INVALID_PIPELINE`, `INVALID_OPTION`, `INVALID_DATE`, `INVALID_PERIOD` as {@link funnel}.
 * @example
 * ```ts
 * import { summarizeFunnel, mergeFunnel, finalizeFunnel } from 'revops/metrics';
 * const pipeline = { id: 'p', name: 'P', entity: 'deal', transitions: [], handoffStages: [], stages: [
 *   { id: 'a', name: 'A', kind: 'open', probability: 0.1, forecastCategory: 'pipeline', requiredFields: [] },
 *   { id: 'won', name: 'Won', kind: 'won', probability: 1, forecastCategory: 'closed', requiredFields: [] },
 * ] };
 * const d = (stage) => ({ createdAt: '2026-01-05T10:00:00Z', stage, ownerId: 'ae1', history: [] });
 * finalizeFunnel(mergeFunnel(summarizeFunnel([d('a')], pipeline), summarizeFunnel([d('won')], pipeline))).overall;
 * //=> 0.5
 * ```
 */
export function summarizeFunnel(
  entities: readonly FunnelEntity[],
  pipeline: Pipeline,
  options: FunnelOptions = {},
): FunnelSummary {
  readList(entities, 'entities');
  const mode = options.mode ?? 'cohort';
  if (mode !== 'cohort' && mode !== 'period')
    throw invalid('INVALID_OPTION', 'mode', mode, "must be 'cohort' or 'period'");
  const layout = layoutOf(pipeline, options.stages);
  const window = readWindow(options.window);
  const asOf = options.asOf === undefined ? null : instantToEpochMs(options.asOf, 'asOf');
  const S = layout.steps.length;
  const W = layout.wonStages.length;
  const kind = `funnel:${JSON.stringify([mode, layout.steps, layout.wonStages])}`;
  const acc = new GroupAccumulator<FunnelState>(kind, options, emptyState(S + W));
  const wonReached = new Array<boolean>(W);
  const credit = new Array<number>(S + W);
  for (let e = 0; e < entities.length; e++) {
    const entity = entities[e] as FunnelEntity;
    if (typeof entity !== 'object' || entity === null)
      throw invalid('INVALID_INPUT', `entities[${e}]`, entity, 'must be a lead or deal');
    const created = dateOfInstant(entity.createdAt, `entities[${e}].createdAt`);
    if (mode === 'cohort' && !inWindow(window, created)) continue;
    // "as it looked then": an entity created after asOf did not exist yet
    if (asOf !== null && instantToEpochMs(entity.createdAt, `entities[${e}].createdAt`) > asOf) continue;
    const history = entity.history ?? [];
    if (!Array.isArray(history))
      throw invalid('INVALID_INPUT', `entities[${e}].history`, history, 'must be an array of stage events');
    let maxStep = -1;
    let last = -1;
    let lostInWindow = false;
    let wonInWindow = false;
    wonReached.fill(false);
    credit.fill(0);
    let counted = false;
    const n = history.length === 0 ? 1 : history.length;
    for (let h = 0; h < n; h++) {
      const ev = history[h];
      if (ev === null || (ev !== undefined && typeof ev !== 'object'))
        throw invalid('INVALID_INPUT', `entities[${e}].history[${h}]`, ev, 'must be a stage event');
      const to = ev === undefined ? entity.stage : ev.to;
      if (ev !== undefined && asOf !== null && instantToEpochMs(ev.at, `entities[${e}].history[${h}].at`) > asOf) break;
      // every event's instant is checked; cohort mode counts every event of a cohort member, period mode those dated in the window
      let here = true;
      if (ev !== undefined && mode === 'cohort') checkInstant(ev.at, `entities[${e}].history[${h}].at`);
      else if (mode === 'period')
        here = inWindow(window, ev === undefined ? created : dateOfInstant(ev.at, `entities[${e}].history[${h}].at`));
      const r = layout.index.get(to);
      last = r ?? -1;
      if (r === undefined) continue;
      if (r === -2) {
        if (here) lostInWindow = true;
        continue;
      }
      const top = r < S ? r : S - 1;
      if (top > maxStep) {
        if (here) for (let k = maxStep + 1; k <= top; k++) credit[k] = 1;
        maxStep = top;
      }
      if (r >= S && !wonReached[r - S]) {
        wonReached[r - S] = true;
        if (here) {
          credit[r] = 1;
          wonInWindow = true;
        }
      }
    }
    for (let k = 0; k < S + W; k++) if (credit[k] === 1) counted = true;
    if (mode === 'period' && !counted && !lostInWindow) continue;
    const targets = acc.targets(entity, entityFacts);
    for (const s of targets) {
      s.entities++;
      for (let k = 0; k < S + W; k++) s.reached[k] = (s.reached[k] as number) + (credit[k] as number);
      if (mode === 'cohort') {
        if (wonReached.includes(true)) s.wonAny++;
        if (last >= S) s.won++;
        else if (last === -2) s.lost++;
        else s.open++;
      } else {
        if (wonInWindow) {
          s.wonAny++;
          s.won++;
        }
        if (lostInWindow) s.lost++;
      }
    }
  }
  return acc.summary();
}

/**
 * A funnel from stage histories: how many leads or deals reached each stage, and the
 * stage-to-stage and overall conversion.
 *
 * Reaching: an entity reached step k when its history (up to `asOf`) entered step k or any
 * later step, or a won stage — **a skipped stage counts as passed**, so "reached" only grows
 * along the funnel and overall = Π stage-to-stage (research §4.1). A won stage implies every
 * step; a lost stage implies nothing beyond the steps actually entered. Conversion:
 * cᵢ = reachedᵢ₊₁ / reachedᵢ, overall = reached(won) / reached(first step), `null` over 0.
 *
 * Cohort vs period (research §4.2): **cohort** mode follows the entities created in the
 * window to the end of their histories — numerator and denominator are the same entities,
 * so every rate is in [0, 1]; recent cohorts are incomplete (`open` counts the entities not
 * yet resolved). **Period** mode counts the entries into each stage that happened in the
 * window (each entity at most once per stage: its first entry), whatever the entity's
 * creation date — what most CRM dashboards show; numerator and denominator are different
 * entities, so a "conversion" can exceed 1 and moves with volume and lag. The two agree
 * only when nothing crosses the window's edges.
 * Dates: an event's date is the calendar date written in its instant (its own offset).
 *
 * @param entities - leads or deals with stage histories (`history`; the current `stage` stands for creation when empty).
 * @param pipeline - their pipeline: stage order and kinds.
 * @param options - {@link FunnelOptions}: mode, window, asOf, steps, grouping.
 * @returns the {@link Funnel}, with `groups` when `groupBy` is set.
 * @throws {RevopsError} `INVALID_PIPELINE` for a pipeline without stages.
 * @throws {RevopsError} `INVALID_OPTION` for an unknown mode or groupBy, or a step that is not an open stage.
 * @throws {RevopsError} `INVALID_INPUT` for entities that are not an array, an entity that is not an object, a history that is not an array of events.
 * @throws {RevopsError} `INVALID_DATE` for a malformed instant or asOf.
 * @throws {RevopsError} `INVALID_PERIOD` for a malformed window.
 * @example
 * ```ts
 * import { funnel } from 'revops/metrics';
 * const pipeline = { id: 'p', name: 'P', entity: 'deal', transitions: [], handoffStages: [], stages: [
 *   { id: 'a', name: 'A', kind: 'open', probability: 0.1, forecastCategory: 'pipeline', requiredFields: [] },
 *   { id: 'b', name: 'B', kind: 'open', probability: 0.5, forecastCategory: 'pipeline', requiredFields: [] },
 *   { id: 'won', name: 'Won', kind: 'won', probability: 1, forecastCategory: 'closed', requiredFields: [] },
 *   { id: 'lost', name: 'Lost', kind: 'lost', probability: 0, forecastCategory: 'omitted', requiredFields: [] },
 * ] };
 * const ev = (from, to, at) => ({ from, to, at, actorId: 'ae1', roleId: 'account-executive' });
 * const deals = [
 *   { createdAt: '2026-01-05T10:00:00Z', stage: 'won', ownerId: 'ae1', history: [ev(null, 'a', '2026-01-05T10:00:00Z'), ev('a', 'won', '2026-02-01T10:00:00Z')] },
 *   { createdAt: '2026-01-06T10:00:00Z', stage: 'lost', ownerId: 'ae1', history: [ev(null, 'a', '2026-01-06T10:00:00Z'), ev('a', 'lost', '2026-01-20T10:00:00Z')] },
 * ];
 * funnel(deals, pipeline).rows.map((r) => [r.stageId, r.reached]);
 * //=> [['a', 2], ['b', 1], ['won', 1]]
 * ```
 */
export function funnel(
  entities: readonly FunnelEntity[],
  pipeline: Pipeline,
  options: FunnelOptions = {},
): Grouped<Funnel> {
  return finalizeFunnel(summarizeFunnel(entities, pipeline, options));
}
