/**
 * `lossReasons`: lost entities grouped by the codes of the pipeline's lost-reason catalogue.
 * @module
 */
import { invalid } from '../core/errors.js';
import { entityPath, readFailure } from '../core/read.js';
import { indexOfOptions } from './pipeline-index.js';
import type { DefinedPipeline } from './define-pipeline.js';

/** Options of {@link lossReasons}. */
export interface LossReasonsOptions {
  /** The pipeline whose lost stages and `lostReasons` catalogue apply (from `definePipeline`). Required. */
  readonly pipeline: DefinedPipeline;
}

/** What {@link lossReasons} reads of a deal or lead. */
export interface LossEntity {
  readonly id?: string;
  /** Current stage id. */
  readonly stage: string;
  /** A deal's lost-reason code. */
  readonly lostReasonCode?: string | undefined;
  /** A lead's disqualification code. */
  readonly disqualifyReasonCode?: string | undefined;
}

/** One code of the catalogue and how many lost entities carry it. */
export interface LossReasonCount {
  readonly code: string;
  readonly label: string;
  readonly count: number;
}

/** Result of {@link lossReasons}. */
export interface LossReasons {
  /** One entry per code of the catalogue, in catalogue order (codes no entity carries count 0). */
  readonly reasons: readonly LossReasonCount[];
  /** Lost entities without a code (lost before the catalogue existed, or imported without one). */
  readonly uncoded: number;
  /** All lost entities: the sum of the counts and `uncoded`. */
  readonly lost: number;
}

/**
 * Counts the lost entities of a pipeline by lost-reason code: the loss analysis a catalogue
 * makes clean (every loss under one of a few codes instead of free text that never groups).
 * An entity is lost when its stage is a lost stage (revops/model's `dealOutcomeOf`); its code is
 * `lostReasonCode` (deals) or `disqualifyReasonCode` (leads). Open and won entities are skipped.
 *
 * @param entities - deals or leads (`{ id, stage, lostReasonCode? | disqualifyReasonCode? }`).
 * @param options - {@link LossReasonsOptions}: `pipeline`.
 * @returns the count per code, the uncoded count and the total lost.
 * @throws {RevopsError} `INVALID_PIPELINE` for a pipeline not from `definePipeline`, or one without a
 *   `lostReasons` catalogue.
 * @throws {RevopsError} `INVALID_INPUT` for `entities` that is not an array, an entity whose stage is not a stage
 *   of the pipeline, or a lost entity whose code is not a code of the catalogue (named by index and id).
 * @example
 * ```ts
 * import { definePipeline, defaultDealPipeline, lossReasons } from 'revops/pipeline';
 * const pipeline = definePipeline({ ...defaultDealPipeline, id: 'coded', lostReasons: [
 *   { code: 'price', label: 'Price too high' }, { code: 'timing', label: 'Bad timing' }] });
 * const deals = [
 *   { id: 'd1', stage: 'closed-lost', lostReasonCode: 'price' },
 *   { id: 'd2', stage: 'closed-lost', lostReasonCode: 'price' },
 *   { id: 'd3', stage: 'closed-lost' },
 *   { id: 'd4', stage: 'closed-won' },
 *   { id: 'd5', stage: 'proposal' },
 * ];
 * const r = lossReasons(deals, { pipeline });
 * [r.reasons.map((x) => [x.code, x.label, x.count]), r.uncoded, r.lost];
 * //=> [[['price', 'Price too high', 2], ['timing', 'Bad timing', 0]], 1, 3]
 * ```
 */
export function lossReasons(entities: readonly LossEntity[], options: LossReasonsOptions): LossReasons {
  try {
    const index = indexOfOptions(options);
    const catalogue = index.lostReasons;
    if (catalogue === undefined)
      throw invalid('INVALID_PIPELINE', 'options.pipeline.lostReasons', undefined, 'is needed to group losses by code');
    if (!Array.isArray(entities)) throw invalid('INVALID_INPUT', 'entities', entities, 'must be an array');
    const field = index.entity === 'lead' ? 'disqualifyReasonCode' : 'lostReasonCode';
    const counts = new Map<string, number>();
    for (const code of catalogue.keys()) counts.set(code, 0);
    let uncoded = 0;
    let lost = 0;
    for (let i = 0; i < entities.length; i++) {
      const e = entities[i] as LossEntity;
      const name = entityPath('entities', i, e);
      if (index.outcome(e, name) !== 'lost') continue;
      lost++;
      const code = e[field];
      if (code === undefined) uncoded++;
      else if (typeof code === 'string' && counts.has(code)) counts.set(code, (counts.get(code) as number) + 1);
      else throw invalid('INVALID_INPUT', `${name}.${field}`, code, "must be a code of the pipeline's lostReasons");
    }
    const reasons: LossReasonCount[] = [];
    for (const [code, label] of catalogue) reasons.push({ code, label, count: counts.get(code) as number });
    return { reasons, uncoded, lost };
  } catch (thrown) {
    throw readFailure(thrown, { entities, options });
  }
}
