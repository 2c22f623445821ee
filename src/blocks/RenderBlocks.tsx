import React from 'react'

import type { Article } from '../types/generated'

import { AftercareTipsBlockComponent } from './AftercareTips/Component'
import { BenefitBlockComponent, type NumbersOf } from './Benefit/Component'
import { CallToActionBlockComponent } from './CallToAction/Component'
import { ChartBlockComponent } from './Chart/Component'
import { ClinicalClaimBlockComponent } from './ClinicalClaim/Component'
import { ComparisonTableBlockComponent } from './ComparisonTable/Component'
import { KeyTakeawaysBlockComponent } from './KeyTakeaways/Component'
import { QuoteBlockComponent } from './Quote/Component'
import { RichTextBlockComponent } from './RichText/Component'

type LayoutBlock = NonNullable<Article['layout']>[number]

function RenderBlock({
  block,
  numbersOf,
}: {
  block: LayoutBlock
  numbersOf: NumbersOf
}): React.ReactNode {
  switch (block.blockType) {
    case 'benefit':
      return <BenefitBlockComponent block={block} numbersOf={numbersOf} />
    case 'clinicalClaim':
      return <ClinicalClaimBlockComponent block={block} />
    case 'aftercareTips':
      return <AftercareTipsBlockComponent block={block} />
    case 'comparisonTable':
      return <ComparisonTableBlockComponent block={block} />
    case 'chart':
      return <ChartBlockComponent block={block} />
    case 'richText':
      return <RichTextBlockComponent block={block} />
    case 'quote':
      return <QuoteBlockComponent block={block} />
    case 'keyTakeaways':
      return <KeyTakeawaysBlockComponent block={block} />
    case 'callToAction':
      return <CallToActionBlockComponent block={block} />
    default:
      return null
  }
}

/** An article's layout blocks, in order. */
export function RenderBlocks({
  blocks,
  numbersOf,
}: {
  blocks: Article['layout']
  numbersOf: NumbersOf
}): React.ReactNode {
  return (
    <>
      {(blocks ?? []).map((block, index) => (
        <RenderBlock key={block.id ?? index} block={block} numbersOf={numbersOf} />
      ))}
    </>
  )
}
