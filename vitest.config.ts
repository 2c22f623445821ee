import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const source = (file: string) => fileURLToPath(new URL(file, import.meta.url))

export default defineConfig({
  /**
   * `cited`, `cited/client` and `cited/rsc` are the package's own source here, as tsconfig.json's
   * `paths` say (vite does not read them): without an alias the package would resolve to its
   * unbuilt `dist/`.
   */
  resolve: {
    alias: [
      { find: /^cited$/, replacement: source('./src/index.ts') },
      { find: /^cited\/client$/, replacement: source('./src/exports/client.ts') },
      { find: /^cited\/rsc$/, replacement: source('./src/exports/rsc.ts') },
    ],
  },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/int/**/*.test.ts'],
    globalSetup: ['tests/helpers/globalSetup.ts'],
    setupFiles: ['tests/helpers/setup.ts'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 180_000,
    maxWorkers: 2,
  },
})
