import type { Block } from 'payload'

import { AFTERCARE_TIPS_SLUG } from '../../shared/slugs'

/** A list of aftercare tips with a heading and lead-in. */
export const AftercareTipsBlock: Block = {
  slug: 'aftercareTips',
  interfaceName: 'AftercareTipsBlock',
  dbName: 'blk_tips',
  labels: { singular: 'Aftercare tips', plural: 'Aftercare tips' },
  fields: [
    { name: 'heading', type: 'text', defaultValue: 'Aftercare tips' },
    { name: 'intro', type: 'textarea' },
    {
      name: 'tips',
      type: 'relationship',
      relationTo: AFTERCARE_TIPS_SLUG,
      hasMany: true,
      required: true,
    },
  ],
}
