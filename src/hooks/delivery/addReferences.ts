import type { CollectionAfterReadHook, PayloadRequest } from 'payload'

import type { ArticleContent } from '../../content/graph'
import type { StoredReferences } from '../../content/store'
import type { DocId } from '../../shared/ids'

import { depopulateToExposed } from '../../content/depopulate'
import { emptyLibrary, walkArticle } from '../../content/graph'
import { loadClaims, loadLibrary, loadSources, sourcesOfClaim } from '../../content/load'
import { storedReferences } from '../../content/store'
import { annotate, gather } from '../../content/visitors'
import { buildReferences, numberSources } from '../../evidence/citations'
import { ARTICLES_SLUG } from '../../shared/slugs'
import { rememberReferenceNumbers } from './referenceNumbersContext'

/** Set `context: { citedReferences: true }` to get references from a trusted Local API read. */
export const REFERENCES_CONTEXT_KEY = 'citedReferences'

/**
 * The references of an article that is not published (a preview): derived from its content now,
 * with one query per collection. A logged-in reader of a draft sees its claims' latest drafts.
 */
async function derivedReferences(
  req: PayloadRequest,
  article: ArticleContent,
  latestDrafts: boolean,
): Promise<StoredReferences> {
  const root = { kind: 'articles' as const, doc: article }
  const library = await loadLibrary(req, [root])
  const { claimOrder, claims: cited } = gather((visitor) => walkArticle(article, library, visitor))
  const claims = await loadClaims(req, cited, latestDrafts ? 'draft' : 'live')
  const sourcesByClaim = new Map(
    [...claims]
      .filter(([, claim]) => latestDrafts || claim._status === 'published')
      .map(([id, claim]) => [id, sourcesOfClaim(claim)]),
  )
  const numbering = numberSources(claimOrder, sourcesByClaim)
  const sources = await loadSources(req, numbering.sourceIds)
  return {
    references: buildReferences(numbering, sources),
    claimNumbers: Object.fromEntries(numbering.numbersByClaim),
  }
}

/**
 * Gives an article its numbered `references` on read and writes `referenceNumbers` next to each
 * citation. A published article's references were computed when it went live and are read from
 * its stored public set (one indexed query, batched across the articles of a list); a draft's are
 * derived from its content.
 *
 * Runs for reads on behalf of someone (REST, GraphQL, Local API with `overrideAccess: false`);
 * trusted system reads skip it unless they pass `context: { citedReferences: true }`.
 */
export const addReferences: CollectionAfterReadHook = async ({ doc, overrideAccess, req }) => {
  if (overrideAccess === true && req.context[REFERENCES_CONTEXT_KEY] !== true) {
    return doc
  }
  // A `select` without the content: nothing to number.
  if (!('layout' in doc) && !('intro' in doc) && !('conclusion' in doc)) {
    return doc
  }
  // Populated documents may be shared with other articles of the same response: number a copy.
  const article = structuredClone(doc) as ArticleContent & Record<string, unknown>
  const stored =
    article._status === 'published' && article.id !== undefined
      ? await storedReferences(req, article.id)
      : undefined
  const { references, claimNumbers } =
    stored ??
    (await derivedReferences(req, article, Boolean(req.user) && article._status === 'draft'))
  // An anonymous reader gets what this article exposes, not what other articles make readable.
  if (stored?.ids && !req.user) {
    depopulateToExposed(
      req,
      article,
      req.payload.collections[ARTICLES_SLUG].config.flattenedFields,
      stored.ids,
    )
  }
  const numbersOf = (claim: DocId): number[] => claimNumbers[String(claim)] ?? []
  annotate((visitor) => walkArticle(article, emptyLibrary(), visitor), numbersOf)
  article.references = references
  article.claimReferences = Object.entries(claimNumbers).map(([claimId, referenceNumbers]) => ({
    claimId,
    referenceNumbers,
  }))
  rememberReferenceNumbers(req, article.id, new Map(Object.entries(claimNumbers)))
  return article
}
