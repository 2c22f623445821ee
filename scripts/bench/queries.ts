/**
 * node --import tsx scripts/bench/queries.ts [--n 300] [--roles anon,editor] [--depths 0,2]
 *   [--only where,sort,limit] [--collections articles,claims] [--top 30] [--explain 5]
 *   [--fresh] [--out results.json] [--compare before.json] [--timeout 30000] [--local] [--seed-only] [--sample 1] [--match REGEX]
 *   [--try-index 'articles (title)']
 *
 * The slow-query hunt behind "245 where/sort queries took longer than 2.5 s": seeds N published
 * copies of the demo article on a throw-away embedded PostgreSQL (kept in the temp dir between
 * runs unless `--fresh`, so a second run only measures), then sends REST `where` and `sort`
 * queries through Payload's real route handlers — `where` on every field path of every
 * collection (groups, arrays, blocks and one relationship hop included) with each operator its
 * type takes, `sort` on every path both ways, and unbounded `limit`/`pagination` — as anonymous
 * and as an editor, at depth 0 and 2, timing each. Prints the slowest, the status classes, and
 * EXPLAIN ANALYZE of the slowest statement of the slowest few. `DATABASE_URL` set: used as is.
 *
 * `--local` sends the same queries through the Local API as the same caller (overrideAccess
 * false: the same access, hooks and SQL), which the REST/GraphQL bounds in validateWhere.ts do
 * not apply to: the cost of a refused class had it run. `--out` then `--compare` puts two runs
 * side by side (e.g. `--local --out before.json`, then `--compare before.json`).
 */
import '../lib/keepAlive'

import os from 'node:os'
import path from 'node:path'

import { startEmbeddedPostgres } from '../lib/postgres'

const arg = (name: string, fallback: string) => {
  const index = process.argv.indexOf(`--${name}`)
  return index === -1 ? fallback : (process.argv[index + 1] ?? fallback)
}
const flag = (name: string) => process.argv.includes(`--${name}`)

async function main(): Promise<void> {
  const fs = await import('node:fs/promises')
  const external = process.env.DATABASE_URL
  const dataDir = path.join(os.tmpdir(), 'cited-bench-queries')
  if (!external && flag('fresh')) {
    await fs.rm(dataDir, { recursive: true, force: true })
  }
  const cluster = external
    ? undefined
    : await startEmbeddedPostgres({ dataDir, persistent: true, database: 'cited_bench_queries' })
  const url = new URL(external ?? cluster!.url)
  // A statement that runs away is cut off (and reported) rather than waited for.
  url.searchParams.set('options', `-c statement_timeout=${Number(arg('timeout', '30000'))}`)
  process.env.DATABASE_URL = url.toString()
  process.env.PAYLOAD_SECRET ??= 'cited-bench-secret'
  process.env.CITED_SEED_DEMO = '0'
  let code = 0
  try {
    const { run } = await import('./queries-run')
    await run({
      n: Number(arg('n', '300')),
      roles: arg('roles', 'anon,editor').split(',') as ('anon' | 'editor')[],
      depths: arg('depths', '0,2').split(',').map(Number),
      only: arg('only', 'where,sort,limit').split(','),
      collections: arg('collections', '') ? arg('collections', '').split(',') : undefined,
      top: Number(arg('top', '30')),
      explain: Number(arg('explain', '5')),
      out: arg('out', ''),
      compare: arg('compare', ''),
      seedOnly: flag('seed-only'),
      local: flag('local'),
      sample: Math.max(1, Number(arg('sample', '1'))),
      match: arg('match', ''),
      tryIndex: arg('try-index', ''),
    })
  } catch (error) {
    console.error(error)
    code = 1
  } finally {
    await cluster?.stop().catch(() => undefined)
  }
  process.exit(code)
}

void main()
