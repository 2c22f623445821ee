/**
 * The production app for browser and contract tests: a throw-away embedded PostgreSQL, the
 * committed migrations applied by `scripts/migrate.ts`, the `next build` output (built here only
 * when `.next/BUILD_ID` is missing, or always with `CITED_E2E_BUILD=1`) served by scripts/serve.ts (Next's handler, as `next start`) on
 * a free port. `stop()` ends the server and removes the database, also after a failure.
 *
 * `CITED_E2E_URL=http://localhost:3000` runs the tests against a server you started yourself.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { createWriteStream, existsSync } from 'node:fs'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'

import { findFreePort, startEmbeddedPostgres } from '../../../scripts/lib/postgres'

const root = path.resolve(import.meta.dirname, '..', '..', '..')
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name)

export const E2E_SECRET = 'cited-e2e-secret'

export interface TestServer {
  url: string
  databaseUrl: string
  stop: () => Promise<void>
}

async function tail(file: string, lines = 60): Promise<string> {
  try {
    return (await fs.readFile(file, 'utf8')).split('\n').slice(-lines).join('\n')
  } catch {
    return ''
  }
}

/** Runs a command to its end, its output appended to `logFile`; throws with the log's tail on failure. */
function runToEnd(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  logFile: string,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const log = createWriteStream(logFile, { flags: 'a' })
    const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] })
    child.stdout.pipe(log, { end: false })
    child.stderr.pipe(log, { end: false })
    child.on('error', reject)
    child.on('exit', async (code) => {
      log.end()
      if (code === 0) {
        return resolve()
      }
      reject(
        new Error(
          `${path.basename(command)} ${args.join(' ')} exited with ${code}:\n${await tail(logFile)}`,
        ),
      )
    })
  })
}

async function waitForHttp(
  url: string,
  server: ChildProcess,
  logFile: string,
  timeoutMs = 120_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (server.exitCode !== null) {
      throw new Error(`the server exited with ${server.exitCode}:\n${await tail(logFile)}`)
    }
    try {
      const response = await fetch(url, { redirect: 'follow' })
      if (response.status === 200) {
        return
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000}s:\n${await tail(logFile)}`)
}

/** The schema the server needs is there: fail here, with the migration's output, rather than later. */
async function assertMigrated(databaseUrl: string, logFile: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const { rows } = await client.query<{ table: null | string }>(
      "select to_regclass('public.articles')::text as table",
    )
    if (!rows[0]?.table) {
      throw new Error(
        `the migration exited 0 but created no "articles" table:\n${await tail(logFile, 200)}`,
      )
    }
  } finally {
    await client.end()
  }
}

/** Keeps the server's log as a CI artefact next to the screenshots: one per server (test file). */
async function keepLog(logFile: string): Promise<void> {
  const target = path.join(
    root,
    'tests',
    'e2e',
    'screenshots',
    `server-${path.basename(path.dirname(logFile))}.log`,
  )
  await fs.mkdir(path.dirname(target), { recursive: true })
  await fs.copyFile(logFile, target).catch(() => {})
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) {
    return Promise.resolve()
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL')
      } catch {
        // already gone
      }
    }, 10_000)
    child.once('exit', () => {
      clearTimeout(timer)
      resolve()
    })
    try {
      // The server runs in its own process group: stop next and anything it started.
      process.kill(-child.pid!, 'SIGTERM')
    } catch {
      clearTimeout(timer)
      resolve()
    }
  })
}

export async function startServer(
  log: (message: string) => void = console.log,
): Promise<TestServer> {
  if (process.env.CITED_E2E_URL) {
    return {
      url: process.env.CITED_E2E_URL.replace(/\/$/, ''),
      databaseUrl: process.env.DATABASE_URL ?? '',
      stop: async () => {},
    }
  }
  const workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'cited-e2e-'))
  const logFile = path.join(workDir, 'server.log')
  // The server's log is kept next to the screenshots (a CI artefact), then the work dir goes.
  const cleanups: (() => Promise<void>)[] = [
    () => fs.rm(workDir, { recursive: true, force: true }),
    () => keepLog(logFile),
  ]
  const stop = async () => {
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup()
      } catch (error) {
        log(`e2e cleanup: ${String(error)}`)
      }
    }
  }
  try {
    log('e2e: starting embedded PostgreSQL…')
    const cluster = await startEmbeddedPostgres({
      dataDir: path.join(os.tmpdir(), `cited-e2e-pg-${process.pid}-${Date.now()}`),
      persistent: false,
      database: 'cited_e2e',
    })
    cleanups.push(() => cluster.stop())
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: cluster.url,
      PAYLOAD_SECRET: E2E_SECRET,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      CITED_SEED_DEMO: '0',
    }

    log('e2e: migrate…')
    await runToEnd(process.execPath, ['--import', 'tsx', 'scripts/migrate.ts'], env, logFile)
    await assertMigrated(cluster.url, logFile)

    if (process.env.CITED_E2E_BUILD === '1' || !existsSync(path.join(root, '.next', 'BUILD_ID'))) {
      log('e2e: next build (no build found)…')
      await runToEnd(bin('next'), ['build'], env, logFile)
    }

    const port = await findFreePort()
    const url = `http://127.0.0.1:${port}`
    log(`e2e: production server (scripts/serve.ts) on ${url}…`)
    const out = createWriteStream(logFile, { flags: 'a' })
    const server = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts'], {
      cwd: root,
      env: { ...env, PORT: String(port), CITED_LISTEN_HOST: '127.0.0.1', SERVER_URL: url },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    })
    server.stdout?.pipe(out)
    server.stderr?.pipe(out)
    cleanups.push(() => stopProcess(server))
    await waitForHttp(`${url}/admin`, server, logFile)
    log('e2e: server ready')
    return { url, databaseUrl: cluster.url, stop }
  } catch (error) {
    await keepLog(logFile)
    await stop()
    throw error
  }
}
