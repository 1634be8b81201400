import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'tests/core/fixed.test.ts',
      'tests/core/money.test.ts',
      'tests/core/money.prop.test.ts',
      'tests/core/allocate.test.ts',
      'tests/core/allocate.prop.test.ts',
      'tests/core/decimal.test.ts',
      'tests/core/errors.test.ts',
      'tests/core/hostile-input.test.ts',
    ],
    testTimeout: 600_000,
  },
});
