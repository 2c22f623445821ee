import type { CollectionSlug, GroupField } from 'payload'

import { isLoggedInField } from '../access/isLoggedInField'
import { ADMIN_COMPONENTS } from '../shared/adminComponents'
import { USERS_SLUG } from '../shared/slugs'

export const REVIEW_STATUSES = [
  { label: 'Draft', value: 'draft' },
  { label: 'In review', value: 'in_review' },
  { label: 'Changes requested', value: 'changes_requested' },
  { label: 'Approved', value: 'approved' },
  { label: 'Rejected', value: 'rejected' },
  { label: 'Expired', value: 'expired' },
]

const noWrites = () => false

/**
 * The review state of a claim. Read-only in the admin and not writable through any API:
 * only the review workflow (which writes with `overrideAccess`) changes it. `usersSlug` is the
 * users collection the approver and draft editors point at (the `usersCollection` option).
 */
export const reviewField = ({
  usersSlug = USERS_SLUG,
}: { usersSlug?: CollectionSlug } = {}): GroupField => ({
  name: 'review',
  type: 'group',
  admin: {
    position: 'sidebar',
    readOnly: true,
    description: 'Set by the review workflow; editors cannot change it.',
  },
  access: { create: noWrites, update: noWrites },
  fields: [
    {
      name: 'status',
      type: 'select',
      defaultValue: 'draft',
      required: true,
      index: true,
      options: REVIEW_STATUSES,
      admin: { components: { Cell: ADMIN_COMPONENTS.claimStatusCell } },
    },
    {
      name: 'approvedBy',
      type: 'relationship',
      relationTo: usersSlug,
      access: { read: isLoggedInField },
    },
    { name: 'approvedAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'reviewBy', type: 'date', label: 'Re-review by', index: true },
    { name: 'note', type: 'textarea', access: { read: isLoggedInField } },
    {
      name: 'draftEditors',
      type: 'relationship',
      relationTo: usersSlug,
      hasMany: true,
      label: 'Created or edited this draft',
      access: { read: isLoggedInField },
      admin: { description: 'These people cannot approve this draft (four eyes).' },
    },
  ],
})
