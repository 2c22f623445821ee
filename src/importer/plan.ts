/**
 * Turns a parsed article into the documents Cited stores — benefits, aftercare tips, comparison
 * rows, one draft claim per detected statistic, and the article with its layout — without
 * touching a database. References between the planned documents are placeholders
 * (`@benefit:3`, `@claim:12`) that the writer replaces with real ids.
 *
 * Pure: no Payload import. The same plan serves `--dry-run`, the report and the writer, for
 * every format: a Word, HTML or Markdown import also gives the rich form of its paragraphs
 * (`PlanOptions.rich`), whose links, emphasis and lists the plan keeps.
 */
import type { DetectedStatistic } from '../evidence/types'
import type { ParsedArticle } from './parse'
import type { LexicalNode, RichLookup, RichParagraph } from './richInline'

import { formatPath } from '../evidence/coverage'
import { detectStatistics } from '../evidence/detect'
import { splitSentences } from '../evidence/lexical'
import { qualifierOf } from '../evidence/qualifiers'
import { collapseInline, insertAtOffset, plainOf } from './richInline'

export type RefKind = 'benefit' | 'claim' | 'row' | 'tip'
export const ref = (kind: RefKind, key: number): string => `@${kind}:${key}`
export const REF_PATTERN = /^@(benefit|claim|row|tip):(\d+)$/

export interface PlannedClaim {
  key: number
  statement: string
  statistics: {
    value: number
    upper?: number
    unit: DetectedStatistic['unit']
    qualifier: 'about' | 'at-least' | 'exact' | 'more-than' | 'up-to'
  }[]
  /** The statistic as written and where, for the report. */
  text: string
  location: string
}

export interface PlannedBenefit {
  key: number
  data: Record<string, unknown>
}

export interface ImportPlan {
  article: Record<string, unknown> & { title: string; slug: string }
  benefits: PlannedBenefit[]
  tips: { key: number; data: Record<string, unknown> }[]
  rows: { key: number; data: Record<string, unknown> }[]
  claims: PlannedClaim[]
  warnings: { line: number; message: string }[]
}

export interface ImportReport {
  article: { title: string; slug: string }
  benefits: number
  aftercareTips: number
  comparisonRows: number
  comparisonCells: number
  claims: number
  uncitedStatistics: { text: string; sentence: string; location: string }[]
}

const textNode = (text: string): LexicalNode => ({
  type: 'text',
  text,
  format: 0,
  detail: 0,
  mode: 'normal',
  style: '',
  version: 1,
})

const element = (
  type: string,
  children: LexicalNode[],
  extra: Record<string, unknown> = {},
): LexicalNode => ({
  type,
  format: '',
  indent: 0,
  version: 1,
  direction: 'ltr',
  ...extra,
  children,
})

const claimRefNode = (key: number): LexicalNode => ({
  type: 'inlineBlock',
  version: 1,
  fields: { id: `claimref-${key}`, blockType: 'claimRef', claim: ref('claim', key) },
})

export interface PlanOptions {
  /** The rich form (Lexical inline nodes) of a paragraph, for imports from rich formats. */
  rich?: RichLookup
}

/** The rich form of a paragraph when its text is the paragraph's, whitespace aside. */
function usableRich(rich: RichParagraph | undefined): RichParagraph | undefined {
  if (!rich) {
    return undefined
  }
  const children = collapseInline(rich.children)
  return plainOf(children) === rich.text ? { ...rich, children } : undefined
}

class Planner {
  readonly claims: PlannedClaim[] = []

  constructor(private readonly lookup?: RichLookup) {}

  /** The paragraph's rich form, if it has one whose text can be trusted. */
  rich(text: string): RichParagraph | undefined {
    return usableRich(this.lookup?.(text))
  }

  /** One draft claim per statistic in `sentence`; returns their keys. */
  claimsFor(sentence: string, statistics: DetectedStatistic[], location: string[]): number[] {
    return statistics.map((statistic) => {
      const key = this.claims.length + 1
      this.claims.push({
        key,
        statement: sentence.trim(),
        statistics: [
          {
            value: statistic.value,
            ...(statistic.upper !== undefined ? { upper: statistic.upper } : {}),
            unit: statistic.unit,
            qualifier: qualifierOf(statistic.text),
          },
        ],
        text: statistic.text,
        location: formatPath(location),
      })
      return key
    })
  }

  /** A paragraph whose statistic sentences each end with claimRefs to their new claims. */
  paragraph(text: string, location: string[]): LexicalNode {
    const rich = this.rich(text)
    if (rich) {
      return element('paragraph', this.richInline(rich, location), { textFormat: 0 })
    }
    const statistics = detectStatistics(text)
    if (statistics.length === 0) {
      return element('paragraph', [textNode(text)], { textFormat: 0 })
    }
    const children: LexicalNode[] = []
    let cursor = 0
    for (const sentence of splitSentences(text)) {
      const inSentence = statistics.filter(
        (s) => s.start >= sentence.start && s.start < sentence.end,
      )
      if (inSentence.length === 0) {
        continue
      }
      children.push(textNode(text.slice(cursor, sentence.end)))
      for (const key of this.claimsFor(sentence.text, inSentence, location)) {
        children.push(claimRefNode(key))
      }
      cursor = sentence.end
    }
    if (cursor < text.length) {
      children.push(textNode(text.slice(cursor)))
    }
    return element('paragraph', children, { textFormat: 0 })
  }

