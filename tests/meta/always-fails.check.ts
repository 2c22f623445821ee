/**
 * Fails on purpose. `.ci/run` runs it with the real test set-up (embedded PostgreSQL and all) and
 * requires a non-zero exit: a test runner whose failures exit 0 would make CI green on any
 * breakage (it happened once: a dependency's exit hook forced `process.exit(0)`).
 */
import { expect, it } from 'vitest'

it('fails', () => {
  expect('this test').toBe('failing, so that the exit code can be checked')
})
