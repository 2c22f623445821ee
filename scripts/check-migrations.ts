/**
 * Fails when the schema differs from the committed migrations: asks the database adapter for a
 * new migration (`skipEmpty`), which it writes to `src/migrations` only when something changed.
 * `.ci/run` then fails on any new file. In-process, with a keep-alive, for the reason given in
 * scripts/generate.ts.
 */
import { BasePayload } from 'payload'

import configPromise from '../payload.config'

const keepAlive = setInterval(() => {}, 60_000)
try {
  process.env.PAYLOAD_MIGRATING = 'true'
  const payload = new BasePayload()
  await payload.init({ config: await configPromise, disableDBConnect: true, disableOnInit: true })
  await payload.db.createMigration({ migrationName: 'drift-check', payload, skipEmpty: true })
  console.log('Cited: migration check done.')
} finally {
  clearInterval(keepAlive)
}
process.exit(0)
