/**
 * `npm run generate`: rewrites every artefact generated from the config — payload-types.ts,
 * the admin import map and schema.graphql. CI runs it and fails when git sees a difference.
 */
import { run } from './lib/run.js'

const steps: [string, string[]][] = [
  ['payload', ['generate:types']],
  ['payload', ['generate:importmap']],
  ['payload-graphql', ['generate:schema']],
]
for (const [command, args] of steps) {
  const code = await run(command, args, process.env)
  if (code !== 0) process.exit(code)
}
