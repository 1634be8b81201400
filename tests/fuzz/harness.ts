/**
 * The fuzz harness: calls one public function with hostile arguments and checks the
 * properties every call must keep.
 *
 * - Only a RevopsError escapes, and its message is bounded. A `safeParseX` throws nothing. A read
 *   of the caller's data that throws (a getter, a proxy trap) becomes a RevopsError whose `cause`
 *   is the caller's exception; only the exception of the caller's own callback (a `groupBy`
 *   function) may pass through a compute function, unchanged (docs/conventions.md, "Errors and
 *   refusals").
 * - No NaN or ±Infinity in a result.
 * - The arguments are unchanged (a snapshot before and after, deep, never calling a getter).
 * - `Object.prototype`, `Array.prototype` and `Function.prototype` are untouched.
 * - Every call returns within 2 s.
 * - No wrong number in silence: a valid call whose number `n` becomes the string `String(n)`
 *   (or `1`/`0` becomes `true`/`false`, or `0` becomes `-0`), or whose record with an `id` is
 *   repeated, is refused or gives the same result.
 *
 * Calls come in phases, all drawn from fixed seeds: (0) one field of an entity in an array of a
 * worked example read as a throwing getter, or through a proxy that throws for it, for every
 * field of the first three entities of every array of every worked example; (1) every hostile
 * value at every argument position of a worked example; (2) worked examples with one or two
 * nodes perturbed; (3) the metamorphic perturbations above; (4) arbitrary values (fast-check
 * `anything`); (5) arrays of 1e6 elements. REVOPS_FUZZ_PHASES runs only some of them.
 */
import * as util from 'node:util';
import fc from 'fast-check';
import { RevopsError } from '../../src/core/errors.js';
import type { Target } from './corpus.js';
import { findNonFinite, sameResult, sameSnapshot, show, snapshot } from './inspect.js';
import { CALLBACK_ERROR, HOSTILE_DATES, hostileValues, millionArrays, throwingField, USER_ERROR } from './values.js';

/**
 * Longest time a call may take. A call's time is the lesser of its wall time and the process
 * CPU time it used (each fuzz shard runs in its own forked process): on a shared machine the
 * wall time of a call grows with everyone else's load, its CPU time does not; on a quiet one
 * the CPU time can exceed the wall time (V8's parallel GC threads), and the wall time counts.
 */
export const CALL_LIMIT_MS = 2000;
/** Longest message a RevopsError may carry (messages never serialise an unbounded value). */
export const MESSAGE_LIMIT = 2000;

/** One broken property. */
export interface Finding {
  readonly target: string;
  readonly kind: 'leak' | 'nonfinite' | 'mutated' | 'prototype' | 'slow' | 'silent' | 'message';
  readonly input: string;
  readonly detail: string;
}

/** How much to run per function. */
export interface Budget {
  /** Most calls per function (all phases together). */
  readonly calls: number;
  /** Most time per function, in ms (checked between calls). */
  readonly ms: number;
  /** The fast-check seed. */
  readonly seed: number;
  /** Whether to run the 1e6-element phase. */
  readonly million: 'none' | 'cheap' | 'all';
  /** Only these phases (`fields`, `targeted`, `metamorphic`, `mutations`, `arbitrary`), when given. */
  readonly phases?: readonly string[];
}

/** What a run of one function did. */
export interface RunReport {
  readonly target: string;
  readonly calls: number;
  readonly findings: Finding[];
}

const PROTOTYPES: readonly object[] = [Object.prototype, Array.prototype, Function.prototype, String.prototype];
const protoState = (): unknown[][] =>
  PROTOTYPES.map((p) => Reflect.ownKeys(p).flatMap((k) => [k, Object.getOwnPropertyDescriptor(p, k)?.value]));
const PROTO_BEFORE = protoState();

function prototypesChanged(): string | null {
  const now = protoState();
  for (let i = 0; i < now.length; i++) {
    const a = PROTO_BEFORE[i] as unknown[];
    const b = now[i] as unknown[];
    if (a.length !== b.length) return `${['Object', 'Array', 'Function', 'String'][i]}.prototype keys changed`;
    for (let j = 0; j < a.length; j++) {
      if (a[j] !== b[j]) return `${['Object', 'Array', 'Function', 'String'][i]}.prototype.${String(a[j])} changed`;
    }
  }
  return null;
}

