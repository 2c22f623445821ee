/**
 * The "plain Payload" peer of the read benchmark: Cited's collections and fields exactly, with
 * Cited's hooks, endpoints and access removed, and Payload's usual read access — published
 * documents or a logged-in user for collections with drafts, everyone for the rest.
 */
import type { CollectionConfig, Config } from 'payload'

import { postgresAdapter } from '@payloadcms/db-postgres'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { publishedOrLoggedIn } from '../../src/access/publishedOrLoggedIn'
import { citedPlugin } from '../../src/index'

const everyone = () => true
const loggedIn = ({ req }: { req: { user?: unknown } }) => Boolean(req.user)

function plain(collection: CollectionConfig): CollectionConfig {
  const drafts = Boolean(
    collection.versions && typeof collection.versions === 'object' && collection.versions.drafts,
  )
  return {
    ...collection,
    hooks: {},
    endpoints: [],
    access: {
      ...(collection.auth ? collection.access : {}),
      read: collection.auth ? collection.access?.read : drafts ? publishedOrLoggedIn : everyone,
      create: loggedIn,
      update: loggedIn,
      delete: loggedIn,
    },
  }
}

const plainPeer = (config: Config): Config => ({
  ...config,
  onInit: undefined,
  collections: (config.collections ?? []).map(plain),
})

export default buildConfig({
  secret: 'cited-bench-secret',
  editor: lexicalEditor(),
  collections: [],
  db: postgresAdapter({ pool: { connectionString: process.env.DATABASE_URL } }),
  sharp,
  plugins: [citedPlugin({ disabled: true }), plainPeer],
})
