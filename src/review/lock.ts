import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import type { DocId } from '../shared/ids'

import { CLAIMS_SLUG } from '../shared/slugs'

const isPostgres = (db: unknown): db is PostgresAdapter =>
  typeof db === 'object' && db !== null && (db as { name?: unknown }).name === 'postgres'

/**
 * Locks the claim's row until the current transaction ends (`SELECT … FOR UPDATE`), so two
 * reviewers deciding at the same moment are serialised: the second sees the first one's result.
 * Must run inside the transaction on `req`.
 */
export async function lockClaimRow(req: PayloadRequest, id: DocId): Promise<void> {
  const db = req.payload.db
  if (!isPostgres(db) || !req.transactionID) {
    return
  }
  const session = db.sessions[await req.transactionID]
  if (!session) {
    return
  }
  const table = db.tableNameMap.get(CLAIMS_SLUG) ?? CLAIMS_SLUG
  await session.db.execute(sql`SELECT id FROM ${sql.identifier(table)} WHERE id = ${id} FOR UPDATE`)
}
