/**
 * The measuring half of `scripts/bench/queries.ts` (imported once DATABASE_URL is set, since the
 * app's config reads it when it loads).
 */
import type { FlattenedField, Payload, Where } from 'payload'

import fs from 'node:fs/promises'
import { getPayload } from 'payload'
import pg from 'pg'

import config from '../../payload.config'
import { Api, createUser } from '../../tests/helpers/api'
import { seedCopies } from './queries-seed'

export interface RunOptions {
  n: number
  roles: ('anon' | 'editor')[]
  depths: number[]
  only: string[]
  collections?: string[]
  top: number
  explain: number
  out: string
  compare: string
  seedOnly: boolean
  /**
   * Through the Local API as the same caller (`overrideAccess: false`, same access, hooks and SQL)
   * instead of REST: what the query costs when nothing refuses it — the "before" of a class the
   * REST and GraphQL routes now refuse.
   */
  local: boolean
  sample: number
  /** Only the queries whose `collection label` matches this regular expression. */
  match: string
  /** `table (columns)`: EXPLAIN the slowest again with this index (created and rolled back). */
  tryIndex: string
}

type AnyField = FlattenedField & {
  blocks?: { slug: string; flattenedFields: FlattenedField[] }[]
  flattenedFields?: FlattenedField[]
  options?: (string | { value: string })[]
  relationTo?: string | string[]
  hasMany?: boolean
  virtual?: boolean | string
}

export interface Case {
  collection: string
  kind: 'where' | 'sort' | 'limit'
  /** What varies: `path operator`, `sort`, or the limit. */
  label: string
  query: Record<string, unknown>
}

export interface Result extends Case {
  role: string
  depth: number
  ms: number
  status: number
  statements: number
  docs?: number
  slowestSql?: { text: string; values: unknown[]; ms: number }
  error?: string
}

interface Leaf {
  path: string
  field: AnyField
  /** Through an array, blocks or a relationship: one row of the collection matches many rows. */
  through: string[]
}

/** Every field path of `fields`: into groups, arrays and blocks, and `hops` relationship hops. */
export function leaves(
  payload: Payload,
  fields: readonly FlattenedField[],
  prefix = '',
  through: string[] = [],
  hops = 1,
): Leaf[] {
  const out: Leaf[] = []
  for (const raw of fields as AnyField[]) {
    if (!('name' in raw) || !raw.name) {
      continue
    }
    const field = raw
    const path = prefix ? `${prefix}.${field.name}` : field.name
    switch (field.type) {
      case 'group':
      case 'tab':
        out.push(...leaves(payload, field.flattenedFields ?? [], path, through, hops))
        break
      case 'array':
        out.push({ path, field, through: [...through, 'array'] })
        out.push(...leaves(payload, field.flattenedFields ?? [], path, [...through, 'array'], hops))
        break
      case 'blocks': {
        out.push({ path, field, through: [...through, 'blocks'] })
        const seen = new Set<string>()
        for (const block of field.blocks ?? []) {
          for (const leaf of leaves(
            payload,
            block.flattenedFields,
            path,
            [...through, 'blocks'],
            hops,
          )) {
            if (seen.has(leaf.path)) {
              continue
            }
            seen.add(leaf.path)
            out.push(leaf)
          }
        }
        break
      }
      case 'join':
        break
      case 'relationship':
      case 'upload': {
        out.push({ path, field, through })
        const related =
          typeof field.relationTo === 'string'
            ? payload.collections[field.relationTo as keyof typeof payload.collections]
            : undefined
        if (related && hops > 0) {
          const hop = [...through, field.hasMany ? 'relationship-many' : 'relationship']
          out.push(
            ...leaves(payload, related.config.flattenedFields, path, hop, hops - 1).filter(
              (leaf) =>
                !['relationship', 'upload'].includes(leaf.field.type) ||
                leaf.through.length > hop.length,
            ),
          )
        }
        break
      }
      default:
        out.push({ path, field, through })
    }
  }
  return out
}

const firstOption = (field: AnyField): string => {
  const option = field.options?.[0]
  return typeof option === 'string' ? option : (option?.value ?? 'x')
}

