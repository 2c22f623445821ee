import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import type { DocId } from '../../shared/ids'

import { publicKindOf } from '../../content/kinds'
import { articlesShowing, documentChanged, refreshArticles } from '../../content/store'
import { ARTICLES_SLUG, PUBLIC_SETS_SLUG } from '../../shared/slugs'

type Versioned = { _status?: null | string; id: DocId }

/** Whether the article has a stored set (it was live) and its main version is no longer published. */
async function wasUnpublished(req: PayloadRequest, id: DocId): Promise<boolean> {
  const { totalDocs } = await req.payload.db.count({
    collection: PUBLIC_SETS_SLUG,
    where: { articleId: { equals: id } },
    req,
  })
  if (totalDocs === 0) {
    return false
  }
  const live = await req.payload.db.findOne<Versioned>({
    collection: ARTICLES_SLUG,
    where: { id: { equals: id } },
    select: { _status: true },
    req,
  })
  return live?._status !== 'published'
}

/**
 * `afterChange` of articles: a published save (publish, scheduled publish, edit of the live
 * version) recomputes what the article exposes; a save that unpublished a live article removes
 * it. A draft save of a live article changes nothing readers see (its main version stays).
 */
export const refreshArticleSet: CollectionAfterChangeHook = async ({ doc, req }) => {
  const article = doc as Versioned
  if (article._status === 'published' || (await wasUnpublished(req, article.id))) {
    await refreshArticles(req, [article.id])
  }
  return doc
}

/** `afterDelete` of articles: a deleted article exposes nothing. */
export const removeArticleSet: CollectionAfterDeleteHook = async ({ id, req }) => {
  await refreshArticles(req, [id])
}

/** Benefits, tips and rows are content: a published article that shows them must stay valid. */
const ENFORCED = new Set(['benefits', 'rows', 'tips'])

/**
 * `afterChange` of claims, sources, media, benefits, tips and rows: recomputes the sets of the
 * published articles that show the document (an approval or expiry changes a claim's live version,
 * an edit of a source its references) and the document's own flag. An edit of a benefit, tip or
 * row that would make a published article show unchecked content is refused, and rolled back.
 */
export const refreshShowingArticles: CollectionAfterChangeHook = async ({
  collection,
  doc,
  req,
}) => {
  const kind = publicKindOf(collection.slug)
  if (kind) {
    await documentChanged(req, kind, (doc as Versioned).id, { enforce: ENFORCED.has(kind) })
  }
  return doc
}

/** The published articles (titles) that show a document, for messages. */
export async function titlesOfArticlesShowing(
  req: PayloadRequest,
  collection: string,
  id: DocId,
): Promise<string[]> {
  const kind = publicKindOf(collection)
  if (!kind) {
    return []
  }
  const ids = await articlesShowing(req, kind, [id])
  if (ids.length === 0) {
    return []
  }
  const { docs } = await req.payload.find({
    collection: ARTICLES_SLUG,
    where: { id: { in: ids } },
    depth: 0,
    limit: 5,
    select: { title: true },
    overrideAccess: true,
    req,
  })
  return docs.map((article) => `“${article.title}”`)
}
