/**
 * Every ESM file of dist/ (outside the Node-only dist/cli and dist/parallel) runs on an edge
 * runtime: no `node:` import, no bare Node built-in import (`fs`, `crypto`, …), no `require`,
 * no `eval`, no `new Function` / `Function(…)` (workerd refuses code generation from strings:
 * Cloudflare, "Workers runtime APIs: Web standards"). Checked on acorn's parse of each file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { type Node, parse } from 'acorn';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, ROOT } from './helpers.js';

const DIST = join(ROOT, 'dist');
/** Node-only entry points, and dist/warehouse: function bodies embedded in SQL, not ES modules. */
const NOT_EDGE = ['cli', 'parallel', 'warehouse'];
const BUILTINS = new Set(builtinModules);

/** The entry points an edge user can import: every index.js of dist/ outside {@link NOT_EDGE}. */
function edgeEntries(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    if (d.isDirectory()) return dir === DIST && NOT_EDGE.includes(d.name) ? [] : edgeEntries(p);
    return d.name === 'index.js' ? [p] : [];
  });
}

/**
 * The ESM files an edge user's import loads: the entry points and every chunk they import,
 * transitively. A chunk shared only by the Node-only entries (dist/parallel's file reader) is
 * not among them.
 */
function esmFiles(dir: string): string[] {
  const seen = new Set<string>();
  const queue = edgeEntries(dir);
  while (queue.length > 0) {
    const f = queue.pop() as string;
    if (seen.has(f)) continue;
    seen.add(f);
    for (const m of readFileSync(f, 'utf8').matchAll(
      /\bfrom\s*"(\.{1,2}\/[^"]+\.js)"|\bimport\s*"(\.{1,2}\/[^"]+\.js)"/g,
    )) {
      queue.push(join(dirname(f), (m[1] ?? m[2]) as string));
    }
  }
  return [...seen];
}

function* nodes(node: unknown): Generator<Node & Record<string, unknown>> {
  if (Array.isArray(node)) {
    for (const n of node) yield* nodes(n);
  } else if (typeof node === 'object' && node !== null && typeof (node as { type?: unknown }).type === 'string') {
    yield node as Node & Record<string, unknown>;
    for (const [k, v] of Object.entries(node)) if (k !== 'loc' && typeof v === 'object') yield* nodes(v);
  }
}

/** What in one ESM file an edge runtime would refuse. */
function edgeProblems(code: string): string[] {
  const found: string[] = [];
  const name = (n: unknown): string | undefined => (n as { name?: string } | null)?.name;
  for (const n of nodes(parse(code, { ecmaVersion: 'latest', sourceType: 'module' }))) {
    const source = (n['source'] as { value?: unknown } | null | undefined)?.value;
    if (typeof source === 'string' && (source.startsWith('node:') || BUILTINS.has(source.split('/')[0] ?? ''))) {
      found.push(`import "${source}"`);
    }
    if (n.type === 'ImportExpression') found.push('import()');
    if (n.type === 'CallExpression' && ['eval', 'require', 'Function'].includes(name(n['callee']) ?? '')) {
      found.push(`${name(n['callee'])}(…)`);
    }
    if (n.type === 'NewExpression' && name(n['callee']) === 'Function') found.push('new Function');
  }
  return found;
}

let files: string[] = [];
beforeAll(() => {
  assertBuilt();
  files = esmFiles(DIST);
});

describe('dist/ ESM for edge runtimes', () => {
  it('finds the ESM files (entry points and chunks)', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it('has no Node built-in import, require, eval or Function constructor', () => {
    const problems = files.flatMap((f) =>
      edgeProblems(readFileSync(f, 'utf8')).map((p) => `${relative(ROOT, f)}: ${p}`),
    );
    expect(problems).toEqual([]);
  });

  it('would catch each of them', () => {
    const bad = [
      "import { readFileSync } from 'node:fs';",
      "import fs from 'fs';",
      "export * from 'crypto';",
      "const m = await import('x');",
      'eval("1");',
      'new Function("return 1");',
      'Function("return 1")();',
      "require('zod');",
    ];
    expect(bad.map((b) => edgeProblems(b).length)).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
    expect(edgeProblems("import * as z from 'zod'; const s = 'node:fs eval';")).toEqual([]);
  });
});
