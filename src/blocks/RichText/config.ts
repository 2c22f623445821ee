import type { Block } from 'payload'

import { citedRichText } from '../citedRichText'

/** Free prose; cite claims inline with Claim references. */
export const RichTextBlock: Block = {
  slug: 'richText',
  interfaceName: 'RichTextBlock',
  dbName: 'blk_text',
  labels: { singular: 'Text', plural: 'Text' },
  fields: [citedRichText({ name: 'content', required: true })],
}
