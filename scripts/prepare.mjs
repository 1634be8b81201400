#!/usr/bin/env node
// `prepare`: builds dist/ when it is missing or older than its sources. npm runs `prepare` after
// `npm install` / `npm ci` in a clone and when it installs the package from a git URL
// (`npm install git+https://…/revops.git`): there it clones the repository, installs its
// devDependencies, runs this, and packs the result, so the installed package has dist/.
// In a working copy whose dist/ is up to date it does nothing, so that `npm ci` stays quick.
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

const outputs = ['dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/revops.global.js'].map((f) =>
  join(ROOT, f),
);
const inputs = ['src', 'tsup.config.ts', 'package.json', 'tsconfig.json', 'scripts/modules.mjs'].map((f) =>
  join(ROOT, f),
);
const missing = outputs.filter((f) => !existsSync(f));
const stale =
  missing.length === 0 && Math.min(...outputs.map((f) => statSync(f).mtimeMs)) < Math.max(...inputs.map(newest));

if (missing.length > 0 || stale) {
  console.log(`prepare: ${missing.length > 0 ? 'dist/ is missing' : 'dist/ is older than src/'}: building (tsup)`);
  const tsup = join(ROOT, 'node_modules/tsup');
  const bin = JSON.parse(readFileSync(join(tsup, 'package.json'), 'utf8')).bin.tsup;
  execFileSync(process.execPath, [join(tsup, bin)], { cwd: ROOT, stdio: 'inherit' });
} else {
  console.log('prepare: dist/ is up to date');
}
