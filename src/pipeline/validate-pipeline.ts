/**
 * Checking a pipeline definition: its shape (the fields of `PipelineSchema`, checked by hand
 * so that `revops/pipeline` never loads zod) and its meaning (the stage graph). Internal; the
 * public entry point is `definePipeline`.
 * @module
 */
import type { RevopsIssue } from '../core/errors.js';
import { describeValue } from '../core/errors.js';
import { LIMITS } from '../core/read.js';
import type { LostReason, Pipeline, PipelineStage, PipelineTransition } from '../model/pipeline.js';
import {
  FORECAST_CATEGORIES as CATEGORIES,
  ID_MAX_LENGTH as ID_MAX,
  PIPELINE_ENTITIES as ENTITIES,
  STAGE_KINDS as KINDS,
} from '../model/vocabulary.js';

type Path = (string | number)[];

/**
 * Most problems collected from one definition: reading stops there (a list of 1,000,000 bad
 * stages is refused in milliseconds, not after building millions of messages).
 * @internal
 */
export const ISSUE_LIMIT = 1000;

/** Collects issues while reading an untrusted definition. */
class Reader {
  readonly issues: RevopsIssue[] = [];
  /** Whether {@link ISSUE_LIMIT} problems were found (reading stops). */
  get full(): boolean {
    return this.issues.length >= ISSUE_LIMIT;
  }
  problem(path: Path, message: string, code: string): void {
    if (!this.full) this.issues.push({ path, message, code });
  }
  object(v: unknown, path: Path, keys: readonly string[]): Record<string, unknown> | undefined {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) {
      this.problem(path, `must be an object, got ${describeValue(v)}`, 'invalid_type');
      return undefined;
    }
    for (const k of Object.keys(v))
      if (!keys.includes(k)) this.problem([...path, k], `unknown key ${describeValue(k)}`, 'unrecognized_keys');
    return v as Record<string, unknown>;
  }
  string(v: unknown, path: Path): string {
    if (typeof v === 'string' && v.length > 0) return v;
    this.problem(path, `must be a non-empty string, got ${describeValue(v)}`, 'invalid_type');
    return '';
  }
  id(v: unknown, path: Path): string {
    const s = this.string(v, path);
    if (s.length > ID_MAX) this.problem(path, `must be at most ${ID_MAX} characters, got ${s.length}`, 'too_big');
    return s;
  }
  oneOf(v: unknown, path: Path, values: readonly string[]): string {
    if (typeof v === 'string' && values.includes(v)) return v;
    this.problem(path, `must be one of ${values.join(', ')}, got ${describeValue(v)}`, 'invalid_value');
    return values[0] ?? '';
  }
  boolean(v: unknown, path: Path, fallback: boolean): boolean {
    if (v === undefined) return fallback;
    if (typeof v === 'boolean') return v;
    this.problem(path, `must be a boolean, got ${describeValue(v)}`, 'invalid_type');
    return fallback;
  }
  fraction(v: unknown, path: Path): number {
    if (typeof v === 'number' && v >= 0 && v <= 1) return v + 0; // -0 reads as 0, as the model's FractionSchema
    this.problem(path, `must be a fraction in [0, 1] (0.25 for 25%), got ${describeValue(v)}`, 'invalid_type');
    return 0;
  }
  strings(v: unknown, path: Path, minLength = 0, ids = false): string[] {
    if (!Array.isArray(v)) {
      this.problem(path, `must be an array of strings, got ${describeValue(v)}`, 'invalid_type');
      return [];
    }
    if (v.length < minLength) this.problem(path, `must list at least ${minLength}`, 'too_small');
    const out: string[] = [];
    for (let i = 0; i < v.length && !this.full; i++)
      out.push(ids ? this.id(v[i], [...path, i]) : this.string(v[i], [...path, i]));
    return out;
  }
  array(v: unknown, path: Path): unknown[] {
    // a list past LIMITS.listLength is refused before its elements are read (1e6 transitions took seconds)
    if (Array.isArray(v) && v.length > LIMITS.listLength) {
      this.problem(
        path,
        `must have at most ${LIMITS.listLength} elements (LIMITS.listLength), got ${v.length}`,
        'too_big',
      );
      return [];
    }
    if (Array.isArray(v)) return v;
    this.problem(path, `must be an array, got ${describeValue(v)}`, 'invalid_type');
    return [];
  }
}

