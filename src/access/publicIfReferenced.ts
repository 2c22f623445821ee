import type { Access, Where } from 'payload'

import type { ReferenceIds } from '../review/references'

import { publicReferences } from '../review/publicReferences'

/**
 * Logged-in users read everything; anonymous readers only the documents that published articles
 * reference (claims only in their published, approved version). Returns a `Where`, so REST,
 * GraphQL, population and the Local API agree; nothing referenced means no read access at all.
 */
export const publicIfReferenced =
  (kind: keyof ReferenceIds): Access =>
  async ({ req }) => {
    if (req.user) return true
    const ids = (await publicReferences(req))[kind]
    if (ids.length === 0) return false
    const referenced: Where = { id: { in: ids } }
    if (kind !== 'claims') return referenced
    const published: Where = { _status: { equals: 'published' } }
    return { and: [published, referenced] }
  }
