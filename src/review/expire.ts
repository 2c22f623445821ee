/**
 * The expiry job's work (`jobs/expireClaims.ts`): approvals past their re-review date expire
 * (`expireClaims`), and the editors of approvals about to end are warned by e-mail once per
 * approval (`warnExpiringClaims`).
 */
import type { Payload, PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import type { DocId } from '../shared/ids'
import type { SqlExecutor } from '../shared/transaction'
import type { Claim } from '../types/generated'

import { documentChanged } from '../content/store'
import { citedOptions } from '../options'
import { relationId, relationIds } from '../shared/ids'
import { ARTICLES_SLUG, CLAIMS_SLUG, PUBLIC_SETS_SLUG, REVIEW_EVENTS_SLUG } from '../shared/slugs'
import { CITED_LOCK_SPACE, inTransaction } from '../shared/transaction'
import { asWorkflow } from './context'
import { latestClaimVersionIds, recordReviewEvent } from './events'
import { DAY_MS, expiringClaimsWhere, expiringWithinDays } from './expiring'
import { claimContentHash } from './hash'
import { expiryWarningRecipients, sendNotice } from './notify'

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
  /** Who was e-mailed: the claim's editors, or the reviewers when no editor could be. */
  to: 'editors' | 'reviewers'
  /** People e-mailed; `failed` of them could not be reached. */
  sent: number
  failed: number
}

/** The second key of the warning pass's advisory lock (see `CITED_LOCK_SPACE`). */
const WARNING_PASS_LOCK = 2

/**
 * Runs `work` while holding the warning pass's lock, or returns `undefined` at once when another
 * pass (another process, or a second run in this one) holds it. The lock is a transaction-level
 * advisory lock in a transaction of its own, which writes nothing and is rolled back at the end;
 * a process that dies releases it with its connection.
 */
async function holdingWarningLock<T>(
  payload: Payload,
  work: () => Promise<T>,
): Promise<T | undefined> {
  const db = payload.db
  const id = await db.beginTransaction()
  const sessions = (db as unknown as { sessions?: Record<string, { db: SqlExecutor }> }).sessions
  const session = id === null ? undefined : sessions?.[String(id)]
  try {
    if (!session) {
      throw new Error('Cited needs the PostgreSQL adapter (@payloadcms/db-postgres).')
    }
    const { rows } = await session.db.execute(
      sql`select pg_try_advisory_xact_lock(${CITED_LOCK_SPACE}, ${WARNING_PASS_LOCK}) as locked`,
    )
    if (rows[0]?.locked !== true) {
      return undefined
    }
    return await work()
  } finally {
    if (id !== null) {
      await db.rollbackTransaction(id)
    }
  }
}

/**
 * The claims whose current approval was not warned about yet: no `expiry_warned` event at or
 * after its `approvedAt` (a renewal is a new approval, warned about again). One query for all.
 */
