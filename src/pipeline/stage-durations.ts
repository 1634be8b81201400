/**
 * How long entities stay in each stage: count, mean, median and 90th percentile in days, with
 * a mergeable summary for data split across workers.
 * @module
 */
import { describeValue, invalid } from '../core/errors.js';
import { quantileSorted } from '../core/quantile.js';
import { readObject, readOneOf, readFailure } from '../core/read.js';
import {
  invalidSummary,
  readSummary,
  sameParameter,
  summaryArray,
  summaryNumber,
  summaryRecord,
  summaryString,
} from '../core/summary.js';
import type { DefinedPipeline } from './define-pipeline.js';
import { indexOf } from './pipeline-index.js';
import { MS_PER_DAY, entityHistories, type HistoryHolder } from './time-in-stage.js';

/** The longest duration dates of years 0001–9999 can span: 3,652,059 days, in milliseconds. */
const MAX_DURATION_MS = 3_652_059 * MS_PER_DAY;

/** Options of {@link stageDurations} and {@link summarizeStageDurations}. */
export interface StageDurationsOptions {
  /** The entities' pipeline (from `definePipeline` or a default). Required. */
  readonly pipeline: DefinedPipeline;
  /**
   * `'cumulative'` (default): one sample per entity and stage, the sum of all its completed
   * visits to the stage; an entity still in the stage is left out of that stage (its total is
   * not known yet). `'visit'`: one sample per completed visit.
   */
  readonly mode?: 'cumulative' | 'visit';
}

/** Duration statistics of one stage. `null` statistics when `count` is 0 (never 0, never NaN). */
export interface StageDurationStats {
  readonly stage: string;
  /** Number of samples (entities, or visits in `'visit'` mode). */
  readonly count: number;
  readonly meanDays: number | null;
  /** Median (R type 7 at 0.5: the middle value, or the mean of the two middle values). */
  readonly medianDays: number | null;
  /** 90th percentile, R type 7. */
  readonly p90Days: number | null;
}

/**
 * A mergeable, JSON-serialisable summary: the raw samples in whole milliseconds, sorted, per
 * stage. Raw samples are kept because exact medians and percentiles are not mergeable from
 * fixed-size sketches; the summary grows with the number of samples (8 bytes each in memory).
 */
export interface StageDurationsSummary {
  readonly kind: 'stageDurations';
  readonly version: 1;
  readonly pipelineId: string;
  readonly mode: 'cumulative' | 'visit';
  /** Stage ids in pipeline order. */
  readonly stages: readonly string[];
  /** Stage id → ascending durations in ms. */
  readonly samples: Readonly<Record<string, readonly number[]>>;
}

type Staged = HistoryHolder;

/**
 * Summarises the stage durations of a chunk of entities (see {@link stageDurations}).
 *
 * @param entities - Entities with an `id` and a `history` in `pipeline`.
 * @param options - See {@link StageDurationsOptions}: `pipeline` (required; gives the stage list and order), `mode`.
 * @returns A summary to merge with {@link mergeStageDurations} and read with {@link finalizeStageDurations}.
 * @throws {RevopsError} `INVALID_INPUT` for `entities` that is not an array of objects, an event naming a stage the
 *   pipeline does not have, or events out of order.
 * @throws {RevopsError} `INVALID_OPTION` for an unknown `mode`.
 * @throws {RevopsError} `INVALID_DATE` for an event `at` that is not an instant.
 * @throws {RevopsError} `INVALID_PIPELINE` if `pipeline` did not come from `definePipeline`.
 * @example
 * ```ts
 * import { defaultLeadPipeline, summarizeStageDurations } from 'revops/pipeline';
 * const lead = { id: 'l1', history: [
 *   { from: null, to: 'new', at: '2026-01-01T00:00:00Z', actorId: 's', roleId: 'sdr' },
 *   { from: 'new', to: 'working', at: '2026-01-02T00:00:00Z', actorId: 's', roleId: 'sdr' },
 * ] };
 * summarizeStageDurations([lead], { pipeline: defaultLeadPipeline }).samples['new'];
 * //=> [86400000]
 * ```
 */
