import type { CollectionBeforeDeleteHook } from 'payload'

import { APIError } from 'payload'

import { ARTICLES_SLUG, REVIEW_EVENTS_SLUG } from '../../slugs'

/**
 * A claim that a published article relies on cannot be deleted: readers would lose its evidence.
 * Nor can a claim with an audit trail: its review events must keep pointing at it.
 */
export const preventDeletingCitedClaim: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const { docs } = await req.payload.find({
    collection: ARTICLES_SLUG,
    where: { and: [{ 'evidence.claims': { in: [id] } }, { _status: { equals: 'published' } }] },
    depth: 0,
    limit: 5,
    overrideAccess: true,
    select: { title: true },
    req,
  })
  if (docs.length > 0) {
    const titles = docs.map((doc) => `“${doc.title}”`).join(', ')
    throw new APIError(
      `This claim cannot be deleted: the published article${docs.length > 1 ? 's' : ''} ${titles} cite${docs.length > 1 ? '' : 's'} it. Remove it from ${docs.length > 1 ? 'them' : 'it'} or unpublish ${docs.length > 1 ? 'them' : 'it'} first.`,
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
