/** dist/cli/index.js, the `revops` bin: an ESM Node script with a shebang (once src/cli exists). */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertBuilt, ROOT } from './helpers.js';

const hasCli = existsSync(join(ROOT, 'src/cli/index.ts'));
const bin = join(ROOT, 'dist/cli/index.js');

describe.skipIf(!hasCli)('the revops bin', () => {
  it('is built with a shebang', () => {
    assertBuilt();
    expect(readFileSync(bin, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
  });

  it('runs: revops --help', () => {
    expect(execFileSync(process.execPath, [bin, '--help'], { encoding: 'utf8' })).toContain('revops');
  });
});
