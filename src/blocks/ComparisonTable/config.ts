import type { Block } from 'payload'

import { BENEFITS_SLUG, COMPARISON_ROWS_SLUG } from '../../shared/slugs'

/** Aspects (rows) × benefits (columns); each cell rated and optionally backed by a claim. */
export const ComparisonTableBlock: Block = {
  slug: 'comparisonTable',
  interfaceName: 'ComparisonTableBlock',
  dbName: 'blk_table',
  labels: { singular: 'Comparison table', plural: 'Comparison tables' },
  fields: [
    { name: 'heading', type: 'text' },
    {
      name: 'columns',
      type: 'relationship',
      relationTo: BENEFITS_SLUG,
      hasMany: true,
      required: true,
      admin: { description: 'The benefits compared, in column order.' },
    },
    {
      name: 'rows',
      type: 'relationship',
      relationTo: COMPARISON_ROWS_SLUG,
      hasMany: true,
      required: true,
    },
  ],
}
