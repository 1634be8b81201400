#!/usr/bin/env node
// `npm run bench [-- file-filter] [--reps N]`: bundles every bench/*.bench.ts whose file name
// contains the filter (with the harness and the src/ it imports) into one temporary .mjs with
// esbuild, runs it with Node and merges the results into bench/results.json (see bench/harness.ts:
// interleaved, CPU time, ≥ 7 repetitions, ratio median with min–max). Node 20 cannot run
// TypeScript itself, and bundling keeps this free of any loader or vitest.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const benchDir = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const repsAt = args.indexOf('--reps');
const repetitions = repsAt >= 0 ? Number(args[repsAt + 1]) : 9;
if (!(Number.isInteger(repetitions) && repetitions >= 7)) {
  console.error('--reps must be an integer of at least 7');
  process.exit(1);
}
const filter = args.find((a, i) => !a.startsWith('--') && (repsAt < 0 || i !== repsAt + 1)) ?? '';
const files = readdirSync(benchDir)
  .filter((f) => f.endsWith('.bench.ts') && f.includes(filter))
  .sort();
if (files.length === 0) {
  console.error(`no bench/*.bench.ts file matches "${filter}"`);
  process.exit(1);
}

const q = JSON.stringify;
const entry = [
  `import { runBenchmarks } from './harness.ts';`,
  ...files.map((f, i) => `import { cases as cases${i} } from ${q(`./${f}`)};`),
  `await runBenchmarks([${files.map((f, i) => `{ file: ${q(f)}, cases: cases${i} }`).join(', ')}], {`,
  `  out: ${q(join(benchDir, 'results.json'))},`,
  `  repetitions: ${repetitions},`,
  `});`,
].join('\n');

const tmp = mkdtempSync(join(tmpdir(), 'revops-bench-'));
try {
  const outfile = join(tmp, 'bench.mjs');
  await build({
    stdin: { contents: entry, resolveDir: benchDir, sourcefile: 'bench-entry.ts', loader: 'ts' },
    bundle: true, // dependencies too: the temporary file has no node_modules next to it
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'warning',
  });
  await import(pathToFileURL(outfile).href);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
