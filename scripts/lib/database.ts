import path from 'node:path'
import pg from 'pg'

import { reachableDataDir, startEmbeddedPostgres } from './postgres'

const root = path.resolve(import.meta.dirname, '..', '..')

async function isUp(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 })
  try {
    await client.connect()
    await client.end()
    return true
  } catch {
    return false
  }
}

/**
 * Gives `run` an environment with `DATABASE_URL`: the one set by the user, or that of the
 * embedded development cluster in `.data/postgres` — reused when another command (say
 * `npm run dev`) already runs it, else started here and stopped when `run` ends.
 */
export async function withDatabase<T>(run: (env: NodeJS.ProcessEnv) => Promise<T>): Promise<T> {
  if (process.env.DATABASE_URL) {
    return run(process.env)
  }
  const port = Number(process.env.CITED_PG_PORT || 54329)
  const running = `postgres://postgres:cited@127.0.0.1:${port}/cited`
  if (await isUp(running)) {
    return run({ ...process.env, DATABASE_URL: running })
  }

  const dataDir = reachableDataDir(path.join(root, '.data', 'postgres'), 'cited-dev-postgres')
  console.error(`Cited: starting embedded PostgreSQL (data in ${dataDir}, port ${port})…`)
  const cluster = await startEmbeddedPostgres({ dataDir, persistent: true, port })
  try {
    return await run({ ...process.env, DATABASE_URL: cluster.url })
  } finally {
    await cluster.stop()
  }
}
