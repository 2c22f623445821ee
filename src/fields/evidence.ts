import type { GroupField } from 'payload'

import { isLoggedInField } from '../access/isLoggedInField'
import { CLAIMS_SLUG } from '../shared/slugs'

const noWrites = () => false

/**
 * What the evidence check found at the last save: the statistics that still need a cited claim
 * (shown to the editor; publishing is refused while any remain) and every claim the document
 * relies on. Written by the server only, read by editors (not part of what readers get: an
 * anonymous read neither returns nor populates it).
 */
export const evidenceField = (): GroupField => ({
  name: 'evidence',
  type: 'group',
  admin: {
    position: 'sidebar',
    readOnly: true,
    // The evidence panel (fields/adminUi.ts) shows it, live; the raw group stays API-only.
    hidden: true,
    description: 'Checked on every save. Publishing is refused while a statistic is uncovered.',
  },
  access: { read: isLoggedInField, create: noWrites, update: noWrites },
  fields: [
    {
      name: 'uncoveredCount',
      type: 'number',
      label: 'Uncovered statistics',
      defaultValue: 0,
      index: true,
    },
    {
      name: 'uncovered',
      type: 'json',
      label: 'Statistics that need a cited claim',
      admin: {
        description: 'Each entry: text, sentence, path (where it is), reason and message.',
      },
    },
    {
      name: 'claims',
      type: 'relationship',
      relationTo: CLAIMS_SLUG,
      hasMany: true,
      label: 'Claims relied on',
      admin: { description: 'Every claim cited here, directly or through benefits and tables.' },
    },
    { name: 'checkedAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
  ],
})
