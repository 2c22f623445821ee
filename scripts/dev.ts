/**
 * `npm run dev`: a real PostgreSQL (embedded, data in `.data/`, unless DATABASE_URL is set),
 * Payload pushing its schema in development mode, and Next.js serving the admin at /admin and
 * the APIs at /api and /api/graphql. On first start (no articles) the demo article is imported
 * and, once the first admin signs up, the demo editor and reviewer accounts are created.
 */
import { withDatabase } from './lib/database.js'
import { run } from './lib/run.js'

const port = process.env.PORT || '3000'

const code = await withDatabase(async (env) => {
  // Demo on first start: an empty database gets the demo article; demo accounts follow the first
  // admin (CITED_SEED_DEMO=1 turns on demo mode in payload.config.ts). CITED_SEED_DEMO=0 skips it.
  const demoEnv: NodeJS.ProcessEnv = {
    ...env,
    PORT: port,
    CITED_SEED_DEMO: env.CITED_SEED_DEMO ?? '1',
  }
  if (demoEnv.CITED_SEED_DEMO === '1') {
    const seeded = await run('node', ['--import', 'tsx', 'scripts/seed-demo.ts'], demoEnv)
    if (seeded !== 0) {
      console.error('Cited: seeding the demo failed; starting without it.')
    }
  }
  console.log(
    `Cited: admin at http://localhost:${port}/admin, REST at /api, GraphQL at /api/graphql`,
  )
  return run('next', ['dev', '--port', port], demoEnv)
})
process.exit(code)
