import type { Access } from 'payload'

import { usersSlugOf } from '../options'
import { hasRole } from '../shared/roles'

/**
 * Admins see every user; everyone else only themselves. "Themselves" is a person of Cited's
 * users collection: someone signed in through another auth collection of the host whose id
 * happens to match is not.
 */
export const isAdminOrSelf: Access = ({ req: { payload, user } }) => {
  if (!user) {
    return false
  }
  if (hasRole(user, 'admin')) {
    return true
  }
  if (user.collection !== undefined && user.collection !== usersSlugOf(payload)) {
    return false
  }
  return { id: { equals: user.id } }
}
