import type { CollectionBeforeDeleteHook } from 'payload'

import { APIError } from 'payload'

import { titlesOfArticlesShowing } from './refreshPublicSets'

/**
 * A benefit, tip, comparison row or image that a published article shows cannot be deleted:
 * the page would lose it without anyone checking what remains. Remove it from the article, or
 * unpublish the article, first.
 */
export const preventDeletingShown: CollectionBeforeDeleteHook = async ({ collection, id, req }) => {
  const titles = await titlesOfArticlesShowing(req, collection.slug, id)
  if (titles.length === 0) {
    return
  }
  const name = (collection.labels?.singular as string | undefined)?.toLowerCase() ?? 'document'
  const many = titles.length > 1
  throw new APIError(
    `This ${name} cannot be deleted: the published article${many ? 's' : ''} ${titles.join(', ')} show${many ? '' : 's'} it. Remove it from ${many ? 'them' : 'it'} or unpublish ${many ? 'them' : 'it'} first.`,
    409,
    undefined,
    true,
  )
}
