/**
 * `npm run generate`: rewrites every artefact generated from the config — payload-types.ts,
 * the admin import map and schema.graphql. CI runs it and fails when git sees a difference.
 *
 * Runs the generators in-process rather than through the `payload` CLI: on Node 20 the CLI can
 * end before its work is done (it starts with `void start()` and the event loop may run empty
 * while a transpiled module loads), exiting 0 without writing — which would make the drift check
 * pass without checking. A keep-alive timer holds the process until every file is written.
 */
import { configToSchema } from '@payloadcms/graphql'
import { printSchema } from 'graphql'
import fs from 'node:fs/promises'
import { generateImportMap } from 'payload'
import { generateTypes } from 'payload/node'

import configPromise from '../payload.config'

const keepAlive = setInterval(() => {}, 60_000)
try {
  const config = await configPromise
  await generateTypes(config)
  await generateImportMap(config, { force: true, log: true })
  const graphQLFile = config.graphQL.schemaOutputFile
  await fs.writeFile(graphQLFile, printSchema(configToSchema(config).schema))
  for (const file of [config.typescript.outputFile, config.admin.importMap.importMapFile, graphQLFile]) {
    if (!file || (await fs.stat(file)).size === 0) throw new Error(`generate: ${file} was not written`)
  }
  console.log('Cited: payload-types.ts, the import map and schema.graphql are up to date.')
} finally {
  clearInterval(keepAlive)
}