export function summarizeStageDurations(
  entities: readonly Staged[],
  options: StageDurationsOptions,
): StageDurationsSummary {
  try {
    readObject(options, 'options', 'INVALID_OPTION');
    const pipeline = options.pipeline;
    const index = indexOf(pipeline);
    const mode = readOneOf(options.mode ?? 'cumulative', 'options.mode', ['cumulative', 'visit']);
    const samples: Record<string, number[]> = {};
    for (const id of index.stages.keys()) samples[id] = [];
    const total = new Map<string, number>();
    entityHistories(entities).forEach(({ history: h, times }, k) => {
      for (let i = 0; i < h.length; i++) {
        if (!index.stages.has(h[i]!.to))
          throw invalid(
            'INVALID_INPUT',
            `entities[${k}].history[${i}].to`,
            h[i]!.to,
            `must be a stage of pipeline ${describeValue(pipeline.id)}`,
          );
      }
      if (mode === 'visit') {
        for (let i = 0; i + 1 < h.length; i++) samples[h[i]!.to]!.push(times[i + 1]! - times[i]!);
        return;
      }
      total.clear();
      for (let i = 0; i + 1 < h.length; i++)
        total.set(h[i]!.to, (total.get(h[i]!.to) ?? 0) + times[i + 1]! - times[i]!);
      const current = h.length > 0 ? h[h.length - 1]!.to : undefined;
      for (const [stage, ms] of total) if (stage !== current) samples[stage]!.push(ms);
    });
    for (const id in samples) samples[id]!.sort((a, b) => a - b);
    return {
      kind: 'stageDurations',
      version: 1,
      pipelineId: pipeline.id,
      mode,
      stages: [...index.stages.keys()],
      samples,
    };
  } catch (thrown) {
    throw readFailure(thrown, { entities, options });
  }
}

/**
 * Validates a whole summary: tag, pipeline id, mode, stages (strings, no repeats) and, per
 * stage, ascending non-negative finite durations; no samples of a stage not listed.
 */
function checkSummary(value: unknown, field: string): StageDurationsSummary {
  const v = readSummary(value, field, 'stageDurations', 1);
  const pipelineId = summaryString(v['pipelineId'], `${field}.pipelineId`);
  const mode = v['mode'];
  if (mode !== 'cumulative' && mode !== 'visit') {
    throw invalidSummary(`${field}.mode`, mode, "must be 'cumulative' or 'visit'");
  }
  // index loops: map skips the holes of a sparse array (`[1, , 3]`), which would reach the quantiles as NaN
  const rawStages = summaryArray(v['stages'], `${field}.stages`);
  const stages: string[] = [];
  for (let i = 0; i < rawStages.length; i++) stages.push(summaryString(rawStages[i], `${field}.stages[${i}]`));
  if (new Set(stages).size !== stages.length) throw invalidSummary(`${field}.stages`, stages, 'must not repeat');
  const raw = summaryRecord(v['samples'], `${field}.samples`);
  const samples: Record<string, number[]> = {};
  for (const k of Object.keys(raw)) {
    if (!stages.includes(k)) throw invalidSummary(`${field}.samples`, k, 'must only have keys listed in stages');
  }
  for (const id of stages) {
    const f = `${field}.samples[${JSON.stringify(id)}]`;
    const xs = Object.hasOwn(raw, id) ? summaryArray(raw[id], f) : [];
    let prev = 0;
    const list: number[] = [];
    for (let i = 0; i < xs.length; i++) {
      const ms = summaryNumber(xs[i], `${f}[${i}]`);
      if (ms < prev) throw invalidSummary(`${f}[${i}]`, ms, `must be ≥ 0 and ascending (after ${prev})`);
      if (ms > MAX_DURATION_MS) {
        throw invalidSummary(`${f}[${i}]`, ms, `must be at most ${MAX_DURATION_MS} ms (the span of years 0001–9999)`);
      }
      prev = ms;
      list.push(ms);
    }
    samples[id] = list;
  }
  return { kind: 'stageDurations', version: 1, pipelineId, mode, stages, samples };
}

function mergeSorted(a: readonly number[], b: readonly number[]): number[] {
  const out = new Array<number>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = a[i]! <= b[j]! ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}

/**
 * Merges two summaries of the same pipeline and mode: per stage, the union of the samples
 * (still sorted). Associative and commutative; any split of the entities merges to the summary
 * of the whole.
 *
 * @param a - A summary.
 * @param b - Another summary.
 * @returns The merged summary.
 * @throws {RevopsError} `INVALID_SUMMARY` naming the field when either is not a valid summary (durations that
 *   are not ascending finite numbers ≥ 0 included), or the pipelines, stage lists or modes differ.
 * @example
 * ```ts
 * import { mergeStageDurations } from 'revops/pipeline';
 * const s = (x: number[]) => ({ kind: 'stageDurations' as const, version: 1 as const, pipelineId: 'p',
 *   mode: 'visit' as const, stages: ['a'], samples: { a: x } });
 * mergeStageDurations(s([1, 5]), s([3])).samples;
 * //=> { a: [1, 3, 5] }
 * ```
 */
