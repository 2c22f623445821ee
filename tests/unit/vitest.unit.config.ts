import { defineConfig } from 'vitest/config'

import base from '../../vitest.config'

// The package's specifiers resolve to its source, as in vitest.config.ts.
export default defineConfig({
  resolve: base.resolve,
  test: { include: ['tests/unit/**/*.test.ts'] },
})
