import type { Block } from 'payload'

import { referenceNumbersField } from '../../fields/references'
import { STATISTIC_UNITS } from '../../fields/statistic'
import { CLAIMS_SLUG } from '../../shared/slugs'

/** A bar chart whose every data point cites the claim it comes from. */
export const ChartBlock: Block = {
  slug: 'chart',
  interfaceName: 'ChartBlock',
  dbName: 'blk_chart',
  labels: { singular: 'Chart', plural: 'Charts' },
  fields: [
    { name: 'title', type: 'text', required: true },
    {
      name: 'kind',
      type: 'select',
      defaultValue: 'bar',
      options: [{ label: 'Bar chart', value: 'bar' }],
    },
    { name: 'unit', type: 'select', defaultValue: 'percent', options: STATISTIC_UNITS },
    {
      name: 'caption',
      type: 'textarea',
      admin: { description: 'What the chart shows, in a sentence (read aloud to screen readers).' },
    },
    {
      name: 'points',
      type: 'array',
      dbName: 'chart_pts',
      minRows: 1,
      labels: { singular: 'Data point', plural: 'Data points' },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'label', type: 'text', required: true },
            { name: 'value', type: 'number', required: true },
          ],
        },
        {
          name: 'claim',
          type: 'relationship',
          relationTo: CLAIMS_SLUG,
          admin: { description: 'The claim that states this number.' },
        },
        referenceNumbersField(),
      ],
    },
  ],
}