async function notWarnedYet(req: PayloadRequest, claims: Claim[]): Promise<Claim[]> {
  const { docs } = await req.payload.find({
    collection: REVIEW_EVENTS_SLUG,
    where: {
      and: [
        { claim: { in: claims.map((claim) => claim.id) } },
        { action: { equals: 'expiry_warned' } },
      ],
    },
    select: { claim: true, at: true },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const lastWarned = new Map<string, number>()
  for (const event of docs) {
    const claim = String(relationId(event.claim))
    const at = new Date(event.at).getTime()
    lastWarned.set(claim, Math.max(at, lastWarned.get(claim) ?? -Infinity))
  }
  return claims.filter((claim) => {
    const last = lastWarned.get(String(claim.id))
    if (last === undefined) {
      return true
    }
    const approvedAt = claim.review.approvedAt ? new Date(claim.review.approvedAt).getTime() : NaN
    return !Number.isNaN(approvedAt) && last < approvedAt
  })
}

/**
 * Warns about every claim the review queue lists under "Expiring" (`expiringClaimsWhere`: approved
 * and live, re-review date within the `notifications.expiryWarningDays` option, 30 by default)
 * — once per approval. Who is told: the claim's editors who may still edit claims and did not opt
 * out; when there is none, the reviewers (they can renew it); when nobody at all can be e-mailed,
 * nothing is recorded and the next run tries again. A warning is recorded as an `expiry_warned`
 * review event (no claim version is written; the audit trail shows who was told when); when
 * every e-mail of a claim failed, nothing is recorded and the next run tries again.
 *
 * Exclusive: one pass at a time across every process (an advisory lock, see
 * {@link holdingWarningLock}); a run that finds another pass under way does nothing, since that
 * one covers the same claims. Whether a claim was warned is read under the lock, so two passes
 * never both send.
 *
 * E-mails first, then the event — at least once, never silently lost: each claim's event is
 * committed right after its e-mails went out, so a crash (or a failed write) between the two
 * leaves only that claim unrecorded, and its editors get the warning a second time on the next
 * run. A duplicate warning is the lesser harm than an approval ending unannounced.
 *
 * A constant number of queries for any number of claims (the claims, their warnings, their
 * submitters and every person involved, the articles that show them, their latest versions),
 * plus one write per warning recorded.
 */
export async function warnExpiringClaims(
  req: PayloadRequest,
  now = new Date(),
): Promise<ExpiryWarning[]> {
  const { disabled, notifications } = citedOptions(req.payload)
  const days = expiringWithinDays(req.payload)
  if (disabled || notifications.disabled || days <= 0) {
    return []
  }
  return (await holdingWarningLock(req.payload, () => warningPass(req, now, days))) ?? []
}

async function warningPass(req: PayloadRequest, now: Date, days: number): Promise<ExpiryWarning[]> {
  const { docs: soon } = await req.payload.find({
    collection: CLAIMS_SLUG,
    where: expiringClaimsWhere(now, days),
    depth: 0,
    draft: false,
    pagination: false,
    overrideAccess: true,
    req,
  })
  if (soon.length === 0) {
    return []
  }
  const pending = await notWarnedYet(req, soon)
  if (pending.length === 0) {
    return []
  }
  const ids = pending.map((claim) => claim.id)
  const usage = await articlesUsing(req, ids)
  const recipients = await expiryWarningRecipients(req.payload, pending)
  const versions = await latestClaimVersionIds(req, ids)
  const warned: ExpiryWarning[] = []
  const unreachable: DocId[] = []
  for (const claim of pending) {
    const reviewBy = claim.review.reviewBy ?? ''
    const daysLeft = Math.max(1, Math.ceil((new Date(reviewBy).getTime() - now.getTime()) / DAY_MS))
    const { to, people } = recipients.get(String(claim.id)) ?? { to: 'nobody', people: [] }
    if (to === 'nobody') {
      unreachable.push(claim.id)
      continue
    }
    const result = await sendNotice(req.payload, people, claim, {
      kind: 'expiring',
      reviewBy,
      days: daysLeft,
      articles: (usage.get(String(claim.id)) ?? []).map((article) => article.title),
      toReviewers: to === 'reviewers',
    })
    if (result.sent === 0) {
      // Every e-mail failed (logged by sendToPeople): the next run tries again.
      continue
    }
    await asWorkflow(req, 'warn', () =>
      recordReviewEvent(req, {
        action: 'expiry_warned',
        at: now,
        claim: claim.id,
        claimVersion: versions.get(String(claim.id)) ?? null,
        hash: claimContentHash(claim),
        note: `Re-review date ${reviewBy.slice(0, 10)} is ${daysLeft} day(s) away; ${
          to === 'editors'
            ? `${result.sent} editor(s) e-mailed.`
            : `no editor can be e-mailed, ${result.sent} reviewer(s) e-mailed instead.`
        }`,
      }),
    )
    warned.push({
      claim: claim.id,
      statement: claim.statement,
      reviewBy,
      to,
      sent: result.sent,
      failed: result.failed,
    })
  }
  if (unreachable.length > 0) {
    req.payload.logger.warn(
      `Cited: the approval of claim(s) ${unreachable.join(', ')} ends soon, but none of their editors and no reviewer can be e-mailed (no address, opted out, or no longer editors); trying again on the next run.`,
    )
  }
  return warned
}
