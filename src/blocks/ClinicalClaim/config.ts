import type { Block } from 'payload'

import { referenceNumbersField } from '../../fields/references'
import { CLAIMS_SLUG } from '../../shared/slugs'

/** A reviewed claim shown on its own: as a callout, a stat card or inline text. */
export const ClinicalClaimBlock: Block = {
  slug: 'clinicalClaim',
  interfaceName: 'ClinicalClaimBlock',
  dbName: 'blk_claim',
  labels: { singular: 'Clinical claim', plural: 'Clinical claims' },
  fields: [
    { name: 'claim', type: 'relationship', relationTo: CLAIMS_SLUG, required: true },
    {
      name: 'display',
      type: 'select',
      defaultValue: 'callout',
      required: true,
      options: [
        { label: 'Callout', value: 'callout' },
        { label: 'Stat card', value: 'stat-card' },
        { label: 'Inline', value: 'inline' },
      ],
    },
    referenceNumbersField(),
  ],
}
