import type { CollectionAfterReadHook, PayloadRequest } from 'payload'

import { relationId } from '../../../review/ids'
import { annotateBenefit, annotateRow } from './readingOrder'

type Doc = Record<string, unknown>

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
export function rememberReferenceNumbers(req: PayloadRequest, articleId: unknown, numbersByClaim: Map<string, number[]>): void {
  const remembered = req.context[KEY] as Remembered | undefined
  const id = String(relationId(articleId) ?? '')
  if (!remembered) {
    req.context[KEY] = { articles: new Set([id]), numbersByClaim } satisfies Remembered
    return
  }
  remembered.articles.add(id)
}

/** `afterRead` of benefits and comparison rows: numbers their citations after an article read. */
export const annotateFromArticle: CollectionAfterReadHook = ({ collection, doc, overrideAccess, req }) => {
  if (overrideAccess === true) return doc
  const remembered = req.context[KEY] as Remembered | undefined
  if (!remembered || remembered.articles.size !== 1) return doc
  const numbersOf = (claim: unknown): number[] => {
    const id = relationId(claim)
    return id === undefined ? [] : (remembered.numbersByClaim.get(String(id)) ?? [])
  }
  return collection.slug === 'comparison-rows' ? annotateRow(doc as Doc, numbersOf) : annotateBenefit(doc as Doc, numbersOf)
}
