import type { Block } from 'payload'

import { BENEFITS_SLUG } from '../../shared/slugs'

/** A benefit section: title, summary, how it works, clinical perspective and its tips. */
export const BenefitBlock: Block = {
  slug: 'benefit',
  interfaceName: 'BenefitBlock',
  dbName: 'blk_benefit',
  labels: { singular: 'Benefit', plural: 'Benefits' },
  fields: [
    { name: 'benefit', type: 'relationship', relationTo: BENEFITS_SLUG, required: true },
    {
      name: 'showTips',
      type: 'checkbox',
      defaultValue: true,
      label: 'Show the benefit’s aftercare tips',
    },
  ],
}
