#!/usr/bin/env node
// Fails (exit 1) when package.json `exports` or `typesVersions`, docs/typedoc.json `entryPoints` or the root
// barrel src/index.ts disagree with the module list of scripts/modules.mjs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { libraryModules, NODE_ONLY_MODULES, ROOT } from './modules.mjs';

const modules = libraryModules();
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const problems = [];

/** The exports entry every module (and the root, base '') must have, in this key order. */
function expectedEntry(base) {
  return {
    import: { types: `./dist/${base}index.d.ts`, default: `./dist/${base}index.js` },
    require: { types: `./dist/${base}index.d.cts`, default: `./dist/${base}index.cjs` },
  };
}

const expected = { '.': expectedEntry('') };
for (const m of modules) expected[`./${m}`] = expectedEntry(`${m}/`);
expected['./package.json'] = './package.json';

const actual = pkg.exports ?? {};
const want = Object.keys(expected);
const have = Object.keys(actual);
for (const key of want) if (!have.includes(key)) problems.push(`package.json exports lacks "${key}"`);
for (const key of have)
  if (!want.includes(key))
    problems.push(`package.json exports has "${key}", which is not a module of src/ (scripts/modules.mjs)`);
for (const key of want) {
  if (!(key in actual)) continue;
  // JSON.stringify compares key order too: "types" must come first in each condition.
  if (JSON.stringify(actual[key]) !== JSON.stringify(expected[key])) {
    problems.push(
      `package.json exports["${key}"] should be ${JSON.stringify(expected[key])}, is ${JSON.stringify(actual[key])}`,
    );
  }
}

// TypeScript's node10 resolution ignores `exports`; typesVersions gives it the subpaths' types.
const typesVersions = pkg.typesVersions?.['*'] ?? {};
const wantTypes = Object.fromEntries(modules.map((m) => [m, [`./dist/${m}/index.d.cts`]]));
if (JSON.stringify(Object.keys(typesVersions).sort()) !== JSON.stringify(Object.keys(wantTypes).sort())) {
  problems.push(
    `package.json typesVersions["*"] should map exactly ${modules.join(', ')}, ` +
      `maps ${Object.keys(typesVersions).join(', ')}`,
  );
}
for (const m of modules) {
  if (typesVersions[m] && JSON.stringify(typesVersions[m]) !== JSON.stringify(wantTypes[m])) {
    problems.push(`package.json typesVersions["*"]["${m}"] should be ${JSON.stringify(wantTypes[m])}`);
  }
}

const topLevel = { main: './dist/index.cjs', module: './dist/index.js', types: './dist/index.d.cts' };
for (const [field, value] of Object.entries(topLevel)) {
  if (pkg[field] !== value)
    problems.push(`package.json "${field}" should be "${value}", is ${JSON.stringify(pkg[field])}`);
}
if (pkg.bin?.revops !== './dist/cli/index.js') problems.push('package.json bin.revops should be "./dist/cli/index.js"');
if (pkg.sideEffects !== false) problems.push('package.json sideEffects should be false');

const typedoc = JSON.parse(readFileSync(join(ROOT, 'docs/typedoc.json'), 'utf8'));
const entryPoints = ['../src/index.ts', ...modules.map((m) => `../src/${m}/index.ts`)];
const docEntries = typedoc.entryPoints ?? [];
for (const e of entryPoints) if (!docEntries.includes(e)) problems.push(`docs/typedoc.json entryPoints lacks "${e}"`);
for (const e of docEntries)
  if (!entryPoints.includes(e)) problems.push(`docs/typedoc.json entryPoints has "${e}", which is not a module`);

const barrel = readFileSync(join(ROOT, 'src/index.ts'), 'utf8');
for (const m of modules) {
  const reexported = barrel.includes(`from './${m}/index.js'`);
  if (NODE_ONLY_MODULES.includes(m)) {
    if (reexported) problems.push(`src/index.ts re-exports the Node-only module './${m}/index.js'`);
  } else if (!reexported) problems.push(`src/index.ts does not re-export './${m}/index.js'`);
}

if (problems.length > 0) {
  console.error(`check-exports: ${problems.length} problem(s)\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(
  'check-exports: package.json exports and typesVersions, docs/typedoc.json and src/index.ts agree on ' +
    `${modules.length} modules: ${modules.join(', ')}`,
);
