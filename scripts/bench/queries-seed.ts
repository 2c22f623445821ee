/**
 * Seeding for `scripts/bench/queries.ts`: N published copies of the demo article, as
 * `read-peer.ts` creates them (import → claims approved, citing one source → article published).
 */
import type { Payload } from 'payload'

import fs from 'node:fs/promises'
import path from 'node:path'
import { createLocalReq } from 'payload'

import { createDemoSource, publishImportedArticle } from '../../src/demo/publish'

const root = path.resolve(import.meta.dirname, '..', '..')

/** Grows the database to `n` published copies of the demo article (counts the ones already there). */
export async function seedCopies(
  payload: Payload,
  n: number,
  log: (message: string) => void = () => {},
): Promise<number> {
  const fixture = await fs.readFile(
    path.join(root, 'tests/fixtures/acupuncture-back-pain.txt'),
    'utf8',
  )
  const req = await createLocalReq({}, payload)
  const existing = await payload.count({ collection: 'articles', req })
  let copies = existing.totalDocs
  if (copies >= n) {
    return copies
  }
  const source = await createDemoSource(payload)
  const started = performance.now()
  while (copies < n) {
    copies += 1
    await publishImportedArticle(payload, fixture, { source, copy: copies })
    if (copies % 10 === 0) {
      log(`seeded ${copies}/${n} (${((performance.now() - started) / 1000).toFixed(0)} s)`)
    }
  }
  return copies
}
