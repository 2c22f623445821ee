/**
 * This repository's app: Payload with the Cited plugin on PostgreSQL, e-mail through SMTP when
 * configured, and the admin's import map.
 */
import { postgresAdapter } from '@payloadcms/db-postgres'
import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { citedPlugin } from './src/index'

const dirname = path.dirname(fileURLToPath(import.meta.url))

/**
 * E-mail (Cited's review notifications, password resets) through SMTP when `SMTP_HOST` is set;
 * otherwise none, and Payload's console adapter logs each e-mail instead of sending it.
 */
const smtpPort = Number(process.env.SMTP_PORT) || 587
/**
 * `pool`: a few reused connections (nodemailer's default, 5) instead of one per e-mail — a
 * submission e-mails every reviewer. The adapter hands these options to nodemailer's
 * `createTransport`, which reads `pool`, though its `transportOptions` type leaves it out.
 */
const smtpOptions = {
  pool: true,
  host: process.env.SMTP_HOST,
  port: smtpPort,
  // TLS from the start (port 465); otherwise STARTTLS when the server offers it.
  secure: process.env.SMTP_SECURE ? process.env.SMTP_SECURE === 'true' : smtpPort === 465,
  auth: process.env.SMTP_USER
    ? { user: process.env.SMTP_USER, pass: process.env.SMTP_PASS }
    : undefined,
}
const email = process.env.SMTP_HOST
  ? nodemailerAdapter({
      defaultFromAddress: process.env.EMAIL_FROM || 'cited@localhost',
      defaultFromName: process.env.EMAIL_FROM_NAME || 'Cited',
      transportOptions: smtpOptions,
    })
  : undefined

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
  ...(email ? { email } : {}),
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
