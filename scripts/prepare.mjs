#!/usr/bin/env node
// `prepare`: builds dist/ when it is missing or older than what the build reads. npm runs
// `prepare` after `npm install` / `npm ci` in a clone, and when it installs the package from a git
// URL (`npm install github:owner/revops`): it clones the repository, installs its
// devDependencies, runs this, and packs the result, so the installed package has dist/.
// A working copy whose dist/ is newer than every input is left alone, so that `npm ci` stays
// quick; `npm test` builds through this too (scripts/test.sh, step `build`), and `npm run build`
// always builds.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './modules.mjs';

/** Newest modification time (ms) of the files under `path`. */
function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), 0);
}

/** Files every build writes (dist/index.d.cts, from the slower types build, comes last). */
const outputs = ['dist/index.js', 'dist/index.cjs', 'dist/revops.global.js', 'dist/index.d.ts', 'dist/index.d.cts'];
/** What the build reads: the sources, the sample data the CLI ships, the build's configuration. */
const inputs = [
  'src',
  'data',
  'tsup.config.ts',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'scripts/modules.mjs',
];

const missing = outputs.filter((f) => !existsSync(join(ROOT, f)));
const built = missing.length === 0 ? Math.min(...outputs.map((f) => statSync(join(ROOT, f)).mtimeMs)) : 0;
const changed = inputs.filter((f) => existsSync(join(ROOT, f)) && newest(join(ROOT, f)) > built);

if (missing.length > 0 || changed.length > 0) {
  const why = missing.length > 0 ? `${missing.join(', ')} missing` : `${changed.join(', ')} changed since the build`;
  console.log(`prepare: ${why}: building (tsup)`);
  const tsup = join(ROOT, 'node_modules/tsup');
  const bin = JSON.parse(readFileSync(join(tsup, 'package.json'), 'utf8')).bin.tsup;
  execFileSync(process.execPath, [join(tsup, bin)], { cwd: ROOT, stdio: 'inherit' });
} else {
  console.log('prepare: dist/ is newer than src/ and the build configuration: nothing to build');
}
