/** The worker script for tests: src/parallel/worker.ts bundled to one ES module (Node cannot run TypeScript). */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

/** Bundles the worker into a temporary directory under node_modules/.cache; returns its path and a cleanup. */
export async function bundleWorker(): Promise<{ file: string; cleanup: () => void }> {
  // inside the repository, where the bundle's import of piscina finds node_modules
  const cache = resolve(__dirname, '../../node_modules/.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'revops-worker-'));
  const file = join(dir, 'worker.mjs');
  await build({
    entryPoints: [resolve(__dirname, '../../src/parallel/worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node18',
    outfile: file,
    logLevel: 'error',
    // piscina stays the package the pool runs (its `move` marks a result with that package's own symbol)
    external: ['piscina'],
  });
  return { file, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
