import { defineConfig } from 'vitest/config'

import base from './vitest.config'

/** Browser and HTTP contract tests against the production build (`npm run test:e2e`). */
export default defineConfig({
  // The package's specifiers resolve to its source, as in vitest.config.ts.
  resolve: base.resolve,
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/e2e/helpers/globalSetup.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 600_000,
  },
})
