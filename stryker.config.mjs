// StrykerJS mutation testing of core and commission (`npm run mutation`, outside `npm test`).
//
// StrykerJS 9 with the vitest runner (StrykerJS 10 needs Node 22). Each mutant runs only the
// tests that cover it (perTest coverage), from vitest.mutation.config.ts: tests/core and
// tests/commission, without the fuzz suite (too slow to run per mutant). Results are kept in
// reports/mutation/ (not committed); the incremental file there lets a rerun test only the
// mutants whose code or tests changed. Scores and the named equivalent mutants are in
// docs/mutation.md.
// STRYKER_SCOPE=core or STRYKER_SCOPE=commission mutates one module (a score each, and a shorter
// run); the default mutates both.
// STRYKER_FILES=a.ts,b.ts (with one STRYKER_SCOPE) mutates only those files of the module and
// keeps their results apart (reports/mutation/<scope>-<STRYKER_PART or the files>.json): a module
// measured in parts that each end within the time a shared machine allows;
// `node scripts/mutation-score.mjs <scope> [--list]` adds the parts up and lists the survivors.
const scopes = (process.env.STRYKER_SCOPE ?? 'core,commission').split(',');
const files = process.env.STRYKER_FILES?.split(',');
const name =
  files === undefined
    ? scopes.join('-')
    : `${scopes.join('-')}-${process.env.STRYKER_PART ?? files.map((f) => f.replace(/\.ts$/, '')).join('+')}`;
const mutate =
  files === undefined
    ? [...scopes.map((m) => `src/${m}/**/*.ts`), '!src/**/index.ts']
    : scopes.flatMap((m) => files.map((f) => `src/${m}/${f}`));

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: process.env.STRYKER_VITEST_CONFIG ?? 'vitest.mutation.config.ts' },
  mutate,
  coverageAnalysis: 'perTest',
  ignoreStatic: true,
  concurrency: Number(process.env.STRYKER_CONCURRENCY ?? 2),
  timeoutMS: 10_000,
  dryRunTimeoutMinutes: 30,
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  htmlReporter: { fileName: `reports/mutation/${name}.html` },
  incremental: true,
  incrementalFile: `reports/mutation/${name}-incremental.json`,
  thresholds: { high: 90, low: 85, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
