import type { Access } from 'payload'

/** Logged-in users read everything; anonymous readers only published documents. */
export const publishedOrLoggedIn: Access = ({ req: { user } }) => {
  if (user) {
    return true
  }
  return { _status: { equals: 'published' } }
}
