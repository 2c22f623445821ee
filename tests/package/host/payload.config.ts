/**
 * A clinic's own Payload app, written as any Payload site is — its own `users` (with a field of
 * its own) and `pages` — with Cited installed from the packed tarball (`import … from 'cited'`).
 * tests/package/host.test.ts copies this directory to a temp dir, installs it and proves Cited works in it.
 */
import { postgresAdapter } from '@payloadcms/db-postgres'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { citedPlugin } from 'cited'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildConfig } from 'payload'

import { Pages } from './collections/Pages'
import { Users } from './collections/Users'

const dirname = path.dirname(fileURLToPath(import.meta.url))

export default buildConfig({
  secret: process.env.PAYLOAD_SECRET || 'clinic-host-secret',
  admin: { user: Users.slug, importMap: { baseDir: dirname } },
  editor: lexicalEditor(),
  collections: [Users, Pages],
  db: postgresAdapter({ pool: { connectionString: process.env.DATABASE_URL } }),
  typescript: { outputFile: path.resolve(dirname, 'payload-types.ts') },
  plugins: [citedPlugin({ mediaDir: path.resolve(dirname, 'media') })],
})
