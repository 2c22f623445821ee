import type { DefaultNodeTypes, SerializedInlineBlockNode } from '@payloadcms/richtext-lexical'
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import type { JSXConvertersFunction } from '@payloadcms/richtext-lexical/react'

import { RichText } from '@payloadcms/richtext-lexical/react'
import React from 'react'

import type { RichTextBlock as RichTextBlockData } from '../../types/generated'

import { Citation } from '../ClaimRef/Component'

/** The fields of a `claimRef` inline block as an article read returns them. */
interface ClaimRefFields {
  blockType: 'claimRef'
  claim: unknown
  referenceNumbers?: number[] | null
}

type CitedNodes =
  | DefaultNodeTypes
  | SerializedInlineBlockNode<ClaimRefFields & Record<string, unknown>>

/** Payload's Lexical converters, plus the claimRef inline block rendered as a citation. */
const converters: JSXConvertersFunction<CitedNodes> = ({ defaultConverters }) => ({
  ...defaultConverters,
  inlineBlocks: {
    claimRef: ({ node }) => <Citation numbers={node.fields.referenceNumbers} />,
  },
})

const isEditorState = (value: unknown): value is SerializedEditorState =>
  typeof value === 'object' && value !== null && 'root' in value

/** Rich text of a Cited field, rendered by Payload's Lexical renderer (no stored HTML). */
export function CitedRichText({
  data,
  className,
}: {
  data: unknown
  className?: string
}): React.ReactNode {
  if (!isEditorState(data)) {
    return null
  }
  return <RichText data={data} converters={converters} className={className ?? 'rich-text'} />
}

export function RichTextBlockComponent({ block }: { block: RichTextBlockData }): React.ReactNode {
  return (
    <section className="block block-text">
      <CitedRichText data={block.content} />
    </section>
  )
}
