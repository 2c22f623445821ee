import type { CollectionBeforeDeleteHook } from 'payload'

import { APIError } from 'payload'

import { REVIEW_EVENTS_SLUG } from '../../shared/slugs'
import { titlesOfArticlesShowing } from './refreshPublicSets'

/**
 * A claim that a published article relies on cannot be deleted: readers would lose its evidence.
 * Nor can a claim with an audit trail: its review events must keep pointing at it.
 */
export const preventDeletingCitedClaim: CollectionBeforeDeleteHook = async ({
  collection,
  id,
  req,
}) => {
  const titles = await titlesOfArticlesShowing(req, collection.slug, id)
  if (titles.length > 0) {
    const shown = titles.join(', ')
    throw new APIError(
      `This claim cannot be deleted: the published article${titles.length > 1 ? 's' : ''} ${shown} cite${titles.length > 1 ? '' : 's'} it. Remove it from ${titles.length > 1 ? 'them' : 'it'} or unpublish ${titles.length > 1 ? 'them' : 'it'} first.`,
      409,
      undefined,
      true,
    )
  }
  const { totalDocs } = await req.payload.count({
    collection: REVIEW_EVENTS_SLUG,
    where: { claim: { equals: id } },
    overrideAccess: true,
    req,
  })
  if (totalDocs > 0) {
    throw new APIError(
      `This claim cannot be deleted: it has a review history (${totalDocs} event${totalDocs > 1 ? 's' : ''}) that must stay auditable. Reject it in review instead.`,
      409,
      undefined,
      true,
    )
  }
}
