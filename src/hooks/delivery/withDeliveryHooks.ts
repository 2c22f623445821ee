import type { CollectionConfig } from 'payload'

import { addReferences } from '../../collections/Articles/hooks/addReferences'
import { annotateFromArticle } from '../../collections/Articles/hooks/referenceNumbersContext'
import { revalidateArticle } from '../../collections/Articles/hooks/revalidate'
import { stripReferenceNumbers } from '../../collections/Articles/hooks/stripReferenceNumbers'
import { revalidateArticlesOfClaim } from '../../collections/Claims/hooks/revalidateArticlesOfClaim'
import { ARTICLES_SLUG, BENEFITS_SLUG, CLAIMS_SLUG, COMPARISON_ROWS_SLUG } from '../../collections/slugs'
import { cacheHeaders } from './cacheHeaders'
import { leanPopulate } from './leanPopulate'

/**
 * What frontends need from a Cited collection: derived references, lean populated relationships,
 * cache headers on reads and Next.js revalidation on change. Our hooks run after the collection's own.
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
          afterChange: [...(hooks.afterChange ?? []), revalidateArticle],
          afterOperation: [...(hooks.afterOperation ?? []), cacheHeaders],
        },
      }
    case CLAIMS_SLUG:
      return {
        ...collection,
        hooks: {
          ...hooks,
          afterChange: [...(hooks.afterChange ?? []), revalidateArticlesOfClaim],
          afterOperation: [...(hooks.afterOperation ?? []), cacheHeaders],
        },
      }
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
