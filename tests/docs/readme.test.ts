/**
 * The README's tour is code that runs: every ```ts block of the "A tour" section (the first,
 * and the import example after it, from a CRM export to a statement) is executed, and
 * `stmt; //=> value` on one line asserts the value.
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runExample } from './run-example.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const outDir = join(root, `tests/docs/.readme-${process.pid}`);
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const section = /## A tour\n([\s\S]*?)(?=\n## |$)/.exec(readme)?.[1] ?? '';
const blocks = [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
const tour = blocks[0] ?? '';

describe('README tour', () => {
  mkdirSync(outDir, { recursive: true });
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('has a tour', () => {
    expect(tour.split('//=>').length - 1).toBeGreaterThan(10);
  });

  it('has the import example: a CRM export to a win rate, a weighted pipeline and a statement in ≤ 15 lines', () => {
    const imports = blocks.filter((b) => b.includes('importDeals('));
    expect(imports).toHaveLength(1);
    const example = imports[0] ?? '';
    expect(example.split('//=>').length).toBeGreaterThan(2);
    for (const call of ['winRate(', 'weightedPipeline(', 'calculateStatement(']) expect(example).toContain(call);
    // issue 11: the README's tour shows the guide's path in at most 15 lines (blank lines not counted)
    expect(example.split('\n').filter((line) => line.trim() !== '').length).toBeLessThanOrEqual(15);
  });

  blocks.forEach((block, i) => {
    it(`block ${i + 1} runs, and every //=> value is what the code returns`, async () => {
      // one assertion per line: move a trailing `//=> value` onto its own line
      const code = block.replace(/;[ \t]*\/\/=>(.*)$/gm, ';\n//=>$1');
      await runExample(code, join(outDir, `tour-${i + 1}.ts`), `README.md tour block ${i + 1}`);
    });
  });
});
