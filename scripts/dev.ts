/**
 * `npm run dev`: a real PostgreSQL (embedded, data in `.data/`, unless DATABASE_URL is set),
 * Payload pushing its schema in development mode, and Next.js serving the admin at /admin and
 * the APIs at /api and /api/graphql.
 */
import { withDatabase } from './lib/database.js'
import { run } from './lib/run.js'

const port = process.env.PORT || '3000'

const code = await withDatabase(async (env) => {
  console.log(`Cited: admin at http://localhost:${port}/admin, REST at /api, GraphQL at /api/graphql`)
  return run('next', ['dev', '--port', port], env)
})
process.exit(code)
