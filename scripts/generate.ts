/**
 * `npm run generate`: rewrites every artefact generated from the config — payload-types.ts,
 * the admin import map and schema.graphql — and Cited's own types, src/types/generated.ts. CI
 * runs it and fails when git sees a difference.
 *
 * src/types/generated.ts is generated from Cited alone on an empty host (the same PostgreSQL
 * adapter, so ids are numbers) and without payload-types.ts's `declare module 'payload'`: the
 * plugin's code is typed by its own collections and never retypes the Payload of a host.
 *
 * Runs the generators in-process rather than through the `payload` CLI: on Node 20 the CLI can
 * end before its work is done (it starts with `void start()` and the event loop may run empty
 * while a transpiled module loads), exiting 0 without writing — which would make the drift check
 * pass without checking. A keep-alive timer holds the process until every file is written.
 */
import { postgresAdapter } from '@payloadcms/db-postgres'
import { configToSchema } from '@payloadcms/graphql'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { printSchema } from 'graphql'
import fs from 'node:fs/promises'
import path from 'node:path'
import { buildConfig, generateImportMap } from 'payload'
import { generateTypes } from 'payload/node'

import configPromise from '../payload.config'
import { citedPlugin } from '../src/index'

const root = path.resolve(import.meta.dirname, '..')
const citedTypesFile = path.resolve(root, 'src/types/generated.ts')

const keepAlive = setInterval(() => {}, 60_000)
try {
  const config = await configPromise
  await generateTypes(config)
  await generateImportMap(config, { force: true, log: true })
  const graphQLFile = config.graphQL.schemaOutputFile
  await fs.writeFile(graphQLFile, printSchema(configToSchema(config).schema))

  const citedOnly = await buildConfig({
    secret: 'cited-types',
    db: postgresAdapter({ pool: { connectionString: '' } }),
    editor: lexicalEditor(),
    collections: [],
    plugins: [citedPlugin()],
    typescript: { outputFile: citedTypesFile, declare: false },
  })
  await generateTypes(citedOnly)

  for (const file of [
    config.typescript.outputFile,
    config.admin.importMap.importMapFile,
    graphQLFile,
    citedTypesFile,
  ]) {
    if (!file || (await fs.stat(file)).size === 0) {
      throw new Error(`generate: ${file} was not written`)
    }
  }
  console.log(
    'Cited: payload-types.ts, src/types/generated.ts, the import map and schema.graphql are up to date.',
  )
} finally {
  clearInterval(keepAlive)
}
