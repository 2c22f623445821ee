/**
 * Durability under a database restart: a write answered 2xx is stored, and a write that could
 * not be stored is a 503 with a clear message — never a 201 for a row that is gone
 * (src/db/durableCommits.ts works around @payloadcms/drizzle swallowing COMMIT errors).
 *
 * Runs on a PostgreSQL cluster of its own (the shared one must not restart under other files),
 * restarted on the same port and data directory while writers keep creating sources over REST.
 */
import { sql } from '@payloadcms/db-postgres'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { commitTransaction, createLocalReq, initTransaction } from 'payload'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TestContext } from '../helpers/payload'

import {
  type EmbeddedCluster,
  findFreePort,
  startEmbeddedPostgres,
} from '../../scripts/lib/postgres'
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from '../../src/http/errors'
import { inTransaction } from '../../src/shared/transaction'

const dataDir = path.join(os.tmpdir(), `cited-durability-pg-${process.pid}-${Date.now()}`)
const database = 'cited_durability'
let port: number
let cluster: EmbeddedCluster | undefined
let url: string
let t: TestContext

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function startCluster(): Promise<void> {
  cluster = await startEmbeddedPostgres({ dataDir, persistent: true, port, database })
  url = cluster.url
}

async function stopCluster(): Promise<void> {
  const running = cluster
  cluster = undefined
  await running?.stop()
}

/** Runs `query` on a connection of its own (not Payload's pool). */
async function query<R extends pg.QueryResultRow>(
  text: string,
  values: unknown[] = [],
): Promise<R[]> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query<R>(text, values)).rows
  } finally {
    await client.end()
  }
}

beforeAll(async () => {
  port = await findFreePort()
  await startCluster()
  // payload.config.ts reads DATABASE_URL when it is first imported: point it at our cluster
  // (setup.ts pointed it at the shared one) before the dynamic import below.
  process.env.DATABASE_URL = url
  ;(globalThis as { _payload?: Map<string, unknown> })._payload?.clear()
  const { bootPayload } = await import('../helpers/payload')
  t = await bootPayload()
})

afterAll(async () => {
  await t?.payload.destroy()
  await stopCluster()
  await fs.rm(dataDir, { recursive: true, force: true })
})

interface Session {
  db: { execute: (query: unknown) => Promise<{ rows: Record<string, unknown>[] }> }
}

describe('a failing COMMIT', () => {
  it('throws a 503 "database unavailable" error, and nothing is saved', async () => {
    const req = await createLocalReq({}, t.payload)
    expect(await initTransaction(req)).toBe(true)
    const id = req.transactionID as string
    const session = (t.payload.db as unknown as { sessions: Record<string, Session> }).sessions[id]
    const [{ pid }] = (await session.db.execute(sql`select pg_backend_pid() as pid`)).rows
    const doc = await t.payload.create({
      collection: 'sources',
      data: {
        type: 'journal-article',
        title: 'Lost with its connection',
        doi: `10.1000/commit.${Date.now()}`,
      },
      req,
    })

    // The transaction's connection dies right before COMMIT (waits until the backend is gone).
    expect((await query('select pg_terminate_backend($1, 5000) as done', [pid]))[0].done).toBe(true)

    // @payloadcms/drizzle's own commitTransaction resolves here, as if the row were stored.
    const error = await commitTransaction(req).then(
      () => undefined,
      (thrown: unknown) => thrown,
    )
    expect(error).toMatchObject({
      status: 503,
      message: DATABASE_UNAVAILABLE_MESSAGE,
      citedDatabaseUnavailable: true,
    })
    expect(isDatabaseUnavailable(error)).toBe(true)
    expect(await query('select id from sources where id = $1', [doc.id])).toEqual([])
    // The session is gone: a rollback afterwards (what operations do on error) is silent.
    await expect(t.payload.db.rollbackTransaction(id)).resolves.toBeUndefined()
  })

  it('rolls back silently when the connection is already gone', async () => {
    const req = await createLocalReq({}, t.payload)
    expect(await initTransaction(req)).toBe(true)
    const id = req.transactionID as string
    const session = (t.payload.db as unknown as { sessions: Record<string, Session> }).sessions[id]
    const [{ pid }] = (await session.db.execute(sql`select pg_backend_pid() as pid`)).rows
    await query('select pg_terminate_backend($1, 5000)', [pid])
    await expect(t.payload.db.rollbackTransaction(id)).resolves.toBeUndefined()
  })
})

interface Outcome {
  doi: string
  status: number
  id?: number
  message?: string
}

