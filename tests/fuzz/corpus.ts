/**
 * The functions under fuzz and the valid inputs to start from.
 *
 * Functions: every exported function of every public module, enumerated from the module
 * barrels `src/<module>/index.ts` (the list of scripts/modules.mjs), so that a new export or a
 * new module is fuzzed without touching this suite. Classes (capitalised) are left out.
 *
 * Valid inputs: the worked examples. Every `@example` in src/ and every ```ts block of
 * docs/guides/ is run once with its imports pointed at recording wrappers, which keep the
 * arguments of each call of a public function (and of the functions those calls return, such
 * as `seasonalNaiveMethod(4)`). Those argument lists are the seeds the fuzzer perturbs.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';
import { libraryModules, NODE_ONLY_MODULES, ROOT } from '../../scripts/modules.mjs';
import { instrument } from '../docs/run-example.js';

/** A function under fuzz: `module.name`, or `module.name→` for a function it returned. */
export interface Target {
  readonly module: string;
  readonly name: string;
  readonly fn: (...args: unknown[]) => unknown;
}

/**
 * The public modules, in order — without the Node-only ones (revops/parallel starts worker
 * threads and reads files, and returns promises; tests/parallel covers its refusals).
 */
export const MODULES: readonly string[] = libraryModules().filter((m) => !NODE_ONLY_MODULES.includes(m));

/** Loads every public module's barrel and lists its functions. */
export async function loadTargets(): Promise<{ targets: Target[]; namespaces: Record<string, object> }> {
  const namespaces: Record<string, object> = {};
  const targets: Target[] = [];
  for (const m of MODULES) {
    const ns = (await import(/* @vite-ignore */ join(ROOT, 'src', m, 'index.ts'))) as Record<string, unknown>;
    namespaces[m] = ns;
    for (const [name, v] of Object.entries(ns)) {
      if (typeof v === 'function' && !/^[A-Z]/.test(name)) {
        targets.push({ module: m, name, fn: v as (...args: unknown[]) => unknown });
      }
    }
  }
  return { targets, namespaces };
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** The ```ts code of every `@example` in src/ (as tests/docs/examples.test.ts finds them). */
function jsdocExamples(): string[] {
  const out: string[] = [];
  for (const file of walk(join(ROOT, 'src'))) {
    let inExample = false;
    let inCode = false;
    let buf: string[] = [];
    for (const raw of readFileSync(file, 'utf8').split('\n')) {
      const text = raw.replace(/^\s*\*\s?/, '');
      if (/^\s*\*\s*@example/.test(raw)) inExample = true;
      else if (inExample && !inCode && text.startsWith('```')) {
        inCode = true;
        buf = [];
      } else if (inCode && text.startsWith('```')) {
        out.push(buf.join('\n'));
        inCode = inExample = false;
      } else if (inCode) buf.push(text);
      else if (inExample && /^\s*\*\/\s*$/.test(raw)) inExample = false;
    }
  }
  return out;
}

/** The ```ts blocks of docs/guides/*.md. */
function guideBlocks(): string[] {
  const dir = join(ROOT, 'docs/guides');
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.md'));
  } catch {
    return [];
  }
  return files.flatMap((f) =>
    [...readFileSync(join(dir, f), 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)]
      .map((m) => m[1] ?? '')
      .filter((b) => b.includes('//=>'))
      .map((b) => b.replace(/;[ \t]*\/\/=>(.*)$/gm, ';\n//=>$1')),
  );
}

