import type { Access, Where } from 'payload'

import { PUBLIC_FLAG } from '../shared/publicFlag'

const exposed: Where = { [PUBLIC_FLAG]: { equals: true } }
const exposedAndApproved: Where = { and: [{ _status: { equals: 'published' } }, exposed] }

/**
 * Logged-in users read everything; anonymous readers only what a published article shows (for
 * claims: their approved, published version). An indexed `Where` on the stored `isPublic` flag,
 * so its cost does not grow with how much is published, and REST, GraphQL, population and the
 * Local API agree.
 */
export const publicIfExposed =
  (options: { approvedOnly?: boolean } = {}): Access =>
  ({ req }) => {
    if (req.user) {
      return true
    }
    return options.approvedOnly ? exposedAndApproved : exposed
  }
