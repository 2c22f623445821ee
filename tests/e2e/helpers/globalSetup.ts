/**
 * One production server for the whole browser/contract run (see server.ts), stopped at the end
 * whatever happens.
 */
import type { TestProject } from 'vitest/node'

import { startServer } from './server'

declare module 'vitest' {
  export interface ProvidedContext {
    e2eBaseUrl: string
    e2eDatabaseUrl: string
  }
}

export default async function setup(project: TestProject) {
  const server = await startServer()
  project.provide('e2eBaseUrl', server.url)
  project.provide('e2eDatabaseUrl', server.databaseUrl)
  return async () => {
    await server.stop()
  }
}
