import type { PayloadRequest } from 'payload'

import { ValidationError } from 'payload'

import type { DocId } from './ids'

import { ARTICLES_SLUG, CLAIMS_SLUG } from '../collections/slugs'

const shortStatement = (statement: unknown): string => {
  const text = typeof statement === 'string' ? statement.trim() : ''
  return text.length > 60 ? `“${text.slice(0, 57)}…”` : `“${text}”`
}

/** "2026-11-25" from an ISO timestamp. */
export const day = (iso: string): string => iso.slice(0, 10)

interface PublishedClaim {
  _status?: null | string
  review?: null | { reviewBy?: null | string; status?: null | string }
}

/**
 * Whether a claim's published version may appear in published content: it must exist (be
 * approved) and not be past its re-review date. The one rule behind the publish gate and the
 * evidence panel.
 */
export function liveStatus(
  published: PublishedClaim | undefined,
  now: Date,
): { isLive: true } | { isLive: false; reason: 'expired'; reviewBy: null | string } | { isLive: false; reason: 'unapproved' } {
  if (published?._status !== 'published') return { isLive: false, reason: 'unapproved' }
  const reviewBy = published.review?.reviewBy ?? null
  if (published.review?.status === 'expired' || (reviewBy !== null && new Date(reviewBy) <= now)) {
    return { isLive: false, reason: 'expired', reviewBy }
  }
  return { isLive: true }
}

/**
 * Why each claim cannot appear in published content: missing, never approved, or past its
 * re-review date. An empty list means every claim has an approved, unexpired version.
 */
export async function unapprovedClaims(claimIds: readonly DocId[], req: PayloadRequest, now = new Date()): Promise<string[]> {
  if (claimIds.length === 0) return []
  // The main claims table holds the published — approved — version of each claim.
  const { docs } = await req.payload.find({
    collection: CLAIMS_SLUG,
    where: { id: { in: [...claimIds] } },
    depth: 0,
    draft: false,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const problems: string[] = []
  for (const id of claimIds) {
    const claim = docs.find((doc) => String(doc.id) === String(id))
    if (!claim) {
      problems.push(`Claim ${id} does not exist any more; remove it from the article.`)
      continue
    }
    const name = `Claim ${shortStatement(claim.statement)} (id ${claim.id})`
    const status = liveStatus(claim, now)
    if (status.isLive) continue
    if (status.reason === 'unapproved') {
      problems.push(`${name} has not been approved by a reviewer yet; submit it for review.`)
    } else {
      const when = status.reviewBy ? ` on ${day(status.reviewBy)}` : ''
      problems.push(`${name} expired${when} and must be renewed by a reviewer before the article can be published.`)
    }
  }
  return problems
}

/**
 * The publish gate: throws a `ValidationError` naming every claim that has no approved, unexpired
 * version. Articles call it before they go live.
 */
export async function assertClaimsApproved(claimIds: readonly DocId[], req: PayloadRequest): Promise<void> {
  const problems = await unapprovedClaims(claimIds, req)
  if (problems.length === 0) return
  throw new ValidationError(
    {
      collection: ARTICLES_SLUG,
      errors: problems.map((message) => ({ path: 'layout', message })),
    },
    req.t,
  )
}
