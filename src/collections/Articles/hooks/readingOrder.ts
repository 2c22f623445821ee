/**
 * Where an article cites claims, in reading order, and writing reference numbers back next to
 * each citation. Works on documents as Payload returns them, with relationships either as ids or
 * populated; related benefits and comparison rows come from `related` when not populated.
 */
import type { DocId } from '../../../review/ids'

import { extractClaimIds, forEachClaimRef } from '../../../evidence/lexical'
import { relationId, relationIds } from '../../../review/ids'

type Doc = Record<string, unknown>

const isDoc = (value: unknown): value is Doc => typeof value === 'object' && value !== null && !Array.isArray(value)
const docs = (value: unknown): Doc[] => (Array.isArray(value) ? value.filter(isDoc) : [])
/** A populated relationship (an object with more than its id). */
const isPopulated = (value: unknown): value is Doc => isDoc(value) && Object.keys(value).length > 1

/** Benefits and comparison rows an article shows, by id, for those not populated in the doc. */
export interface RelatedDocs {
  benefits: Map<string, Doc>
  rows: Map<string, Doc>
}

const lookup = (value: unknown, known: Map<string, Doc>): Doc | undefined => {
  if (isPopulated(value)) return value
  const id = relationId(value)
  return id === undefined ? undefined : known.get(String(id))
}

/** Ids of the benefits and comparison rows of an article that are not populated. */
export function unpopulatedRelations(article: Doc): { benefits: DocId[]; rows: DocId[] } {
  const benefits: DocId[] = []
  const rows: DocId[] = []
  for (const block of docs(article.layout)) {
    if (block.blockType === 'benefit' && !isPopulated(block.benefit)) benefits.push(...relationIds(block.benefit))
    if (block.blockType === 'comparisonTable') {
      for (const row of Array.isArray(block.rows) ? block.rows : []) if (!isPopulated(row)) rows.push(...relationIds(row))
    }
  }
  return { benefits, rows }
}

/**
 * The claims an article cites, in reading order: intro; then each layout block — a benefit's
 * "how it works", clinical perspective and listed claims, a clinical claim block, comparison cells
 * row by row, chart points, rich text blocks; then the conclusion. Repeats are kept (numbering
 * only counts the first).
 */
export function claimsInReadingOrder(article: Doc, related: RelatedDocs): DocId[] {
  const order: DocId[] = [...extractClaimIds(article.intro)]
  for (const block of docs(article.layout)) {
    switch (block.blockType) {
      case 'benefit': {
        const benefit = lookup(block.benefit, related.benefits)
        if (benefit) {
          order.push(...extractClaimIds(benefit.howItWorks), ...extractClaimIds(benefit.clinicalPerspective))
          order.push(...relationIds(benefit.claims))
        }
        break
      }
      case 'clinicalClaim':
        order.push(...relationIds(block.claim))
        break
      case 'comparisonTable':
        for (const rowValue of Array.isArray(block.rows) ? block.rows : []) {
          const row = lookup(rowValue, related.rows)
          for (const cell of docs(row?.cells)) order.push(...relationIds(cell.claim))
        }
        break
      case 'chart':
        for (const point of docs(block.points)) order.push(...relationIds(point.claim))
        break
      case 'richText':
        order.push(...extractClaimIds(block.content))
        break
      default:
        break
    }
  }
  order.push(...extractClaimIds(article.conclusion))
  return order
}

/** Reference numbers of a claim (any relationship value); `[]` when it cites nothing known. */
export type NumbersOf = (claim: unknown) => number[]

/** Sets `referenceNumbers` on every `claimRef` inline block of a rich text value, in place. */
export function annotateRichText(value: unknown, numbersOf: NumbersOf): void {
  forEachClaimRef(value, (fields) => {
    fields.referenceNumbers = numbersOf(fields.claim)
  })
}

/** A benefit with `referenceNumbers` on the claimRefs of its rich text. Returns a copy. */
export function annotateBenefit(benefit: Doc, numbersOf: NumbersOf): Doc {
  const copy = structuredClone(benefit)
  annotateRichText(copy.howItWorks, numbersOf)
  annotateRichText(copy.clinicalPerspective, numbersOf)
  return copy
}

/** A comparison row with `referenceNumbers` on each cell. Returns a copy. */
export function annotateRow(row: Doc, numbersOf: NumbersOf): Doc {
  const copy = structuredClone(row)
  for (const cell of docs(copy.cells)) cell.referenceNumbers = numbersOf(cell.claim)
  return copy
}

/**
 * Writes reference numbers next to every citation of an article, in place: claimRefs in the
 * intro, conclusion and rich text blocks, clinical claim blocks, chart points, and — when they
 * are populated — the benefits' rich text and the comparison rows' cells (copied first: a
 * populated document may be shared with other articles of the same response).
 */
export function annotateArticle(article: Doc, numbersOf: NumbersOf): void {
  annotateRichText(article.intro, numbersOf)
  annotateRichText(article.conclusion, numbersOf)
  for (const block of docs(article.layout)) {
    switch (block.blockType) {
      case 'benefit':
        if (isPopulated(block.benefit)) block.benefit = annotateBenefit(block.benefit, numbersOf)
        break
      case 'clinicalClaim':
        block.referenceNumbers = numbersOf(block.claim)
        break
      case 'comparisonTable':
        if (Array.isArray(block.rows)) block.rows = block.rows.map((row: unknown) => (isPopulated(row) ? annotateRow(row, numbersOf) : row))
        break
      case 'chart':
        for (const point of docs(block.points)) point.referenceNumbers = numbersOf(point.claim)
        break
      case 'richText':
        annotateRichText(block.content, numbersOf)
        break
      default:
        break
    }
  }
}
