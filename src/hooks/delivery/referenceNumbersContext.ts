import type { CollectionAfterReadHook, PayloadRequest } from 'payload'

import type { StandaloneKind } from '../../content/graph'
import type { DocId } from '../../shared/ids'

import { emptyLibrary, walkDocument } from '../../content/graph'
import { publicKindOf } from '../../content/kinds'
import { annotate } from '../../content/visitors'
import { relationId } from '../../shared/ids'

const KEY = 'citedReferenceNumbers'

interface Remembered {
  articles: Set<string>
  numbersByClaim: Map<string, number[]>
}

/**
 * Remembers, for the rest of the request, the reference numbers of the article just read. GraphQL
 * resolves an article's benefits and comparison rows after the article, one document at a time;
 * {@link annotateFromArticle} then numbers their citations the same way. With several articles in
 * one request the numbers would be ambiguous, so they are given only while one article was read.
 */
export function rememberReferenceNumbers(
  req: PayloadRequest,
  articleId: unknown,
  numbersByClaim: Map<string, number[]>,
): void {
  const remembered = req.context[KEY] as Remembered | undefined
  const id = String(relationId(articleId) ?? '')
  if (!remembered) {
    req.context[KEY] = { articles: new Set([id]), numbersByClaim } satisfies Remembered
    return
  }
  remembered.articles.add(id)
}

/** `afterRead` of benefits and comparison rows: numbers their citations after an article read. */
export const annotateFromArticle: CollectionAfterReadHook = ({
  collection,
  doc,
  overrideAccess,
  req,
}) => {
  if (overrideAccess === true) {
    return doc
  }
  const remembered = req.context[KEY] as Remembered | undefined
  if (!remembered || remembered.articles.size !== 1) {
    return doc
  }
  const kind = publicKindOf(collection.slug)
  if (kind !== 'benefits' && kind !== 'rows') {
    return doc
  }
  const numbersOf = (claim: DocId): number[] => remembered.numbersByClaim.get(String(claim)) ?? []
  const copy = structuredClone(doc) as Record<string, unknown>
  annotate(
    (visitor) => walkDocument(kind satisfies StandaloneKind, copy, emptyLibrary(), visitor),
    numbersOf,
  )
  return copy
}
