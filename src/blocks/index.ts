import type { Block } from 'payload'

import { AftercareTipsBlock } from './AftercareTips/config'
import { BenefitBlock } from './Benefit/config'
import { CallToActionBlock } from './CallToAction/config'
import { ChartBlock } from './Chart/config'
import { ClinicalClaimBlock } from './ClinicalClaim/config'
import { ComparisonTableBlock } from './ComparisonTable/config'
import { KeyTakeawaysBlock } from './KeyTakeaways/config'
import { QuoteBlock } from './Quote/config'
import { RichTextBlock } from './RichText/config'

/** The blocks of `articles.layout`, in the order the admin offers them. */
export const layoutBlocks: Block[] = [
  BenefitBlock,
  ClinicalClaimBlock,
  AftercareTipsBlock,
  ComparisonTableBlock,
  ChartBlock,
  RichTextBlock,
  QuoteBlock,
  KeyTakeawaysBlock,
  CallToActionBlock,
]
