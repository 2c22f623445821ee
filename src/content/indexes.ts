/**
 * Cited's own indexes, declared in the Drizzle schema so that a schema push (tests, development)
 * creates and keeps them and `migrate:create` writes them into a migration:
 * - `claim_stats_value_unit_idx`: a btree on `(value, unit)` of the claims' statistic rows
 *   (`claim_stats`), which serves the value range a suggestion looks up for each statistic
 *   (`suggest.ts`). The suggestion query starts from the statistic and ranks the few claims that
 *   state it with `ts_rank`, which reads each candidate's statement: a full-text (GIN) index on
 *   statements would serve no query Cited runs, so there is none.
 *
 * Cited is a plugin and does not build the host's database adapter, so it cannot pass
 * `afterSchemaInit` to `postgresAdapter()`. Instead `withCitedIndexes` wraps the adapter's `init`
 * (as `db/durableCommits.ts` does) and appends its hook to the `afterSchemaInit` array of the
 * adapter that `init` returns; @payloadcms/drizzle runs that array in its own `init`, after the
 * tables are built and before the schema is pushed or diffed. The host's own hooks stay first.
 */
import type { PostgresAdapterArgs } from '@payloadcms/db-postgres'
import type { DatabaseAdapterObj } from 'payload'

import { index } from '@payloadcms/db-postgres/drizzle/pg-core'

import { CLAIMS_SLUG } from '../shared/slugs'

type SchemaHook = NonNullable<PostgresAdapterArgs['afterSchemaInit']>[number]

/** The name of the index on the claims' statistic rows' `(value, unit)`. */
export const CLAIM_STATS_VALUE_INDEX = 'claim_stats_value_unit_idx'

/** The statistic rows' table key in the adapter's `tableNameMap` (`dbName: 'claim_stats'`). */
const CLAIM_STATS_KEY = `${CLAIMS_SLUG}_statistics`

/** Adds the `(value, unit)` btree to the claims' statistic rows (no-op when they are not there). */
export const claimStatsValueIndex: SchemaHook = ({ adapter, extendTable, schema }) => {
  const name = adapter.tableNameMap?.get(CLAIM_STATS_KEY) ?? CLAIM_STATS_KEY
  const table = schema.tables[name]
  if (!table || !('value' in table) || !('unit' in table)) {
    return schema
  }
  extendTable({
    table,
    extraConfig: (columns) => ({
      [CLAIM_STATS_VALUE_INDEX]: index(CLAIM_STATS_VALUE_INDEX).on(columns.value, columns.unit),
    }),
  })
  return schema
}

/** Every schema hook of Cited's indexes, in the order they run. */
export const CITED_INDEX_HOOKS: readonly SchemaHook[] = [claimStatsValueIndex]

interface SchemaHookHolder {
  afterSchemaInit?: unknown
}

/**
 * `adapter` with Cited's schema hooks ({@link CITED_INDEX_HOOKS}) added to the database adapter it
 * creates. Adapters without an `afterSchemaInit` array (not drizzle's PostgreSQL adapter) are left
 * as they are.
 */
export function withCitedIndexes(adapter: DatabaseAdapterObj): DatabaseAdapterObj {
  return {
    ...adapter,
    init: (args) => {
      const db = adapter.init(args)
      const holder = db as unknown as SchemaHookHolder
      if (Array.isArray(holder.afterSchemaInit)) {
        const hooks = holder.afterSchemaInit as unknown[]
        holder.afterSchemaInit = [
          ...hooks,
          ...CITED_INDEX_HOOKS.filter((hook) => !hooks.includes(hook)),
        ]
      }
      return db
    },
  }
}
