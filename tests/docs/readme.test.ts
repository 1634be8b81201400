/**
 * The README's tour is code that runs: `stmt; //=> value` on one line asserts the value.
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runExample } from './run-example.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const outDir = join(root, `tests/docs/.readme-${process.pid}`);
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const tour = /## A tour\s+```ts\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';

describe('README tour', () => {
  mkdirSync(outDir, { recursive: true });
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('has a tour', () => {
    expect(tour.split('//=>').length - 1).toBeGreaterThan(10);
  });

  it('runs, and every //=> value is what the code returns', async () => {
    // one assertion per line: move a trailing `//=> value` onto its own line
    const code = tour.replace(/;[ \t]*\/\/=>(.*)$/gm, ';\n//=>$1');
    await runExample(code, join(outDir, 'tour.ts'), 'README.md tour');
  });
});
