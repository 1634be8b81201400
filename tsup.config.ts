import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { defineConfig, type Options } from 'tsup';
import { lowerBigIntFile } from './scripts/lower-bigint.mjs';
import { libraryModules, NOT_LIBRARY_MODULES } from './scripts/modules.mjs';
import { buildWarehouse } from './scripts/warehouse.mjs';

/** Runtime dependencies: imported, never bundled, by the ESM and CJS builds. */
const external = ['decimal.js', 'date-fns', 'zod'];
/** What only the Node-only modules (scripts/modules.mjs NODE_ONLY_MODULES) import: piscina and Node's built-ins. */
const nodeExternal = ['piscina', /^node:/];

/**
 * Dependencies that a user's bundler cannot tree-shake: decimal.js has no `sideEffects` field,
 * so any output file that imports it drags in all of it (~32 KB min); zod schemas are
 * top-level calls. See `isolatedEntries`.
 */
const heavy = ['decimal.js', 'zod'];

/** `dist/index.*` for the root and `dist/<module>/index.*` for each module of scripts/modules.mjs. */
const entry: Record<string, string> = { index: 'src/index.ts' };
for (const name of libraryModules()) entry[`${name}/index`] = `src/${name}/index.ts`;
/** revops/parallel's worker script, loaded by piscina from dist/parallel/worker.js. */
entry['parallel/worker'] = 'src/parallel/worker.ts';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    if (d.isDirectory()) return dir === 'src' && NOT_LIBRARY_MODULES.includes(d.name) ? [] : sourceFiles(p);
    return d.name.endsWith('.ts') && !d.name.endsWith('.d.ts') ? [p] : [];
  });
}

/**
 * Extra ESM entry points, one per source file that value-imports a `heavy` dependency.
 *
 * esbuild's code splitting groups code by the set of entry points that reach it, not by
 * source file: without this, `src/core/decimal.ts` (a top-level `Decimal.clone(...)`) lands in
 * the same chunk as plain-number code such as `ratio`, and a user who bundles
 * `import { ratio } from 'revops'` gets all of decimal.js. An extra entry point gives each such
 * file a reachability set of its own, hence its own chunk; the chunks that need it import it,
 * and `sideEffects: false` lets bundlers drop it when nothing from it is used.
 * The entry files themselves (`dist/_isolated/**`) are tiny re-exports that nothing imports and
 * that package.json `exports` does not expose. tests/bundle/size.test.ts guards the result.
 */
function isolatedEntries(): Record<string, string> {
  const valueImport = new RegExp(
    `^\\s*import\\s+(?!type\\b)[^;]*?from\\s+['"](?:${heavy.map((h) => h.replace('.', '\\.')).join('|')})['"]`,
    'm',
  );
  const out: Record<string, string> = {};
  for (const file of sourceFiles('src')) {
    if (valueImport.test(readFileSync(file, 'utf8'))) {
      out[`_isolated/${relative('src', file).replace(/\\/g, '/').replace(/\.ts$/, '')}`] = file;
    }
  }
  return out;
}

/** What the ESM and CJS builds of the library share. */
const library: Options = {
  entry,
  // Both formats are code-split (shared code in dist/chunk-*.js and dist/chunk-*.cjs), so every
  // entry point of a format shares one copy of core: one RevopsError class under `require` as
  // under `import` (tests/bundle/instanceof.test.ts). tsup splits CJS by building ESM chunks and
  // converting them; the result passes publint --strict and attw --pack.
  splitting: true,
  target: ['node18', 'es2022'],
  platform: 'neutral',
  external: [...external, ...nodeExternal],
  // import.meta.url in the CJS build (revops/parallel finds its worker script beside itself)
  shims: true,
  clean: false, // dist/ is emptied once, before every build starts (the default export below)
  sourcemap: false,
  outDir: 'dist',
};

/**
 * The ESM build (`.js`; package.json is "type": "module"). Its type declarations are one line per
 * entry point, `export * from './index.cjs'`, over the CJS build's `.d.cts` tree
 * (`writeEsmDeclarations`): the package ships one declaration tree instead of two identical ones.
 */
const esm: Options = {
  ...library,
  format: ['esm'],
  dts: false,
  esbuildOptions(options) {
    options.entryPoints = { ...(options.entryPoints as Record<string, string>), ...isolatedEntries() };
  },
  async onSuccess() {
    writeEsmDeclarations();
    // The warehouse bodies and their SQL (dist/warehouse/): BigQuery UDAFs, Snowflake UDTFs.
    await buildWarehouse();
  },
};

/** The CJS build (`.cjs`) and the one declaration tree (`.d.cts`, with the doc comments editors show). */
const cjs: Options = { ...library, format: ['cjs'], dts: true };

/**
 * `dist/<entry>.d.ts` for each entry point: `export * from './<name>.cjs'`, which TypeScript
 * resolves to the `.d.cts` beside it (under node16/nodenext and bundler resolution alike; an ES
 * module's declarations may re-export a CommonJS module's). Nothing is lost: no entry point has a
 * default export (which `export *` would not carry).
 */
function writeEsmDeclarations(): void {
  for (const name of Object.keys(entry)) {
    const file = join('dist', `${name}.d.ts`);
    const base = name.split('/').pop() as string;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `export * from './${base}.cjs';\n`);
  }
}

/**
 * One IIFE for spreadsheet scripts (Apps Script, Excel's shared runtime): `var revops = ...`, every export
 * but zod's side (src/global.ts: no model schemas or parsers, no revops/import), revops/sheets' formulas
 * included, with decimal.js and date-fns inlined, no BigInt literal.
 */
const globalBundle: Options = {
  entry: { revops: 'src/global.ts' },
  format: ['iife'],
  globalName: 'revops',
  noExternal: external,
  platform: 'browser',
  target: 'es2020',
  minify: true,
  dts: false,
  clean: false,
  outDir: 'dist',
  outExtension: () => ({ js: '.global.js' }),
  // Apps Script's editor refuses BigInt literals (`0n`): written as BigInt("0") calls instead.
  async onSuccess() {
    lowerBigIntFile('dist/revops.global.js');
  },
};

const configs: Options[] = [esm, cjs, globalBundle];

/**
 * The `revops` command, Node-only ESM, built only once src/cli/index.ts exists. It imports the
 * library from the built module entry points (`../metrics/index.js` from `dist/cli/` is
 * `dist/metrics/index.js`) instead of bundling a second copy of it. The sample organisation of
 * `revops demo` is generated in memory (src/cli/sample-organisation.ts), not shipped as JSON.
 */
if (existsSync('src/cli/index.ts')) {
  const modules = new Set(libraryModules());
  configs.push({
    entry: { 'cli/index': 'src/cli/index.ts' },
    format: ['esm'],
    platform: 'node',
    target: 'node18',
    external: [...external, 'csv-parse'],
    banner: { js: '#!/usr/bin/env node' },
    dts: false,
    clean: false,
    outDir: 'dist',
    esbuildPlugins: [
      {
        name: 'library-from-dist',
        setup(build) {
          build.onResolve({ filter: /^\.\.\/[a-z]+\/index\.js$/ }, (args) => {
            const name = args.path.split('/')[1] as string;
            if (!args.importer.includes(`${join('src', 'cli')}`) || !modules.has(name)) return undefined;
            return { path: args.path, external: true };
          });
        },
      },
    ],
  });
}

/** Empties dist/ once, before the builds above start side by side (none of them cleans on its own). */
export default defineConfig(() => {
  rmSync('dist', { recursive: true, force: true });
  return configs;
});