describe('PostgreSQL restarting under concurrent REST writes', () => {
  it(
    'answers 2xx only for stored writes and 503 with a clear message otherwise',
    { timeout: 90_000 },
    async () => {
      const writers = 12
      const rounds = 3
      const editor = t.api.as(t.editor.token)
      const outcomes: Outcome[] = []
      let writing = true

      const writer = async (w: number) => {
        for (let i = 0; writing; i++) {
          const doi = `10.1000/d.${w}.${i}`
          const res = await editor.post('/sources', { title: `Durability ${w}.${i}`, doi })
          outcomes.push({
            doi,
            status: res.status,
            id: res.body?.doc?.id,
            message: res.body?.errors?.[0]?.message,
          })
          // While the database is down requests fail at once: do not spin.
          if (res.status >= 500) {
            await sleep(25)
          }
        }
      }

      // Each round, one of Cited's own transactions (`inTransaction`) has written a source and is
      // about to commit when PostgreSQL stops: its COMMIT fails for certain.
      const victims: { doi: string; outcome: Promise<unknown> }[] = []
      const parkVictim = async (round: number) => {
        const doi = `10.1000/victim.${round}`
        let parked!: () => void
        let resume!: () => void
        const isParked = new Promise<void>((resolve) => (parked = resolve))
        const resumed = new Promise<void>((resolve) => (resume = resolve))
        const req = await createLocalReq({}, t.payload)
        const outcome = inTransaction(req, async () => {
          const doc = await t.payload.create({
            collection: 'sources',
            data: { type: 'journal-article', title: `Victim ${round}`, doi },
            req,
          })
          parked()
          await resumed
          return doc
        }).then(
          () => 'committed',
          (error: unknown) => error,
        )
        victims.push({ doi, outcome })
        await isParked
        return resume
      }

      const running = Array.from({ length: writers }, (_, w) => writer(w))
      await sleep(800)
      for (let round = 0; round < rounds; round++) {
        const resume = await parkVictim(round)
        await stopCluster()
        resume()
        await sleep(300)
        await startCluster()
        await sleep(800)
      }
      writing = false
      await Promise.all(running)

      // The server survived the restarts and writes again.
      const after = await editor.post('/sources', {
        title: 'After the restarts',
        doi: `10.1000/after.${Date.now()}`,
      })
      expect(after.status).toBe(201)

      const byStatus: Record<number, number> = {}
      for (const outcome of outcomes) {
        byStatus[outcome.status] = (byStatus[outcome.status] ?? 0) + 1
      }
      const ok = outcomes.filter((outcome) => outcome.status >= 200 && outcome.status < 300)
      const failed = outcomes.filter((outcome) => outcome.status >= 500)
      const stored = await query<{ id: number; doi: string }>(
        "select id, doi from sources where doi like '10.1000/d.%' or doi like '10.1000/victim.%'",
      )
      const storedDois = new Set(stored.map((row) => row.doi))
      const storedIds = new Map(stored.map((row) => [row.doi, row.id]))
      const otherStatuses = outcomes.filter(
        (outcome) => outcome.status >= 300 && outcome.status < 500,
      )
      // A 503 whose row exists: COMMIT reached the server but its answer did not come back.
      const inDoubt = failed.filter((outcome) => storedDois.has(outcome.doi))
      console.log(
        `durability: ${outcomes.length} writes, by status ${JSON.stringify(byStatus)}, ` +
          `${stored.length} rows stored, ${inDoubt.length} 503s whose row was stored` +
          (otherStatuses.length
            ? `, other answers: ${JSON.stringify(otherStatuses.slice(0, 5))}`
            : ''),
      )

      // Every 2xx answer's document is stored, under the id the answer gave.
      for (const outcome of ok) {
        expect(storedIds.get(outcome.doi), outcome.doi).toBe(outcome.id)
      }
      // No other answer: a logged-in editor is not told "not allowed" because their user could not be loaded.
      expect(otherStatuses).toEqual([])
      // Every 5xx is a 503 that says the database was away.
      for (const outcome of failed) {
        expect({ status: outcome.status, message: outcome.message }).toEqual({
          status: 503,
          message: DATABASE_UNAVAILABLE_MESSAGE,
        })
      }
      // Cited's own transactions whose COMMIT failed threw the 503 error, and stored nothing.
      for (const victim of victims) {
        const outcome = await victim.outcome
        expect(outcome, victim.doi).toMatchObject({
          status: 503,
          message: DATABASE_UNAVAILABLE_MESSAGE,
          citedDatabaseUnavailable: true,
        })
        expect(storedDois.has(victim.doi), victim.doi).toBe(false)
      }
      expect(victims).toHaveLength(rounds)
      // The test proves something: writes succeeded and writes met the restarts.
      expect(ok.length).toBeGreaterThan(writers)
      expect(failed.length).toBeGreaterThan(0)
    },
  )
})

describe('PostgreSQL away while a logged-in user asks', () => {
  it(
    'answers 503 with the clear message (not 403: the user could not be loaded), over REST and GraphQL, and recovers',
    { timeout: 60_000 },
    async () => {
      const editor = t.api.as(t.editor.token)
      await stopCluster()
      try {
        const answers = [
          [
            'REST create',
            await editor.post('/sources', {
              title: 'While away',
              doi: `10.1000/away.${Date.now()}`,
            }),
          ],
          ['REST read', await editor.get('/claims')],
          ['REST update', await editor.patch('/sources/1', { title: 'Changed while away' })],
        ] as const
        for (const [what, res] of answers) {
          expect({ what, status: res.status, message: res.body?.errors?.[0]?.message }).toEqual({
            what,
            status: 503,
            message: DATABASE_UNAVAILABLE_MESSAGE,
          })
        }
        const gql = await editor.gql('{ Claims { docs { id } } }')
        expect(gql.body.errors?.[0]).toMatchObject({
          message: DATABASE_UNAVAILABLE_MESSAGE,
          extensions: { statusCode: 503 },
        })
      } finally {
        await startCluster()
      }
      // Anonymous requests that are refused stay what they are once the database is back.
      expect(
        (await t.api.post('/sources', { title: 'Anonymous', doi: '10.1000/anon' })).status,
      ).toBe(403)
      expect(
        (await editor.post('/sources', { title: 'Back', doi: `10.1000/back.${Date.now()}` }))
          .status,
      ).toBe(201)
    },
  )
})
