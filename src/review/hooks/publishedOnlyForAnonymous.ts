import type { CollectionBeforeOperationHook } from 'payload'

/**
 * Anonymous readers get the published version, always: `?draft=true` (REST), `draft: true`
 * (GraphQL) and draft population are ignored for them.
 */
export const publishedOnlyForAnonymous: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (req.user || operation !== 'read') return args
  return { ...args, draft: false }
}
