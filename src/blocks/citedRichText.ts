import type { RichTextField } from 'payload'

import { BlocksFeature, lexicalEditor } from '@payloadcms/richtext-lexical'

import { ClaimRefBlock } from './ClaimRef/config'

/** The editor of every Cited rich text field: Payload's defaults plus the inline `claimRef`. */
export const citedEditor: ReturnType<typeof lexicalEditor> = lexicalEditor({
  features: ({ defaultFeatures }) => [
    ...defaultFeatures,
    BlocksFeature({ inlineBlocks: [ClaimRefBlock] }),
  ],
})

type RichTextOptions = Omit<RichTextField, 'editor' | 'type'>

/** A rich text field whose sentences can cite claims. */
export const citedRichText = (options: RichTextOptions): RichTextField => ({
  ...options,
  type: 'richText',
  editor: citedEditor,
})
