import type { PayloadRequest } from 'payload'

import type { DocId } from '../shared/ids'
import type { Claim } from '../types/generated'

import { documentChanged } from '../content/store'
import { citedOptions } from '../options'
import { relationIds } from '../shared/ids'
import { ARTICLES_SLUG, CLAIMS_SLUG, PUBLIC_SETS_SLUG, REVIEW_EVENTS_SLUG } from '../shared/slugs'
import { inTransaction } from '../shared/transaction'
import { asWorkflow } from './context'
import { recordReviewEvent } from './events'
import { claimContentHash } from './hash'
import { lockClaimRow } from './lock'
import { sendExpiryWarning } from './notify'

export interface ExpiredClaim {
  claim: DocId
  statement: string
  reviewBy: string
  /** Published articles that show the claim and must not be re-published until it is renewed. */
  articles: { id: DocId; title: string; slug: null | string }[]
}

/**
 * Published articles that show any of the given claims — directly or through their benefits and
 * comparison rows — from their stored public sets (one query for the sets, one for the titles).
 */
async function articlesUsing(
  req: PayloadRequest,
  claimIds: DocId[],
): Promise<Map<string, ExpiredClaim['articles']>> {
  const byClaim = new Map<string, ExpiredClaim['articles']>()
  if (claimIds.length === 0) {
    return byClaim
  }
  const { docs: sets } = await req.payload.db.find<{ articleId: DocId; claims?: unknown }>({
    collection: PUBLIC_SETS_SLUG,
    where: { claims: { in: claimIds } },
    select: { articleId: true, claims: true },
    pagination: false,
    req,
  })
  if (sets.length === 0) {
    return byClaim
  }
  const { docs } = await req.payload.find({
    collection: ARTICLES_SLUG,
    where: { id: { in: sets.map((set) => set.articleId) } },
    depth: 0,
    draft: false,
    pagination: false,
    select: { title: true, slug: true },
    overrideAccess: true,
    req,
  })
  const articles = new Map(docs.map((article) => [String(article.id), article]))
  const wanted = new Set(claimIds.map(String))
  for (const set of sets) {
    const article = articles.get(String(set.articleId))
    if (!article) {
      continue
    }
    for (const claim of relationIds(set.claims)) {
      if (!wanted.has(String(claim))) {
        continue
      }
      const list = byClaim.get(String(claim)) ?? []
      list.push({ id: article.id, title: article.title, slug: article.slug ?? null })
      byClaim.set(String(claim), list)
    }
  }
  return byClaim
}

/**
 * Marks every approved claim whose re-review date has passed as expired, records an `expired`
 * event for each, and reports the published articles that use them. The live version of a claim
 * with a newer draft is expired in place; the draft is left as it is.
 */
