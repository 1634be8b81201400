/**
 * Runs every `@example` in the JSDoc of src/ as a test, so the docs cannot drift.
 *
 * An example is a ```ts block. A line `//=> value` asserts that the statement just before it
 * evaluates to `value` (deep equality); `//=> throws CODE` asserts that it throws a
 * RevopsError with that code. Imports of `revops` and `revops/<module>` are pointed at src/.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runExample } from './run-example.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const srcDir = join(root, 'src');
const outDir = join(root, `tests/docs/.examples-${process.pid}`);

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
      await runExample(ex.code, join(outDir, `example-${n}.ts`), where);
    });
  });
});
