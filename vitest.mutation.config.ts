import { defineConfig } from 'vitest/config';

/** The tests StrykerJS runs against each mutant of core and commission (stryker.config.mjs). */
export default defineConfig({
  test: {
    include: ['tests/core/**/*.test.ts', 'tests/commission/**/*.test.ts'],
    exclude: ['node_modules/**'],
    testTimeout: 600_000,
  },
});
