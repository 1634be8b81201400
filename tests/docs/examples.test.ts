/**
 * Runs every `@example` in the JSDoc of src/ as a test, so the docs cannot drift.
 *
 * An example is a ```ts block. A line `//=> value` asserts that the statement just before it
 * evaluates to `value` (deep equality); `//=> throws CODE` asserts that it throws a
 * RevopsError with that code. Imports of `revops` and `revops/<module>` are pointed at src/.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const srcDir = join(root, 'src');
const outDir = join(root, 'tests/docs/.examples');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.ts') ? [p] : [];
  });
}

interface Example {
  file: string;
  line: number;
  code: string;
}

function extract(file: string): Example[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const out: Example[] = [];
  let inExample = false;
  let inCode = false;
  let buf: string[] = [];
  let start = 0;
  lines.forEach((raw, i) => {
    const text = raw.replace(/^\s*\*\s?/, '');
    if (/^\s*\*\s*@example/.test(raw)) {
      inExample = true;
      return;
    }
    if (inExample && !inCode && text.startsWith('```')) {
      inCode = true;
      buf = [];
      start = i + 2;
      return;
    }
    if (inCode && text.startsWith('```')) {
      out.push({ file, line: start, code: buf.join('\n') });
      inCode = false;
      inExample = false;
      return;
    }
    if (inCode) buf.push(text);
    if (inExample && /^\s*\*\/\s*$/.test(raw)) inExample = false;
  });
  return out;
}

/** Turns `stmt;\n//=> value` pairs into `__check(() => (stmt), value)` calls. */
function instrument(code: string): { body: string; checks: number } {
  const out: string[] = [];
  let last: string[] | null = null; // last complete statement, held back until we know whether a //=> follows
  let cur: string[] = [];
  let checks = 0;
  const balanced = (text: string): boolean =>
    ['()', '[]', '{}'].every(([o, c]) => text.split(o as string).length === text.split(c as string).length);
  for (const line of code.split('\n')) {
    const arrow = /^\s*\/\/=>\s?(.*)$/.exec(line);
    if (arrow) {
      const stmt = (last ?? []).join('\n').trim().replace(/;\s*$/, '');
      last = null;
      if (stmt === '') throw new Error('//=> without a statement before it');
      const expected = (arrow[1] ?? '').trim();
      const thrown = /^throws\s+(\w+)$/.exec(expected);
      checks++;
      out.push(thrown ? `__throws(() => (${stmt}), ${JSON.stringify(thrown[1])});` : `__check(() => (${stmt}), ${expected});`);
      continue;
    }
    cur.push(line);
    const text = cur.join('\n');
    if (/;\s*$/.test(line) && balanced(text)) {
      if (last) out.push(...last);
      last = cur;
      cur = [];
    }
  }
  if (last) out.push(...last);
  out.push(...cur);
  return { body: out.join('\n'), checks };
}

function pointImports(code: string, fromFile: string): string {
  return code.replace(/from '(revops(?:\/[a-z]+)?)'/g, (_m, spec: string) => {
    const mod = spec === 'revops' ? 'index.ts' : `${spec.slice('revops/'.length)}/index.ts`;
    let rel = relative(dirname(fromFile), join(srcDir, mod)).replace(/\\/g, '/');
    if (!rel.startsWith('.')) rel = `./${rel}`;
    return `from '${rel}'`;
  });
}

const examples = walk(srcDir).flatMap(extract);
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('JSDoc @example blocks', () => {
  it('finds examples to run', () => {
    expect(examples.length).toBeGreaterThan(20);
  });

  examples.forEach((ex, n) => {
    const where = `${relative(root, ex.file)}:${ex.line}`;
    it(where, async () => {
      const { body, checks } = instrument(ex.code);
      expect(checks, `${where} has no //=> assertion`).toBeGreaterThan(0);
      const target = join(outDir, `example-${n}.ts`);
      const header = [
        `import { expect } from 'vitest';`,
        `const __check = (f: () => unknown, expected: unknown) => { expect(f()).toEqual(expected); };`,
        `const __throws = (f: () => unknown, code: string) => { let e: unknown; try { f(); } catch (x) { e = x; } expect(e, 'expected a throw').toBeDefined(); expect((e as { code?: string }).code).toBe(code); };`,
      ].join('\n');
      const imports = body.split('\n').filter((l) => /^\s*import\s/.test(l));
      const rest = body.split('\n').filter((l) => !/^\s*import\s/.test(l));
      writeFileSync(target, `${pointImports(imports.join('\n'), target)}\n${header}\nexport async function run() {\n${rest.join('\n')}\n}\n`);
      const mod = (await import(/* @vite-ignore */ target)) as { run: () => Promise<void> };
      await mod.run();
    });
  });
});
