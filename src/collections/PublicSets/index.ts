import type { CollectionConfig, RelationshipField } from 'payload'

import {
  AFTERCARE_TIPS_SLUG,
  BENEFITS_SLUG,
  CLAIMS_SLUG,
  COMPARISON_ROWS_SLUG,
  MEDIA_SLUG,
  PUBLIC_SETS_SLUG,
  SOURCES_SLUG,
} from '../slugs'

const nobody = () => false

const exposed = (name: string, relationTo: RelationshipField['relationTo'] & string): RelationshipField => ({
  name,
  type: 'relationship',
  relationTo,
  hasMany: true,
})

/**
 * What each published article exposes, computed when content goes live (`content/store.ts`): one
 * document per published article with every library document it shows and every approved claim
 * and source it cites, plus its numbered references. Anonymous access reads the `isPublic` flags
 * derived from it; the article read takes its references from it. No API serves it.
 */
export const PublicSets: CollectionConfig = {
  slug: PUBLIC_SETS_SLUG,
  labels: { singular: 'Public set', plural: 'Public sets' },
  admin: { hidden: true },
  graphQL: false,
  access: { read: nobody, create: nobody, update: nobody, delete: nobody },
  fields: [
    // A plain number, not a relationship: the set must outlive a deleted article until it is removed.
    { name: 'articleId', type: 'number', required: true, unique: true, index: true },
    exposed('benefits', BENEFITS_SLUG),
    exposed('tips', AFTERCARE_TIPS_SLUG),
    exposed('rows', COMPARISON_ROWS_SLUG),
    exposed('media', MEDIA_SLUG),
    exposed('claims', CLAIMS_SLUG),
    exposed('sources', SOURCES_SLUG),
    { name: 'references', type: 'json' },
    { name: 'claimNumbers', type: 'json' },
  ],
}
