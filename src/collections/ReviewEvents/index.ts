import type { CollectionConfig, CollectionSlug } from 'payload'

import { isReviewerOrAdmin } from '../../access/isReviewerOrAdmin'
import { CLAIMS_SLUG, REVIEW_EVENTS_SLUG, USERS_SLUG } from '../../shared/slugs'

export const REVIEW_ACTIONS = [
  { label: 'Submitted', value: 'submitted' },
  { label: 'Approved', value: 'approved' },
  { label: 'Changes requested', value: 'changes_requested' },
  { label: 'Rejected', value: 'rejected' },
  { label: 'Expired', value: 'expired' },
  { label: 'Invalidated', value: 'invalidated' },
  { label: 'Renewed', value: 'renewed' },
  // The expiry job e-mailed the claim's editors that its approval ends soon (once per approval).
  { label: 'Expiry warning sent', value: 'expiry_warned' },
]

const nobody = () => false

/**
 * Append-only audit trail of the review workflow. Only the workflow itself writes here. The actor
 * points at `usersSlug` (the `usersCollection` option). What runs on it (append-only guards, the
 * CSV export): `behaviour.ts`.
 */
export const createReviewEvents = ({
  usersSlug = USERS_SLUG,
}: { usersSlug?: CollectionSlug } = {}): CollectionConfig => ({
  slug: REVIEW_EVENTS_SLUG,
  labels: { singular: 'Review event', plural: 'Review events' },
  admin: {
    useAsTitle: 'action',
    defaultColumns: ['action', 'claim', 'actor', 'at'],
    group: 'Evidence',
    description: 'The audit trail. Events cannot be edited or deleted.',
  },
  access: {
    read: isReviewerOrAdmin,
    create: nobody,
    update: nobody,
    delete: nobody,
  },
  disableDuplicate: true,
  defaultSort: '-at',
  fields: [
    { name: 'claim', type: 'relationship', relationTo: CLAIMS_SLUG, required: true, index: true },
    {
      name: 'claimVersion',
      type: 'text',
      admin: { description: 'The claim version the event is about.' },
    },
    { name: 'action', type: 'select', required: true, index: true, options: REVIEW_ACTIONS },
    { name: 'actor', type: 'relationship', relationTo: usersSlug },
    {
      name: 'actorName',
      type: 'text',
      admin: { description: 'Name and email of the actor when the event was recorded.' },
    },
    {
      name: 'at',
      type: 'date',
      required: true,
      index: true,
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
    { name: 'note', type: 'textarea' },
    {
      name: 'hash',
      type: 'text',
      admin: { description: 'SHA-256 of the statement, statistics and sources at the time.' },
    },
  ],
})
