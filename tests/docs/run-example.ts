/**
 * Runs a documentation example as a test: `stmt;` followed by `//=> value` asserts deep
 * equality, `//=> throws CODE` asserts a RevopsError code; imports of `revops` and
 * `revops/<module>` are pointed at src/. Shared by the @example and README tests.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const srcDir = join(root, 'src');

/** Turns `stmt;\n//=> value` pairs into `__check(() => (stmt), value)` calls. */
export function instrument(code: string): { body: string; checks: number } {
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
      out.push(
        thrown ? `__throws(() => (${stmt}), ${JSON.stringify(thrown[1])});` : `__check(() => (${stmt}), ${expected});`,
      );
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

export function pointImports(code: string, fromFile: string): string {
  return code.replace(/from '(revops(?:\/[a-z]+)?)'/g, (_m, spec: string) => {
    const mod = spec === 'revops' ? 'index.ts' : `${spec.slice('revops/'.length)}/index.ts`;
    let rel = relative(dirname(fromFile), join(srcDir, mod)).replace(/\\/g, '/');
    if (!rel.startsWith('.')) rel = `./${rel}`;
    return `from '${rel}'`;
  });
}

/** Writes the instrumented example to `target` and runs it. */
export async function runExample(code: string, target: string, where: string): Promise<void> {
  const { body, checks } = instrument(code);
  expect(checks, `${where} has no //=> assertion`).toBeGreaterThan(0);
  const header = [
    `import { expect } from 'vitest';`,
    `const __check = (f: () => unknown, expected: unknown) => { expect(f()).toEqual(expected); };`,
    `const __throws = (f: () => unknown, code: string) => { let e: unknown; try { f(); } catch (x) { e = x; } ` +
      `expect(e, 'expected a throw').toBeDefined(); expect((e as { code?: string }).code).toBe(code); };`,
  ].join('\n');
  const imports = body.split('\n').filter((l) => /^\s*import\s/.test(l));
  const rest = body.split('\n').filter((l) => !/^\s*import\s/.test(l));
  writeFileSync(
    target,
    `${pointImports(imports.join('\n'), target)}\n${header}\nexport async function run() {\n${rest.join('\n')}\n}\n`,
  );
  const mod = (await import(/* @vite-ignore */ target)) as { run: () => Promise<void> };
  await mod.run();
}
