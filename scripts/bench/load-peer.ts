/**
 * One peer of the load benchmark (`scripts/bench/load.ts`), loaded by `load-worker.ts` in a
 * process of its own with a database of its own. `--peer cited` runs the app's config,
 * `--peer plain` the plain-Payload peer (`plain.config.ts`).
 *
 * It publishes the full demo article (imported from the demo file as `src/demo/seed.ts` does,
 * every claim citing a source and approved as the review workflow does, then the article
 * published — as the read benchmark's peers do), then:
 * - `--mode seed`: answers `{ type: 'seeded', slug }` and ends (used to publish the article in
 *   the database of the `next start` server);
 * - `--mode serve`: serves Payload's REST GET and GraphQL POST route handlers — with the guards the
 *   app's route files put around them, for both peers alike — on a Node `http` server on a free
 *   loopback port, and answers `{ type: 'ready', slug, port }`; `{ type: 'stop' }` ends it.
 */
import type { Payload, SanitizedConfig } from 'payload'

import { GRAPHQL_POST, REST_GET } from '@payloadcms/next/routes'
import fs from 'node:fs/promises'
import http from 'node:http'
import path from 'node:path'
import { getPayload } from 'payload'

import citedConfig from '../../payload.config'
import { createDemoSource, publishImportedArticle } from '../../src/demo/publish'
import { guardGraphQL, guardRest } from '../../src/http/routes'
import plainConfig from './plain.config'

export type LoadPeer = 'cited' | 'plain'

export type LoadPeerReply =
  | { type: 'error'; message: string }
  | { type: 'ready'; slug: string; port: number }
  | { type: 'seeded'; slug: string }

export type LoadPeerMessage = { type: 'stop' }

const argument = (name: string): string | undefined => {
  const index = process.argv.indexOf(`--${name}`)
  return index === -1 ? undefined : process.argv[index + 1]
}
const peer = argument('peer') as LoadPeer
const mode = (argument('mode') ?? 'serve') as 'seed' | 'serve'
const root = path.resolve(import.meta.dirname, '..', '..')
const debug = (message: string) => {
  if (process.env.BENCH_DEBUG) {
    console.error(`[load ${peer}] ${message}`)
  }
}

/** The full demo article, its claims cited and approved, published; returns its slug. */
async function publishDemoArticle(payload: Payload): Promise<string> {
  const fixture = await fs.readFile(
    path.join(root, 'tests/fixtures/acupuncture-back-pain.txt'),
    'utf8',
  )
  const published = await publishImportedArticle(payload, fixture, {
    source: await createDemoSource(payload),
  })
  return published.slug ?? ''
}

type RestHandler = (
  request: Request,
  args: { params: Promise<{ slug: string[] }> },
) => Promise<Response>

/** A Node `http` server in front of Payload's route handlers: `GET /api/…` and `POST /api/graphql`. */
function serve(config: SanitizedConfig): Promise<http.Server> {
  const restGet: RestHandler = guardRest(REST_GET(config))
  const graphqlPost = guardGraphQL(GRAPHQL_POST(config), config)
  const api = config.routes.api
  const graphqlPath = `${api}${config.routes.graphQL}`

  const server = http.createServer(async (incoming, outgoing) => {
    try {
      const chunks: Buffer[] = []
      // eslint-disable-next-line @typescript-eslint/await-thenable -- false positive: IncomingMessage is async iterable (tsc agrees); the lint's type utilities run on another TypeScript version than its parser (@payloadcms/eslint-config pins 5.7.3)
      for await (const chunk of incoming) {
        chunks.push(chunk as Buffer)
      }
      const url = new URL(incoming.url ?? '/', `http://${incoming.headers.host ?? '127.0.0.1'}`)
      const headers = new Headers()
      for (const [name, value] of Object.entries(incoming.headers)) {
        if (value !== undefined) {
          headers.set(name, Array.isArray(value) ? value.join(', ') : value)
        }
      }
      const method = incoming.method ?? 'GET'
      const request = new Request(url, {
        method,
        headers,
        body:
          method === 'GET' || method === 'HEAD' || chunks.length === 0
            ? undefined
            : Buffer.concat(chunks),
      })
      let response: Response
      if (method === 'POST' && url.pathname === graphqlPath) {
        response = await graphqlPost(request)
      } else if (method === 'GET' && url.pathname.startsWith(`${api}/`)) {
        const slug = url.pathname
          .slice(api.length + 1)
          .split('/')
          .filter(Boolean)
        response = await restGet(request, { params: Promise.resolve({ slug }) })
      } else {
        response = new Response(JSON.stringify({ errors: [{ message: 'Not found' }] }), {
          status: 404,
          headers: { 'Content-Type': 'application/json' },
        })
      }
      const body = Buffer.from(await response.arrayBuffer())
      const out: Record<string, string> = {}
      response.headers.forEach((value, name) => {
        if (
          name !== 'content-length' &&
          name !== 'transfer-encoding' &&
          name !== 'content-encoding'
        ) {
          out[name] = value
        }
      })
      out['content-length'] = String(body.length)
      outgoing.writeHead(response.status, out)
      outgoing.end(body)
    } catch (error) {
      debug(`request failed: ${String(error)}`)
      if (!outgoing.headersSent) {
        outgoing.writeHead(500, { 'Content-Type': 'text/plain' })
      }
      outgoing.end('internal error')
    }
  })
  server.keepAliveTimeout = 65_000
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve(server))
  })
}

/** Boots the peer, publishes the demo article and seeds or serves (see the file's comment). */
export async function main(): Promise<void> {
  const config = await (peer === 'cited' ? citedConfig : plainConfig)
  const quiet = process.env.BENCH_DEBUG
    ? config
    : ({ ...config, logger: { options: { enabled: false } } } as typeof config)
  const payload: Payload = await getPayload({ config: quiet })
  debug('payload ready')
  const slug = await publishDemoArticle(payload)
  debug(`published ${slug}`)

  if (mode === 'seed') {
    process.send?.({ type: 'seeded', slug } satisfies LoadPeerReply)
    await payload.destroy()
    process.exit(0)
  }

  const server = await serve(payload.config)
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  process.on('message', async (message: LoadPeerMessage) => {
    if (message.type !== 'stop') {
      return
    }
    server.closeAllConnections()
    server.close()
    await payload.destroy().catch(() => {})
    process.exit(0)
  })
  process.send?.({ type: 'ready', slug, port } satisfies LoadPeerReply)
}
