import type { CollectionBeforeChangeHook } from 'payload'

/** The very first account (the one created on the admin's welcome screen) becomes an admin. */
export const firstUserIsAdmin: CollectionBeforeChangeHook = async ({
  collection,
  data,
  operation,
  req,
}) => {
  if (operation !== 'create') {
    return data
  }
  const { totalDocs } = await req.payload.count({
    collection: collection.slug,
    overrideAccess: true,
    req,
  })
  if (totalDocs === 0) {
    return { ...data, roles: ['admin'] }
  }
  return data
}
