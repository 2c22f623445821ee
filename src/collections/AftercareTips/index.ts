import type { CollectionConfig } from 'payload'

import { isEditor } from '../../access/isEditor'
import { publicIfExposed } from '../../access/publicIfExposed'
import { evidenceField } from '../../fields/evidence'
import { publicFlagField } from '../../fields/publicFlag'
import { TIP_CATEGORIES, TIP_TIMINGS } from '../../fields/tipOptions'
import { AFTERCARE_TIPS_SLUG } from '../../shared/slugs'

/** Practical advice for patients around their treatment. What runs on it: `behaviour.ts`. */
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
