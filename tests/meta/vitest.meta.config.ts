import { defineConfig } from 'vitest/config'

import base from '../../vitest.config'

/** The suite's own set-up (embedded PostgreSQL and all), running only the deliberately failing check. */
export default defineConfig({
  ...base,
  test: { ...base.test, include: ['tests/meta/**/*.check.ts'] },
})
