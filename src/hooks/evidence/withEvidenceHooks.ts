import type { CollectionConfig } from 'payload'

import { checkStatement } from '../../collections/Claims/hooks/checkStatement'
import { preventDeletingCitedClaim } from '../../collections/Claims/hooks/preventDeletingCitedClaim'
import {
  AFTERCARE_TIPS_SLUG,
  ARTICLES_SLUG,
  BENEFITS_SLUG,
  CLAIMS_SLUG,
  COMPARISON_ROWS_SLUG,
} from '../../collections/slugs'
import { checkEvidence } from './checkEvidence'

const CHECKED = new Set<string>([ARTICLES_SLUG, BENEFITS_SLUG, AFTERCARE_TIPS_SLUG, COMPARISON_ROWS_SLUG])

/**
 * Puts the evidence rules on a Cited collection, ahead of any hook it already has, so they run
 * on every write path (admin, REST, GraphQL, Local API).
 */
export function withEvidenceHooks(collection: CollectionConfig): CollectionConfig {
  const hooks = collection.hooks ?? {}
  if (CHECKED.has(collection.slug)) {
    return { ...collection, hooks: { ...hooks, beforeChange: [checkEvidence, ...(hooks.beforeChange ?? [])] } }
  }
  if (collection.slug === CLAIMS_SLUG) {
    return {
      ...collection,
      hooks: {
        ...hooks,
        beforeChange: [checkStatement, ...(hooks.beforeChange ?? [])],
        beforeDelete: [preventDeletingCitedClaim, ...(hooks.beforeDelete ?? [])],
      },
    }
  }
  return collection
}
