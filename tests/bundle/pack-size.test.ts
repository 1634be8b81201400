/**
 * The npm tarball, as `npm pack` would make it of the built working copy: what it carries and a
 * budget on its size, so that it cannot grow silently. Measured 2026-12-03 at 710,648 B packed
 * (gzip -9 per group: ESM .js 189 KB, CJS .cjs 198 KB, the one .d.cts tree 177 KB — the ESM .d.ts
 * are one-line re-exports of it —, the global IIFE bundle without zod 110 KB, docs/guides 34 KB,
 * the CLI 28 KB, CHANGELOG 26 KB); 968,539 B before the .d.ts, zod-in-the-global and dist/sample
 * went; 722,832 B on 2026-12-03 23:20 with revops/parallel's file-range reader and the session's fixes
 * (budget 720,000 → 735,000); 745,728 B on 2026-12-04 02:15 with issue 14's readers for hostile input in
 * retention, commission, model and metrics and parallel's per-member accumulator (735,000 → 760,000);
 * 760,353 B on 2026-12-04 08:40 with the import's fast path for schema checks (src/import/fast-verify.ts,
 * +4.6 KB over 755,497 B at 1db8ddf, in the ESM, CJS and global builds) and its CHANGELOG line (760,000 → 765,000);
 * 773,878 B on 2026-12-04 08:55 with one boundary `try` and `readFailure` in each of 151 public functions, naming
 * the field whose getter or proxy trap threw (issue 14) (765,000 → 780,000); 780,237 B on 2026-12-04 14:10 with
 * revops/parallel's statements ids moved as bytes (IdBytes, its compaction, the worker's `moved`: +1.5 KB over
 * the ESM and CJS builds) and the session's CHANGELOG and guide lines, already shortened (780,000 → 785,000).
 * Raise the budget on purpose, with a CHANGELOG line, never to make a test pass.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertBuilt, ROOT } from './helpers.js';

const PACKED_BUDGET = 785_000; // bytes, gzipped tarball
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

interface Pack {
  size: number;
  files: { path: string }[];
}

describe('the npm tarball', () => {
  it(`is at most ${PACKED_BUDGET} bytes and leaves out what a user does not need`, () => {
    assertBuilt();
    const out = execFileSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts', '--loglevel=error'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    const [pack] = JSON.parse(out) as Pack[];
    const paths = pack?.files.map((f) => f.path) ?? [];
    expect(paths).toContain('dist/cli/index.js');
    expect(paths).toContain('dist/revops.global.js');
    expect(paths.filter((p) => /^dist\/(warehouse|_isolated|sample)\/|\.map$|^src\/|^tests\//.test(p))).toEqual([]);
    // one declaration tree (.d.cts): each ESM entry's .d.ts is one line re-exporting its .d.cts
    for (const p of paths.filter((x) => x.endsWith('.d.ts'))) {
      const base = p.slice(p.lastIndexOf('/') + 1, -'.d.ts'.length);
      expect(readFileSync(join(ROOT, p), 'utf8'), p).toBe(`export * from './${base}.cjs';\n`);
      expect(paths, p).toContain(p.replace(/\.d\.ts$/, '.d.cts'));
    }
    expect(pack?.size).toBeLessThanOrEqual(PACKED_BUDGET);
  });
});
