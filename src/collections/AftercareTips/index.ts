import type { CollectionConfig } from 'payload'

import { evidenceField } from '../../fields/evidence'
import { isEditor } from '../../access/isEditor'
import { publicIfExposed } from '../../access/publicIfExposed'
import { publicFlagField } from '../../fields/publicFlag'
import { AFTERCARE_TIPS_SLUG } from '../slugs'

export const TIP_TIMINGS = [
  { label: 'Before the session', value: 'before' },
  { label: 'During the session', value: 'during' },
  { label: 'Right after', value: 'right-after' },
  { label: 'Within 24 hours', value: 'within-24h' },
  { label: 'Ongoing', value: 'ongoing' },
]

export const TIP_CATEGORIES = [
  'hydration',
  'heat',
  'movement',
  'rest',
  'diet',
  'sleep',
  'mindfulness',
  'ergonomics',
  'scheduling',
  'safety',
].map((value) => ({ label: value[0].toUpperCase() + value.slice(1), value }))

/** Practical advice for patients around their treatment. */
export const AftercareTips: CollectionConfig = {
  slug: AFTERCARE_TIPS_SLUG,
  labels: { singular: 'Aftercare tip', plural: 'Aftercare tips' },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'timing', 'category'],
    group: 'Content',
  },
  // Populated into another document: what a tip list shows.
  defaultPopulate: { title: true, instruction: true, timing: true, category: true, caution: true },
  access: {
    read: publicIfExposed(),
    create: isEditor,
    update: isEditor,
    delete: isEditor,
  },
  fields: [
    { name: 'title', type: 'text', required: true },
    { name: 'instruction', type: 'textarea', required: true },
    {
      type: 'row',
      fields: [
        { name: 'timing', type: 'select', options: TIP_TIMINGS },
        { name: 'category', type: 'select', options: TIP_CATEGORIES },
      ],
    },
    {
      name: 'caution',
      type: 'textarea',
      admin: { description: 'When not to follow the tip, or when to call the clinic.' },
    },
    evidenceField(),
    publicFlagField(),
  ],
}
