/**
 * npm run bench:read [-- --n 1,10,100,1000] [--iterations 30]
 *
 * Anonymous reads as a clinic's content grows, side by side with a plain-Payload peer (the same
 * collections and fields with Cited's hooks and access removed, `published or logged in` read
 * access). Both peers run at once, each in a process and a database of its own on one throw-away
 * PostgreSQL, and are measured in turns (cited, plain, plain, cited, …) so the machine's noise hits
 * both alike. For each N they hold N published copies of the full demo article, created through
 * Payload (Cited's stored sets are the real ones), and the benchmark prints p50 and p95 of:
 * the anonymous article read (REST depth=2 and the GraphQL example query), `GET /api/claims?limit=10`,
 * `GET /api/sources?limit=10`, saving one benefit shown by a published article, and SQL statements
 * per request — with the Cited/plain ratios and the targets.
 *
 * Quick mode for a smoke run: `--n 1,10 --iterations 5`.
 */
import { type ChildProcess, fork } from 'node:child_process'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'

import type { RequestKind, WorkerMessage } from './read-peer'

import { startEmbeddedPostgres } from '../lib/postgres'

const arg = (name: string, fallback: string) => {
  const index = process.argv.indexOf(`--${name}`)
  return index === -1 ? fallback : (process.argv[index + 1] ?? fallback)
}
const SIZES = arg('n', '1,10,100,1000').split(',').map(Number)
const ITERATIONS = Number(arg('iterations', '30'))
const KINDS: RequestKind[] = [
  'article-rest',
  'article-graphql',
  'claims-list',
  'sources-list',
  'save-benefit',
]
const LABELS: Record<RequestKind, string> = {
  'article-rest': 'article read, REST depth=2',
  'article-graphql': 'article read, GraphQL example',
  'claims-list': 'GET /api/claims?limit=10',
  'sources-list': 'GET /api/sources?limit=10',
  'save-benefit': 'saving one benefit',
}

type Peer = 'cited' | 'plain'
type Reply = { type: string; ms?: number; n?: number; statements?: number; message?: string }

class Worker {
  private readonly child: ChildProcess
  private pending: ((reply: Reply) => void) | undefined
  readonly ready: Promise<Reply>

  constructor(
    readonly peer: Peer,
    databaseUrl: string,
  ) {
    this.child = fork(path.join(import.meta.dirname, 'read-worker.ts'), ['--peer', peer], {
      execArgv: ['--import', 'tsx'],
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        PAYLOAD_SECRET: 'cited-bench-secret',
        CITED_SEED_DEMO: '0',
      },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    })
    this.child.on('message', (reply: Reply) => {
      const resolve = this.pending
      this.pending = undefined
      resolve?.(reply)
    })
    this.child.on('exit', (code) => {
      const resolve = this.pending
      this.pending = undefined
      resolve?.({ type: 'error', message: `the ${peer} worker exited (code ${code})` })
    })
    this.ready = new Promise((resolve) => (this.pending = resolve))
  }

  async ask(message: WorkerMessage): Promise<Reply> {
    const reply = await new Promise<Reply>((resolve) => {
      this.pending = resolve
      this.child.send(message)
    })
    if (reply.type === 'error') {
      throw new Error(`${this.peer}: ${reply.message}`)
    }
    return reply
  }

  stop(): void {
    if (this.child.connected) {
      this.child.send({ type: 'stop' } satisfies WorkerMessage)
    }
    setTimeout(() => this.child.kill(), 5000).unref()
  }
}

/**
 * A peer process that answered "ready". On Node 20 a process can end (exit 13) while tsx
 * transpiles a cold module graph, whatever the keep-alive: a peer that exits or stays silent
 * during start-up is started again (its database is fine to reuse).
 */
async function startWorker(peer: Peer, databaseUrl: string): Promise<Worker> {
  for (let attempt = 1; ; attempt += 1) {
    const worker = new Worker(peer, databaseUrl)
    const timeout = new Promise<Reply>((resolve) =>
      setTimeout(() => resolve({ type: 'error', message: 'no answer in 180 s' }), 180_000).unref(),
    )
    const reply = await Promise.race([worker.ready, timeout])
    if (reply.type === 'ready') {
      return worker
    }
    worker.stop()
    if (attempt === 3) {
      throw new Error(`the ${peer} peer did not start: ${reply.message}`)
    }
    console.error(`(the ${peer} peer did not start: ${reply.message}; starting it again)`)
  }
}

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN
}

const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1))

