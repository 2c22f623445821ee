import type { ArrayField } from 'payload'

import { SOURCES_SLUG } from '../shared/slugs'

export const STATISTIC_UNITS = [
  { label: 'Percent (%)', value: 'percent' },
  { label: 'Ratio (0–1)', value: 'ratio' },
  { label: 'Multiplier (×)', value: 'multiplier' },
  { label: 'Count', value: 'count' },
  { label: 'Points (score)', value: 'points' },
  { label: 'Duration', value: 'duration' },
]

export const STATISTIC_QUALIFIERS = [
  { label: 'Exactly', value: 'exact' },
  { label: 'Up to', value: 'up-to' },
  { label: 'At least', value: 'at-least' },
  { label: 'About', value: 'about' },
  { label: 'More than', value: 'more-than' },
]

/** The numbers a claim states, each tied to the sources that report it. */
export const statisticsField = (): ArrayField => ({
  name: 'statistics',
  type: 'array',
  dbName: 'claim_stats',
  labels: { singular: 'Statistic', plural: 'Statistics' },
  admin: {
    description:
      'Every number in the statement, with the source that reports it. "40-60%" is value 40, upper 60.',
  },
  fields: [
    {
      type: 'row',
      fields: [
        { name: 'value', type: 'number', required: true },
        {
          name: 'upper',
          type: 'number',
          admin: { description: 'Upper bound of a range (optional).' },
        },
        {
          name: 'unit',
          type: 'select',
          required: true,
          defaultValue: 'percent',
          options: STATISTIC_UNITS,
        },
        {
          name: 'qualifier',
          type: 'select',
          defaultValue: 'exact',
          options: STATISTIC_QUALIFIERS,
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'measure',
          type: 'text',
          admin: { description: 'What was measured, e.g. "reduction in pain scores".' },
        },
        {
          name: 'population',
          type: 'text',
          admin: { description: 'Who, e.g. "adults with chronic low back pain".' },
        },
      ],
    },
    {
      name: 'sources',
      type: 'relationship',
      relationTo: SOURCES_SLUG,
      hasMany: true,
      admin: { description: 'The sources that report this number.' },
    },
    {
      name: 'locator',
      type: 'text',
      admin: { description: 'Where in the source: page, table or a short quote.' },
    },
  ],
})
