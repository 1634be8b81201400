/**
 * dist/revops.global.js is a script the spreadsheet hosts accept: no BigInt literal (Apps
 * Script's editor refuses `0n` with "Unexpected token ILLEGAL" though node:vm and its V8 runtime
 * accept it; enuchi/React-Google-Apps-Script issue 236), no module syntax, no `require`, no
 * `node:` specifier. Checked on the parsed script (acorn), not by text search, so a string
 * that happens to hold "0n" does not count.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Node, parse, tokenizer } from 'acorn';
import { beforeAll, describe, expect, it } from 'vitest';
import { lowerBigIntLiterals } from '../../scripts/lower-bigint.mjs';
import { assertBuilt, ROOT } from './helpers.js';

let code = '';

beforeAll(() => {
  assertBuilt();
  code = readFileSync(join(ROOT, 'dist/revops.global.js'), 'utf8');
});

/** Every node of an acorn tree, depth first. */
function* nodes(node: unknown): Generator<Node & Record<string, unknown>> {
  if (Array.isArray(node)) {
    for (const n of node) yield* nodes(n);
  } else if (typeof node === 'object' && node !== null && typeof (node as { type?: unknown }).type === 'string') {
    yield node as Node & Record<string, unknown>;
    for (const [k, v] of Object.entries(node)) if (k !== 'loc' && typeof v === 'object') yield* nodes(v);
  }
}

describe('the global bundle', () => {
  it('parses as a classic script (no import/export), and has no BigInt literal token', () => {
    const bigints: string[] = [];
    for (const t of tokenizer(code, { ecmaVersion: 'latest' })) {
      if (typeof (t as { value?: unknown }).value === 'bigint')
        bigints.push(code.slice(Math.max(0, t.start - 20), t.end + 5));
    }
    expect(bigints).toEqual([]);
    expect(() => parse(code, { ecmaVersion: 2020, sourceType: 'script' })).not.toThrow();
  });

  it('has no require, dynamic import, node: specifier, eval or new Function', () => {
    const found: string[] = [];
    for (const n of nodes(parse(code, { ecmaVersion: 2020, sourceType: 'script' }))) {
      if (n.type === 'ImportExpression') found.push('import()');
      if (n.type === 'Identifier' && (n['name'] === 'require' || n['name'] === 'eval')) found.push(String(n['name']));
      if (n.type === 'NewExpression' && (n['callee'] as { name?: string }).name === 'Function')
        found.push('new Function');
      if (n.type === 'Literal' && typeof n['value'] === 'string' && (n['value'] as string).startsWith('node:')) {
        found.push(String(n['value']));
      }
    }
    expect(found).toEqual([]);
  });

  it('the parse check has teeth: ES2019 refuses a BigInt literal, and the lowering removes it', () => {
    // the check above would pass a bundle that Apps Script refuses if the token scan missed 0n
    expect(() => parse('var x = 10n;', { ecmaVersion: 2019 })).toThrow();
    const lowered = lowerBigIntLiterals('var x = 10n ** 2n, y = "0n", z=-0x1fn;return1');
    expect(lowered.count).toBe(3);
    expect(lowered.code).toBe('var x =  (BigInt("10")) **  (BigInt("2")), y = "0n", z=- (BigInt("31"));return1');
  });
});
