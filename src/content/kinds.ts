import type { CollectionSlug } from 'payload'

import {
  AFTERCARE_TIPS_SLUG,
  BENEFITS_SLUG,
  CLAIMS_SLUG,
  COMPARISON_ROWS_SLUG,
  MEDIA_SLUG,
  SOURCES_SLUG,
} from '../shared/slugs'

/**
 * The kinds of library document a published article can expose, and their collections. The
 * public-set collection has one relationship field per kind, named after it.
 */
export const PUBLIC_KINDS = ['benefits', 'tips', 'rows', 'media', 'claims', 'sources'] as const
export type PublicKind = (typeof PUBLIC_KINDS)[number]

export const PUBLIC_KIND_SLUGS: Record<PublicKind, CollectionSlug> = {
  benefits: BENEFITS_SLUG,
  tips: AFTERCARE_TIPS_SLUG,
  rows: COMPARISON_ROWS_SLUG,
  media: MEDIA_SLUG,
  claims: CLAIMS_SLUG,
  sources: SOURCES_SLUG,
}

/** The public kind of a collection slug, if it is one. */
export const publicKindOf = (slug: string): PublicKind | undefined =>
  PUBLIC_KINDS.find((kind) => PUBLIC_KIND_SLUGS[kind] === slug)
