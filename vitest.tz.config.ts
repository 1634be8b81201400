import { defineConfig } from 'vitest/config';
import { dateSensitiveTests } from './scripts/date-sensitive-tests.mjs';
import base from './vitest.config.js';

/**
 * The date-sensitive tests only (scripts/date-sensitive-tests.mjs), for the reruns of `npm test`
 * under extreme time zones (scripts/test.sh sets TZ); no coverage.
 */
export default defineConfig({
  test: {
    ...base.test,
    include: dateSensitiveTests(),
    coverage: { ...base.test?.coverage, enabled: false },
  },
});
