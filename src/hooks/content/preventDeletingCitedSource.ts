import type { CollectionBeforeDeleteHook } from 'payload'

import { APIError } from 'payload'

import { CLAIMS_SLUG } from '../../shared/slugs'

/**
 * A source that any claim cites — in its live (approved) version, its draft or its history —
 * cannot be deleted: the database would silently drop the citation from approved claims and from
 * the audit trail. Remove it from the claims first (a change that goes through review).
 */
export const preventDeletingCitedSource: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const { docs } = await req.payload.findVersions({
    collection: CLAIMS_SLUG,
    where: { 'version.statistics.sources': { in: [id] } },
    depth: 0,
    limit: 50,
    overrideAccess: true,
    req,
  })
  const claimIds = [...new Set(docs.map((version) => String(version.parent)))]
  if (claimIds.length === 0) {
    return
  }
  const shown = claimIds.slice(0, 5).join(', ')
  throw new APIError(
    `This source cannot be deleted: claim${claimIds.length > 1 ? 's' : ''} ${shown}${claimIds.length > 5 ? ' and others' : ''} cite${claimIds.length > 1 ? '' : 's'} it (now or in their review history).`,
    409,
    undefined,
    true,
  )
}
