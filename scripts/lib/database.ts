import path from 'node:path'

import { reachableDataDir, startEmbeddedPostgres } from './postgres'

const root = path.resolve(import.meta.dirname, '..', '..')

/**
 * Gives `run` an environment with `DATABASE_URL`: the one set by the user, or that of the
 * embedded development cluster in `.data/postgres` (started here, stopped when `run` ends).
 */
export async function withDatabase<T>(run: (env: NodeJS.ProcessEnv) => Promise<T>): Promise<T> {
  if (process.env.DATABASE_URL) return run(process.env)
  const dataDir = reachableDataDir(path.join(root, '.data', 'postgres'), 'cited-dev-postgres')
  const port = Number(process.env.CITED_PG_PORT || 54329)
  console.log(`Cited: starting embedded PostgreSQL (data in ${dataDir}, port ${port})…`)
  const cluster = await startEmbeddedPostgres({ dataDir, persistent: true, port })
  const stop = async () => {
    await cluster.stop()
  }
  try {
    return await run({ ...process.env, DATABASE_URL: cluster.url })
  } finally {
    await stop()
  }
}
