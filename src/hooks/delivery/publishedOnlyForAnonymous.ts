import type { CollectionBeforeOperationHook } from 'payload'

/**
 * Anonymous readers get the published version, always: `?draft=true` (REST), `draft: true`
 * (GraphQL) and draft population are ignored for them. Trusted Local API calls (`overrideAccess`)
 * are not anonymous readers.
 */
export const publishedOnlyForAnonymous: CollectionBeforeOperationHook = ({
  args,
  operation,
  overrideAccess,
  req,
}) => {
  if (req.user || overrideAccess || operation !== 'read') {
    return args
  }
  return { ...args, draft: false }
}
