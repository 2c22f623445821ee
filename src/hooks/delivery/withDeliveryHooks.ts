import type { CollectionConfig } from 'payload'

import { addReferences } from '../../collections/Articles/hooks/addReferences'
import { annotateFromArticle } from '../../collections/Articles/hooks/referenceNumbersContext'
import { stripReferenceNumbers } from '../../collections/Articles/hooks/stripReferenceNumbers'
import { ARTICLES_SLUG, BENEFITS_SLUG, CLAIMS_SLUG, COMPARISON_ROWS_SLUG } from '../../collections/slugs'
import { cacheHeaders } from './cacheHeaders'
import { leanPopulate } from './leanPopulate'

/**
 * What frontends need from a Cited collection: derived references, lean populated relationships
 * and cache headers on reads (Next.js revalidation follows the published snapshots:
 * `content/snapshots.ts`). Our hooks run after the collection's own.
 */
export function withDeliveryHooks(collection: CollectionConfig): CollectionConfig {
  const hooks = collection.hooks ?? {}
  switch (collection.slug) {
    case ARTICLES_SLUG:
      return {
        ...collection,
        hooks: {
          ...hooks,
          beforeChange: [stripReferenceNumbers, ...(hooks.beforeChange ?? [])],
          afterRead: [...(hooks.afterRead ?? []), addReferences, leanPopulate],
          afterOperation: [...(hooks.afterOperation ?? []), cacheHeaders],
        },
      }
    case CLAIMS_SLUG:
      return { ...collection, hooks: { ...hooks, afterOperation: [...(hooks.afterOperation ?? []), cacheHeaders] } }
    case BENEFITS_SLUG:
      return {
        ...collection,
        hooks: {
          ...hooks,
          beforeChange: [stripReferenceNumbers, ...(hooks.beforeChange ?? [])],
          afterRead: [...(hooks.afterRead ?? []), annotateFromArticle],
        },
      }
    case COMPARISON_ROWS_SLUG:
      return { ...collection, hooks: { ...hooks, afterRead: [...(hooks.afterRead ?? []), annotateFromArticle] } }
    default:
      return collection
  }
}
