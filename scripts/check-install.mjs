#!/usr/bin/env node
// `npm run check:install` (run by .ci/run): the package installs from a git URL and works.
//
// Creates a scratch project in a temporary folder and runs `npm install git+file://<this
// repository>#<HEAD commit>` there, as a user would with `npm install github:owner/revops`: npm
// clones the commit, installs its devDependencies, runs `prepare` (scripts/prepare.mjs builds
// dist/) and packs the result. Then it imports the package in plain Node, ESM and CJS, from the
// root and every subpath, calls a function, checks that an error from `revops/model` is
// `instanceof` the RevopsError of `revops/core`, and runs the `revops` bin (`--help`, and `demo`, which
// generates the sample organisation in memory). Last, it reports the
// size of the tarball `npm pack` makes of this working copy.
//
// Only committed work is installed (the HEAD commit); uncommitted changes are not part of it.
// Usage: node scripts/check-install.mjs [--keep]   (--keep leaves the scratch project in place)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { libraryModules, ROOT } from './modules.mjs';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const keep = process.argv.includes('--keep');
const t0 = Date.now();
const seconds = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;

const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT, encoding: 'utf8' });
if (dirty.trim()) console.log('check-install: note: uncommitted changes are not installed (HEAD only)');

const scratch = mkdtempSync(join(tmpdir(), 'revops-install-'));
let failed = false;
try {
  writeFileSync(
    join(scratch, 'package.json'),
    `${JSON.stringify({ name: 'revops-install-check', version: '1.0.0', private: true }, null, 2)}\n`,
  );
  const url = `git+${pathToFileURL(ROOT).href}#${commit}`;
  console.log(`check-install: npm install ${url} (in ${scratch})`);
  execFileSync(npm, ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', url], {
    cwd: scratch,
    stdio: 'inherit',
  });
  const installed = join(scratch, 'node_modules/revops');
  for (const f of ['dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts']) {
    if (!existsSync(join(installed, f))) throw new Error(`the installed package has no ${f}: did prepare run?`);
  }
  console.log(`check-install: installed with dist/ (${seconds()})`);

  const specifiers = ['revops', ...libraryModules().map((m) => `revops/${m}`)];
  const q = JSON.stringify;
  const expected = { amount: '0.10', currency: 'USD' };
  const esm = [
    ...specifiers.map((s, i) => `import * as m${i} from ${q(s)};`),
    `const counts = [${specifiers.map((_, i) => `Object.keys(m${i}).length`).join(', ')}];`,
    `if (counts.some((n) => n === 0)) throw new Error('an entry point exports nothing: ' + counts);`,
    `const got = m0.money(0.1, 'USD');`,
    `if (JSON.stringify(got) !== ${q(JSON.stringify(expected))}) throw new Error('money: ' + JSON.stringify(got));`,
    `console.log('ESM: imported ' + ${q(specifiers.join(', '))} + '; money(0.1, "USD") = ' + JSON.stringify(got));`,
  ].join('\n');
  const cjs = [
    `const root = require('revops');`,
    ...specifiers.map((s) => `if (Object.keys(require(${q(s)})).length === 0) throw new Error(${q(`${s} is empty`)});`),
    `let e; try { require('revops/model').parseDeal({}); } catch (x) { e = x; }`,
    `if (!(e instanceof require('revops/core').RevopsError)) throw new Error('not instanceof RevopsError: ' + e);`,
    `console.log('CJS: required ' + ${q(specifiers.join(', '))} + '; conversionRate(20, 100) = ' +`,
    `  root.conversionRate(20, 100) + '; revops/model error instanceof revops/core RevopsError');`,
  ].join('\n');
  execFileSync(process.execPath, ['--input-type=module', '-e', esm], { cwd: scratch, stdio: 'inherit' });
  execFileSync(process.execPath, ['-e', cjs], { cwd: scratch, stdio: 'inherit' });
  const bin = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')).bin?.revops;
  if (bin) {
    const out = execFileSync(join(scratch, 'node_modules/.bin/revops'), ['--help'], { cwd: scratch, encoding: 'utf8' });
    console.log(`bin: revops --help printed ${out.split('\n').length} lines`);
    // the demo generates the sample organisation in memory from the installed package alone
    const demo = execFileSync(join(scratch, 'node_modules/.bin/revops'), ['demo'], { cwd: scratch, encoding: 'utf8' });
    if (!demo.trim()) throw new Error('revops demo printed nothing');
    console.log(`bin: revops demo printed ${demo.split('\n').length} lines`);
  }

  const [pack] = JSON.parse(
    execFileSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts', '--loglevel=error'], {
      cwd: installed,
      encoding: 'utf8',
    }),
  );
  const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
  console.log(
    `check-install: ok in ${seconds()}; packed tarball ${kb(pack.size)} (${kb(pack.unpackedSize)} unpacked, ` +
      `${pack.entryCount} files)`,
  );
} catch (error) {
  failed = true;
  console.error(`check-install: FAILED: ${error instanceof Error ? error.message : error}`);
} finally {
  if (keep) console.log(`check-install: scratch project kept in ${scratch}`);
  else rmSync(scratch, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
