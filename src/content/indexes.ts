/**
 * The full-text index on claim statements that ranks suggested claims (`suggest.ts`): a GIN index
 * on `to_tsvector('english', statement)` of the claims table, declared in the Drizzle schema so
 * that a schema push (tests, development) creates it and keeps it, and `migrate:create` writes
 * it into a migration.
 *
 * Cited is a plugin and does not build the host's database adapter, so it cannot pass
 * `afterSchemaInit` to `postgresAdapter()`. Instead `withStatementSearchIndex` wraps the adapter's
 * `init` (as `db/durableCommits.ts` does) and appends its hook to the `afterSchemaInit` array of
 * the adapter that `init` returns; @payloadcms/drizzle runs that array in its own `init`, after the
 * tables are built and before the schema is pushed or diffed. The host's own hooks stay first.
 */
import type { PostgresAdapterArgs } from '@payloadcms/db-postgres'
import type { DatabaseAdapterObj } from 'payload'

import { sql } from '@payloadcms/db-postgres'
import { index } from '@payloadcms/db-postgres/drizzle/pg-core'

import { CLAIMS_SLUG } from '../shared/slugs'

type SchemaHook = NonNullable<PostgresAdapterArgs['afterSchemaInit']>[number]

/** The index's name in PostgreSQL (and in migrations). */
export const STATEMENT_SEARCH_INDEX = 'claims_statement_fts_idx'

/** The text-search configuration of the index; a query must use the same one to use the index. */
export const STATEMENT_SEARCH_CONFIG = 'english'

/** Adds the GIN expression index to the claims table (no-op when the table is not there). */
export const statementSearchIndex: SchemaHook = ({ adapter, extendTable, schema }) => {
  const name = adapter.tableNameMap?.get(CLAIMS_SLUG) ?? CLAIMS_SLUG
  const table = schema.tables[name]
  if (!table || !('statement' in table)) {
    return schema
  }
  extendTable({
    table,
    extraConfig: (columns) => ({
      [STATEMENT_SEARCH_INDEX]: index(STATEMENT_SEARCH_INDEX).using(
        'gin',
        sql`to_tsvector('english', ${columns.statement})`,
      ),
    }),
  })
  return schema
}

interface SchemaHookHolder {
  afterSchemaInit?: unknown
}

/**
 * `adapter` with Cited's schema hook added to the database adapter it creates. Adapters without
 * an `afterSchemaInit` array (not drizzle's PostgreSQL adapter) are left as they are.
 */
export function withStatementSearchIndex(adapter: DatabaseAdapterObj): DatabaseAdapterObj {
  return {
    ...adapter,
    init: (args) => {
      const db = adapter.init(args)
      const holder = db as unknown as SchemaHookHolder
      if (
        Array.isArray(holder.afterSchemaInit) &&
        !holder.afterSchemaInit.includes(statementSearchIndex)
      ) {
        holder.afterSchemaInit = [...(holder.afterSchemaInit as unknown[]), statementSearchIndex]
      }
      return db
    },
  }
}