/** Turns `import { a, b as c } from 'revops/x'` into reads of the recording namespaces. */
function pointImportsAtRecorder(js: string): string | null {
  let ok = true;
  const out = js.replace(/import\s+([^;]*?)\s+from\s+["']([^"']+)["'];?/g, (_m, clause: string, spec: string) => {
    const key = spec === 'revops' ? '' : spec.startsWith('revops/') ? spec.slice('revops/'.length) : null;
    if (key === null) {
      ok = false;
      return '';
    }
    const ns = `__rec[${JSON.stringify(key)}]`;
    const star = /^\*\s+as\s+(\w+)$/.exec(clause.trim());
    if (star) return `const ${star[1]} = ${ns};`;
    const named = /^\{([\s\S]*)\}$/.exec(clause.trim());
    if (!named) {
      ok = false;
      return '';
    }
    const fields = (named[1] ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '')
      .map((s) => s.replace(/\s+as\s+/, ': '));
    return `const { ${fields.join(', ')} } = ${ns};`;
  });
  return ok ? out : null;
}

/** A recorded call: the arguments a worked example passed. */
export type Seeds = Map<string, unknown[][]>;

/** Keeps at most this many distinct argument lists per function. */
const MAX_SEEDS = 12;

function record(seeds: Seeds, key: string, args: unknown[]): void {
  let list = seeds.get(key);
  if (list === undefined) seeds.set(key, (list = []));
  if (list.length < MAX_SEEDS) list.push(args);
}

/** Wraps a returned function (or the methods of a returned plain object) to record its calls too. */
function wrapReturned(
  seeds: Seeds,
  key: string,
  value: unknown,
  targets: Map<string, Target>,
  module: string,
): unknown {
  if (typeof value === 'function' && !/^[A-Z]/.test(value.name)) {
    const inner = value as (...args: unknown[]) => unknown;
    const k = `${key}→`;
    if (!targets.has(k)) targets.set(k, { module, name: k.slice(module.length + 1), fn: inner });
    return (...args: unknown[]) => {
      record(seeds, k, args);
      return inner(...args);
    };
  }
  return value;
}

/**
 * Runs every worked example against recording wrappers and returns the argument lists each
 * public function was called with, plus the functions those calls returned (`name→`), as
 * extra targets.
 */
export async function collectSeeds(
  namespaces: Record<string, object>,
  targets: Target[],
): Promise<{ seeds: Seeds; returned: Target[]; blocks: number; failedBlocks: number }> {
  const seeds: Seeds = new Map();
  const byKey = new Map<string, Target>(targets.map((t) => [`${t.module}.${t.name}`, t]));
  const returnedTargets = new Map<string, Target>();
  const owner = new Map<unknown, string>(targets.map((t) => [t.fn, `${t.module}.${t.name}`]));
  const wrapped = new Map<unknown, unknown>();
  const wrap = (fn: unknown): unknown => {
    const key = owner.get(fn);
    if (key === undefined) return fn;
    let w = wrapped.get(fn);
    if (w === undefined) {
      const module = key.slice(0, key.indexOf('.'));
      const f = fn as (...args: unknown[]) => unknown;
      w = (...args: unknown[]) => {
        record(seeds, key, args);
        return wrapReturned(seeds, key, f(...args), returnedTargets, module);
      };
      wrapped.set(fn, w);
    }
    return w;
  };
  const rec: Record<string, Record<string, unknown>> = {};
  for (const [m, ns] of Object.entries(namespaces)) {
    rec[m] = Object.fromEntries(Object.entries(ns).map(([k, v]) => [k, wrap(v)]));
  }
  rec[''] = Object.assign({}, ...Object.values(rec));

  const blocks = [...jsdocExamples(), ...guideBlocks()];
  let failedBlocks = 0;
  const lenient = 'const __check = (f) => { try { f(); } catch {} }; const __throws = __check;';
  for (const code of blocks) {
    try {
      const { body } = instrument(code);
      const js = transformSync(body, { loader: 'ts', format: 'esm' }).code;
      const pointed = pointImportsAtRecorder(js);
      if (pointed === null) {
        failedBlocks++;
        continue;
      }
      const run = new Function('__rec', `${lenient}\nreturn (async () => {\n${pointed}\n})();`) as (
        r: unknown,
      ) => Promise<void>;
      await run(rec);
    } catch {
      failedBlocks++;
    }
  }
  void byKey;
  return { seeds, returned: [...returnedTargets.values()], blocks: blocks.length, failedBlocks };
}
