import type { CollectionConfig, Config, Payload, SanitizedConfig } from 'payload'

import { postgresAdapter } from '@payloadcms/db-postgres'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import os from 'node:os'
import path from 'node:path'
import { buildConfig, getPayload } from 'payload'
import sharp from 'sharp'

import type { CitedPluginOptions } from '../../src'

import configPromise from '../../payload.config'
import { citedPlugin } from '../../src'
import { Api, createUser, type TestUser } from './api'

export interface TestContext {
  payload: Payload
  config: SanitizedConfig
  /** Anonymous API. `api.as(user.token)` acts as a user. */
  api: Api
  admin: TestUser
  editor: TestUser
  reviewer: TestUser
}

/** Boots Payload on this file's fresh database and creates one user per role. */
export async function bootPayload(): Promise<TestContext> {
  const config = await configPromise
  const payload = await getPayload({ config })
  const api = new Api(config)
  const admin = await createUser(payload, api, ['admin'], 'admin')
  const editor = await createUser(payload, api, ['editor'], 'editor')
  const reviewer = await createUser(payload, api, ['reviewer'], 'reviewer')
  return { payload, config, api, admin, editor, reviewer }
}

/** What a test host app brings: its own collections and admin settings, and Cited's options. */
export interface TestHost {
  collections?: CollectionConfig[]
  admin?: Config['admin']
  cited?: CitedPluginOptions
  /** The host's email adapter (e.g. `nodemailerAdapter(...)`); Payload's console adapter when unset. */
  email?: Config['email']
  /** The host's `serverURL` (links in e-mails); empty when unset. */
  serverURL?: string
  /** The adapter's `transactionOptions`: `false` is a host that turned transactions off. */
  transactionOptions?: false
}

/**
 * A host app's config like `payload.config.ts` (PostgreSQL on this file's database, Lexical,
 * sharp) with the host's own collections and Cited's options. It writes no generated files.
 */
export function hostConfig(host: TestHost = {}): Promise<SanitizedConfig> {
  return buildConfig({
    secret: process.env.PAYLOAD_SECRET || 'cited-test-secret',
    admin: { ...host.admin, importMap: { autoGenerate: false } },
    editor: lexicalEditor(),
    collections: host.collections ?? [],
    ...(host.email ? { email: host.email } : {}),
    ...(host.serverURL ? { serverURL: host.serverURL } : {}),
    db: postgresAdapter({
      pool: { connectionString: process.env.DATABASE_URL },
      ...(host.transactionOptions === false ? { transactionOptions: false } : {}),
    }),
    sharp,
    typescript: { autoGenerate: false },
    plugins: [citedPlugin({ mediaDir: path.join(os.tmpdir(), 'cited-test-media'), ...host.cited })],
  })
}

/**
 * Boots Payload for a host config on this file's database and creates one user per role. The
 * REST and GraphQL handlers serve Payload's default instance, so boot one such config per file;
 * more configs can run under their own `key` through the Local API.
 */
export async function bootPayloadFor(
  configPromise: Promise<SanitizedConfig>,
  options: { key?: string } = {},
): Promise<TestContext> {
  const config = await configPromise
  const payload = await getPayload({ config, key: options.key })
  const api = new Api(config)
  const admin = await createUser(payload, api, ['admin'], 'admin')
  const editor = await createUser(payload, api, ['editor'], 'editor')
  const reviewer = await createUser(payload, api, ['reviewer'], 'reviewer')
  return { payload, config, api, admin, editor, reviewer }
}
