/**
 * One meaning for open, won and lost: a deal's outcome is the kind of its stage in the
 * pipeline. `closeDate` says when a deal closed (or, in Salesforce's and HubSpot's exports,
 * when it is expected to), never whether.
 * @module
 */
import { RevopsError, describeValue, unreadableField } from '../core/errors.js';
import { defaultDealPipelineSpec } from './default-pipelines.js';
import type { Pipeline, StageKind } from './pipeline.js';
import { readFailure } from '../core/read.js';

/** A deal's outcome: still `open`, closed `won` or closed `lost` (a {@link StageKind}). */
export type DealOutcome = StageKind;

/** What {@link dealOutcome} reads of a deal (a `Deal`, a `Lead`, or any staged object). */
export interface StagedRecord {
  /** Identifier, named in the error for an unknown stage. */
  readonly id?: string;
  /** Current stage id. */
  readonly stage: string;
}

/** Options of {@link dealOutcome} and {@link dealOutcomeOf}. */
export interface DealOutcomeOptions {
  /**
   * The pipeline whose stage kinds decide the outcome. Default: the default deal pipeline
   * ({@link defaultDealPipelineSpec}: `closed-won` is won, `closed-lost` lost, `discovery`,
   * `demo`, `proposal` and `negotiation` open).
   */
  readonly pipeline?: Pipeline;
}

/**
 * Decides the outcome of one deal (or lead, or any record with a `stage`) from the pipeline.
 */
export type DealOutcomeOf = (deal: StagedRecord, field?: string) => DealOutcome;

/** The options' pipeline, checked to have a list of stages. */
function readPipeline(options: unknown): Pipeline {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new RevopsError('INVALID_OPTION', `options must be an object, got ${describeValue(options)}`, {
      field: 'options',
      value: options,
    });
  }
  let pipeline: unknown;
  try {
    pipeline = (options as DealOutcomeOptions).pipeline ?? defaultDealPipelineSpec;
    const stages = (pipeline as Pipeline).stages;
    if (Array.isArray(stages) && stages.every((s) => typeof s === 'object' && s !== null && typeof s.id === 'string')) {
      return pipeline as Pipeline;
    }
  } catch {
    // an unreadable pipeline is refused below
  }
  throw new RevopsError(
    'INVALID_OPTION',
    `options.pipeline must be a pipeline with stages, got ${describeValue(pipeline)}`,
    { field: 'options.pipeline', value: pipeline },
  );
}

function stageOf(deal: StagedRecord, field: string): string {
  let stage: unknown;
  try {
    stage = typeof deal === 'object' && deal !== null ? deal.stage : undefined;
  } catch (thrown) {
    throw unreadableField(`${field}.stage`, thrown);
  }
  if (typeof stage !== 'string') {
    throw new RevopsError(
      'INVALID_INPUT',
      `${field}.stage must be a stage id (a string), got ${describeValue(stage)}`,
      {
        field: `${field}.stage`,
        value: stage,
      },
    );
  }
  return stage;
}

function unknownStage(pipeline: Pipeline, stage: string, field: string): RevopsError {
  // every id cut to 60 characters: a message never carries an unbounded value, however long the ids are
  const ids: string[] = [];
  for (let i = 0; i < pipeline.stages.length && i < 12; i++) {
    const id = String(pipeline.stages[i]?.id);
    ids.push(id.length > 60 ? `${id.slice(0, 57)}...` : id);
  }
  const list = pipeline.stages.length > 12 ? `${ids.join(', ')}, …` : ids.join(', ');
  return new RevopsError(
    'INVALID_INPUT',
    `${field}.stage must be a stage of pipeline ${describeValue(pipeline.id)} (${list}), got ${describeValue(stage)}`,
    { field: `${field}.stage`, value: stage, details: { pipelineId: pipeline.id } },
  );
}

