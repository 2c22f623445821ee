/**
 * Applies the committed migrations (`src/migrations`) to DATABASE_URL — what `payload migrate`
 * does, run in-process under `node --import tsx`.
 *
 * Why not the `payload` CLI: on a cold transpile cache it sometimes exits 0 before doing
 * anything (its entry starts work with `void start()` behind tsx's asynchronous loader, and
 * Node may end the process first). A silent no-op migration would start production on an empty
 * schema, so this script also checks the result.
 */
import { BasePayload } from 'payload'

import configPromise from '../payload.config'

process.env.PAYLOAD_MIGRATING = 'true'
const payload = new BasePayload()
await payload.init({ config: await configPromise, disableOnInit: true })
await payload.db.migrate()
const { docs } = await payload.find({
  collection: 'payload-migrations',
  limit: 0,
  pagination: false,
  depth: 0,
})
if (docs.length === 0) {
  console.error('Cited: no migration was recorded as applied; refusing to continue.')
  process.exit(1)
}
console.log(
  `Cited: database schema is up to date (${docs.length} migration${docs.length > 1 ? 's' : ''} applied).`,
)
process.exit(0)