function readStage(r: Reader, v: unknown, i: number): PipelineStage {
  const path = ['stages', i];
  const o = r.object(v, path, ['id', 'name', 'kind', 'probability', 'forecastCategory', 'requiredFields']) ?? {};
  return {
    id: r.id(o['id'], [...path, 'id']),
    name: r.string(o['name'], [...path, 'name']),
    kind: r.oneOf(o['kind'], [...path, 'kind'], KINDS) as PipelineStage['kind'],
    probability: r.fraction(o['probability'], [...path, 'probability']),
    forecastCategory: r.oneOf(
      o['forecastCategory'],
      [...path, 'forecastCategory'],
      CATEGORIES,
    ) as PipelineStage['forecastCategory'],
    requiredFields:
      o['requiredFields'] === undefined ? [] : r.strings(o['requiredFields'], [...path, 'requiredFields']),
  };
}

function readTransition(r: Reader, v: unknown, i: number): PipelineTransition {
  const path = ['transitions', i];
  const o = r.object(v, path, ['from', 'to', 'roles', 'requiredFields', 'requiresReason', 'allowSystem']) ?? {};
  const t: PipelineTransition = {
    from: r.id(o['from'], [...path, 'from']),
    to: r.id(o['to'], [...path, 'to']),
    roles: r.strings(o['roles'], [...path, 'roles'], 1, true),
    requiredFields:
      o['requiredFields'] === undefined ? [] : r.strings(o['requiredFields'], [...path, 'requiredFields']),
    requiresReason: r.boolean(o['requiresReason'], [...path, 'requiresReason'], false),
  };
  if (o['allowSystem'] !== undefined) t.allowSystem = r.boolean(o['allowSystem'], [...path, 'allowSystem'], false);
  return t;
}

function readLostReason(r: Reader, v: unknown, i: number): LostReason {
  const path = ['lostReasons', i];
  const o = r.object(v, path, ['code', 'label']) ?? {};
  return { code: r.id(o['code'], [...path, 'code']), label: r.string(o['label'], [...path, 'label']) };
}

/** Reads each element of a list with an index loop (a list with its own `constructor` key breaks `.map`). */
function each<T>(r: Reader, list: unknown[], read: (v: unknown, i: number) => T): T[] {
  const out: T[] = [];
  for (let i = 0; i < list.length && !r.full; i++) out.push(read(list[i], i));
  return out;
}

/** A pipeline with every default filled in. @internal */
export type NormalizedPipeline = Pipeline & { startStages: string[] };

const ROOT_KEYS = [
  'id',
  'name',
  'entity',
  'stages',
  'transitions',
  'startStages',
  'handoffStages',
  'allowSystemStart',
  'lostReasons',
  'reopen',
];

