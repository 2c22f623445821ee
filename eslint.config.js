// Lint: Payload's own rules (@payloadcms/eslint-config), as Payload's plugins use them, with a
// few changes said below.
import payloadEsLintConfig from '@payloadcms/eslint-config'

export default [
  {
    ignores: [
      '.next/',
      'dist/',
      'node_modules/',
      'media/',
      '.data/',
      'next-env.d.ts',
      'payload-types.ts',
      'src/types/generated.ts',
      'src/migrations/',
      'src/app/(payload)/admin/importMap.js',
      'tests/e2e/screenshots/',
    ],
  },
  ...payloadEsLintConfig,
  {
    languageOptions: {
      parserOptions: {
        sourceType: 'module',
        ecmaVersion: 'latest',
        projectService: {
          maximumDefaultProjectFileCountBeyondDefaultProjectFile: 40,
          // Files no tsconfig.json includes: root JS configs; the build-only Payload typing
          // (tsconfig.build.json's, excluded from tsconfig.json); the package test host's Next
          // config (its tsconfig.json includes TypeScript only).
          allowDefaultProject: [
            '*.js',
            '*.mjs',
            'src/types/*.build.d.ts',
            'tests/package/host/next.config.mjs',
          ],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    rules: {
      // Key, member and case order carries meaning here: a field config reads name, type, label;
      // a hook list runs in its written order; an object literal's values are evaluated in order.
      // Sorting them alphabetically would make code harder to read and could change behaviour.
      'perfectionist/sort-objects': 'off',
      'perfectionist/sort-interfaces': 'off',
      'perfectionist/sort-object-types': 'off',
      'perfectionist/sort-classes': 'off',
      'perfectionist/sort-switch-case': 'off',
      'perfectionist/sort-union-types': 'off',
      'perfectionist/sort-intersection-types': 'off',
      'perfectionist/sort-sets': 'off',
      'perfectionist/sort-maps': 'off',
      'perfectionist/sort-jsx-props': 'off',
      'perfectionist/sort-array-includes': 'off',
      'perfectionist/sort-exports': 'off',
    },
  },
  {
    // Command-line scripts, benchmarks and tests talk to the terminal.
    files: ['scripts/**', 'tests/**'],
    rules: { 'no-console': 'off' },
  },
  {
    // Files whose tools require a default export: configs (a Payload config, like the bench's
    // plain peer, is one) and Next's app files.
    files: [
      '*.config.{ts,js,mjs}',
      'scripts/bench/plain.config.ts',
      '**/vitest.*.config.ts',
      'src/app/**',
      'tests/package/host/**',
      'tests/helpers/globalSetup.ts',
      'tests/e2e/helpers/globalSetup.ts',
      'eslint.config.js',
      'next.config.mjs',
    ],
    rules: { 'no-restricted-exports': 'off' },
  },
]
