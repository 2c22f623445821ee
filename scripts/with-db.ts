/**
 * Runs a command with a database: `DATABASE_URL` when given, otherwise the embedded cluster
 * under `.data/` (started for the command and stopped after it).
 *   node --import tsx scripts/with-db.ts -- payload migrate
 */
import { withDatabase } from './lib/database'
import { run } from './lib/run'

const separator = process.argv.indexOf('--')
const [command, ...args] = process.argv.slice(separator === -1 ? 2 : separator + 1)
if (!command) {
  console.error('usage: with-db.ts -- <command> [args…]')
  process.exit(2)
}

process.exit(await withDatabase((env) => run(command, args, env)))
