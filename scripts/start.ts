/**
 * `npm start`: production. Applies the committed migrations (no schema push), then serves the
 * built app. Uses DATABASE_URL, or the embedded cluster in `.data/` when it is not set.
 */
import { withDatabase } from './lib/database.js'
import { run } from './lib/run.js'

const port = process.env.PORT || '3000'

const code = await withDatabase(async (env) => {
  const productionEnv: NodeJS.ProcessEnv = { ...env, NODE_ENV: 'production' }
  const migrated = await run('payload', ['migrate'], productionEnv)
  if (migrated !== 0) return migrated
  return run('next', ['start', '--port', port], productionEnv)
})
process.exit(code)