/** The operators (and a value for each) a fuzzer would send for a field of this type. */
function conditions(field: AnyField): Record<string, unknown>[] {
  switch (field.type) {
    case 'text':
    case 'textarea':
    case 'email':
    case 'code':
      return [{ like: 'pain' }, { contains: 'pa' }, { equals: 'pain' }, { in: ['pain', 'back'] }]
    case 'number':
      return [{ greater_than: 1 }, { less_than: 100 }, { equals: 5 }]
    case 'date':
      return [{ greater_than: '2020-01-01' }, { less_than: '2030-01-01' }]
    case 'select':
    case 'radio':
      return [{ equals: firstOption(field) }, { in: [firstOption(field)] }]
    case 'checkbox':
      return [{ equals: true }]
    case 'relationship':
    case 'upload':
      return Array.isArray(field.relationTo)
        ? [{ exists: true }]
        : [{ equals: 1 }, { in: [1, 2] }, { exists: true }]
    case 'richText':
    case 'json':
      return [{ like: 'pain' }, { contains: 'pain' }]
    case 'array':
    case 'blocks':
      return [{ exists: true }]
    default:
      return []
  }
}

export function cases(payload: Payload, only: string[], collections?: string[]): Case[] {
  const out: Case[] = []
  const slugs = Object.keys(payload.collections).filter(
    (slug) => !slug.startsWith('payload-') && (!collections || collections.includes(slug)),
  )
  for (const slug of slugs) {
    const all = leaves(
      payload,
      payload.collections[slug as keyof typeof payload.collections].config.flattenedFields,
    )
    all.unshift({ path: 'id', field: { name: 'id', type: 'number' } as AnyField, through: [] })
    if (only.includes('where')) {
      for (const leaf of all) {
        for (const condition of conditions(leaf.field)) {
          out.push({
            collection: slug,
            kind: 'where',
            label: `${leaf.path} ${Object.keys(condition)[0]}`,
            query: { where: { [leaf.path]: condition } },
          })
        }
      }
    }
    if (only.includes('sort')) {
      for (const leaf of all) {
        if (['array', 'blocks'].includes(leaf.field.type)) {
          continue
        }
        for (const sort of [leaf.path, `-${leaf.path}`]) {
          out.push({ collection: slug, kind: 'sort', label: `sort=${sort}`, query: { sort } })
        }
      }
    }
    if (only.includes('limit')) {
      for (const query of [
        { limit: 0 },
        { limit: 100 },
        { limit: 1000 },
        { limit: 100000 },
        { pagination: 'false' },
        { page: 1000 },
      ]) {
        out.push({
          collection: slug,
          kind: 'limit',
          label: Object.entries(query)
            .map(([k, v]) => `${k}=${v}`)
            .join('&'),
          query,
        })
      }
    }
  }
  return out
}

/** Records every SQL statement sent while a request runs (text, values, time). */
class Recorder {
  statements: { text: string; values: unknown[]; ms: number }[] = []
  // eslint-disable-next-line @typescript-eslint/unbound-method -- kept to be put back, and called with `.apply(this)` on the client that runs a query
  private readonly original = pg.Client.prototype.query
  install(): void {
    const original = this.original
    const record = (entry: Recorder['statements'][number]) => this.statements.push(entry)
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      const first = args[0] as string | { text?: string; values?: unknown[] }
      const text = typeof first === 'string' ? first : (first?.text ?? '')
      // drizzle passes `({ text, rowMode }, values)`, pg itself `(text, values)` or `({ text, values })`.
      const values = (typeof first === 'string' ? args[1] : (first?.values ?? args[1])) as
        | unknown[]
        | undefined
      const entry = { text, values: Array.isArray(values) ? values : [], ms: 0 }
      record(entry)
      const started = performance.now()
      // pg.Pool#query passes a callback (and gets no promise back).
      const callback = args.findIndex((item) => typeof item === 'function')
      if (callback !== -1) {
        const done = args[callback] as (...a: unknown[]) => unknown
        args[callback] = (...a: unknown[]) => {
          entry.ms = performance.now() - started
          return done(...a)
        }
      }
      const result = (original as (...a: unknown[]) => unknown).apply(this, args)
      if (result && typeof (result as Promise<unknown>).then === 'function') {
        ;(result as Promise<unknown>).then(
          () => (entry.ms = performance.now() - started),
          () => (entry.ms = performance.now() - started),
        )
      }
      return result
    } as typeof original
  }
  uninstall(): void {
    pg.Client.prototype.query = this.original
  }
}

const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1)).padStart(7)

