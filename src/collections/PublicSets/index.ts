import type { CollectionConfig, RelationshipField } from 'payload'

import { PUBLIC_KIND_SLUGS, PUBLIC_KINDS } from '../../content/kinds'
import { PUBLIC_SETS_SLUG } from '../../shared/slugs'

const nobody = () => false

/** One hasMany relationship per kind of document an article exposes, named after the kind. */
const exposed = PUBLIC_KINDS.map(
  (kind): RelationshipField => ({
    name: kind,
    type: 'relationship',
    relationTo: PUBLIC_KIND_SLUGS[kind],
    hasMany: true,
  }),
)

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
    ...exposed,
    { name: 'references', type: 'json' },
    { name: 'claimNumbers', type: 'json' },
  ],
}
