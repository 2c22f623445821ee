/**
 * Runs a command with a database: `DATABASE_URL` when given, otherwise the embedded cluster
 * under `.data/` (started for the command and stopped after it).
 *   node --import tsx scripts/with-db.ts -- payload generate:types
 */
import { spawn } from 'node:child_process'

import { withDatabase } from './lib/database.js'

const separator = process.argv.indexOf('--')
const [command, ...args] = process.argv.slice(separator === -1 ? 2 : separator + 1)
if (!command) {
  console.error('usage: with-db.ts -- <command> [args…]')
  process.exit(2)
}

const code = await withDatabase(
  (env) =>
    new Promise<number>((resolve) => {
      const child = spawn(command, args, { stdio: 'inherit', env, shell: false })
      child.on('exit', (exitCode) => resolve(exitCode ?? 1))
    }),
)
process.exit(code)