async function main(): Promise<void> {
  const external = process.env.DATABASE_URL
  const cluster = external
    ? undefined
    : await startEmbeddedPostgres({
        dataDir: path.join(os.tmpdir(), `cited-bench-${process.pid}`),
        persistent: false,
        database: 'postgres',
      })
  const base = external ?? cluster!.url
  const urls: Record<Peer, string> = { cited: '', plain: '' }
  const admin = new pg.Client({ connectionString: base })
  await admin.connect()
  for (const peer of ['cited', 'plain'] as Peer[]) {
    const name = `cited_bench_${peer}_${process.pid}`
    await admin.query(`create database ${name}`)
    const url = new URL(base)
    url.pathname = `/${name}`
    urls[peer] = url.toString()
  }
  await admin.end()

  const [cited, plain] = await Promise.all([
    startWorker('cited', urls.cited),
    startWorker('plain', urls.plain),
  ])
  const workers = { cited, plain }
  console.log(
    `bench:read — ${os.cpus().length} cores, ${ITERATIONS} requests per kind per peer, N = ${SIZES.join(', ')}\n`,
  )

  const results: Record<
    number,
    Record<RequestKind, Record<Peer, { p50: number; p95: number; sql: number }>>
  > = {}
  try {
    for (const n of SIZES) {
      const grown = await Promise.all([
        workers.cited.ask({ type: 'grow', n }),
        workers.plain.ask({ type: 'grow', n }),
      ])
      console.log(
        `N = ${n}: ${n} published copies (created in ${(grown[0].ms! / 1000).toFixed(0)} s with Cited, ${(grown[1].ms! / 1000).toFixed(0)} s plain)`,
      )
      results[n] = {} as (typeof results)[number]
      for (const kind of KINDS) {
        const times: Record<Peer, number[]> = { cited: [], plain: [] }
        for (const peer of ['cited', 'plain'] as Peer[]) {
          await workers[peer].ask({ type: 'measure', kind })
        } // warm-up
        for (let i = 0; i < ITERATIONS; i += 1) {
          const order: Peer[] = i % 2 === 0 ? ['cited', 'plain'] : ['plain', 'cited']
          for (const peer of order) {
            times[peer].push((await workers[peer].ask({ type: 'measure', kind })).ms!)
          }
        }
        const sql = {
          cited: (await workers.cited.ask({ type: 'sql', kind })).statements!,
          plain: (await workers.plain.ask({ type: 'sql', kind })).statements!,
        }
        results[n][kind] = {
          cited: {
            p50: percentile(times.cited, 50),
            p95: percentile(times.cited, 95),
            sql: sql.cited,
          },
          plain: {
            p50: percentile(times.plain, 50),
            p95: percentile(times.plain, 95),
            sql: sql.plain,
          },
        }
        const r = results[n][kind]
        console.log(
          `  ${LABELS[kind].padEnd(32)} p50 ${ms(r.cited.p50).padStart(6)} / ${ms(r.plain.p50).padStart(6)} ms (${(r.cited.p50 / r.plain.p50).toFixed(2)}×)` +
            `  p95 ${ms(r.cited.p95).padStart(6)} / ${ms(r.plain.p95).padStart(6)} ms (${(r.cited.p95 / r.plain.p95).toFixed(2)}×)` +
            `  SQL ${String(r.cited.sql).padStart(3)} / ${String(r.plain.sql).padStart(3)}`,
        )
      }
      console.log('')
    }
  } finally {
    workers.cited.stop()
    workers.plain.stop()
    await new Promise((resolve) => setTimeout(resolve, 6000))
    await cluster?.stop()
  }

  // Targets: Cited/plain ≤ 1.2× for the article read at every N; p50 at the largest N ≤ 1.2× p50
  // at the smallest; SQL per read the same at every N.
  const first = SIZES[0]
  const last = SIZES.at(-1)!
  const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL')
  console.log('Targets (Cited / plain, in the same run):')
  for (const kind of ['article-rest', 'article-graphql'] as RequestKind[]) {
    const worst = Math.max(
      ...SIZES.map((n) => results[n][kind].cited.p50 / results[n][kind].plain.p50),
    )
    const growth = results[last][kind].cited.p50 / results[first][kind].cited.p50
    console.log(
      `  ${LABELS[kind]}: worst p50 ratio ${worst.toFixed(2)}× (≤ 1.2×: ${verdict(worst <= 1.2)}); p50 at N=${last} / N=${first}: ${growth.toFixed(2)} (≤ 1.2: ${verdict(growth <= 1.2)})`,
    )
  }
  for (const kind of [
    'article-rest',
    'article-graphql',
    'claims-list',
    'sources-list',
  ] as RequestKind[]) {
    const counts = SIZES.map((n) => results[n][kind].cited.sql)
    console.log(
      `  SQL per request, ${LABELS[kind]}: ${counts.join(', ')} (constant in N: ${verdict(counts.every((count) => count === counts[0]))})`,
    )
  }
  process.exit(0)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
