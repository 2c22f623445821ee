/**
 * npm run cited -- reindex [--json]
 *
 * Rebuilds what every published article exposes (its stored public set and numbered references)
 * and every document's `isPublic` flag from scratch, in one transaction, and reports what differed.
 * Run it after restoring a backup, after writing to the database by hand, or when upgrading from
 * a version of Cited without stored sets.
 */
import './lib/keepAlive'
import type { ReindexReport } from '../src/content/store'

import { withDatabase } from './lib/database'
import { jsonOutput } from './lib/jsonOutput'

const [command, ...rest] = process.argv.slice(2)
const json = rest.includes('--json')

if (command !== 'reindex') {
  console.error('usage: npm run cited -- reindex [--json]')
  process.exit(2)
}

const writeReport = jsonOutput(json)

function describe(report: ReindexReport): string[] {
  const lines = [`Checked ${report.articles} published article${report.articles === 1 ? '' : 's'}.`]
  for (const set of report.repaired) {
    const parts = [
      ...Object.entries(set.missing).map(([kind, ids]) => `${kind} missing: ${ids.join(', ')}`),
      ...Object.entries(set.extra).map(
        ([kind, ids]) => `${kind} not shown any more: ${ids.join(', ')}`,
      ),
      ...(set.references ? ['references rebuilt'] : []),
    ]
    lines.push(
      `  article ${set.articleId}: repaired${parts.length ? ` (${parts.join('; ')})` : ' (no stored set)'}`,
    )
  }
  for (const id of report.removed) {
    lines.push(`  article ${id}: not published, its stored set was removed`)
  }
  for (const [kind, ids] of Object.entries(report.flags)) {
    lines.push(`  ${kind}: public flag corrected on ${ids.join(', ')}`)
  }
  const { removed, written } = report.snapshots
  if (written > 0) {
    lines.push(`  published snapshots rewritten: ${written}`)
  }
  if (removed > 0) {
    lines.push(`  published snapshots removed: ${removed}`)
  }
  if (
    report.repaired.length === 0 &&
    report.removed.length === 0 &&
    Object.keys(report.flags).length === 0 &&
    written + removed === 0
  ) {
    lines.push('Everything was in order; nothing changed.')
  }
  return lines
}

const report = await withDatabase(async (env) => {
  process.env.DATABASE_URL = env.DATABASE_URL
  const [
    { createLocalReq, getPayload },
    { default: config },
    { reindexPublicSets },
    { inTransaction },
  ] = await Promise.all([
    import('payload'),
    import('../payload.config'),
    import('../src/content/store'),
    import('../src/shared/transaction'),
  ])
  const resolved = await config
  const payload = await getPayload({
    config: json
      ? ({ ...resolved, logger: { options: { enabled: false } } } as typeof resolved)
      : resolved,
  })
  try {
    const req = await createLocalReq({}, payload)
    return await inTransaction(req, () => reindexPublicSets(req))
  } finally {
    await payload.destroy()
    ;(payload.db as { pool?: { on: (event: 'error', listener: () => void) => void } }).pool?.on(
      'error',
      () => {},
    )
  }
})

if (json) {
  writeReport(`${JSON.stringify(report, null, 2)}\n`)
} else {
  console.log(describe(report).join('\n'))
}
process.exit(0)
