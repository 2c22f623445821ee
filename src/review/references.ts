import type { DocId } from './ids'

import { relationId, relationIds } from './ids'

/** Ids of the library documents a piece of content points at, by collection. */
export interface ReferenceIds {
  benefits: DocId[]
  claims: DocId[]
  rows: DocId[]
  sources: DocId[]
  tips: DocId[]
}

export const emptyReferences = (): ReferenceIds => ({ benefits: [], claims: [], rows: [], sources: [], tips: [] })

const add = (list: DocId[], ids: DocId[]): void => {
  for (const id of ids) if (!list.some((seen) => String(seen) === String(id))) list.push(id)
}

type JsonObject = Record<string, unknown>
const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null

/**
 * Collects what content references, wherever it sits: layout blocks (benefit, clinical claim,
 * aftercare tips, comparison table, chart points), inline `claimRef`s inside Lexical rich text,
 * comparison-row cells and a benefit's own claims and tips. Walks the JSON itself, so blocks nested
 * in rich text are found too. Pure: no database.
 */
export function collectReferences(value: unknown, into: ReferenceIds = emptyReferences()): ReferenceIds {
  const seen = new Set<unknown>()
  const walk = (node: unknown): void => {
    if (!isObject(node) || seen.has(node)) return
    seen.add(node)
    if (Array.isArray(node)) {
      node.forEach(walk)
      return
    }
    switch (node.blockType) {
      case 'benefit':
        add(into.benefits, relationIds(node.benefit))
        break
      case 'clinicalClaim':
      case 'claimRef':
        add(into.claims, relationIds(node.claim))
        break
      case 'aftercareTips':
        add(into.tips, relationIds(node.tips))
        break
      case 'comparisonTable':
        add(into.benefits, relationIds(node.columns))
        add(into.rows, relationIds(node.rows))
        break
      case 'chart':
        if (Array.isArray(node.points)) for (const point of node.points) if (isObject(point)) add(into.claims, relationIds(point.claim))
        break
      default:
        break
    }
    for (const child of Object.values(node)) walk(child)
  }
  walk(value)
  return into
}

/** What a benefit document shows: its claims, aftercare tips and claimRefs in its rich text. */
export function collectBenefitReferences(benefit: JsonObject, into: ReferenceIds): ReferenceIds {
  add(into.claims, relationIds(benefit.claims))
  add(into.tips, relationIds(benefit.aftercareTips))
  return collectReferences([benefit.howItWorks, benefit.clinicalPerspective], into)
}

/** What a comparison row shows: each cell's benefit and claim. */
export function collectRowReferences(row: JsonObject, into: ReferenceIds): ReferenceIds {
  if (Array.isArray(row.cells)) {
    for (const cell of row.cells) {
      if (!isObject(cell)) continue
      const benefit = relationId(cell.benefit)
      if (benefit !== undefined) add(into.benefits, [benefit])
      add(into.claims, relationIds(cell.claim))
    }
  }
  return into
}

/** Sources cited by a claim's statistics. */
export function collectClaimSources(claim: JsonObject, into: ReferenceIds): ReferenceIds {
  if (Array.isArray(claim.statistics)) {
    for (const row of claim.statistics) if (isObject(row)) add(into.sources, relationIds(row.sources))
  }
  return into
}