  /** Rich inline nodes with a claimRef after each statistic's sentence, as `paragraph` does. */
  richInline(rich: RichParagraph, location: string[]): LexicalNode[] {
    const statistics = detectStatistics(rich.text)
    const cuts: { offset: number; refs: LexicalNode[] }[] = []
    for (const sentence of splitSentences(rich.text)) {
      const inSentence = statistics.filter(
        (s) => s.start >= sentence.start && s.start < sentence.end,
      )
      if (inSentence.length > 0) {
        const keys = this.claimsFor(sentence.text, inSentence, location)
        cuts.push({ offset: sentence.end, refs: keys.map(claimRefNode) })
      }
    }
    return cuts.reduceRight(
      (children, cut) => insertAtOffset(children, cut.offset, cut.refs),
      rich.children,
    )
  }

  richText(
    paragraphs: string[],
    location: string[],
    lead: LexicalNode[] = [],
  ): Record<string, unknown> | undefined {
    const children = [...lead]
    // Consecutive list items of a rich import make one list.
    let list: LexicalNode | undefined
    for (const p of paragraphs) {
      const node = this.paragraph(p, location)
      const kind = this.rich(p)?.list
      if (!kind) {
        list = undefined
        children.push(node)
        continue
      }
      if (!list || list.listType !== kind) {
        list = element('list', [], {
          listType: kind,
          start: 1,
          tag: kind === 'number' ? 'ol' : 'ul',
        })
        children.push(list)
      }
      const items = list.children as LexicalNode[]
      items.push(element('listitem', node.children as LexicalNode[], { value: items.length + 1 }))
    }
    if (children.length === 0) {
      return undefined
    }
    return { root: element('root', children) }
  }

  /** A plain text field's statistics become claims; returns the first claim's key (the cell's `claim`). */
  plainClaim(text: string, location: string[]): number | undefined {
    const statistics = detectStatistics(text)
    if (statistics.length === 0) {
      return undefined
    }
    return this.claimsFor(text, statistics, location)[0]
  }
}

const heading = (text: string, tag = 'h2'): LexicalNode =>
  element('heading', [textNode(text)], { tag })

const bulletList = (points: string[], planner: Planner): LexicalNode =>
  element(
    'list',
    points.map((point, index) =>
      element('listitem', planner.rich(point)?.children ?? [textNode(point)], {
        value: index + 1,
      }),
    ),
    { listType: 'bullet', start: 1, tag: 'ul' },
  )

