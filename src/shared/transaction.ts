/**
 * Transactions: the SQL connection of a request's transaction, the public-set lock every content
 * write takes first, and `inTransaction`. A leaf every layer may import (PostgreSQL only).
 */
import type { PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-postgres'
import { commitTransaction, initTransaction, killTransaction } from 'payload'

/** What runs SQL: a transaction's session or the adapter's pool. */
export interface SqlExecutor {
  execute: (query: ReturnType<typeof sql>) => Promise<{ rows: Record<string, unknown>[] }>
}

interface DrizzleAdapterLike {
  drizzle?: SqlExecutor
  sessions?: Record<string, { db: SqlExecutor }>
  tableNameMap?: Map<string, string>
}

/** The SQL connection of `req`'s transaction (or the pool outside one). */
export async function sqlOf(req: PayloadRequest): Promise<SqlExecutor> {
  const adapter = req.payload.db as unknown as DrizzleAdapterLike
  const transactionID = req.transactionID === undefined ? undefined : await req.transactionID
  const session =
    transactionID === undefined ? undefined : adapter.sessions?.[String(transactionID)]
  const db = session?.db ?? adapter.drizzle
  if (!db) {
    throw new Error('Cited needs the PostgreSQL adapter (@payloadcms/db-postgres).')
  }
  return db
}

/** The table of a collection (or of `<slug>_rels` and the like) as the adapter named it. */
export const tableName = (req: PayloadRequest, slug: string): string => {
  const key = slug.replace(/-/g, '_')
  return (req.payload.db as unknown as DrizzleAdapterLike).tableNameMap?.get(key) ?? key
}

/**
 * The first key of Cited's advisory locks ("Cite"); the second names the lock: 1 the public sets
 * (below), 2 the expiry warning pass (`review/expire.ts`).
 */
export const CITED_LOCK_SPACE = 0x43697465

/** `req.context` key: the transaction that holds the public-set lock (one statement per transaction). */
const LOCK_KEY = 'citedPublicSetsLocked'

/**
 * Serialises changes to the stored public sets (`content/store.ts`): taken first by every write
 * that can move them (see `hooks/content/lockContentWrites.ts`), so two writers never interleave
 * the set and flag updates (and never deadlock on each other's rows). Released with the
 * transaction; taking it twice is a no-op. Outside a transaction there is nothing to serialise.
 */
export async function lockPublicSets(req: PayloadRequest): Promise<void> {
  if (req.transactionID === undefined) {
    return
  }
  const transaction = String(await req.transactionID)
  if (req.context[LOCK_KEY] === transaction) {
    return
  }
  const db = await sqlOf(req)
  await db.execute(sql`select pg_advisory_xact_lock(${CITED_LOCK_SPACE}, ${1})`)
  req.context[LOCK_KEY] = transaction
}

/**
 * Runs `work` in one database transaction on `req`: everything it writes through `req` is
 * committed together, or — when anything throws — nothing is. Joins a transaction that is
 * already open on `req` instead of starting a second one.
 *
 * Takes the public-set lock first ({@link lockPublicSets}): the work will write content that
 * moves the stored sets, and row locks it takes later (a claim under review) must never be held
 * by someone waiting for that lock.
 */
export async function inTransaction<T>(req: PayloadRequest, work: () => Promise<T>): Promise<T> {
  const started = await initTransaction(req)
  try {
    await lockPublicSets(req)
    const result = await work()
    if (started) {
      await commitTransaction(req)
    }
    return result
  } catch (error) {
    if (started) {
      await killTransaction(req)
    }
    throw error
  }
}
