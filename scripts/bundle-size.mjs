#!/usr/bin/env node
// What a user pays for one import: bundles `import { name } from 'specifier'` from the built
// package the way an app would (esbuild, minified, tree-shaken, resolved through package.json
// `exports`) and weighs it, minified and gzipped. BUDGETS is the one list of limits; it is
// checked by tests/bundle/size.test.ts (the enforced ones) and printed by `npm run check:size`.
//
// Usage: node scripts/bundle-size.mjs [--all]   (needs dist/: npm run build)
//   prints every budget with its size and the packages in the bundle; exits 1 when an enforced
//   budget (or, with --all, any budget) is exceeded or contains a forbidden dependency.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { ROOT } from './modules.mjs';

/**
 * @typedef {object} Budget
 * @property {string} specifier  the package specifier imported from
 * @property {string} name       the export imported
 * @property {number} limit      gzipped bytes, inclusive
 * @property {string[]} forbid   dependencies that must not be in the bundle
 * @property {boolean} enforced  checked by `npm test` (tests/bundle/size.test.ts)
 */

/** @type {Budget[]} */
export const BUDGETS = [
  { specifier: 'revops', name: 'conversionRate', limit: 1024, forbid: ['decimal.js', 'zod'], enforced: true },
  { specifier: 'revops/commission', name: 'calculateStatement', limit: 30 * 1024, forbid: ['zod'], enforced: true },
];

/** Strings that appear only in each dependency's own code. */
export const MARKERS = { 'decimal.js': 'DecimalError', zod: 'ZodError', 'date-fns': 'date-fns' };

/**
 * @param {Budget} budget
 * @returns {Promise<{ gzip: number, minified: number, code: string, inputs: string[],
 *   packages: Record<string, number> }>} sizes in bytes; `packages`: minified bytes per dependency
 *   (and `revops` for dist/)
 */
export async function measure(budget) {
  const result = await build({
    stdin: {
      contents: `import { ${budget.name} } from '${budget.specifier}';\nglobalThis.out = ${budget.name};\n`,
      // inside the package: esbuild resolves 'revops' as a self-reference, through `exports`
      resolveDir: ROOT,
      loader: 'js',
    },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.text ?? '';
  const output = Object.values(result.metafile.outputs)[0];
  const used = Object.entries(output?.inputs ?? {}).filter(([, v]) => v.bytesInOutput > 0);
  /** @type {Record<string, number>} */
  const packages = {};
  for (const [path, { bytesInOutput }] of used) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path);
    const pkg = m ? m[1] : path.startsWith('dist/') ? 'revops' : path;
    packages[pkg] = (packages[pkg] ?? 0) + bytesInOutput;
  }
  return { gzip: gzipSync(code).length, minified: code.length, code, inputs: used.map(([k]) => k), packages };
}

/** The dependencies of `budget.forbid` found in a measured bundle. */
export function forbiddenIn(budget, measured) {
  return budget.forbid.filter(
    (dep) => measured.packages[dep] !== undefined || measured.code.includes(MARKERS[dep] ?? `\0${dep}`),
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (!existsSync(join(ROOT, 'dist/index.js'))) {
    console.error('bundle-size: dist/ is missing: run `npm run build` first');
    process.exit(2);
  }
  const all = process.argv.includes('--all');
  let failed = 0;
  for (const budget of BUDGETS) {
    const m = await measure(budget);
    const bad = forbiddenIn(budget, m);
    const over = m.gzip > budget.limit;
    const checked = all || budget.enforced;
    const verdict = over || bad.length > 0 ? (checked ? 'FAIL' : 'over (not enforced yet)') : 'ok';
    if (checked && verdict === 'FAIL') failed++;
    const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
    const parts = Object.entries(m.packages)
      .sort((a, b) => b[1] - a[1])
      .map(([p, n]) => `${p} ${kb(n)}`)
      .join(', ');
    console.log(
      `import { ${budget.name} } from '${budget.specifier}': ${kb(m.gzip)} gzipped (limit ${kb(budget.limit)}), ` +
        `${kb(m.minified)} minified [${parts}]` +
        `${bad.length > 0 ? `, contains ${bad.join(', ')}` : ''}: ${verdict}`,
    );
  }
  process.exit(failed > 0 ? 1 : 0);
}
