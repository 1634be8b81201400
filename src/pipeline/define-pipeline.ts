/**
 * `definePipeline`: a pipeline definition checked for meaning, frozen, with its look-up tables
 * precomputed.
 * @module
 */
import { RevopsError, type RevopsIssue } from '../core/errors.js';
import { dealOutcomeOf } from '../model/deal-outcome.js';
import type { Pipeline } from '../model/pipeline.js';
import {
  PIPELINE_INDEX,
  fieldPath,
  type CompiledTransition,
  type FieldPath,
  type IndexedStage,
  type Indexed,
  type PipelineIndex,
} from './pipeline-index.js';
import { checkMeaning, readPipeline, type NormalizedPipeline } from './validate-pipeline.js';
import { readFailure } from '../core/read.js';

/**
 * A validated, deeply frozen pipeline, as returned by {@link definePipeline}: the definition
 * with every default filled in (`startStages`, `handoffStages`, `requiredFields`,
 * `requiresReason`, `reopen.fromStages`), plus precomputed look-up tables held under a
 * non-enumerable symbol (so `JSON.stringify` gives back the plain definition).
 *
 * It is typed as the model's `Pipeline` (so it can be passed wherever revops/model's
 * `Pipeline` is expected, e.g. `funnel` in revops/metrics) although it is frozen at run time:
 * writing to it throws in strict mode.
 */
export type DefinedPipeline = Pipeline & { startStages: string[] } & Indexed;

/** The input of {@link definePipeline}: the fields of `PipelineSchema` (revops/model), defaults optional. */
export type PipelineSpec = Readonly<{
  id: string;
  name: string;
  entity: 'lead' | 'deal' | 'customer';
  stages: readonly Readonly<{
    id: string;
    name: string;
    kind: 'open' | 'won' | 'lost';
    probability: number;
    forecastCategory: 'pipeline' | 'bestCase' | 'commit' | 'closed' | 'omitted';
    requiredFields?: readonly string[] | undefined;
  }>[];
  transitions: readonly Readonly<{
    from: string;
    to: string;
    roles: readonly string[];
    requiredFields?: readonly string[] | undefined;
    requiresReason?: boolean | undefined;
    allowSystem?: boolean | undefined;
  }>[];
  startStages?: readonly string[] | undefined;
  handoffStages?: readonly string[] | undefined;
  allowSystemStart?: boolean | undefined;
  lostReasons?: readonly Readonly<{ code: string; label: string }>[] | undefined;
  reopen?:
    | Readonly<{
        roles: readonly string[];
        toStage: string;
        requiresReason?: boolean | undefined;
        fromStages?: readonly string[] | undefined;
        allowSystem?: boolean | undefined;
      }>
    | undefined;
}>;

/** Most problems listed in an `INVALID_PIPELINE` message (all of them are in its `issues`). */
const MESSAGE_ISSUES = 20;
/** Listing stops once the problems listed reach this many characters (a message stays bounded). */
const MESSAGE_CHARS = 1500;

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

function buildIndex(p: NormalizedPipeline): PipelineIndex {
  const stages = new Map<string, IndexedStage>();
  p.stages.forEach((s, order) => {
    stages.set(s.id, {
      id: s.id,
      kind: s.kind,
      probability: s.probability,
      forecastCategory: s.forecastCategory,
      order,
      closed: s.kind !== 'open',
      required: s.requiredFields.map(fieldPath),
    });
  });
  const out = new Map<string, Map<string, CompiledTransition>>();
  for (const t of p.transitions) {
    const to = stages.get(t.to)!;
    const guard: FieldPath[] = t.requiredFields.map(fieldPath);
    for (const f of to.required) if (!guard.some((g) => g.name === f.name)) guard.push(f);
    const byTo = out.get(t.from) ?? new Map<string, CompiledTransition>();
    byTo.set(t.to, {
      from: t.from,
      to,
      roles: new Set(t.roles),
      roleList: t.roles,
      requiresReason: t.requiresReason,
      guard,
      allowSystem: t.allowSystem === true,
    });
    out.set(t.from, byTo);
  }
  const ro = p.reopen;
  return {
    entity: p.entity,
    stages,
    out,
    start: new Set(p.startStages),
    handoff: new Set(p.handoffStages),
    reopen: ro
      ? {
          to: stages.get(ro.toStage)!,
          roles: new Set(ro.roles),
          roleList: ro.roles,
          requiresReason: ro.requiresReason,
          fromStages: new Set(ro.fromStages),
          allowSystem: ro.allowSystem === true,
        }
      : undefined,
    allowSystemStart: p.allowSystemStart === true,
    lostReasons: p.lostReasons === undefined ? undefined : new Map(p.lostReasons.map((r) => [r.code, r.label])),
    outcome: dealOutcomeOf({ pipeline: p }),
  };
}