/**
 * Returns one function that decides the outcome of many deals under one pipeline: the
 * pipeline's stages are indexed once, so each call is a map look-up. Use it in loops;
 * `dealOutcomeOf(options)(deal, field)` equals `dealOutcome(deal, options)` and, for an
 * unknown stage, names the deal as `field` (default `deal (id "D-17")`; pass core's
 * `entityPath` to name its position too, e.g. `deals[3] (id "D-17")`; a `field` longer than 200
 * characters is cut to its first 197 and `...`).
 *
 * @param options - `pipeline` (default: the default deal pipeline).
 * @returns `(deal, field?) => 'open' | 'won' | 'lost'`.
 * @throws {RevopsError} `INVALID_OPTION` for options that are not an object or a pipeline
 *   without a list of stages. `INVALID_INPUT` (from the returned function) for a deal whose stage is
 *   not a string or not a stage of the pipeline, naming the deal, the stage and the pipeline.
 * @example
 * ```ts
 * import { dealOutcomeOf } from 'revops/model';
 * const outcome = dealOutcomeOf();
 * ['discovery', 'closed-won', 'closed-lost'].map((stage) => outcome({ stage }));
 * //=> ['open', 'won', 'lost']
 * ```
 */
export function dealOutcomeOf(options: DealOutcomeOptions = {}): DealOutcomeOf {
  try {
    const pipeline = readPipeline(options);
    const kinds = new Map<string, DealOutcome>();
    for (const s of pipeline.stages) kinds.set(s.id, s.kind);
    return (deal, field) => {
      const name = typeof field === 'string' ? fieldName(field) : dealName(deal);
      const stage = stageOf(deal, name);
      const kind = kinds.get(stage);
      if (kind === undefined) throw unknownStage(pipeline, stage, name);
      return kind;
    };
  } catch (thrown) {
    throw readFailure(thrown, { options });
  }
}

/**
 * A deal's outcome — `'open'`, `'won'` or `'lost'` — which is the kind of its stage in the
 * pipeline. This is the one definition every module uses (win rates, weighted pipeline,
 * forecast categories, commission crediting, funnels): `closeDate` is when, never whether,
 * so a won deal without a close date is won and an open deal with an expected close date
 * (as Salesforce fills Close Date on every opportunity) is open. A stage the pipeline does
 * not have is an error, never silently open. For many deals, {@link dealOutcomeOf} indexes
 * the pipeline once.
 *
 * @param deal - the deal (only `stage`, and `id` for the error message, are read).
 * @param options - `pipeline` (default: the default deal pipeline).
 * @returns `'open' | 'won' | 'lost'`.
 * @throws {RevopsError} `INVALID_INPUT` for a stage that is not a string or not a stage of the
 *   pipeline, naming the stage and the pipeline's stages; `INVALID_OPTION` for options that are
 *   not an object or a pipeline without a list of stages.
 * @example
 * ```ts
 * import { dealOutcome } from 'revops/model';
 * [
 *   dealOutcome({ stage: 'negotiation' }),
 *   dealOutcome({ stage: 'closed-won' }),
 *   dealOutcome({ stage: 'closed-lost' }),
 * ];
 * //=> ['open', 'won', 'lost']
 * ```
 */
export function dealOutcome(deal: StagedRecord, options: DealOutcomeOptions = {}): DealOutcome {
  try {
    const pipeline = readPipeline(options);
    const field = dealName(deal);
    const stage = stageOf(deal, field);
    for (const s of pipeline.stages) if (s.id === stage) return s.kind;
    throw unknownStage(pipeline, stage, field);
  } catch (thrown) {
    throw readFailure(thrown, { deal, options });
  }
}

/**
 * A caller's field name as a message writes it: whole up to 200 characters, else its first 197
 * and `...` (as core's `invalid` writes a field), so a message never carries an unbounded text.
 */
function fieldName(field: string): string {
  return field.length <= 200 ? field : `${field.slice(0, 197)}...`;
}

/** `deal (id "D-17")`, or `deal` when it has no string id. Never throws. */
function dealName(deal: StagedRecord): string {
  let id: unknown;
  try {
    id = typeof deal === 'object' && deal !== null ? deal.id : undefined;
  } catch {
    id = undefined;
  }
  if (typeof id !== 'string' || id.length === 0) return 'deal';
  return `deal (id ${JSON.stringify(id.length > 40 ? `${id.slice(0, 37)}...` : id)})`;
}
