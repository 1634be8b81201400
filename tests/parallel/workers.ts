/** The worker script for tests: src/parallel/worker.ts bundled to one ES module (Node cannot run TypeScript). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

/** Bundles the worker into a temporary directory; returns its path and a cleanup. */
export async function bundleWorker(): Promise<{ file: string; cleanup: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'revops-worker-'));
  const file = join(dir, 'worker.mjs');
  await build({
    entryPoints: [resolve(__dirname, '../../src/parallel/worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node18',
    outfile: file,
    logLevel: 'error',
  });
  return { file, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
