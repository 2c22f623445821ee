import type { CollectionConfig } from 'payload'

import { SNAPSHOTS_SLUG } from '../../shared/slugs'

const nobody = () => false

/**
 * The published snapshot of each published article: the exact document an anonymous reader gets
 * from `GET /api/articles?where[slug][equals]=…&depth=2`, stored when content goes live
 * (`content/snapshots.ts`) and served as it is by `GET /api/articles/published/<slug>` and the
 * GraphQL `PublishedArticle(slug:)` query, with a strong ETag. No other API serves it.
 */
export const Snapshots: CollectionConfig = {
  slug: SNAPSHOTS_SLUG,
  labels: { singular: 'Published snapshot', plural: 'Published snapshots' },
  admin: { hidden: true },
  graphQL: false,
  access: { read: nobody, create: nobody, update: nobody, delete: nobody },
  fields: [
    // A plain number, not a relationship: the snapshot must outlive a deleted article until removed.
    { name: 'articleId', type: 'number', required: true, unique: true, index: true },
    { name: 'slug', type: 'text', required: true, unique: true, index: true },
    { name: 'etag', type: 'text', required: true },
    // Text, not jsonb: served byte for byte, so the ETag is of exactly what is sent.
    { name: 'doc', type: 'textarea', required: true },
  ],
}
