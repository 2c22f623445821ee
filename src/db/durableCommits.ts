import type { BaseDatabaseAdapter, DatabaseAdapterObj, Payload } from 'payload'

import { randomUUID } from 'node:crypto'
import { APIError } from 'payload'

import { DATABASE_UNAVAILABLE_MESSAGE } from '../http/errors'

/**
 * A write must not be answered "saved" when its COMMIT failed.
 *
 * This works around @payloadcms/drizzle (3.90) swallowing COMMIT errors:
 * - `dist/transactions/beginTransaction.js` ends the `this.drizzle.transaction(...)` promise with
 *   `.catch((err) => transactionFailed(err))`, and once the transaction has started
 *   `transactionFailed` rejects an already-settled promise — a no-op — so a failed COMMIT
 *   resolves `done` as if it had worked;
 * - `dist/transactions/commitTransaction.js` does `try { await session.resolve() } catch { await
 *   session.reject() }`, so even a thrown error would not reach the caller.
 * When PostgreSQL goes away during COMMIT, Payload (and `inTransaction`) would answer 201 for a
 * row that was never stored.
 *
 * `withDurableCommits` gives the adapter its own begin/commit/rollback with the same session
 * registry (`sessions[id] = { db, reject, resolve }`, which the rest of drizzle reads): commit
 * awaits the real transaction and throws a 503 "database unavailable" error when it failed;
 * rollback stays silent (a failed rollback loses nothing). It also puts an 'error' listener on
 * the pg pool and its clients, which the adapter does not: without one, a client whose
 * connection breaks (PostgreSQL restarting) emits an unhandled 'error' and crashes the process.
 */

interface Session {
  db: unknown
  reject: () => Promise<void>
  resolve: () => Promise<void>
}

/** An event emitter (pg's pool and clients); `never[]` lets a listener name its own arguments. */
type Emitter = { on: (event: string, listener: (...args: never[]) => void) => unknown }

/** The parts of @payloadcms/drizzle's adapter these functions use. */
interface DrizzleAdapter extends BaseDatabaseAdapter {
  drizzle: {
    transaction: (work: (tx: unknown) => Promise<void>, config?: unknown) => Promise<void>
  }
  initializing: Promise<void>
  payload: Payload
  pool?: Emitter
  sessions: Record<string, Session>
  transactionOptions?: unknown
}

type TransactionID = number | Promise<number | string> | string

/** The error a failed COMMIT becomes: 503, recognised by `isDatabaseUnavailable`. */
export function databaseUnavailableError(
  cause: unknown,
): APIError & { citedDatabaseUnavailable: true } {
  const error = new APIError(DATABASE_UNAVAILABLE_MESSAGE, 503, undefined, true) as APIError & {
    citedDatabaseUnavailable: true
  }
  error.citedDatabaseUnavailable = true
  error.cause = cause
  return error
}

/** Thrown inside the drizzle transaction to make it roll back (a decision, not a failure). */
const ROLLBACK = new Error('rollback')

async function beginTransaction(
  this: DrizzleAdapter,
  options?: Record<string, unknown>,
): Promise<string> {
  try {
    // The adapter may be (re)initialising, with `this.drizzle` not yet set.
    await this.initializing
    let started!: (value: { decide: (commit: boolean) => void; tx: unknown }) => void
    let failedToStart!: (error: unknown) => void
    const ready = new Promise<{ decide: (commit: boolean) => void; tx: unknown }>(
      (resolve, reject) => {
        started = resolve
        failedToStart = reject
      },
    )
    // Drizzle's transaction runs while the callback waits; the callback's outcome decides
    // COMMIT or ROLLBACK, and `done` settles with the outcome of that statement.
    const done = this.drizzle.transaction(async (tx) => {
      const commit = await new Promise<boolean>((decide) => started({ decide, tx }))
      if (!commit) {
        throw ROLLBACK
      }
    }, options || this.transactionOptions)
    // Before the callback ran (no connection, BEGIN failed) this fails `ready`; afterwards it is
    // a no-op and `done` itself carries the outcome to `resolve` below.
    done.catch(failedToStart)
    const { decide, tx } = await ready
    const id = randomUUID()
    this.sessions[id] = {
      db: tx,
      resolve: () => {
        decide(true)
        return done
      },
      reject: () => {
        decide(false)
        return done.catch(() => {})
      },
    }
    return id
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    this.payload.logger.error({ err: error, msg: `Error: cannot begin transaction: ${message}` })
    throw new Error(`Error: cannot begin transaction: ${message}`, { cause: error })
  }
}

async function commitTransaction(
  this: DrizzleAdapter,
  incomingID: TransactionID = '',
): Promise<void> {
  const id = await incomingID
  const session = this.sessions[id]
  // No session: it was already ended (several operations can share one transaction).
  if (!session) {
    return
  }
  // Out of the registry first, so nothing else picks up a transaction that is ending.
  delete this.sessions[id]
  try {
    await session.resolve()
  } catch (cause) {
    this.payload.logger.warn({ err: cause, msg: 'COMMIT failed: the transaction was not saved' })
    throw databaseUnavailableError(cause)
  }
}

async function rollbackTransaction(
  this: DrizzleAdapter,
  incomingID: TransactionID = '',
): Promise<void> {
  try {
    const id = await incomingID
    const session = this.sessions[id]
    if (!session) {
      return
    }
    delete this.sessions[id]
    await session.reject()
  } catch {
    // A transaction that could not even begin, or whose connection is gone: nothing to undo.
  }
}

/** Pools and clients that already have our listener (`connect` runs again on hot reload). */
const guarded = new WeakSet<object>()

/**
 * pg emits 'error' on the pool for an idle client whose connection broke, and on a checked-out
 * client (one holding a transaction) itself; with no listener Node throws it and the process dies.
 */
function guardPool(adapter: DrizzleAdapter): void {
  const pool = adapter.pool
  if (!pool || typeof pool.on !== 'function' || guarded.has(pool)) {
    return
  }
  guarded.add(pool)
  pool.on('error', (error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error)
    adapter.payload.logger.warn(
      `A database connection broke (${reason}); the pool opens a new one when needed`,
    )
  })
  // Whoever holds a checked-out client also gets the error (its next query fails), and the pool
  // reports it once the client is idle again: this listener only keeps it from being unhandled.
  pool.on('acquire', (client: Emitter) => {
    if (guarded.has(client)) {
      return
    }
    guarded.add(client)
    client.on('error', () => {})
  })
}

/** `adapter` (a drizzle-based Payload database adapter) with commits that fail loudly. */
export function withDurableCommits(adapter: DatabaseAdapterObj): DatabaseAdapterObj {
  return {
    ...adapter,
    init: (args) => {
      const db = adapter.init(args) as DrizzleAdapter
      // Only drizzle's own transactions are replaced: a host that turned transactions off
      // (`transactionOptions: false`) has Payload's no-op `beginTransaction` and keeps it.
      if (typeof db.sessions === 'object' && db.beginTransaction?.name === 'beginTransaction') {
        db.beginTransaction = beginTransaction
        db.commitTransaction = commitTransaction
        db.rollbackTransaction = rollbackTransaction
      }
      const connect = db.connect
      if (connect) {
        db.connect = async function (this: DrizzleAdapter, ...connectArgs) {
          try {
            await connect.apply(this, connectArgs)
          } finally {
            guardPool(this)
          }
        }
      }
      return db
    },
  }
}
