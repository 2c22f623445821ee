import type { ArrayField, NumberField } from 'payload'

const noWrites = () => false

/**
 * The reference numbers of the claim next to this field (a clinical claim block, a chart point, a
 * comparison cell): derived when an article is read, never stored (`virtual`).
 */
export const referenceNumbersField = (): NumberField => ({
  name: 'referenceNumbers',
  type: 'number',
  hasMany: true,
  virtual: true,
  access: { create: noWrites, update: noWrites },
  admin: {
    hidden: true,
    readOnly: true,
    description: 'Numbers of the references this claim cites in the article being read.',
  },
})

/**
 * An article's numbered reference list, derived on read (`virtual`, never stored): the sources of
 * the approved claims the article uses, numbered in order of first use, formatted (Vancouver) and
 * linked. Typed fields rather than JSON, so GraphQL clients select what they need and the schema
 * documents the shape.
 */
export const referencesField = (): ArrayField => ({
  name: 'references',
  type: 'array',
  interfaceName: 'ArticleReference',
  virtual: true,
  access: { create: noWrites, update: noWrites },
  admin: { hidden: true, readOnly: true },
  fields: [
    { name: 'number', type: 'number', required: true },
    { name: 'sourceId', type: 'text', required: true },
    { name: 'title', type: 'text', required: true },
    {
      name: 'formatted',
      type: 'text',
      required: true,
      admin: { description: 'The reference in Vancouver style, plain text, without its number.' },
    },
    {
      name: 'links',
      type: 'array',
      interfaceName: 'ArticleReferenceLink',
      fields: [
        {
          name: 'kind',
          type: 'select',
          required: true,
          options: [
            { label: 'DOI', value: 'doi' },
            { label: 'PubMed', value: 'pubmed' },
            { label: 'PubMed Central', value: 'pmc' },
            { label: 'Web', value: 'url' },
          ],
        },
        { name: 'label', type: 'text', required: true },
        { name: 'href', type: 'text', required: true },
      ],
    },
    {
      name: 'claimIds',
      type: 'text',
      hasMany: true,
      admin: { description: 'The claims citing this source.' },
    },
  ],
})

/**
 * Each claim the article uses with its reference numbers (derived, never stored). GraphQL resolves
 * related documents (benefits, comparison rows) on their own, so a client can look up the numbers
 * of a claim cited there by its id.
 */
export const claimReferencesField = (): ArrayField => ({
  name: 'claimReferences',
  type: 'array',
  interfaceName: 'ClaimReferenceNumbers',
  virtual: true,
  access: { create: noWrites, update: noWrites },
  admin: { hidden: true, readOnly: true },
  fields: [
    { name: 'claimId', type: 'text', required: true },
    { name: 'referenceNumbers', type: 'number', hasMany: true },
  ],
})
