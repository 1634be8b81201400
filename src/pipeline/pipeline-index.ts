/**
 * The lookup tables `definePipeline` precomputes once, so that a transition is a few map
 * look-ups instead of a walk over the definition. Internal.
 * @module
 */
import { RevopsError, describeValue, invalid } from '../core/errors.js';
import type { DealOutcomeOf } from '../model/deal-outcome.js';
import type { PipelineEntity, StageKind } from '../model/pipeline.js';
import type { ForecastCategory } from '../model/segment.js';

/** A field a guard checks: its name as written and its dotted path split once. @internal */
export interface FieldPath {
  readonly name: string;
  readonly path: readonly string[];
}

/** A stage with its position in the funnel order. @internal */
export interface IndexedStage {
  readonly id: string;
  readonly kind: StageKind;
  readonly probability: number;
  readonly forecastCategory: ForecastCategory;
  readonly order: number;
  readonly closed: boolean;
  readonly required: readonly FieldPath[];
}

/** A transition ready to apply: roles as a set, guard = transition fields ∪ target stage fields. @internal */
export interface CompiledTransition {
  readonly from: string;
  readonly to: IndexedStage;
  readonly roles: ReadonlySet<string>;
  readonly roleList: readonly string[];
  readonly requiresReason: boolean;
  readonly guard: readonly FieldPath[];
  /** Whether a system actor may make the move. */
  readonly allowSystem: boolean;
}

/** The reopen rule, compiled. @internal */
export interface CompiledReopen {
  readonly to: IndexedStage;
  readonly roles: ReadonlySet<string>;
  readonly roleList: readonly string[];
  readonly requiresReason: boolean;
  readonly fromStages: ReadonlySet<string>;
  readonly allowSystem: boolean;
}

/** Everything a pipeline function needs, precomputed. @internal */
export interface PipelineIndex {
  readonly entity: PipelineEntity;
  readonly stages: ReadonlyMap<string, IndexedStage>;
  /** from → to → transition. */
  readonly out: ReadonlyMap<string, ReadonlyMap<string, CompiledTransition>>;
  readonly start: ReadonlySet<string>;
  readonly handoff: ReadonlySet<string>;
  readonly reopen: CompiledReopen | undefined;
  /** Whether a system actor may create entities in the start stages. */
  readonly allowSystemStart: boolean;
  /** The lost-reason catalogue, code → label, or `undefined` when the pipeline has none. */
  readonly lostReasons: ReadonlyMap<string, string> | undefined;
  /** revops/model's `dealOutcomeOf` for this pipeline: the one decision of open, won and lost. */
  readonly outcome: DealOutcomeOf;
}

/** Key of the non-enumerable index on a defined pipeline (shared by the ESM and CJS builds). @internal */
export const PIPELINE_INDEX: unique symbol = Symbol.for('revops.pipeline.index') as never;

/** A holder of the precomputed index `definePipeline` attaches (opaque; not part of the JSON form). @internal */
export interface Indexed {
  readonly [PIPELINE_INDEX]: PipelineIndex;
}

/** Splits a field name on dots, once. @internal */
export function fieldPath(name: string): FieldPath {
  return { name, path: name.split('.') };
}

/**
 * The index of a pipeline returned by `definePipeline`.
 * @throws {RevopsError} `INVALID_PIPELINE` when `pipeline` did not come from `definePipeline`.
 * @internal
 */
export function indexOf(pipeline: unknown): PipelineIndex {
  let index: unknown;
  try {
    index =
      typeof pipeline === 'object' && pipeline !== null ? (pipeline as Partial<Indexed>)[PIPELINE_INDEX] : undefined;
  } catch {
    index = undefined; // a proxy or getter that throws is not a defined pipeline
  }
  // The index is a plain object holding Maps; anything else (a proxy answering every read) is refused.
  if (typeof index !== 'object' || index === null || !((index as PipelineIndex).stages instanceof Map)) {
    throw new RevopsError(
      'INVALID_PIPELINE',
      `pipeline must be a pipeline returned by definePipeline (or a default pipeline), got ${describeValue(pipeline)}`,
      { field: 'pipeline', value: pipeline },
    );
  }
  return index as PipelineIndex;
}

/**
 * The index of `options.pipeline`, after checking that `options` is an object.
 * @throws {RevopsError} `INVALID_INPUT` when `options` is not an object; `INVALID_PIPELINE` as {@link indexOf}.
 * @internal
 */
export function indexOfOptions(options: unknown): PipelineIndex {
  if (typeof options !== 'object' || options === null)
    throw invalid('INVALID_INPUT', 'options', options, 'must be an options object with a pipeline');
  return indexOf((options as { readonly pipeline?: unknown }).pipeline);
}

/**
 * Whether a field is set: present, not `null`, not `''`, and not an empty array. Dotted paths
 * reach into nested objects (`fields.budget`).
 * @internal
 */
export function isFieldSet(entity: object, field: FieldPath): boolean {
  let v: unknown = entity;
  for (const key of field.path) {
    if (typeof v !== 'object' || v === null || !Object.hasOwn(v, key)) return false;
    v = (v as Record<string, unknown>)[key];
  }
  return v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);
}

/** Names of the guard fields not set on `entity`, in guard order. @internal */
export function missingFields(entity: object, guard: readonly FieldPath[]): string[] {
  const missing: string[] = [];
  for (const f of guard) if (!isFieldSet(entity, f)) missing.push(f.name);
  return missing;
}
