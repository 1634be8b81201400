import { defineConfig } from 'vitest/config';

/**
 * The tests of src/core/normal.ts and src/core/special-functions.ts alone, for a quick StrykerJS
 * run of those two files (`STRYKER_VITEST_CONFIG=vitest.normal-scoped.config.ts`, docs/mutation.md):
 * no other test file of tests/core imports them.
 */
export default defineConfig({
  test: {
    include: ['tests/core/normal*.test.ts', 'tests/core/special-functions*.test.ts'],
    exclude: ['node_modules/**'],
    testTimeout: 600_000,
  },
});
