import { defineConfig } from 'vitest/config';

/**
 * The tests StrykerJS runs against each mutant (stryker.config.mjs): tests/core and
 * tests/commission, or one of them when STRYKER_SCOPE names one module.
 */
const scopes = (process.env['STRYKER_SCOPE'] ?? 'core,commission').split(',');

export default defineConfig({
  test: {
    include: scopes.map((m) => `tests/${m}/**/*.test.ts`),
    exclude: ['node_modules/**'],
    testTimeout: 600_000,
  },
});