/** What a RevopsError for a read that threw says: `<path> could not be read (reading it threw …)`. */
const READ_MESSAGE = /could not be read \(reading it threw UserError: /;

/** Whether the function is a parser, which must turn every failure into a RevopsError. */
const isParser = (name: string): boolean => /^(safeP|p)arse[A-Z]/.test(name);
const isSafeParser = (name: string): boolean => /^safeParse[A-Z]/.test(name);
const isPredicate = (name: string): boolean => /^is[A-Z]/.test(name);

/**
 * Results that echo their input by contract: `ok(value)` and `err(error)` wrap whatever they
 * are given, so a NaN given is a NaN returned.
 */
const ECHOES = new Set(['core.ok', 'core.err']);

/** The outcome of one call. */
interface Outcome {
  readonly threw: boolean;
  readonly error: unknown;
  readonly result: unknown;
  readonly ms: number;
}

/** 'array', 'plain' (an object whose prototype is Object.prototype) or 'other' (never throws). */
function kindOf(v: unknown): 'array' | 'plain' | 'other' {
  if (typeof v !== 'object' || v === null || util.types.isProxy(v)) return 'other';
  try {
    if (Array.isArray(v)) return 'array';
    return Object.getPrototypeOf(v) === Object.prototype ? 'plain' : 'other';
  } catch {
    return 'other';
  }
}

/**
 * Deep copy of plain objects and arrays (functions, class instances and proxies are shared);
 * accessors are copied as accessors, never called; frozen stays frozen.
 */
export function clone<T>(v: T): T {
  const kind = kindOf(v);
  if (kind === 'other') return v;
  const out: object = kind === 'array' ? [] : {};
  for (const [k, d] of Object.entries(Object.getOwnPropertyDescriptors(v as object))) {
    if (kind === 'array' && k === 'length') continue;
    Object.defineProperty(out, k, 'value' in d ? { ...d, value: clone(d.value) } : d);
  }
  if (kind === 'array') (out as unknown[]).length = (v as unknown[]).length;
  if (Object.isFrozen(v)) Object.freeze(out);
  return out as T;
}

/** The own data properties of a plain node (an accessor is a leaf). */
function children(v: unknown): [string | number, unknown][] {
  const kind = kindOf(v);
  if (kind === 'other' || Object.isFrozen(v)) return [];
  const out: [string | number, unknown][] = [];
  for (const [k, d] of Object.entries(Object.getOwnPropertyDescriptors(v as object))) {
    if (!('value' in d) || (kind === 'array' && k === 'length')) continue;
    out.push([kind === 'array' ? Number(k) : k, d.value]);
  }
  return out;
}

/** Every path to a node of a plain argument tree (arrays and plain objects), breadth first. */
export function pathsOf(args: readonly unknown[], max = 400): (string | number)[][] {
  const out: (string | number)[][] = [];
  const queue: { v: unknown; path: (string | number)[] }[] = args.map((v, i) => ({ v, path: [i] }));
  for (let qi = 0; qi < queue.length && out.length < max; qi++) {
    const { v, path } = queue[qi] as { v: unknown; path: (string | number)[] };
    out.push(path);
    for (const [k, x] of children(v)) queue.push({ v: x, path: [...path, k] });
  }
  return out;
}

function getAt(root: unknown[], path: readonly (string | number)[]): unknown {
  let v: unknown = root;
  for (const k of path) {
    const d = Object.getOwnPropertyDescriptor(v as object, k);
    v = d !== undefined && 'value' in d ? d.value : undefined;
  }
  return v;
}

/** Sets `value` at `path` in `root` (a clone), as an own data property even for `__proto__`. */
function setAt(root: unknown[], path: readonly (string | number)[], value: unknown): void {
  const parent = getAt(root, path.slice(0, -1)) as object;
  try {
    Object.defineProperty(parent, path[path.length - 1] as string | number, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } catch {
    // a frozen node: left as it is
  }
}

const pathText = (p: readonly (string | number)[]): string =>
  `args${p.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('')}`;

/**
 * Perturbations of a valid value (what a spreadsheet, JSON or a merge does to it), each with
 * a label.
 */
export function perturbations(v: unknown): { label: string; value: unknown }[] {
  try {
    return perturbationsOf(v);
  } catch {
    return []; // a hostile value placed by an earlier pick: the caller picks a hostile value instead
  }
}

function perturbationsOf(v: unknown): { label: string; value: unknown }[] {
  const out: { label: string; value: unknown }[] = [];
  if (typeof v === 'number') {
    out.push(
      { label: 'as string', value: String(v) },
      { label: 'plus 0.5', value: v + 0.5 },
      { label: 'negated', value: -v },
      { label: 'times 1e300', value: v * 1e300 },
      { label: '2**32', value: 2 ** 32 },
      { label: '1e308', value: 1e308 },
      { label: 'NaN', value: Number.NaN },
      { label: '-0', value: -0 },
      { label: 'true', value: true },
      { label: '"1e3"', value: '1e3' },
    );
  } else if (typeof v === 'string') {
    const n = Number(v);
    if (v.trim() !== '' && Number.isFinite(n)) out.push({ label: 'as number', value: n });
    out.push(
      { label: 'empty', value: '' },
      { label: 'suffixed', value: `${v}x` },
      { label: '"1e999"', value: '1e999' },
      { label: '"1e1000"', value: '1e1000' },
      { label: '"__proto__"', value: '__proto__' },
      { label: 'long', value: v.repeat(Math.ceil(10_000 / Math.max(1, v.length))) },
    );
    if (/^\d{4}-\d{2}-\d{2}/.test(v)) {
      for (const d of HOSTILE_DATES) out.push({ label: d, value: d + v.slice(10) });
      out.push({ label: 'date only', value: v.slice(0, 10) });
    }
  } else if (Array.isArray(v)) {
    out.push({ label: 'empty', value: [] });
    if (v.length > 0) {
      out.push(
        { label: 'first duplicated', value: [v[0], ...v] },
        { label: 'last dropped', value: v.slice(0, -1) },
        { label: 'reversed', value: [...v].reverse() },
        { label: 'frozen', value: Object.freeze(clone(v)) },
        { label: 'own constructor', value: Object.defineProperty(clone(v), 'constructor', { value: 7 }) },
        { label: 'with undefined', value: [...v, undefined] },
        { label: 'with null', value: [...v, null] },
        { label: '50 copies', value: Array.from({ length: 50 }, () => clone(v[0])) },
      );
    }
  } else if (typeof v === 'object' && v !== null) {
    const keys = Object.keys(v);
    out.push({ label: 'frozen', value: Object.freeze(clone(v)) });
    out.push({ label: 'null prototype', value: Object.assign(Object.create(null), v) });
    out.push({
      label: 'own __proto__',
      value: Object.defineProperty(clone(v), '__proto__', { value: { polluted: 1 }, enumerable: true }),
    });
    out.push({ label: 'own constructor', value: { ...(v as object), constructor: 1 } });
    out.push({ label: 'extra key', value: { ...(v as object), zzUnknown: 1 } });
    for (const k of keys) {
      const { [k]: _dropped, ...rest } = v as Record<string, unknown>;
      out.push({ label: `without ${k}`, value: rest });
      out.push({
        label: `throwing getter ${k}`,
        value: Object.defineProperty(clone(v), k, {
          get: () => {
            throw USER_ERROR;
          },
          enumerable: true,
        }),
      });
    }
    out.push({
      label: 'proxy',
      value: new Proxy(clone(v) as object, {}),
    });
  }
  return out;
}

/** The fuzzer for one function. */
export class FunctionFuzzer {
  readonly key: string;
  readonly findings: Finding[] = [];
  calls = 0;
  /** Called with each call's label before the call (to find a call that kills the process). */
  trace: ((label: string) => void) | undefined;
  private readonly seen = new Set<string>();
  /** The end of the current phase: a call count and a time. */
  private phaseEnd = { calls: Number.POSITIVE_INFINITY, ms: Number.POSITIVE_INFINITY };

  constructor(
    readonly target: Target,
    readonly seeds: readonly unknown[][],
    readonly budget: Budget,
  ) {
    this.key = `${target.module}.${target.name}`;
  }

  /** Whether the current phase's share of the budget is spent. */
  spent(): boolean {
    return this.calls >= this.phaseEnd.calls || performance.now() > this.phaseEnd.ms;
  }

  private note(kind: Finding['kind'], args: readonly unknown[], detail: string): void {
    // one finding per kind and message (the label in brackets, which names the input, aside)
    const sig = `${kind}:${detail.replace(/^\[[^\]]*\] /, '').slice(0, 80)}`;
    if (this.seen.has(sig) || this.findings.length >= 20) return;
    this.seen.add(sig);
    this.findings.push({ target: this.key, kind, input: show(args, 400), detail });
  }

  /** Calls the function once, checking every property; returns the outcome. */
  call(args: unknown[], label = ''): Outcome {
    this.calls++;
    this.trace?.(label);
    let before: string[][] | null = null;
    try {
      before = args.map(snapshot);
    } catch {
      before = null;
    }
    let threw = false;
    let error: unknown;
    let result: unknown;
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    try {
      result = this.target.fn(...args);
    } catch (e) {
      threw = true;
      error = e;
    }
    const cpu = process.cpuUsage(cpu0);
    const ms = Math.min(performance.now() - t0, (cpu.user + cpu.system) / 1000);
    const tag = label === '' ? '' : `[${label}] `;
    if (threw) {
      const parser = isParser(this.target.name);
      // the caller's callback's own exception may pass through; a getter's or trap's may not
      const passThrough = error === CALLBACK_ERROR && !parser;
      if (isSafeParser(this.target.name)) {
        this.note('leak', args, `${tag}safeParse threw ${describeError(error)}`);
      } else if (!(error instanceof RevopsError) && !passThrough) {
        this.note('leak', args, `${tag}${describeError(error)}`);
      } else if (error instanceof RevopsError && error.cause === CALLBACK_ERROR) {
        this.note(
          'leak',
          args,
          `${tag}the caller’s callback’s exception was wrapped in ${error.code}, not passed through`,
        );
      } else if (error instanceof RevopsError && error.cause === USER_ERROR && !READ_MESSAGE.test(error.message)) {
        this.note('message', args, `${tag}${error.code} "${error.message.slice(0, 200)}" does not say what was read`);
      } else if (error instanceof RevopsError && error.message.length > MESSAGE_LIMIT) {
        this.note('message', args, `${tag}${error.code} message of ${error.message.length} characters`);
      }
    } else {
      if (isSafeParser(this.target.name)) {
        const r = result as { ok?: unknown; error?: unknown };
        if (typeof r !== 'object' || r === null || (r.ok === false && !(r.error instanceof RevopsError))) {
          this.note('leak', args, `${tag}safeParse returned ${show(result, 100)}`);
        }
      }
      if (!ECHOES.has(this.key)) {
        let bad: string | null = null;
        try {
          bad = findNonFinite(result);
        } catch {
          bad = null; // the result holds the caller's own hostile object (a proxy whose traps throw)
        }
        if (bad !== null) this.note('nonfinite', args, `${tag}${bad}`);
      }
    }
    if (before !== null) {
      for (let i = 0; i < args.length; i++) {
        let after: string[] | null = null;
        try {
          after = snapshot(args[i]);
        } catch {
          after = null;
        }
        const diff = after === null ? null : sameSnapshot(before[i] as string[], after);
        if (diff !== null) this.note('mutated', args, `${tag}args[${i}] changed: ${diff}`);
      }
    }
    const proto = prototypesChanged();
    if (proto !== null) this.note('prototype', args, `${tag}${proto}`);
    if (ms > CALL_LIMIT_MS) this.note('slow', args, `${tag}${Math.round(ms)} ms`);
    return { threw, error, result, ms };
  }

  /** Number of argument positions to try: the declared ones, the seeds' ones, and one more. */
  arity(): number {
    const declared = this.target.fn.length;
    const seen = this.seeds.reduce((m, s) => Math.max(m, s.length), 0);
    return Math.min(Math.max(declared, seen) + 1, 5);
  }

  private seedList(): unknown[][] {
    return this.seeds.length > 0 ? this.seeds.map((s) => [...s]) : [[]];
  }

  /**
   * Phase 0: for the first three entities (plain objects) of every array of every worked
   * example, each field in turn read as a throwing getter, and the entity behind a proxy whose
   * `get` trap throws for that field only (within 30 % of the function's time).
   */
  fieldReads(perArray = 3): void {
    for (const seed of this.seedList()) {
      for (const path of pathsOf(seed, 400)) {
        const last = path[path.length - 1];
        if (path.length < 2 || typeof last !== 'number' || last >= perArray) continue;
        const entity = getAt(seed, path);
        if (kindOf(entity) !== 'plain' || !Array.isArray(getAt(seed, path.slice(0, -1)))) continue;
        for (const key of Object.keys(entity as object)) {
          for (const { label, value } of throwingField(entity as object, key)) {
            if (this.spent()) return;
            const args = clone(seed);
            setAt(args, path, value);
            this.call(args, `${pathText(path)}${label}`);
          }
        }
      }
    }
  }

  /** Phase 1: every hostile value at every argument position of the first worked examples. */
  targeted(seedCount = 2): void {
    const seeds = this.seedList().slice(0, seedCount);
    const count = hostileValues().length;
    const triples: [number, number, number][] = [];
    for (let s = 0; s < seeds.length; s++) {
      for (let pos = 0; pos < this.arity(); pos++) for (let h = 0; h < count; h++) triples.push([s, pos, h]);
    }
    // a seeded order, so that a short run tries a different sample of them for each function
    shuffle(triples, hash(this.key) ^ this.budget.seed);
    for (const [s, pos, h] of triples) {
      if (this.spent()) return;
      const { label, value } = hostileValues()[h] as { label: string; value: unknown };
      const args = clone(seeds[s] as unknown[]);
      while (args.length <= pos) args.push(undefined);
      args[pos] = value;
      this.call(args, `args[${pos}] = ${label}`);
    }
  }

  /** Phase 2: worked examples with one or two nodes perturbed (fast-check, fixed seed). */
  mutations(count: number): void {
    const seeds = this.seedList();
    const hostile = hostileValues();
    const arb = fc.record({
      seed: fc.nat(seeds.length - 1),
      picks: fc.array(fc.record({ path: fc.nat(), how: fc.nat(), useHostile: fc.boolean() }), {
        minLength: 1,
        maxLength: 2,
      }),
    });
    const samples = fc.sample(arb, { seed: this.budget.seed, numRuns: count });
    for (const s of samples) {
      if (this.spent()) return;
      const args = clone(seeds[s.seed] as unknown[]);
      const labels: string[] = [];
      for (const p of s.picks) {
        const paths = pathsOf(args);
        const path = paths.length === 0 ? [0] : (paths[p.path % paths.length] as (string | number)[]);
        const current = getAt(args, path);
        const own = p.useHostile ? [] : perturbations(current);
        const options = own.length > 0 ? own : hostile;
        const pick = options[p.how % options.length] as { label: string; value: unknown };
        if (path.length === 1) args[path[0] as number] = pick.value;
        else setAt(args, path, pick.value);
        labels.push(`${pathText(path)} ${pick.label}`);
      }
      this.call(args, labels.join('; '));
    }
  }

  /**
   * Phase 3: silent changes. For each worked example that succeeds, a number `n` written as
   * `String(n)`, `1`/`0` as `true`/`false`, `0` as `-0`, and a record with an `id` repeated
   * must be refused or give the same result.
   */
  metamorphic(): void {
    if (ECHOES.has(this.key)) return;
    for (const seed of this.seedList()) {
      if (this.spent()) return;
      const base = this.call(clone(seed), 'worked example');
      if (base.threw || refused(this.target.name, base.result)) continue;
      for (const path of pathsOf(seed, 200)) {
        if (this.spent()) return;
        const v = getAt(seed, path);
        const last = path[path.length - 1];
        const variants: { label: string; value: unknown }[] = [];
        if (typeof v === 'number' && last !== 'seed' && !(this.key === 'core.createRng' && path.length === 1)) {
          variants.push({ label: `${v} as "${v}"`, value: String(v) });
          if (v === 1) variants.push({ label: '1 as true', value: true });
          if (v === 0) variants.push({ label: '0 as false', value: false }, { label: '0 as -0', value: -0 });
        }
        // a repeated record must be refused or counted once where records are summed: results that
        // list records (parsers, imports, per-record results) echo the repeat by design
        if (
          Array.isArray(v) &&
          !Array.isArray(base.result) &&
          !/^(safeP|p)arse[A-Z]|^import[A-Z]/.test(this.target.name)
        ) {
          const i = v.findIndex((x) => typeof (x as { id?: unknown })?.id === 'string');
          if (i >= 0) variants.push({ label: `element ${i} (with an id) repeated`, value: [...v, v[i]] });
        }
        for (const { label, value } of variants) {
          const args = clone(seed);
          if (path.length === 1) args[path[0] as number] = value;
          else setAt(args, path, value);
          const out = this.call(args, `${pathText(path)}: ${label}`);
          if (out.threw || refused(this.target.name, out.result)) continue;
          if (!safeSame(base.result, out.result)) {
            this.note('silent', args, `${pathText(path)}: ${label} was accepted and changed the result`);
          }
        }
      }
    }
  }

  /** Phase 4: arbitrary values (fast-check `anything`) mixed with the hostile ones. */
  arbitrary(count: number): void {
    const n = this.arity();
    // fast-check draws indexes into the hostile list, never the values themselves: it would
    // look for a clone method on a throwing proxy
    const arb = fc.array(
      fc.oneof(
        fc.record({ any: fc.anything({ withBigInt: true, withNullPrototype: true }) }),
        fc.record({ hostile: fc.nat() }),
      ),
      { maxLength: n },
    );
    for (const picks of fc.sample(arb, { seed: this.budget.seed + 1, numRuns: count })) {
      if (this.spent()) return;
      const hostile = hostileValues();
      const args = picks.map((p) =>
        'hostile' in p ? (hostile[p.hostile % hostile.length] as { value: unknown }).value : p.any,
      );
      this.call(args, 'arbitrary');
    }
  }

  /** Phase 5: arrays of 1e6 elements wherever a worked example has an array (top two levels). */
  million(): void {
    if (this.budget.million === 'none') return;
    const seed = this.seedList()[0] as unknown[];
    for (const path of pathsOf(seed, 60)) {
      const v = getAt(seed, path);
      if (!Array.isArray(v) || path.length > 2) continue;
      const element = this.budget.million === 'all' ? v[0] : undefined;
      for (const { label, value } of millionArrays(element)) {
        const args = clone(seed);
        if (path.length === 1) args[path[0] as number] = value;
        else setAt(args, path, value);
        this.call(args, `${pathText(path)} = ${label}`);
      }
    }
  }

  /**
   * Runs every phase, each within its share of the budget (calls and time): targeted 40 %,
   * metamorphic 20 %, mutations 25 %, arbitrary 15 %; then the 1e6-element arrays. A phase that
   * runs out of inputs early (few worked examples, few paths) leaves its unused share to the next
   * ones: each phase ends at its cumulative share, so a function gets its whole budget.
   */
  run(): RunReport {
    const only = this.budget.phases;
    const on = (name: string): boolean => only === undefined || only.includes(name);
    const t0 = performance.now();
    // phase 0 has a budget of its own (its calls are few: fields × 2 × entities), in time only
    if (on('fields')) {
      this.phaseEnd = { calls: Number.POSITIVE_INFINITY, ms: t0 + this.budget.ms * 0.3 };
      this.fieldReads();
    }
    const start = this.calls;
    const phases: [string, number, (n: number) => void][] = [
      ['targeted', 0.4, () => this.targeted()],
      ['metamorphic', 0.2, () => this.metamorphic()],
      ['mutations', 0.25, (n) => this.mutations(n)],
      ['arbitrary', 0.15, (n) => this.arbitrary(n)],
    ];
    const t1 = performance.now();
    let cumulative = 0;
    for (const [name, share, phase] of phases) {
      cumulative += share;
      if (!on(name)) continue;
      const end = Math.max(this.calls + 1, start + Math.floor(this.budget.calls * cumulative));
      this.phaseEnd = { calls: end, ms: t1 + this.budget.ms * cumulative };
      phase(end - this.calls);
    }
    this.phaseEnd = { calls: Number.POSITIVE_INFINITY, ms: Number.POSITIVE_INFINITY };
    if (on('million')) this.million();
    return { target: this.key, calls: this.calls, findings: this.findings };
  }
}

/** A 32-bit FNV-1a hash of a string. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Fisher–Yates shuffle in place with mulberry32 seeded by `seed`. */
function shuffle<T>(items: T[], seed: number): void {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
}

/** {@link sameResult}, true when a result cannot be inspected. */
function safeSame(a: unknown, b: unknown): boolean {
  try {
    return sameResult(a, b);
  } catch {
    return true;
  }
}

/** A refusal that is not a throw: a failed Result, or `false` from a predicate. */
function refused(name: string, result: unknown): boolean {
  try {
    if (typeof result === 'object' && result !== null && (result as { ok?: unknown }).ok === false) return true;
  } catch {
    return true; // a result that is the caller's own hostile object: nothing to compare
  }
  return isPredicate(name) && result === false;
}

function describeError(e: unknown): string {
  if (e === USER_ERROR) return 'the caller’s own exception (of a getter or trap), unchanged';
  if (e === CALLBACK_ERROR) return 'the caller’s own exception (of a callback), unchanged';
  if (e instanceof Error) return `${e.name}: ${e.message.slice(0, 200)}`;
  return `non-Error ${show(e, 100)}`;
}
