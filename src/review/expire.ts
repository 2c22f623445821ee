import type { PayloadRequest } from 'payload'

import type { DocId } from '../shared/ids'

import { documentChanged } from '../content/store'
import { relationIds } from '../shared/ids'
import { ARTICLES_SLUG, CLAIMS_SLUG, PUBLIC_SETS_SLUG } from '../shared/slugs'
import { inTransaction } from '../shared/transaction'
import { asWorkflow } from './context'
import { recordReviewEvent } from './events'
import { claimContentHash } from './hash'

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
