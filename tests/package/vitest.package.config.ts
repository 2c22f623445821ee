import { defineConfig } from 'vitest/config'

/** Cited packed and installed in a host app of its own (`npm run test:package`): slow, so not in `npm test`. */
export default defineConfig({
  test: {
    include: ['tests/package/**/*.test.ts'],
    globalSetup: ['tests/helpers/globalSetup.ts'],
    pool: 'forks',
    maxWorkers: 1,
    testTimeout: 120_000,
    hookTimeout: 900_000,
  },
})
