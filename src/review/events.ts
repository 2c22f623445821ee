/** The review workflow's audit trail: appending one review event, and what it is about. */
import type { PayloadRequest } from 'payload'

import type { DocId } from '../shared/ids'
import type { ReviewEvent } from '../types/generated'

import { CLAIMS_SLUG, REVIEW_EVENTS_SLUG } from '../shared/slugs'

export type ReviewEventAction = ReviewEvent['action']

/** The id of the claim's latest version (the one an event is about). */
export async function latestClaimVersionId(
  req: PayloadRequest,
  claim: DocId,
): Promise<string | undefined> {
  const { docs } = await req.payload.findVersions({
    collection: CLAIMS_SLUG,
    where: { and: [{ parent: { equals: claim } }, { latest: { equals: true } }] },
    sort: '-updatedAt',
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return docs[0] ? String(docs[0].id) : undefined
}

/** The id of each claim's latest version, for many claims in one query (keyed by claim id). */
export async function latestClaimVersionIds(
  req: PayloadRequest,
  claims: DocId[],
): Promise<Map<string, string>> {
  const byClaim = new Map<string, string>()
  if (claims.length === 0) {
    return byClaim
  }
  const { docs } = await req.payload.findVersions({
    collection: CLAIMS_SLUG,
    where: { and: [{ parent: { in: claims } }, { latest: { equals: true } }] },
    sort: '-updatedAt',
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  for (const version of docs) {
    const parent: unknown = version.parent
    const key = String(parent && typeof parent === 'object' && 'id' in parent ? parent.id : parent)
    if (!byClaim.has(key)) {
      byClaim.set(key, String(version.id))
    }
  }
  return byClaim
}

const actorName = (req: PayloadRequest): string | null => {
  const user = req.user
  if (!user) {
    return null
  }
  const email = 'email' in user && typeof user.email === 'string' ? user.email : ''
  const name = 'name' in user && typeof user.name === 'string' ? user.name : ''
  return name && email ? `${name} <${email}>` : name || email || null
}

/**
 * Appends one event to the audit trail, in the transaction on `req`. Call it inside `asWorkflow`:
 * the review-events collection refuses every other create. `claimVersion` is the claim's latest
 * version (looked up when not given; a caller recording many events looks them up at once).
 */
export async function recordReviewEvent(
  req: PayloadRequest,
  event: {
    action: ReviewEventAction
    at: Date
    claim: DocId
    hash: string
    note?: null | string
    claimVersion?: null | string
  },
): Promise<ReviewEvent> {
  const claimVersion =
    event.claimVersion === undefined
      ? await latestClaimVersionId(req, event.claim)
      : event.claimVersion
  return req.payload.create({
    collection: REVIEW_EVENTS_SLUG,
    data: {
      claim: event.claim as number,
      claimVersion: claimVersion ?? null,
      action: event.action,
      actor: req.user ? req.user.id : null,
      actorName: actorName(req),
      at: event.at.toISOString(),
      note: event.note ?? null,
      hash: event.hash,
    },
    depth: 0,
    overrideAccess: true,
    req,
  })
}
