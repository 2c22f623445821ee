/**
 * `npm start`: production. Applies the committed migrations (scripts/migrate.ts; no schema push), then serves the
 * built app with scripts/serve.ts. Uses DATABASE_URL, or the embedded cluster in `.data/` when it is not set.
 * Without PAYLOAD_SECRET, a random secret is made once and kept in `.data/payload-secret`, so a
 * production server never runs on the development default.
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'

import { withDatabase } from './lib/database'
import { run } from './lib/run'

const port = process.env.PORT || '3000'
const root = path.resolve(import.meta.dirname, '..')

async function productionSecret(): Promise<string> {
  if (process.env.PAYLOAD_SECRET) {
    return process.env.PAYLOAD_SECRET
  }
  const file = path.join(root, '.data', 'payload-secret')
  const kept = await fs.readFile(file, 'utf8').catch(() => '')
  if (kept.trim()) {
    return kept.trim()
  }
  const secret = randomBytes(32).toString('hex')
  await fs.mkdir(path.dirname(file), { recursive: true })
  await fs.writeFile(file, `${secret}\n`, { mode: 0o600 })
  console.warn(
    `Cited: no PAYLOAD_SECRET set; generated one in ${file}. Set PAYLOAD_SECRET in real deployments.`,
  )
  return secret
}

const secret = await productionSecret()
const code = await withDatabase(async (env) => {
  const productionEnv: NodeJS.ProcessEnv = {
    ...env,
    NODE_ENV: 'production',
    PORT: port,
    PAYLOAD_SECRET: secret,
  }
  const migrated = await run(
    process.execPath,
    ['--import', 'tsx', 'scripts/migrate.ts'],
    productionEnv,
  )
  if (migrated !== 0) {
    return migrated
  }
  // Next's request handler behind Cited's server with admission (scripts/serve.ts), not `next start`.
  return run(process.execPath, ['--import', 'tsx', 'scripts/serve.ts'], productionEnv)
})
process.exit(code)
