/**
 * Seeds the demo into an empty database (run by `npm run dev` before Next starts, with
 * DATABASE_URL set): the acupuncture article as a draft, and the demo accounts once a first user
 * exists. A database that already has articles is left alone.
 */
import './lib/keepAlive'
import path from 'node:path'

import { seedDemo } from '../src/demo/seed'

const articleFile = path.resolve(
  import.meta.dirname,
  '..',
  'src',
  'importer',
  'demo',
  'acupuncture-back-pain.txt',
)

const [{ getPayload }, { default: config }] = await Promise.all([
  import('payload'),
  import('@payload-config'),
])
const payload = await getPayload({ config })
const result = await seedDemo(payload, articleFile)
if (result.importedArticle) {
  console.log('Cited: demo article imported as a draft (Content › Articles).')
  if (result.accounts.length > 0) {
    console.log(`Cited: demo accounts created: ${result.accounts.join(', ')}.`)
  } else {
    console.log(
      'Cited: create the first admin at /admin; the demo editor and reviewer accounts follow.',
    )
  }
}
// A one-shot script: exit without waiting for Payload's pool and job timers to wind down.
process.exit(0)
