import type { CollectionConfig } from 'payload'

import { isEditor } from '../../access/isEditor'
import { publicIfExposed } from '../../access/publicIfExposed'
import { evidenceField } from '../../fields/evidence'
import { publicFlagField } from '../../fields/publicFlag'
import { referenceNumbersField } from '../../fields/references'
import { BENEFITS_SLUG, CLAIMS_SLUG, COMPARISON_ROWS_SLUG } from '../../shared/slugs'

export const RATINGS = [
  { label: 'Low', value: 'low' },
  { label: 'Medium', value: 'medium' },
  { label: 'High', value: 'high' },
]

/** One aspect of a comparison table ("Expected Outcomes") with a cell per benefit. What runs on it: `behaviour.ts`. */
export const ComparisonRows: CollectionConfig = {
  slug: COMPARISON_ROWS_SLUG,
  labels: { singular: 'Comparison row', plural: 'Comparison rows' },
  admin: {
    useAsTitle: 'aspect',
    defaultColumns: ['aspect', 'icon', 'updatedAt'],
    group: 'Content',
  },
  // Populated into a comparison table: the row's label and its cells.
  defaultPopulate: { aspect: true, icon: true, cells: true },
  access: {
    read: publicIfExposed(),
    create: isEditor,
    update: isEditor,
    delete: isEditor,
  },
  fields: [
    {
      type: 'row',
      fields: [
        { name: 'aspect', type: 'text', required: true },
        { name: 'icon', type: 'text', admin: { description: 'An emoji or icon name.' } },
      ],
    },
    {
      name: 'cells',
      type: 'array',
      dbName: 'row_cells',
      labels: { singular: 'Cell', plural: 'Cells' },
      fields: [
        { name: 'benefit', type: 'relationship', relationTo: BENEFITS_SLUG, required: true },
        { name: 'rating', type: 'select', options: RATINGS },
        { name: 'text', type: 'textarea' },
        {
          name: 'claim',
          type: 'relationship',
          relationTo: CLAIMS_SLUG,
          admin: { description: 'The claim that backs a number in this cell.' },
        },
        referenceNumbersField(),
      ],
    },
    evidenceField(),
    publicFlagField(),
  ],
}