export function planImport(parsed: ParsedArticle, options: PlanOptions = {}): ImportPlan {
  const planner = new Planner(options.rich)
  const tips: ImportPlan['tips'] = []
  const benefits: PlannedBenefit[] = []
  const layout: Record<string, unknown>[] = []
  const benefitKeyByNumber = new Map<number, number>()

  for (const section of parsed.benefits) {
    const key = benefits.length + 1
    benefitKeyByNumber.set(section.number, key)
    const at = ['Benefits', section.title]
    const tipKeys = section.tips.map((tip) => {
      const tipKey = tips.length + 1
      tips.push({
        key: tipKey,
        data: {
          title: tip.title,
          instruction: tip.instruction,
          ...(tip.timing ? { timing: tip.timing } : {}),
          ...(tip.category ? { category: tip.category } : {}),
        },
      })
      return tipKey
    })
    const howItWorks = planner.richText(section.body, [...at, 'How it works'])
    const clinicalPerspective = planner.richText(section.perspective, [
      ...at,
      'Clinical perspective',
    ])
    benefits.push({
      key,
      data: {
        title: section.title,
        ...(section.summary ? { summary: section.summary } : {}),
        ...(howItWorks ? { howItWorks } : {}),
        ...(clinicalPerspective ? { clinicalPerspective } : {}),
        aftercareTips: tipKeys.map((tipKey) => ref('tip', tipKey)),
      },
    })
    layout.push({
      blockType: 'benefit',
      blockName: section.title,
      benefit: ref('benefit', key),
      showTips: false,
    })
    if (tipKeys.length > 0) {
      layout.push({
        blockType: 'aftercareTips',
        heading: section.tipsHeading ?? 'Aftercare tips',
        ...(section.tipsLeadIn ? { intro: section.tipsLeadIn } : {}),
        tips: tipKeys.map((tipKey) => ref('tip', tipKey)),
      })
    }
    const closing = planner.richText(section.closing, [section.title])
    if (closing) {
      layout.push({ blockType: 'richText', blockName: section.title, content: closing })
    }
  }

  const rows: ImportPlan['rows'] = []
  const comparison = parsed.comparison
  if (comparison) {
    const table = comparison.heading ?? 'Comparison table'
    const columnKeys = comparison.columnBenefits.map((number) => benefitKeyByNumber.get(number))
    const columnTitles = comparison.columnBenefits.map(
      (number, index) =>
        parsed.benefits.find((b) => b.number === number)?.title ?? comparison.columns[index] ?? '',
    )
    for (const row of comparison.rows) {
      const cells = row.cells.map((cell, index) => {
        const claimKey = planner.plainClaim(cell.raw, [
          table,
          row.aspect,
          columnTitles[index] ?? '',
        ])
        return {
          benefit: ref('benefit', columnKeys[index] ?? 0),
          ...(cell.rating ? { rating: cell.rating } : {}),
          text: cell.raw,
          ...(claimKey !== undefined ? { claim: ref('claim', claimKey) } : {}),
        }
      })
      rows.push({
        key: rows.length + 1,
        data: { aspect: row.aspect, ...(row.icon ? { icon: row.icon } : {}), cells },
      })
    }
    layout.push({
      blockType: 'comparisonTable',
      heading: table,
      columns: columnKeys
        .filter((key): key is number => key !== undefined)
        .map((key) => ref('benefit', key)),
      rows: rows.map((row) => ref('row', row.key)),
    })
  }

  if (parsed.nextStepsHeading || parsed.nextStepsIntro.length > 0) {
    const lead = parsed.nextStepsHeading ? [heading(parsed.nextStepsHeading)] : []
    const content = planner.richText(
      parsed.nextStepsIntro,
      [parsed.nextStepsHeading ?? 'Next steps'],
      lead,
    )
    if (content) {
      layout.push({ blockType: 'richText', blockName: parsed.nextStepsHeading, content })
    }
  }
  if (parsed.quote) {
    layout.push({
      blockType: 'quote',
      text: parsed.quote.text,
      ...(parsed.quote.attribution ? { attribution: parsed.quote.attribution } : {}),
    })
  }
  if (parsed.keyTakeaways.length > 0) {
    layout.push({
      blockType: 'keyTakeaways',
      heading: parsed.keyTakeawaysHeading ?? 'Key takeaways',
      style: 'takeaways',
      items: parsed.keyTakeaways.map((item) => ({
        title: item.title,
        points: item.points.map((text) => ({ text })),
      })),
    })
  }
  if (parsed.actionSteps.length > 0) {
    layout.push({
      blockType: 'keyTakeaways',
      heading: parsed.actionStepsHeading ?? 'Next steps',
      style: 'steps',
      items: parsed.actionSteps.map((step) => ({ title: step.title, text: step.text })),
    })
  }
  if (parsed.whyItMatters) {
    const why = parsed.whyItMatters
    const lead = [
      heading(why.heading),
      ...(why.leadIn ? [planner.paragraph(why.leadIn, [why.heading])] : []),
    ]
    layout.push({
      blockType: 'richText',
      blockName: why.heading,
      content: { root: element('root', [...lead, bulletList(why.points, planner)]) },
    })
  }
  if (parsed.callToAction) {
    layout.push({
      blockType: 'callToAction',
      ...(parsed.callToAction.heading ? { heading: parsed.callToAction.heading } : {}),
      text: parsed.callToAction.text,
      ...(parsed.callToAction.label ? { label: parsed.callToAction.label } : {}),
    })
  }

  const intro = planner.richText(parsed.intro, ['Intro'])
  const conclusionLead = parsed.conclusionHeading ? [heading(parsed.conclusionHeading)] : []
  const conclusion = planner.richText(parsed.conclusion, ['Conclusion'], conclusionLead)
  const firstIntro = parsed.intro[0]
  const excerpt = firstIntro ? splitSentences(firstIntro)[0]?.text : undefined

  return {
    article: {
      title: parsed.title,
      slug: parsed.slug,
      ...(excerpt ? { excerpt } : {}),
      ...(intro ? { intro } : {}),
      layout,
      ...(conclusion ? { conclusion } : {}),
    },
    benefits,
    tips,
    rows,
    claims: planner.claims,
    warnings: parsed.warnings,
  }
}

/** What an import writes (or would write), as the CLI's `--json` report. */
export function reportOf(plan: ImportPlan): ImportReport {
  return {
    article: { title: plan.article.title, slug: plan.article.slug },
    benefits: plan.benefits.length,
    aftercareTips: plan.tips.length,
    comparisonRows: plan.rows.length,
    comparisonCells: plan.rows.reduce(
      (sum, row) => sum + (Array.isArray(row.data.cells) ? row.data.cells.length : 0),
      0,
    ),
    claims: plan.claims.length,
    uncitedStatistics: plan.claims.map((claim) => ({
      text: claim.text,
      sentence: claim.statement,
      location: claim.location,
    })),
  }
}
