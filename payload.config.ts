import { postgresAdapter } from '@payloadcms/db-postgres'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { citedPlugin } from './src/index'

const dirname = path.dirname(fileURLToPath(import.meta.url))

/** The clinic app: Payload with the Cited plugin on PostgreSQL. */
export default buildConfig({
  secret: process.env.PAYLOAD_SECRET || 'cited-development-secret-change-me',
  serverURL: process.env.SERVER_URL || '',
  admin: {
    importMap: {
      baseDir: dirname,
      importMapFile: path.resolve(dirname, 'src/app/(payload)/admin/importMap.js'),
    },
    meta: { titleSuffix: ' — Cited' },
    // No Gravatar: the admin makes no requests to third parties (health staff e-mail hashes).
    avatar: 'default',
  },
  editor: lexicalEditor(),
  collections: [],
  db: postgresAdapter({
    pool: { connectionString: process.env.DATABASE_URL },
    migrationDir: path.resolve(dirname, 'src/migrations'),
  }),
  sharp,
  typescript: {
    outputFile: path.resolve(dirname, 'payload-types.ts'),
  },
  graphQL: {
    schemaOutputFile: path.resolve(dirname, 'schema.graphql'),
  },
  plugins: [
    citedPlugin({
      mediaDir: path.resolve(dirname, 'media'),
      // `npm run dev` sets it: demo accounts appear once the first admin signs up.
      demoAccounts: process.env.CITED_SEED_DEMO === '1',
    }),
  ],
})
