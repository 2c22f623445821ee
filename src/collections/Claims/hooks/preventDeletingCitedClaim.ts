import type { CollectionBeforeDeleteHook } from 'payload'

import { APIError } from 'payload'

import { ARTICLES_SLUG } from '../../slugs'

/** A claim that a published article relies on cannot be deleted: readers would lose its evidence. */
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
}
