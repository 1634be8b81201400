import { defineConfig } from 'vitest/config';

/**
 * A quicker test set for StrykerJS runs over the commission files every test reaches
 * (read-plan.ts, define-plan.ts: `STRYKER_VITEST_CONFIG=vitest.commission-quick.config.ts`):
 * tests/commission without its property tests and without the 1e6-version definePlan test
 * (4 s a run, up to a minute under a mutant that reads every version). A mutant only those
 * tests kill counts as survived here, so the score is a lower bound (docs/mutation.md).
 */
export default defineConfig({
  test: {
    include: ['tests/commission/**/*.test.ts'],
    exclude: ['node_modules/**', 'tests/commission/**/*.prop.test.ts'],
    testNamePattern: /^(?!.*versions = 1e6 copies of one valid version)/,
    testTimeout: 600_000,
  },
});
