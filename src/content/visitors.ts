/**
 * The visitors of the content graph that everything else is made of — pure, no Payload import:
 * what to check (`gather`), what a published article exposes (`exposure`), and where reference
 * numbers go (`annotate`). Each takes the walk as a function, so one visitor serves an article,
 * many articles, or a benefit, tip or row on its own.
 */
import type { DocId } from '../shared/ids'
import type { ContentVisitor, DataPoint, Prose, ShownKind } from './graph'

import { forEachClaimRef } from '../evidence/lexical'
import { relationId } from '../shared/ids'

/** A walk of some content with a visitor: `(visitor) => walkArticle(article, library, visitor)`. */
export type WalkOf = (visitor: ContentVisitor) => void

/** Ids by `String(id)`, kept in the order first met. */
export class IdSet {
  private readonly ids = new Map<string, DocId>()

  add(id: DocId): void {
    if (!this.ids.has(String(id))) {
      this.ids.set(String(id), id)
    }
  }

  has(id: DocId): boolean {
    return this.ids.has(String(id))
  }

  get size(): number {
    return this.ids.size
  }

  values(): DocId[] {
    return [...this.ids.values()]
  }
}

/** What the evidence rules read: every text, every data point and every claim, once each. */
export interface Gathered {
  prose: Prose[]
  dataPoints: DataPoint[]
  /** Every claim cited, in reading order, without repeats. */
  claims: DocId[]
  /** Every claim cited, in reading order, with repeats (reference numbering counts the first). */
  claimOrder: DocId[]
}

/**
 * Gathers what the evidence rules check. A document shown twice (a benefit as a block and as a
 * table column) has its texts checked once, where it is first shown.
 */
export function gather(walk: WalkOf): Gathered {
  const prose: Prose[] = []
  const dataPoints: DataPoint[] = []
  const claims = new IdSet()
  const claimOrder: DocId[] = []
  const seenOwners = new Set<string>()
  walk({
    prose: (piece) => {
      if (piece.owner) {
        const key = `${piece.owner.kind}:${piece.owner.id}:${piece.owner.field}`
        if (seenOwners.has(key)) {
          return
        }
        seenOwners.add(key)
      }
      prose.push(piece)
    },
    dataPoint: (point) => dataPoints.push(point),
    claim: (id) => {
      claims.add(id)
      claimOrder.push(id)
    },
  })
  // Titles, headings, labels and alt texts have no claim field: the content's claims back them.
  const cited = claims.values()
  const backed = prose.map((piece) =>
    piece.backedByContent && piece.source.kind === 'plain'
      ? { ...piece, source: { ...piece.source, claimIds: cited, claimsOfContent: true } }
      : piece,
  )
  return { prose: backed, dataPoints, claims: cited, claimOrder }
}

/** The documents some content shows, by kind, and the claims it cites. */
export interface Exposure {
  shown: Record<ShownKind, IdSet>
  claims: IdSet
}

/** What published content exposes to anyone: every document it shows and every claim it cites. */
export function exposure(walk: WalkOf): Exposure {
  const shown: Record<ShownKind, IdSet> = {
    benefits: new IdSet(),
    media: new IdSet(),
    rows: new IdSet(),
    tips: new IdSet(),
  }
  const claims = new IdSet()
  walk({
    shows: (kind, id) => shown[kind].add(id),
    claim: (id) => claims.add(id),
  })
  return { shown, claims }
}

/** Reference numbers of a claim, `[]` when it cites nothing numbered. */
export type NumbersOf = (claim: DocId) => number[]

/**
 * Writes reference numbers next to every citation, in place: on each `claimRef` inline block in
 * rich text, and on each clinical claim block, chart point and comparison cell.
 */
export function annotate(walk: WalkOf, numbersOf: NumbersOf): void {
  walk({
    prose: ({ source }) => {
      if (source.kind !== 'richText') {
        return
      }
      forEachClaimRef(source.value, (fields) => {
        const id = relationId(fields.claim)
        fields.referenceNumbers = id === undefined ? [] : numbersOf(id)
      })
    },
    claim: (id, holder) => {
      if (holder) {
        holder.referenceNumbers = numbersOf(id)
      }
    },
  })
}
