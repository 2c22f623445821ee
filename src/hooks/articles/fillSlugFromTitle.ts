import type { FieldHook } from 'payload'

import { slugify } from 'payload/shared'

/**
 * Payload's slug field fills the slug in a beforeChange hook, after `required` has already
 * been checked on API writes; filling it before validation makes "title only" creates work
 * through REST, GraphQL and the Local API alike.
 */
export const fillSlugFromTitle: FieldHook = ({ data, value }) => {
  if (typeof value === 'string' && value.trim()) {
    return value
  }
  const title = typeof data?.title === 'string' ? data.title : ''
  return title ? slugify(title) : value
}
