/**
 * Every function of the public API (what the package root exports) has a TSDoc comment with
 * an `@example`, which tests/docs/examples.test.ts then executes.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as revops from '../../src/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? (n === 'cli' ? [] : walk(p)) : p.endsWith('.ts') ? [p] : [];
  });
const sources = walk(join(root, 'src')).map((f) => readFileSync(f, 'utf8'));

/** The TSDoc blocks right before each `export function name(` or `export const name =` in src/. */
function docsOf(name: string): string[] {
  const decl = new RegExp(`\\*/\\s*export (?:async )?(?:function\\*? ${name}\\s*[(<]|const ${name}\\b)`);
  return sources.flatMap((text) => {
    const m = decl.exec(text);
    return m ? [text.slice(text.lastIndexOf('/**', m.index), m.index)] : [];
  });
}

describe('public API documentation', () => {
  const functions = Object.entries(revops)
    .filter(([, v]) => typeof v === 'function' && !/^[A-Z]/.test(v.name))
    .map(([k]) => k)
    .sort();

  it('finds the public functions', () => {
    expect(functions.length).toBeGreaterThan(100);
  });

  it('every public function has TSDoc with an @example', () => {
    // (a name declared in two files, one of them internal, passes when one declaration has it)
    const missing = functions.filter((name) => !docsOf(name).some((doc) => doc.includes('@example')));
    expect(missing).toEqual([]);
  });
});