export async function run(options: RunOptions): Promise<void> {
  // One instance for the script and the route handlers (they look it up by this config), quiet:
  // thousands of refused queries would each log.
  const sanitized = await config
  ;(sanitized as { logger?: unknown }).logger = { options: { enabled: false } }
  const payload: Payload = await getPayload({ config: sanitized })
  const api = new Api(sanitized)
  const copies = await seedCopies(payload, options.n, (message) => console.error(message))
  const counts: string[] = []
  for (const slug of Object.keys(payload.collections).filter((s) => !s.startsWith('payload-'))) {
    counts.push(
      `${slug} ${(await payload.count({ collection: slug as 'articles', overrideAccess: true })).totalDocs}`,
    )
  }
  console.log(`bench:queries — ${copies} published articles; ${counts.join(', ')}`)
  if (options.seedOnly) {
    return
  }
  const editor = await createUser(payload, api, ['editor'], 'bench-editor')
  const apis = { anon: api, editor: api.as(editor.token) }
  const editorUser = {
    ...(await payload.findByID({ collection: 'users', id: editor.id, depth: 0 })),
    collection: 'users' as const,
  }

  // `--sample k`: every k-th query (the enumeration is in a stable order, so runs compare).
  const match = options.match ? new RegExp(options.match) : undefined
  const all = cases(payload, options.only, options.collections).filter(
    (c, index) =>
      index % options.sample === 0 && (!match || match.test(`${c.collection} ${c.label}`)),
  )
  console.log(
    `${all.length} queries × ${options.roles.length} roles × ${options.depths.length} depths`,
  )
  const recorder = new Recorder()
  const results: Result[] = []
  recorder.install()
  const started = performance.now()
  try {
    for (const [index, c] of all.entries()) {
      for (const role of options.roles) {
        for (const depth of options.depths) {
          recorder.statements = []
          const t0 = performance.now()
          let status = 0
          let docs: number | undefined
          let error: string | undefined
          try {
            if (options.local) {
              const q = c.query as {
                where?: Where
                sort?: string
                limit?: number
                page?: number
                pagination?: string
              }
              const found = await payload.find({
                collection: c.collection as 'articles',
                where: q.where,
                sort: q.sort,
                limit: q.limit,
                page: q.page,
                pagination: q.pagination === 'false' ? false : undefined,
                depth,
                overrideAccess: false,
                user: role === 'editor' ? editorUser : undefined,
              })
              status = 200
              docs = found.docs.length
            } else {
              const res = await apis[role].get(`/${c.collection}`, { ...c.query, depth })
              status = res.status
              docs = Array.isArray(res.body?.docs) ? res.body.docs.length : undefined
              if (status >= 400) {
                error = JSON.stringify(res.body?.errors ?? res.body).slice(0, 300)
              }
            }
          } catch (e) {
            status = (e as { status?: number }).status ?? 500
            error = String(e).slice(0, 300)
          }
          const ms = performance.now() - t0
          const slowest = [...recorder.statements].sort((a, b) => b.ms - a.ms)[0]
          results.push({
            ...c,
            role,
            depth,
            ms,
            status,
            docs,
            error,
            statements: recorder.statements.length,
            slowestSql: slowest,
          })
        }
      }
      if (index % 100 === 99) {
        console.error(
          `… ${index + 1}/${all.length} (${((performance.now() - started) / 1000).toFixed(0)} s)`,
        )
      }
    }
  } finally {
    recorder.uninstall()
  }

  const byTime = [...results].sort((a, b) => b.ms - a.ms)
  const slow = results.filter((r) => r.ms > 2500).length
  console.log(
    `\n${results.length} requests in ${((performance.now() - started) / 1000).toFixed(0)} s; ${slow} over 2.5 s, ${results.filter((r) => r.ms > 1000).length} over 1 s, ${results.filter((r) => r.ms > 250).length} over 250 ms`,
  )
  const statuses = new Map<number, number>()
  for (const r of results) {
    statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1)
  }
  console.log(`statuses: ${[...statuses].map(([s, n]) => `${s}×${n}`).join(', ')}`)
  for (const r of results.filter((r) => r.status >= 500).slice(0, 10)) {
    console.log(
      `  ${r.status} ${r.collection} ${r.label} (${r.role}, depth ${r.depth}): ${r.error}`,
    )
  }

  console.log(`\nslowest ${options.top}:`)
  console.log(
    `${'ms'.padStart(7)} ${'sql'.padStart(4)} ${'docs'.padStart(5)} status  role    d  collection         query`,
  )
  for (const r of byTime.slice(0, options.top)) {
    console.log(
      `${fmt(r.ms)} ${String(r.statements).padStart(4)} ${String(r.docs ?? '-').padStart(5)} ${String(r.status).padEnd(7)} ${r.role.padEnd(7)} ${r.depth}  ${r.collection.padEnd(18)} ${r.label}`,
    )
  }

  // Classes: which kind of path the slow ones go through.
  const classOf = (r: Result) => {
    if (r.kind === 'limit') {
      return `limit: ${r.label}`
    }
    const path = r.kind === 'sort' ? r.label.replace(/^sort=-?/, '') : r.label.split(' ')[0]
    const leaf = leaves(
      payload,
      payload.collections[r.collection as 'articles'].config.flattenedFields,
    ).find((l) => l.path === path)
    return `${r.kind} through ${leaf?.through.join('>') || 'top-level'}${r.kind === 'where' ? ` ${r.label.split(' ')[1]}` : ''}`
  }
  const classes = new Map<string, { n: number; slow: number; max: number }>()
  for (const r of results) {
    const key = classOf(r)
    const entry = classes.get(key) ?? { n: 0, slow: 0, max: 0 }
    entry.n += 1
    if (r.ms > 1000) {
      entry.slow += 1
    }
    entry.max = Math.max(entry.max, r.ms)
    classes.set(key, entry)
  }
  console.log(`\nby class (requests, over 1 s, max ms):`)
  for (const [key, entry] of [...classes].sort((a, b) => b[1].max - a[1].max).slice(0, 40)) {
    console.log(
      `  ${key.padEnd(48)} ${String(entry.n).padStart(5)} ${String(entry.slow).padStart(5)} ${fmt(entry.max)}`,
    )
  }

  if (options.explain > 0) {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
    await client.connect()
    const explained = new Set<string>()
    for (const r of byTime) {
      if (explained.size >= options.explain) {
        break
      }
      if (!r.slowestSql || explained.has(r.slowestSql.text)) {
        continue
      }
      explained.add(r.slowestSql.text)
      console.log(
        `\n=== ${r.collection} ${r.label} (${r.role}, depth ${r.depth}): ${r.ms.toFixed(0)} ms; slowest statement ${r.slowestSql.ms.toFixed(0)} ms`,
      )
      console.log(r.slowestSql.text.slice(0, 3000))
      console.log(`values: ${JSON.stringify(r.slowestSql.values).slice(0, 300)}`)
      try {
        const plan = await client.query(
          `EXPLAIN (ANALYZE, BUFFERS) ${r.slowestSql.text}`,
          r.slowestSql.values,
        )
        console.log(
          plan.rows
            .map((row) => row['QUERY PLAN'])
            .join('\n')
            .slice(0, 6000),
        )
        // `--try-index "articles (title)"`: the same plan with that index, created and rolled back.
        if (options.tryIndex) {
          await client.query('BEGIN')
          try {
            await client.query(`CREATE INDEX bench_try_index ON ${options.tryIndex}`)
            await client.query('ANALYZE')
            const indexed = await client.query(
              `EXPLAIN (ANALYZE, BUFFERS) ${r.slowestSql.text}`,
              r.slowestSql.values,
            )
            console.log(`\n--- with index on ${options.tryIndex} (rolled back):`)
            console.log(
              indexed.rows
                .map((row) => row['QUERY PLAN'])
                .join('\n')
                .slice(0, 3000),
            )
          } finally {
            await client.query('ROLLBACK')
          }
        }
      } catch (e) {
        console.log(`(EXPLAIN failed: ${String(e)})`)
      }
    }
    await client.end()
  }

  if (options.out) {
    await fs.writeFile(
      options.out,
      JSON.stringify(
        results.map(({ slowestSql, ...r }) => ({ ...r, slowestSqlMs: slowestSql?.ms })),
        null,
        1,
      ),
    )
    console.log(`\nresults written to ${options.out}`)
  }
  if (options.compare) {
    const before = JSON.parse(await fs.readFile(options.compare, 'utf8')) as Result[]
    const key = (r: Result) => `${r.collection}|${r.label}|${r.role}|${r.depth}`
    const now = new Map(results.map((r) => [key(r), r]))
    console.log(`\nbefore → after (the ${options.top} slowest before):`)
    for (const r of before.sort((a, b) => b.ms - a.ms).slice(0, options.top)) {
      const after = now.get(key(r))
      console.log(
        `${fmt(r.ms)} → ${after ? fmt(after.ms) : '      -'} ms  ${String(r.status)}→${after?.status ?? '-'}  ${r.role.padEnd(7)} ${r.depth}  ${r.collection.padEnd(18)} ${r.label}${after?.status === 400 ? `  (${after.error?.slice(0, 120)})` : ''}`,
      )
    }
    console.log(
      `before: ${before.filter((r) => r.ms > 2500).length} over 2.5 s; after: ${results.filter((r) => r.ms > 2500).length}`,
    )
  }
  await payload.destroy().catch(() => undefined)
}
