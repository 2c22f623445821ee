import type { Block } from 'payload'

import { CLAIMS_SLUG } from '../../shared/slugs'

/**
 * Inline footnote-style marker in rich text: ties the sentence it sits in to a clinical claim.
 * The evidence engine treats a statistic as covered when its sentence carries a claimRef whose
 * claim states the same number.
 */
export const ClaimRefBlock: Block = {
  slug: 'claimRef',
  interfaceName: 'ClaimRefInlineBlock',
  labels: { singular: 'Claim reference', plural: 'Claim references' },
  fields: [
    {
      name: 'claim',
      type: 'relationship',
      relationTo: CLAIMS_SLUG,
      required: true,
      admin: { description: 'The reviewed claim that backs the statistic in this sentence.' },
    },
  ],
}
