import type { Block } from 'payload'

import { AftercareTipsBlock } from './AftercareTips/config.js'
import { BenefitBlock } from './Benefit/config.js'
import { CallToActionBlock } from './CallToAction/config.js'
import { ChartBlock } from './Chart/config.js'
import { ClinicalClaimBlock } from './ClinicalClaim/config.js'
import { ComparisonTableBlock } from './ComparisonTable/config.js'
import { KeyTakeawaysBlock } from './KeyTakeaways/config.js'
import { QuoteBlock } from './Quote/config.js'
import { RichTextBlock } from './RichText/config.js'

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
