import type { TestProject } from 'vitest/node'

/**
 * Starts one throw-away PostgreSQL cluster for the whole run (or uses `DATABASE_URL` when given)
 * and removes it afterwards — also when tests fail. Each test file gets a database of its own
 * (see setup.ts), so files run in parallel without sharing rows.
 */
import os from 'node:os'
import path from 'node:path'

import { startEmbeddedPostgres } from '../../scripts/lib/postgres'

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string
  }
}

export default async function setup(project: TestProject) {
  if (process.env.DATABASE_URL) {
    project.provide('databaseUrl', process.env.DATABASE_URL)
    return
  }
  const dataDir = path.join(os.tmpdir(), `cited-test-pg-${process.pid}-${Date.now()}`)
  const cluster = await startEmbeddedPostgres({
    dataDir,
    persistent: false,
    database: 'cited_test',
  })
  project.provide('databaseUrl', cluster.url)
  return async () => {
    await cluster.stop()
  }
}
