/**
 * Gathers, for one document of a Cited collection, every piece of prose the evidence rules apply
 * to — with a readable path ("Benefits › Natural Pain Reduction › Clinical perspective") and the
 * field path Payload reports errors on — plus every claim the document relies on.
 *
 * Referenced documents (the benefits, tips and comparison rows of an article) are loaded in one
 * query per collection, whatever their number.
 */
import type { PayloadRequest } from 'payload'

import type { ClaimId, TextSource } from '../../evidence/coverage'
import type { DetectedStatistic } from '../../evidence/types'

import { extractClaimIds, parseClaimId } from '../../evidence/lexical'
import {
  AFTERCARE_TIPS_SLUG,
  ARTICLES_SLUG,
  BENEFITS_SLUG,
  COMPARISON_ROWS_SLUG,
} from '../../collections/slugs'

/** A text to check and where it lives. */
export interface FieldSource {
  source: TextSource
  /** Payload field path of the document being saved (for ValidationError). */
  fieldPath: string
}

/** A number stated as data (a chart point), with the claim that must state it. */
export interface DataPoint {
  statistic: DetectedStatistic
  path: string[]
  fieldPath: string
  claimIds: ClaimId[]
}

export interface CollectedEvidence {
  sources: FieldSource[]
  dataPoints: DataPoint[]
  claimIds: ClaimId[]
}

type Doc = Record<string, unknown>

const asDoc = (value: unknown): Doc => (value && typeof value === 'object' ? (value as Doc) : {})
const asArray = (value: unknown): Doc[] => (Array.isArray(value) ? value.map(asDoc) : [])
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined)
const idOf = (value: unknown): ClaimId | undefined => parseClaimId(value)
const idsOf = (value: unknown): ClaimId[] =>
  (Array.isArray(value) ? value : [value]).map(idOf).filter((id): id is ClaimId => id !== undefined)

const plain = (value: unknown, path: string[], fieldPath: string, claimIds: ClaimId[] = []): FieldSource => ({
  source: { kind: 'plain', text: text(value), path, claimIds },
  fieldPath,
})
const rich = (value: unknown, path: string[], fieldPath: string): FieldSource => ({
  source: { kind: 'richText', value, path },
  fieldPath,
})

const UNIT_FOR_CHART: Record<string, DetectedStatistic['unit']> = {
  percent: 'percent',
  ratio: 'ratio',
  multiplier: 'multiplier',
  count: 'count',
  points: 'points',
}

/** The prose of a benefit, under `prefix` (e.g. ["Benefits", "Natural Pain Reduction"]). */
export function benefitSources(benefit: Doc, prefix: string[], fieldPrefix: string): FieldSource[] {
  return [
    plain(benefit.summary, [...prefix, 'Summary'], `${fieldPrefix}summary`),
    rich(benefit.howItWorks, [...prefix, 'How it works'], `${fieldPrefix}howItWorks`),
    rich(benefit.clinicalPerspective, [...prefix, 'Clinical perspective'], `${fieldPrefix}clinicalPerspective`),
  ]
}

export function tipSources(tip: Doc, prefix: string[], fieldPrefix: string): FieldSource[] {
  return [
    plain(tip.instruction, [...prefix, 'Instruction'], `${fieldPrefix}instruction`),
    plain(tip.caution, [...prefix, 'Caution'], `${fieldPrefix}caution`),
  ]
}

export function rowSources(
  row: Doc,
  prefix: string[],
  fieldPrefix: string,
  benefitTitles: Map<string, string>,
): FieldSource[] {
  return asArray(row.cells).map((cell, index) => {
    const benefitId = idOf(cell.benefit)
    const column =
      (benefitId !== undefined ? benefitTitles.get(String(benefitId)) : undefined) ?? `Cell ${index + 1}`
    return plain(cell.text, [...prefix, text(row.aspect) ?? 'Row', column], `${fieldPrefix}cells.${index}.text`, idsOf(cell.claim))
  })
}