/** Reads the shape of a definition; returns it normalised (defaults filled) with the problems found. @internal */
export function readPipeline(spec: unknown): { pipeline: NormalizedPipeline; issues: RevopsIssue[] } {
  const r = new Reader();
  const o = r.object(spec, [], ROOT_KEYS) ?? {};
  const stages = each(r, r.array(o['stages'], ['stages']), (s, i) => readStage(r, s, i));
  if (Array.isArray(o['stages']) && o['stages'].length === 0)
    r.problem(['stages'], 'must have at least one stage', 'too_small');
  const pipeline: NormalizedPipeline = {
    id: r.id(o['id'], ['id']),
    name: r.string(o['name'], ['name']),
    entity: r.oneOf(o['entity'], ['entity'], ENTITIES) as Pipeline['entity'],
    stages,
    transitions: each(r, r.array(o['transitions'], ['transitions']), (t, i) => readTransition(r, t, i)),
    startStages:
      o['startStages'] === undefined
        ? stages.slice(0, 1).map((s) => s.id)
        : r.strings(o['startStages'], ['startStages'], 0, true),
    handoffStages: o['handoffStages'] === undefined ? [] : r.strings(o['handoffStages'], ['handoffStages'], 0, true),
  };
  if (o['allowSystemStart'] !== undefined)
    pipeline.allowSystemStart = r.boolean(o['allowSystemStart'], ['allowSystemStart'], false);
  if (o['lostReasons'] !== undefined)
    pipeline.lostReasons = each(r, r.array(o['lostReasons'], ['lostReasons']), (v, i) => readLostReason(r, v, i));
  if (o['reopen'] !== undefined) {
    const ro =
      r.object(o['reopen'], ['reopen'], ['roles', 'toStage', 'requiresReason', 'fromStages', 'allowSystem']) ?? {};
    pipeline.reopen = {
      roles: r.strings(ro['roles'], ['reopen', 'roles'], 1, true),
      toStage: r.id(ro['toStage'], ['reopen', 'toStage']),
      requiresReason: r.boolean(ro['requiresReason'], ['reopen', 'requiresReason'], true),
      fromStages:
        ro['fromStages'] === undefined
          ? stages.filter((s) => s.kind !== 'open').map((s) => s.id)
          : r.strings(ro['fromStages'], ['reopen', 'fromStages'], 0, true),
    };
    if (ro['allowSystem'] !== undefined)
      pipeline.reopen.allowSystem = r.boolean(ro['allowSystem'], ['reopen', 'allowSystem'], false);
  }
  return { pipeline, issues: r.issues };
}

