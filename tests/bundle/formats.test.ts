/**
 * The built package loads in both formats, through package.json `exports`, in plain Node:
 * `import` (named and namespace) and `require` of the root and every subpath, with the same
 * export names as the source. Node runs in a child process so that neither vitest nor vite
 * resolves or transforms anything.
 */
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, ROOT, SPECIFIERS, sourceOf } from './helpers.js';
import { NODE_ONLY_MODULES } from '../../scripts/modules.mjs';

interface Loaded {
  names: Record<string, { esm: string[]; cjs: string[]; esmUrl: string; cjsPath: string }>;
  calls: Record<string, unknown>;
}

/** A Node ESM script that imports and requires everything, and prints what it got as JSON. */
function probeScript(): string {
  const q = JSON.stringify;
  return [
    `import { createRequire } from 'node:module';`,
    ...SPECIFIERS.map((s, i) => `import * as ns${i} from ${q(s)};`),
    `import { money as rootMoney } from 'revops';`,
    `import { money as coreMoney } from 'revops/core';`,
    `const require = createRequire(process.cwd() + '/package.json');`,
    `const out = { names: {}, calls: {} };`,
    ...SPECIFIERS.map(
      (s, i) =>
        `out.names[${q(s)}] = { esm: Object.keys(ns${i}), cjs: Object.keys(require(${q(s)})), ` +
        `esmUrl: import.meta.resolve(${q(s)}), cjsPath: require.resolve(${q(s)}) };`,
    ),
    `const { money: cjsCoreMoney } = require('revops/core');`,
    `out.calls['import { money } from "revops"'] = rootMoney(0.1, 'USD');`,
    `out.calls['import { money } from "revops/core"'] = coreMoney(0.1, 'USD');`,
    `out.calls['import * as ns from "revops"'] = ns0.money(0.1, 'USD');`,
    `out.calls['import * as ns from "revops/core"'] = ns${SPECIFIERS.indexOf('revops/core')}.money(0.1, 'USD');`,
    `out.calls['require("revops").money'] = require('revops').money(0.1, 'USD');`,
    `out.calls['const { money } = require("revops/core")'] = cjsCoreMoney(0.1, 'USD');`,
    `console.log(JSON.stringify(out));`,
  ].join('\n');
}

/** The runtime export names of a source entry, as esbuild sees them (type-only exports excluded). */
async function sourceExports(file: string): Promise<string[]> {
  const result = await build({
    entryPoints: [file],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    packages: 'external',
    write: false,
    metafile: true,
    outdir: 'out',
    logLevel: 'silent',
  });
  const output = Object.values(result.metafile.outputs)[0];
  return [...(output?.exports ?? [])].sort();
}

let loaded: Loaded;
const expected: Record<string, string[]> = {};

beforeAll(async () => {
  assertBuilt();
  const stdout = execFileSync(process.execPath, ['--input-type=module', '-e', probeScript()], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  loaded = JSON.parse(stdout) as Loaded;
  for (const s of SPECIFIERS) expected[s] = await sourceExports(sourceOf(s));
});

describe.each(SPECIFIERS)('%s', (specifier) => {
  const sub = specifier === 'revops' ? '' : `${specifier.slice('revops/'.length)}/`;

  it('resolves to dist/ through package.json exports', () => {
    const got = loaded.names[specifier];
    expect(got?.esmUrl).toMatch(new RegExp(`/dist/${sub}index\\.js$`));
    expect(got?.cjsPath).toMatch(new RegExp(`[/\\\\]dist[/\\\\]${sub.replace('/', '[/\\\\]')}index\\.cjs$`));
  });

  it('has the same export names with import and require, and as in the source', () => {
    const got = loaded.names[specifier];
    const esm = [...(got?.esm ?? [])].sort();
    const cjs = [...(got?.cjs ?? [])].sort();
    const source = expected[specifier] ?? [];
    expect(cjs).toEqual(esm);
    expect(esm).toEqual(source);
    // non-empty exactly when the source module exports a value (placeholders are `export {}`)
    expect(esm.length > 0).toBe(source.length > 0);
  });
});

describe('the root', () => {
  it('re-exports every module (but the Node-only ones, which it must not load)', () => {
    const root = new Set(loaded.names['revops']?.esm);
    for (const s of SPECIFIERS.slice(1).filter((x) => !NODE_ONLY_MODULES.includes(x.slice('revops/'.length)))) {
      const missing = (loaded.names[s]?.esm ?? []).filter((n) => !root.has(n));
      expect(missing, `${s} exports missing from revops`).toEqual([]);
    }
  });
});

describe('money(0.1, "USD") through each format', () => {
  it.each([
    'import { money } from "revops"',
    'import { money } from "revops/core"',
    'import * as ns from "revops"',
    'import * as ns from "revops/core"',
    'require("revops").money',
    'const { money } = require("revops/core")',
  ])('%s', (how) => {
    expect(loaded.calls[how]).toEqual({ amount: '0.10', currency: 'USD' });
  });
});
