import { defineConfig } from 'vitest/config';

/**
 * Smoke tests of the built package (dist/), run by scripts/test.sh after `tsup`.
 * Kept apart from vitest.config.ts, which tests src/ and excludes tests/bundle/**.
 */
export default defineConfig({
  test: {
    include: ['tests/bundle/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
