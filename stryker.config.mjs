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
const scopes = (process.env.STRYKER_SCOPE ?? 'core,commission').split(',');
const name = scopes.join('-');

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: process.env.STRYKER_VITEST_CONFIG ?? 'vitest.mutation.config.ts' },
  mutate: [...scopes.map((m) => `src/${m}/**/*.ts`), '!src/**/index.ts'],
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
