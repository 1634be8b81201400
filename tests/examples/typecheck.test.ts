/**
 * The examples type-check as a user's project would: examples/tsconfig.json maps `revops` and
 * `revops/*` to src/ (the root tsconfig leaves examples/ out, so that it never resolves
 * `revops` to a stale dist/ and no bundler that reads the root tsconfig sees the mapping).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from '../../scripts/modules.mjs';

it('tsc -p examples/tsconfig.json reports nothing', () => {
  let output = '';
  try {
    execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'examples/tsconfig.json'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
  } catch (e) {
    output = String((e as { stdout?: string }).stdout ?? e);
  }
  expect(output).toBe('');
}, 120_000);