/**
 * Validates a pipeline definition and returns it frozen, ready for {@link transition}.
 *
 * Checks the shape (every field of `PipelineSchema` in revops/model; unknown keys are errors)
 * and the meaning of the stage graph:
 * - ids are at most 200 characters (as the model's `IdSchema`); stage ids are unique and not
 *   `__proto__` (they become record keys); every stage named by a transition, `startStages`, `handoffStages`
 *   or `reopen` exists; no transition from a stage to itself, no duplicate transition;
 * - won stages have probability 1 and forecast category `closed`; lost stages probability 0
 *   and `omitted`; an open stage is never `closed`;
 * - closed (won/lost) stages are final: no transition leaves them (use `reopen`), and every
 *   transition into a lost stage requires a reason;
 * - there is at least one start stage (default: the first stage), and start stages are open;
 * - every stage is reachable from a start stage (through transitions and the reopen rule), and
 *   every open stage has a way out;
 * - hand-off stages are won stages; the reopen target is open and its `fromStages` (default: all
 *   won and lost stages) are closed;
 * - the codes of the `lostReasons` catalogue are unique (and not `__proto__`).
 *
 * System actors (`actor.system: true`: imports, integrations, workflows) move entities only where
 * the definition says so: a transition with `allowSystem: true`, creation when
 * `allowSystemStart: true`, reopening when `reopen.allowSystem: true`; elsewhere the move is
 * refused with `SYSTEM_NOT_PERMITTED`. A `lostReasons` catalogue (`[{ code, label }]`) makes every
 * move into a lost stage name one of its codes (`reasonCode`).
 *
 * Defaults filled in: `startStages` = `[stages[0].id]`, `handoffStages` = `[]`,
 * `requiredFields` = `[]`, `requiresReason` = `false`, `reopen.requiresReason` = `true`,
 * `reopen.fromStages` = every won and lost stage. `allowSystem`, `allowSystemStart` and
 * `reopen.allowSystem` are kept as given (absent means `false`).
 *
 * @param spec - The definition (the fields of `PipelineSchema`).
 * @returns The validated pipeline, deeply frozen, with look-up tables precomputed.
 * @throws {RevopsError} `INVALID_PIPELINE` listing the problems in `issues` (each with a path such as
 *   `['transitions', 2, 'to']`; reading stops at the first 1,000) and at most the first 20 in its message
 *   (each cut to 200 characters, about 1,500 in all); a list (`stages`, `transitions`, …) of more than
 *   `LIMITS.listLength` (100,000) elements is one problem (`too_big`), found before its elements are read.
 * @example
 * ```ts
 * import { definePipeline } from 'revops/pipeline';
 * const p = definePipeline({
 *   id: 'simple', name: 'Simple', entity: 'deal',
 *   stages: [
 *     { id: 'open', name: 'Open', kind: 'open', probability: 0.3, forecastCategory: 'pipeline' },
 *     { id: 'won', name: 'Won', kind: 'won', probability: 1, forecastCategory: 'closed' },
 *     { id: 'lost', name: 'Lost', kind: 'lost', probability: 0, forecastCategory: 'omitted' },
 *   ],
 *   transitions: [
 *     { from: 'open', to: 'won', roles: ['account-executive'] },
 *     { from: 'open', to: 'lost', roles: ['account-executive'], requiresReason: true },
 *   ],
 * });
 * [p.startStages, Object.isFrozen(p.stages[0])];
 * //=> [['open'], true]
 * definePipeline({ id: 'bad', name: 'Bad', entity: 'deal', transitions: [],
 *   stages: [{ id: 'won', name: 'Won', kind: 'won', probability: 0.9, forecastCategory: 'closed' }] });
 * //=> throws INVALID_PIPELINE
 * ```
 */
export function definePipeline(spec: PipelineSpec): DefinedPipeline {
  try {
    const { pipeline, issues } = readPipeline(spec);
    if (issues.length === 0) for (const issue of checkMeaning(pipeline)) issues.push(issue);
    if (issues.length > 0) {
      // The message lists the first problems only (a definition with 100,000 bad stages must not build a huge string);
      // `issues` holds them all.
      // Each line is cut to 200 characters and lines stop at 1,500 characters in all: an issue can
      // carry a 200-character id twice, or a key of any length in its path.
      const lines: string[] = [];
      let length = 0;
      for (let i = 0; i < issues.length && i < MESSAGE_ISSUES && length < MESSAGE_CHARS; i++) {
        const issue = issues[i] as RevopsIssue;
        const line = `${issue.path.length === 0 ? '(root)' : issue.path.join('.')}: ${issue.message}`;
        lines.push(line.length > 200 ? `${line.slice(0, 197)}...` : line);
        length += Math.min(line.length, 200) + 2;
      }
      const more = issues.length - lines.length;
      if (more > 0) lines.push(`… and ${more} more problems (see issues)`);
      const id = pipeline.id.length > 60 ? `${pipeline.id.slice(0, 57)}...` : pipeline.id;
      throw new RevopsError('INVALID_PIPELINE', `Invalid pipeline ${JSON.stringify(id)}: ${lines.join('; ')}`, {
        field: issues[0]!.path.join('.').slice(0, 200) || 'spec',
        value: spec,
        issues,
      });
    }
    Object.defineProperty(pipeline, PIPELINE_INDEX, { value: buildIndex(pipeline), enumerable: false });
    return deepFreeze(pipeline) as unknown as DefinedPipeline;
  } catch (thrown) {
    throw readFailure(thrown, { spec });
  }
}
