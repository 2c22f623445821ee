/**
 * Runs before each test file: gives the file a fresh database on the shared cluster, so that
 * Payload pushes its schema into an empty database and no two files see each other's rows.
 */
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { inject } from 'vitest'

const baseUrl = inject('databaseUrl')
const name = `cited_${randomBytes(5).toString('hex')}`

const admin = new pg.Client({ connectionString: baseUrl })
await admin.connect()
try {
  await admin.query(`CREATE DATABASE ${name}`)
} finally {
  await admin.end()
}

const url = new URL(baseUrl)
url.pathname = `/${name}`
process.env.DATABASE_URL = url.toString()
process.env.PAYLOAD_SECRET = 'cited-test-secret'
// Payload caches its instance on `global`; a new file must not reuse the previous file's.
;(globalThis as { _payload?: Map<string, unknown> })._payload?.clear()