export async function expireClaims(req: PayloadRequest, now = new Date()): Promise<ExpiredClaim[]> {
  const { docs: due } = await req.payload.find({
    collection: CLAIMS_SLUG,
    where: {
      and: [
        { _status: { equals: 'published' } },
        { 'review.status': { equals: 'approved' } },
        { 'review.reviewBy': { less_than_equal: now.toISOString() } },
      ],
    },
    depth: 0,
    draft: false,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const usage = await articlesUsing(
    req,
    due.map((claim) => claim.id),
  )
  const expired: ExpiredClaim[] = []
  for (const claim of due) {
    await inTransaction(req, () =>
      asWorkflow(req, 'expire', async () => {
        const { docs: latest } = await req.payload.findVersions({
          collection: CLAIMS_SLUG,
          where: { and: [{ parent: { equals: claim.id } }, { latest: { equals: true } }] },
          limit: 1,
          depth: 0,
          overrideAccess: true,
          req,
        })
        const hasNewerDraft = latest[0]?.version?._status === 'draft'
        if (hasNewerDraft) {
          // Only the live row: the pending draft keeps its own review state. The whole document is
          // written back, since a partial write would drop its arrays (statistics).
          await req.payload.db.updateOne({
            collection: CLAIMS_SLUG,
            id: claim.id,
            data: { ...claim, review: { ...claim.review, status: 'expired' } },
            req,
          })
          // A write below the hooks: the sets of the articles that show the claim follow by hand.
          await documentChanged(req, 'claims', claim.id)
        } else {
          await req.payload.update({
            collection: CLAIMS_SLUG,
            id: claim.id,
            draft: false,
            data: { review: { status: 'expired', reviewBy: claim.review.reviewBy } },
            depth: 0,
            overrideAccess: true,
            req,
          })
        }
        await recordReviewEvent(req, {
          action: 'expired',
          at: now,
          claim: claim.id,
          hash: claimContentHash(claim),
          note: `Re-review date ${claim.review.reviewBy?.slice(0, 10)} passed.`,
        })
      }),
    )
    expired.push({
      claim: claim.id,
      statement: claim.statement,
      reviewBy: claim.review.reviewBy ?? '',
      articles: usage.get(String(claim.id)) ?? [],
    })
  }
  return expired
}

export interface ExpiryWarning {
  claim: DocId
  statement: string
  reviewBy: string
  /** Editors e-mailed; `failed` of them could not be reached. */
  sent: number
  failed: number
}

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * Whether the claim's current approval was already warned about: an `expiry_warned` event at or
 * after its `approvedAt` (a renewal is a new approval, warned about again).
 */
async function wasWarned(req: PayloadRequest, claim: Claim): Promise<boolean> {
  const { totalDocs } = await req.payload.count({
    collection: REVIEW_EVENTS_SLUG,
    where: {
      and: [
        { claim: { equals: claim.id } },
        { action: { equals: 'expiry_warned' } },
        ...(claim.review.approvedAt
          ? [{ at: { greater_than_equal: claim.review.approvedAt } }]
          : []),
      ],
    },
    overrideAccess: true,
    req,
  })
  return totalDocs > 0
}

/**
 * Warns the editors of every approved claim whose re-review date is within the
 * `notifications.expiryWarningDays` option (30 by default) — once per approval. The e-mails go
 * out first and an `expiry_warned` review event records it (no claim version is written, the
 * audit trail shows who was told when); when every e-mail failed nothing is recorded and the next
 * run tries again.
 */
export async function warnExpiringClaims(
  req: PayloadRequest,
  now = new Date(),
): Promise<ExpiryWarning[]> {
  const { disabled, notifications } = citedOptions(req.payload)
  if (disabled || notifications.disabled || notifications.expiryWarningDays <= 0) {
    return []
  }
  const until = new Date(now.getTime() + notifications.expiryWarningDays * DAY_MS)
  const { docs: soon } = await req.payload.find({
    collection: CLAIMS_SLUG,
    where: {
      and: [
        { _status: { equals: 'published' } },
        { 'review.status': { equals: 'approved' } },
        { 'review.reviewBy': { greater_than: now.toISOString() } },
        { 'review.reviewBy': { less_than_equal: until.toISOString() } },
      ],
    },
    depth: 0,
    draft: false,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const pending: Claim[] = []
  for (const claim of soon) {
    if (!(await wasWarned(req, claim))) {
      pending.push(claim)
    }
  }
  const usage = await articlesUsing(
    req,
    pending.map((claim) => claim.id),
  )
  const warned: ExpiryWarning[] = []
  for (const claim of pending) {
    const reviewBy = claim.review.reviewBy ?? ''
    const days = Math.max(1, Math.ceil((new Date(reviewBy).getTime() - now.getTime()) / DAY_MS))
    const result = await sendExpiryWarning(req.payload, claim, {
      kind: 'expiring',
      reviewBy,
      days,
      articles: (usage.get(String(claim.id)) ?? []).map((article) => article.title),
    })
    if (result.recipients > 0 && result.sent === 0) {
      continue
    }
    const recorded = await inTransaction(req, () =>
      asWorkflow(req, 'warn', async () => {
        await lockClaimRow(req, claim.id)
        // Another run may have warned meanwhile.
        if (await wasWarned(req, claim)) {
          return false
        }
        await recordReviewEvent(req, {
          action: 'expiry_warned',
          at: now,
          claim: claim.id,
          hash: claimContentHash(claim),
          note: `Re-review date ${reviewBy.slice(0, 10)} is ${days} day(s) away; ${result.sent} editor(s) e-mailed.`,
        })
        return true
      }),
    )
    if (recorded) {
      warned.push({
        claim: claim.id,
        statement: claim.statement,
        reviewBy,
        sent: result.sent,
        failed: result.failed,
      })
    }
  }
  return warned
}