function claimIdsInSources(sources: FieldSource[]): ClaimId[] {
  return sources.flatMap(({ source }) =>
    source.kind === 'plain' ? source.claimIds : extractClaimIds(source.value),
  )
}

async function findByIds(
  req: PayloadRequest,
  collection: typeof AFTERCARE_TIPS_SLUG | typeof BENEFITS_SLUG | typeof COMPARISON_ROWS_SLUG,
  ids: ClaimId[],
): Promise<Map<string, Doc>> {
  if (ids.length === 0) return new Map()
  const { docs } = await req.payload.find({
    collection,
    where: { id: { in: [...new Set(ids.map(String))] } },
    depth: 0,
    limit: ids.length,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return new Map(docs.map((doc) => [String(doc.id), doc as unknown as Doc]))
}

async function benefitTitlesFor(req: PayloadRequest, rows: Doc[], known: Map<string, Doc>): Promise<Map<string, string>> {
  const wanted = rows.flatMap((row) => asArray(row.cells).map((cell) => idOf(cell.benefit)))
  const missing = wanted.filter((id): id is ClaimId => id !== undefined && !known.has(String(id)))
  const loaded = await findByIds(req, BENEFITS_SLUG, missing)
  const titles = new Map<string, string>()
  for (const [id, doc] of [...known, ...loaded]) titles.set(id, text(doc.title) ?? `Benefit ${id}`)
  return titles
}

async function collectArticle(data: Doc, req: PayloadRequest): Promise<CollectedEvidence> {
  const blocks = asArray(data.layout)
  const sources: FieldSource[] = [
    plain(data.excerpt, ['Excerpt'], 'excerpt'),
    rich(data.intro, ['Intro'], 'intro'),
  ]
  const dataPoints: DataPoint[] = []
  const directClaims: ClaimId[] = []

  const benefitIds = blocks.flatMap((b) =>
    b.blockType === 'benefit' ? idsOf(b.benefit) : b.blockType === 'comparisonTable' ? idsOf(b.columns) : [],
  )
  const rowIds = blocks.flatMap((b) => (b.blockType === 'comparisonTable' ? idsOf(b.rows) : []))
  const [benefits, rows] = await Promise.all([
    findByIds(req, BENEFITS_SLUG, benefitIds),
    findByIds(req, COMPARISON_ROWS_SLUG, rowIds),
  ])
  const tipIds = [
    ...blocks.flatMap((b) => (b.blockType === 'aftercareTips' ? idsOf(b.tips) : [])),
    ...blocks.flatMap((b) => {
      if (b.blockType !== 'benefit' || b.showTips === false) return []
      const id = idOf(b.benefit)
      return id === undefined ? [] : idsOf(benefits.get(String(id))?.aftercareTips)
    }),
  ]
  const [tips, benefitTitles] = await Promise.all([
    findByIds(req, AFTERCARE_TIPS_SLUG, tipIds),
    benefitTitlesFor(req, [...rows.values()], benefits),
  ])

  blocks.forEach((block, index) => {
    const at = `layout.${index}`
    const label = text(block.blockName)
    switch (block.blockType) {
      case 'benefit': {
        const benefit = benefits.get(String(idOf(block.benefit)))
        if (!benefit) break
        const title = text(benefit.title) ?? 'Benefit'
        sources.push(...benefitSources(benefit, ['Benefits', title], `${at}.benefit.`))
        directClaims.push(...idsOf(benefit.claims))
        if (block.showTips !== false) {
          for (const tipId of idsOf(benefit.aftercareTips)) {
            const tip = tips.get(String(tipId))
            if (tip) sources.push(...tipSources(tip, ['Benefits', title, text(tip.title) ?? 'Tip'], `${at}.benefit.`))
          }
        }
        break
      }
      case 'clinicalClaim':
        directClaims.push(...idsOf(block.claim))
        break
      case 'aftercareTips':
        sources.push(plain(block.intro, [label ?? 'Aftercare tips', 'Intro'], `${at}.intro`))
        for (const tipId of idsOf(block.tips)) {
          const tip = tips.get(String(tipId))
          if (tip) sources.push(...tipSources(tip, [label ?? 'Aftercare tips', text(tip.title) ?? 'Tip'], `${at}.tips`))
        }
        break
      case 'comparisonTable':
        for (const rowId of idsOf(block.rows)) {
          const row = rows.get(String(rowId))
          if (row) sources.push(...rowSources(row, [text(block.heading) ?? label ?? 'Comparison table'], `${at}.rows.`, benefitTitles))
        }
        break
      case 'chart': {
        const chartLabel = text(block.title) ?? label ?? 'Chart'
        sources.push(plain(block.caption, ['Chart', chartLabel, 'Caption'], `${at}.caption`))
        const unit = UNIT_FOR_CHART[text(block.unit) ?? 'percent']
        asArray(block.points).forEach((point, pointIndex) => {
          if (typeof point.value !== 'number' || !unit) return
          const shown = unit === 'percent' ? `${point.value}%` : String(point.value)
          dataPoints.push({
            statistic: { text: shown, start: 0, end: shown.length, kind: 'measure', value: point.value, unit },
            path: ['Chart', chartLabel, text(point.label) ?? `Point ${pointIndex + 1}`],
            fieldPath: `${at}.points.${pointIndex}.value`,
            claimIds: idsOf(point.claim),
          })
        })
        break
      }
      case 'richText':
        sources.push(rich(block.content, [label ?? `Text (block ${index + 1})`], `${at}.content`))
        break
      case 'quote':
        sources.push(plain(block.text, ['Quote'], `${at}.text`))
        break
      case 'keyTakeaways': {
        const heading = text(block.heading) ?? label ?? 'Key takeaways'
        sources.push(plain(block.intro, [heading, 'Intro'], `${at}.intro`))
        asArray(block.items).forEach((item, itemIndex) => {
          const itemPath = [heading, text(item.title) ?? `Item ${itemIndex + 1}`]
          sources.push(plain(item.text, itemPath, `${at}.items.${itemIndex}.text`))
          asArray(item.points).forEach((point, pointIndex) =>
            sources.push(plain(point.text, itemPath, `${at}.items.${itemIndex}.points.${pointIndex}.text`)),
          )
        })
        break
      }
      case 'callToAction':
        sources.push(plain(block.text, [text(block.heading) ?? label ?? 'Call to action'], `${at}.text`))
        break
    }
  })
  sources.push(rich(data.conclusion, ['Conclusion'], 'conclusion'))

  return {
    sources,
    dataPoints,
    claimIds: [...directClaims, ...claimIdsInSources(sources), ...dataPoints.flatMap((p) => p.claimIds)],
  }
}

/** Collects the evidence of a document of `collection` (its data as it will be saved). */
export async function collectEvidence(collection: string, data: Doc, req: PayloadRequest): Promise<CollectedEvidence> {
  switch (collection) {
    case ARTICLES_SLUG:
      return collectArticle(data, req)
    case BENEFITS_SLUG: {
      const sources = benefitSources(data, [text(data.title) ?? 'Benefit'], '')
      return { sources, dataPoints: [], claimIds: [...idsOf(data.claims), ...claimIdsInSources(sources)] }
    }
    case AFTERCARE_TIPS_SLUG: {
      const sources = tipSources(data, [text(data.title) ?? 'Aftercare tip'], '')
      return { sources, dataPoints: [], claimIds: claimIdsInSources(sources) }
    }
    case COMPARISON_ROWS_SLUG: {
      const benefitTitles = await benefitTitlesFor(req, [data], new Map())
      const sources = rowSources(data, [], '', benefitTitles)
      return { sources, dataPoints: [], claimIds: claimIdsInSources(sources) }
    }
    default:
      return { sources: [], dataPoints: [], claimIds: [] }
  }
}