/** Checks that a well-shaped pipeline makes sense as a stage graph; returns every problem. @internal */
export function checkMeaning(p: NormalizedPipeline): RevopsIssue[] {
  const issues: RevopsIssue[] = [];
  const problem = (path: Path, message: string, code: string): void => {
    issues.push({ path, message, code });
  };
  const kind = new Map<string, string>();
  p.stages.forEach((s, i) => {
    if (s.id === '__proto__')
      problem(
        ['stages', i, 'id'],
        'stage id "__proto__" is reserved (stage ids are keys of the records timeInStage and stageDurations return)',
        'reserved_id',
      );
    if (kind.has(s.id)) problem(['stages', i, 'id'], `duplicate stage id "${s.id}"`, 'duplicate_stage');
    else kind.set(s.id, s.kind);
    if (s.kind === 'won' && s.probability !== 1)
      problem(
        ['stages', i, 'probability'],
        `won stage "${s.id}" must have probability 1, got ${s.probability}`,
        'won_probability',
      );
    if (s.kind === 'lost' && s.probability !== 0)
      problem(
        ['stages', i, 'probability'],
        `lost stage "${s.id}" must have probability 0, got ${s.probability}`,
        'lost_probability',
      );
    if (s.kind === 'won' && s.forecastCategory !== 'closed')
      problem(
        ['stages', i, 'forecastCategory'],
        `won stage "${s.id}" must have forecast category "closed", got "${s.forecastCategory}"`,
        'won_category',
      );
    if (s.kind === 'lost' && s.forecastCategory !== 'omitted')
      problem(
        ['stages', i, 'forecastCategory'],
        `lost stage "${s.id}" must have forecast category "omitted", got "${s.forecastCategory}"`,
        'lost_category',
      );
    if (s.kind === 'open' && s.forecastCategory === 'closed')
      problem(
        ['stages', i, 'forecastCategory'],
        `open stage "${s.id}" cannot have forecast category "closed" (it is for won stages)`,
        'open_category',
      );
  });
  const known = (id: string, path: Path): boolean => {
    if (kind.has(id)) return true;
    problem(path, `unknown stage "${id}"`, 'unknown_stage');
    return false;
  };
  const edges = new Map<string, string[]>();
  const seen = new Set<string>();
  p.transitions.forEach((t, i) => {
    const okFrom = known(t.from, ['transitions', i, 'from']);
    const okTo = known(t.to, ['transitions', i, 'to']);
    if (t.from === t.to) problem(['transitions', i], `transition from "${t.from}" to itself`, 'self_transition');
    const key = `${t.from}\u0000${t.to}`;
    if (seen.has(key))
      problem(['transitions', i], `duplicate transition "${t.from}" → "${t.to}"`, 'duplicate_transition');
    seen.add(key);
    if (okFrom && kind.get(t.from) !== 'open')
      problem(
        ['transitions', i, 'from'],
        `transition out of closed stage "${t.from}": closed stages are final, use reopen`,
        'closed_source',
      );
    if (okTo && kind.get(t.to) === 'lost' && !t.requiresReason)
      problem(
        ['transitions', i, 'requiresReason'],
        `transition "${t.from}" → lost stage "${t.to}" must require a reason (requiresReason: true)`,
        'lost_without_reason',
      );
    if (okFrom && okTo) addEdge(edges, t.from, t.to);
  });
  const codes = new Set<string>();
  (p.lostReasons ?? []).forEach((lr, i) => {
    if (lr.code === '__proto__')
      problem(
        ['lostReasons', i, 'code'],
        'code "__proto__" is reserved (codes are keys of loss analyses)',
        'reserved_id',
      );
    if (codes.has(lr.code))
      problem(['lostReasons', i, 'code'], `duplicate lost reason "${lr.code}"`, 'duplicate_reason');
    codes.add(lr.code);
  });
  if (p.startStages.length === 0) problem(['startStages'], 'must list at least one start stage', 'no_start_stage');
  p.startStages.forEach((id, i) => {
    if (known(id, ['startStages', i]) && kind.get(id) !== 'open')
      problem(['startStages', i], `start stage "${id}" must be an open stage`, 'closed_start');
  });
  p.handoffStages.forEach((id, i) => {
    if (known(id, ['handoffStages', i]) && kind.get(id) !== 'won')
      problem(
        ['handoffStages', i],
        `hand-off stage "${id}" must be a won stage (a hand-off ends the phase successfully)`,
        'handoff_kind',
      );
  });
  if (p.reopen) {
    const ro = p.reopen;
    if (known(ro.toStage, ['reopen', 'toStage']) && kind.get(ro.toStage) !== 'open')
      problem(['reopen', 'toStage'], `reopen target "${ro.toStage}" must be an open stage`, 'reopen_target');
    (ro.fromStages ?? []).forEach((id, i) => {
      if (known(id, ['reopen', 'fromStages', i]) && kind.get(id) === 'open')
        problem(
          ['reopen', 'fromStages', i],
          `stage "${id}" is open; only won and lost stages are reopened`,
          'reopen_source',
        );
      if (kind.has(ro.toStage)) addEdge(edges, id, ro.toStage);
    });
    if ((ro.fromStages ?? []).length === 0)
      problem(['reopen', 'fromStages'], 'reopen given but there is no closed stage to reopen', 'reopen_source');
  }
  // Reachability: breadth-first from the start stages over transitions and reopen edges.
  const reached = new Set(p.startStages.filter((id) => kind.get(id) === 'open'));
  const canReach = reached.size > 0; // without a valid start stage, "unreachable" would only repeat that problem
  const queue = [...reached];
  for (let q = 0; q < queue.length; q++) {
    for (const to of edges.get(queue[q]!) ?? []) {
      if (!reached.has(to)) {
        reached.add(to);
        queue.push(to);
      }
    }
  }
  p.stages.forEach((s, i) => {
    if (canReach && !reached.has(s.id))
      problem(['stages', i], `stage "${s.id}" is unreachable from the start stages`, 'unreachable_stage');
    if (s.kind === 'open' && (edges.get(s.id) ?? []).length === 0)
      problem(['stages', i], `open stage "${s.id}" has no transition out (entities would be stuck)`, 'dead_end');
  });
  return issues;
}

/** Appends an edge in place (a copy per edge would make a long transition list quadratic). */
function addEdge(edges: Map<string, string[]>, from: string, to: string): void {
  const list = edges.get(from);
  if (list === undefined) edges.set(from, [to]);
  else list.push(to);
}
