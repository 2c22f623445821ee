import type { CollectionConfig } from 'payload'

import { ARTICLES_SLUG, CLAIMS_SLUG, SOURCES_SLUG } from '../../collections/slugs'
import { publicKindOf } from '../../content/kinds'
import { lockContentWrites } from './lockContentWrites'
import { preventDeletingShown } from './preventDeletingShown'
import { refreshArticleSet, refreshShowingArticles, removeArticleSet } from './refreshPublicSets'

/**
 * Keeps the stored public sets (`content/store.ts`) in step with every write that can move them:
 * the public-set lock before the write, the refresh after it, in the same transaction.
 */
export function withContentHooks(collection: CollectionConfig): CollectionConfig {
  const hooks = collection.hooks ?? {}
  const isArticle = collection.slug === ARTICLES_SLUG
  const kind = publicKindOf(collection.slug)
  if (!isArticle && !kind) return collection
  // Claims and sources have delete guards of their own (cited claims and sources stay).
  const guardsDelete = kind !== undefined && collection.slug !== CLAIMS_SLUG && collection.slug !== SOURCES_SLUG
  return {
    ...collection,
    hooks: {
      ...hooks,
      beforeOperation: [lockContentWrites, ...(hooks.beforeOperation ?? [])],
      beforeDelete: guardsDelete ? [preventDeletingShown, ...(hooks.beforeDelete ?? [])] : hooks.beforeDelete,
      afterChange: [isArticle ? refreshArticleSet : refreshShowingArticles, ...(hooks.afterChange ?? [])],
      afterDelete: isArticle ? [removeArticleSet, ...(hooks.afterDelete ?? [])] : hooks.afterDelete,
    },
  }
}
