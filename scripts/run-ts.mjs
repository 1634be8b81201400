#!/usr/bin/env node
// Runs a TypeScript file with Node 20 (which has no TypeScript support of its own):
// bundles it with esbuild to a temporary ES module, leaving packages external, then imports it.
// Usage: node scripts/run-ts.mjs path/to/file.ts [args...]
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [file, ...args] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/run-ts.mjs <file.ts> [args...]');
  process.exit(2);
}
const dir = mkdtempSync(join(resolve('node_modules'), '.run-ts-'));
const out = join(dir, 'entry.mjs');
try {
  await build({
    entryPoints: [resolve(file)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node18',
    packages: 'external',
    outfile: out,
    logLevel: 'error',
    loader: { '.json': 'json' },
  });
  process.argv = [process.argv[0], resolve(file), ...args];
  await import(pathToFileURL(out).href);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
