/**
 * The guides in docs/guides/*.md are code that runs: every ```ts block is executed, and a
 * `stmt; //=> value` (on one line, or `//=>` on the next) asserts the value.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runExample } from './run-example.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const guidesDir = join(root, 'docs/guides');
const outDir = join(root, `tests/docs/.guides-${process.pid}`);
const guides = existsSync(guidesDir) ? readdirSync(guidesDir).filter((f) => f.endsWith('.md')) : [];

describe('docs/guides', () => {
  mkdirSync(outDir, { recursive: true });
  it('has at least 4 guides (so the suite never runs empty)', () => {
    expect(guides.length).toBeGreaterThanOrEqual(4);
  });
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));
  for (const guide of guides) {
    const text = readFileSync(join(guidesDir, guide), 'utf8');
    const blocks = [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
    blocks.forEach((block, i) => {
      if (!block.includes('//=>')) return; // illustration only
      it(`${guide} block ${i + 1}`, async () => {
        const code = block.replace(/;[ \t]*\/\/=>(.*)$/gm, ';\n//=>$1');
        await runExample(
          code,
          join(outDir, `${guide.replace(/\W/g, '_')}-${i}.ts`),
          `docs/guides/${guide} block ${i + 1}`,
        );
      });
    });
  }
});
