import type { CollectionAfterReadHook, PayloadRequest } from 'payload'

import type { SourceData } from '../../../evidence/citations'
import type { DocId } from '../../../review/ids'

import { buildReferences, numberSources } from '../../../evidence/citations'
import { relationId, relationIds } from '../../../review/ids'
import { BENEFITS_SLUG, CLAIMS_SLUG, COMPARISON_ROWS_SLUG, SOURCES_SLUG } from '../../slugs'
import { rememberReferenceNumbers } from './referenceNumbersContext'
import { annotateArticle, claimsInReadingOrder, unpopulatedRelations } from './readingOrder'

type Doc = Record<string, unknown>

/** Set `context: { citedReferences: true }` to get references from a trusted Local API read. */
export const REFERENCES_CONTEXT_KEY = 'citedReferences'

const unique = (ids: DocId[]): DocId[] => {
  const seen = new Map<string, DocId>()
  for (const id of ids) if (!seen.has(String(id))) seen.set(String(id), id)
  return [...seen.values()]
}

/** One query for all the documents of `collection` with these ids (system read, no population). */
async function findByIds(
  req: PayloadRequest,
  collection: typeof BENEFITS_SLUG | typeof COMPARISON_ROWS_SLUG | typeof SOURCES_SLUG,
  ids: DocId[],
): Promise<Doc[]> {
  const wanted = unique(ids)
  if (wanted.length === 0) return []
  const { docs } = await req.payload.find({
    collection,
    where: { id: { in: wanted } },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return docs as unknown as Doc[]
}

const byId = (list: Doc[]): Map<string, Doc> => new Map(list.map((doc) => [String(doc.id), doc]))

/**
 * The claims with these ids and the sources of each, in one query. Anonymous readers and
 * published articles get the approved (published) version only; a logged-in reader of a draft
 * article sees the claims' latest drafts, so previews show their references.
 */
async function sourcesOfClaims(req: PayloadRequest, ids: DocId[], latestDrafts: boolean): Promise<Map<string, DocId[]>> {
  const wanted = unique(ids)
  if (wanted.length === 0) return new Map()
  const { docs } = await req.payload.find({
    collection: CLAIMS_SLUG,
    where: latestDrafts
      ? { id: { in: wanted } }
      : { and: [{ id: { in: wanted } }, { _status: { equals: 'published' } }] },
    draft: latestDrafts,
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const sources = new Map<string, DocId[]>()
  for (const claim of docs as unknown as Doc[]) {
    const statistics = Array.isArray(claim.statistics) ? (claim.statistics as Doc[]) : []
    sources.set(String(claim.id), unique(statistics.flatMap((statistic) => relationIds(statistic.sources))))
  }
  return sources
}

/**
 * Derives an article's numbered `references` on read and writes `referenceNumbers` next to each
 * citation (see `readingOrder.ts`). Four queries at most, whatever the number of claims: the
 * benefits and comparison rows not already populated, the claims, the sources.
 *
 * Runs for reads on behalf of someone (REST, GraphQL, Local API with `overrideAccess: false`);
 * trusted system reads skip it unless they pass `context: { citedReferences: true }`.
 */
export const addReferences: CollectionAfterReadHook = async ({ doc, overrideAccess, req }) => {
  if (overrideAccess === true && req.context[REFERENCES_CONTEXT_KEY] !== true) return doc
  const article = doc as Doc
  // A `select` without the content: nothing to number.
  if (!('layout' in article) && !('intro' in article) && !('conclusion' in article)) return doc

  const missing = unpopulatedRelations(article)
  const [benefits, rows] = await Promise.all([
    findByIds(req, BENEFITS_SLUG, missing.benefits),
    findByIds(req, COMPARISON_ROWS_SLUG, missing.rows),
  ])
  const order = claimsInReadingOrder(article, { benefits: byId(benefits), rows: byId(rows) })
  const latestDrafts = Boolean(req.user) && article._status === 'draft'
  const numbering = numberSources(order, await sourcesOfClaims(req, order, latestDrafts))
  const sources = await findByIds(req, SOURCES_SLUG, numbering.sourceIds)
  const references = buildReferences(numbering, sources as unknown as SourceData[])

  const numbersOf = (claim: unknown): number[] => {
    const id = relationId(claim)
    return id === undefined ? [] : (numbering.numbersByClaim.get(String(id)) ?? [])
  }
  annotateArticle(article, numbersOf)
  article.references = references
  article.claimReferences = [...numbering.numbersByClaim].map(([claimId, referenceNumbers]) => ({ claimId, referenceNumbers }))
  rememberReferenceNumbers(req, article.id, numbering.numbersByClaim)
  return article
}
