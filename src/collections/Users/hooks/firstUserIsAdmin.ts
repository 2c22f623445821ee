import type { CollectionBeforeChangeHook } from 'payload'

import { USERS_SLUG } from '../../slugs'

/** The very first account (the one created on the admin's welcome screen) becomes an admin. */
export const firstUserIsAdmin: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const { totalDocs } = await req.payload.count({ collection: USERS_SLUG, overrideAccess: true, req })
  if (totalDocs === 0) return { ...data, roles: ['admin'] }
  return data
}
