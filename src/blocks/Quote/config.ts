import type { Block } from 'payload'

/** A pull quote. */
export const QuoteBlock: Block = {
  slug: 'quote',
  interfaceName: 'QuoteBlock',
  dbName: 'blk_quote',
  labels: { singular: 'Quote', plural: 'Quotes' },
  fields: [
    { name: 'text', type: 'textarea', required: true },
    { name: 'attribution', type: 'text' },
  ],
}
