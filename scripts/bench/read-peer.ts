/**
 * One peer of the read benchmark (`scripts/bench/read.ts`), loaded by `read-worker.ts` in a
 * process of its own with a database of its own: `--peer cited` runs the app's config,
 * `--peer plain` the plain-Payload peer. Answers the parent's messages: grow to N published copies
 * of the demo article, then time one request of a kind (through Payload's real REST and GraphQL
 * route handlers) or count its SQL statements.
 */
import type { Payload } from 'payload'

import fs from 'node:fs/promises'
import path from 'node:path'
import { getPayload } from 'payload'
import pg from 'pg'

import type { ApiResponse } from '../../tests/helpers/api'

import citedConfig from '../../payload.config'
import { createDemoSource, publishImportedArticle } from '../../src/demo/publish'
import { Api, createUser } from '../../tests/helpers/api'
import plainConfig from './plain.config'

export type RequestKind =
  | 'article-graphql'
  | 'article-rest'
  | 'claims-list'
  | 'save-benefit'
  | 'sources-list'

export type WorkerMessage =
  | { type: 'grow'; n: number }
  | { type: 'measure'; kind: RequestKind }
  | { type: 'sql'; kind: RequestKind }
  | { type: 'stop' }

const peer = process.argv[process.argv.indexOf('--peer') + 1] as 'cited' | 'plain'
const root = path.resolve(import.meta.dirname, '..', '..')
const debug = (message: string) => {
  if (process.env.BENCH_DEBUG) {
    console.error(`[${peer}] ${message}`)
  }
}

/** Boots the peer and answers the parent's messages until it says stop. */
export async function main(): Promise<void> {
  const config = await (peer === 'cited' ? citedConfig : plainConfig)
  const payload: Payload = await getPayload({
    config: process.env.BENCH_DEBUG
      ? config
      : ({ ...config, logger: { options: { enabled: false } } } as typeof config),
  })
  debug('payload ready')
  const api = new Api(config)
  const editor = await createUser(payload, api, ['editor', 'admin'], 'bench-editor')
  const asEditor = api.as(editor.token)

  const fixture = await fs.readFile(
    path.join(root, 'tests/fixtures/acupuncture-back-pain.txt'),
    'utf8',
  )
  const query = await fs.readFile(path.join(root, 'examples/graphql/article.graphql'), 'utf8')
  const source = await createDemoSource(payload)
  debug('ready')

  let copies = 0
  let firstSlug = ''
  let firstBenefit: number | string = 0

  /** One more published copy of the demo article, with benefits, tips, rows and claims of its own. */
  async function addCopy(): Promise<void> {
    copies += 1
    const published = await publishImportedArticle(payload, fixture, { source, copy: copies })
    if (copies === 1) {
      firstSlug = published.slug ?? ''
      const block = (published.layout ?? []).find((candidate) => candidate.blockType === 'benefit')
      firstBenefit =
        block && block.blockType === 'benefit'
          ? typeof block.benefit === 'object'
            ? block.benefit.id
            : block.benefit
          : 0
    }
  }

  let saves = 0
  const requests: Record<RequestKind, () => Promise<ApiResponse>> = {
    'article-rest': () =>
      api.get('/articles', { where: { slug: { equals: firstSlug } }, depth: 2 }),
    'article-graphql': () => api.gql(query, { slug: firstSlug }),
    'claims-list': () => api.get('/claims', { limit: 10 }),
    'sources-list': () => api.get('/sources', { limit: 10 }),
    'save-benefit': () =>
      asEditor.patch(`/benefits/${firstBenefit}`, {
        summary: `Less pain, naturally (${(saves += 1)}).`,
      }),
  }

  async function timed(kind: RequestKind): Promise<number> {
    const start = performance.now()
    const res = await requests[kind]()
    const ms = performance.now() - start
    if (res.status !== 200) {
      throw new Error(
        `${peer} ${kind}: HTTP ${res.status} ${JSON.stringify(res.body).slice(0, 500)}`,
      )
    }
    if (kind === 'article-graphql' && res.body?.errors) {
      throw new Error(`${peer} GraphQL errors: ${JSON.stringify(res.body.errors).slice(0, 500)}`)
    }
    return ms
  }

  /** SQL statements of one request (every pg client of the pool); BENCH_SQL_LOG=1 prints them. */
  async function statements(kind: RequestKind): Promise<number> {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- kept to be put back, and called with `.apply(this)` on the client that runs a query
    const original = pg.Client.prototype.query
    let count = 0
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      count += 1
      if (process.env.BENCH_SQL_LOG) {
        const text =
          typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string } | undefined)?.text
        console.error(`[${peer} sql ${kind}] ${String(text).replace(/\s+/g, ' ').slice(0, 300)}`)
      }
      return (original as (...a: unknown[]) => unknown).apply(this, args)
    } as typeof original
    try {
      await timed(kind)
    } finally {
      pg.Client.prototype.query = original
    }
    return count
  }

  process.on('message', async (message: WorkerMessage) => {
    try {
      if (message.type === 'grow') {
        const start = performance.now()
        while (copies < message.n) {
          await addCopy()
        }
        process.send?.({ type: 'grown', n: copies, ms: performance.now() - start })
      } else if (message.type === 'measure') {
        process.send?.({ type: 'measured', ms: await timed(message.kind) })
      } else if (message.type === 'sql') {
        process.send?.({ type: 'counted', statements: await statements(message.kind) })
      } else {
        await payload.destroy()
        process.exit(0)
      }
    } catch (error) {
      process.send?.({
        type: 'error',
        message: error instanceof Error ? `${error.message}\n${error.stack}` : String(error),
      })
    }
  })
  process.send?.({ type: 'ready' })
}