export function mergeStageDurations(a: StageDurationsSummary, b: StageDurationsSummary): StageDurationsSummary {
  try {
    const x = checkSummary(a, 'a');
    const y = checkSummary(b, 'b');
    sameParameter(x.pipelineId, y.pipelineId, 'pipelineId');
    sameParameter(x.mode, y.mode, 'mode');
    sameParameter(x.stages, y.stages, 'stages');
    const samples: Record<string, number[]> = {};
    for (const id of x.stages) samples[id] = mergeSorted(x.samples[id] ?? [], y.samples[id] ?? []);
    return {
      kind: 'stageDurations',
      version: 1,
      pipelineId: x.pipelineId,
      mode: x.mode,
      stages: [...x.stages],
      samples,
    };
  } catch (thrown) {
    throw readFailure(thrown, { a, b }, 'INVALID_SUMMARY');
  }
}

/**
 * Reads the statistics out of a summary: per stage in pipeline order, the count, the mean
 * (Σ ms / n, summed in ascending order so that the answer does not depend on how the data was
 * split), the median and the 90th percentile (Hyndman & Fan type 7, R's default), all in
 * fractional days (ms / 86,400,000). A stage without samples has `null` statistics.
 *
 * @param summary - From {@link summarizeStageDurations} / {@link mergeStageDurations}.
 * @returns One entry per stage of the pipeline.
 * @throws {RevopsError} `INVALID_SUMMARY` naming the field for anything but a valid stage-durations summary.
 * @example
 * ```ts
 * import { finalizeStageDurations } from 'revops/pipeline';
 * const [a, b] = finalizeStageDurations({ kind: 'stageDurations', version: 1, pipelineId: 'p', mode: 'visit',
 *   stages: ['a', 'b'], samples: { a: [86400000, 172800000, 432000000], b: [] } });
 * a;
 * //=> { stage: 'a', count: 3, meanDays: 2.6666666666666665, medianDays: 2, p90Days: 4.4 }
 * b;
 * //=> { stage: 'b', count: 0, meanDays: null, medianDays: null, p90Days: null }
 * ```
 */
export function finalizeStageDurations(summary: StageDurationsSummary): StageDurationStats[] {
  try {
    const s = checkSummary(summary, 'summary');
    return s.stages.map((stage) => {
      const xs = s.samples[stage] ?? [];
      if (xs.length === 0) return { stage, count: 0, meanDays: null, medianDays: null, p90Days: null };
      let sum = 0;
      for (const x of xs) sum += x;
      return {
        stage,
        count: xs.length,
        meanDays: sum / xs.length / MS_PER_DAY,
        medianDays: quantileSorted(xs, 0.5) / MS_PER_DAY,
        p90Days: quantileSorted(xs, 0.9) / MS_PER_DAY,
      };
    });
  } catch (thrown) {
    throw readFailure(thrown, { summary }, 'INVALID_SUMMARY');
  }
}

/**
 * Time spent in each stage of a pipeline across entities: per stage, count, mean, median and
 * 90th percentile in fractional days. By default **cumulative per stage** (one sample per
 * entity: the sum of its completed visits); `mode: 'visit'` gives
 * one sample per completed visit. Only completed stays count: an entity's current stage is left
 * out (use {@link agingDeals} or {@link timeInStage} for time so far), so a closed stage only has
 * samples from entities that were reopened. Equal to
 * `finalizeStageDurations(summarizeStageDurations(entities, options))`.
 *
 * @param entities - Entities with an `id` and a `history` in `pipeline`.
 * @param options - See {@link StageDurationsOptions}: `pipeline` (required), `mode`.
 * @returns One entry per stage, in pipeline order.
 * @throws {RevopsError} `INVALID_INPUT` for `entities` that is not an array of objects, an event naming a stage the
 *   pipeline does not have, or events out of order.
 * @throws {RevopsError} `INVALID_OPTION` for an unknown `mode`.
 * @throws {RevopsError} `INVALID_DATE` for an event `at` that is not an instant.
 * @throws {RevopsError} `INVALID_PIPELINE` if `pipeline` did not come from `definePipeline`.
 * @example
 * ```ts
 * import { defaultLeadPipeline, stageDurations } from 'revops/pipeline';
 * const ev = (from: string | null, to: string, at: string) => ({ from, to, at, actorId: 's', roleId: 'sdr' });
 * const leads = [
 *   { id: 'l1', history: [ev(null, 'new', '2026-01-01T00:00:00Z'), ev('new', 'working', '2026-01-02T00:00:00Z')] },
 *   { id: 'l2', history: [ev(null, 'new', '2026-01-01T00:00:00Z'), ev('new', 'working', '2026-01-04T00:00:00Z')] },
 * ];
 * stageDurations(leads, { pipeline: defaultLeadPipeline })[0];
 * //=> { stage: 'new', count: 2, meanDays: 2, medianDays: 2, p90Days: 2.8 }
 * ```
 */
export function stageDurations(entities: readonly Staged[], options: StageDurationsOptions): StageDurationStats[] {
  try {
    return finalizeStageDurations(summarizeStageDurations(entities, options));
  } catch (thrown) {
    throw readFailure(thrown, { entities, options });
  }
}
