/**
 * The data of the review queue: which claims wait for a reviewer (in review, oldest first), which
 * approvals run out soon (the expiry warning's window, `review/expiring.ts`), which have expired —
 * each with its diff against the last approved version, read through the versions API as the
 * logged-in reviewer.
 */
import type { PayloadRequest, Where } from 'payload'

import type { Claim, Source, User } from '../../types/generated'
import type { ClaimDiff, ComparableClaim } from '../claimDiff'

import { usersSlugOf } from '../../options'
import { expiringClaimsWhere, expiringWithinDays } from '../../review/expiring'
import { CLAIMS_SLUG } from '../../shared/slugs'
import { describeStatisticRow, diffClaims } from '../claimDiff'

export const QUEUE_TABS = ['in_review', 'expiring', 'expired'] as const
export type QueueTab = (typeof QUEUE_TABS)[number]

export const TAB_LABELS: Record<QueueTab, string> = {
  in_review: 'In review',
  expiring: 'Expiring',
  expired: 'Expired',
}

const LIMIT = 50

export interface QueueItem {
  id: number
  statement: string
  status: NonNullable<NonNullable<Claim['review']>['status']>
  /** When the draft was last changed (submitted). */
  updatedAt: string
  reviewBy: null | string
  /** Who created or edited the draft: they cannot approve it. */
  editors: string[]
  isOwnDraft: boolean
  lastApproved: null | { at: string; by: null | string }
  diff: ClaimDiff
  note: null | string
}

export const isQueueTab = (value: unknown): value is QueueTab =>
  typeof value === 'string' && (QUEUE_TABS as readonly string[]).includes(value)

/** A user relationship as a claim holds it: the id, or the user (populated). */
type UserRef = null | number | string | undefined | User

const userName = (value: UserRef): null | string => {
  if (value === null || value === undefined) {
    return null
  }
  if (typeof value !== 'object') {
    return `User ${String(value)}`
  }
  const user = value as Partial<User>
  return user.name || user.email || `User ${String(user.id)}`
}

const sourceName = (value: unknown): string => {
  if (!value || typeof value !== 'object') {
    return `Source ${String(value)}`
  }
  const source = value as Partial<Source>
  const author = source.authors?.[0]?.family
  const who = author ? `${author}${(source.authors?.length ?? 0) > 1 ? ' et al.' : ''}` : null
  return [who, source.title, source.year ? `(${source.year})` : null].filter(Boolean).join(' · ')
}

/**
 * Display names of the people who wrote or approved the listed claims. Reviewers may not read
 * other users' records, so this one lookup runs as the system and returns names and emails only.
 */
async function userNames(req: PayloadRequest, values: unknown[]): Promise<Map<string, string>> {
  const ids = [
    ...new Set(
      values
        .map((value) => (value && typeof value === 'object' && 'id' in value ? value.id : value))
        .filter((id): id is number | string => typeof id === 'number' || typeof id === 'string')
        .map(String),
    ),
  ]
  if (ids.length === 0) {
    return new Map()
  }
  const { docs } = await req.payload.find({
    collection: usersSlugOf(req.payload),
    where: { id: { in: ids } },
    select: { name: true, email: true },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return new Map(docs.map((user) => [String(user.id), user.name || user.email]))
}

function comparable(claim: Pick<Claim, 'statement' | 'statistics'>): ComparableClaim {
  const rows = claim.statistics ?? []
  const sources = new Set<string>()
  for (const row of rows) {
    for (const source of row.sources ?? []) {
      sources.add(sourceName(source))
    }
  }
  return {
    statement: claim.statement ?? '',
    statistics: rows.map((row) => describeStatisticRow(row, sourceName)),
    sources: [...sources],
  }
}

function whereFor(req: PayloadRequest, tab: QueueTab, now: Date): Where {
  const nowIso = now.toISOString()
  switch (tab) {
    case 'in_review':
      return { 'review.status': { equals: 'in_review' } }
    case 'expiring':
      // Exactly the claims the expiry job warns about.
      return expiringClaimsWhere(now, expiringWithinDays(req.payload))
    case 'expired':
      return {
        or: [
          { 'review.status': { equals: 'expired' } },
          {
            and: [
              { 'review.status': { equals: 'approved' } },
              { 'review.reviewBy': { less_than_equal: nowIso } },
            ],
          },
        ],
      }
  }
}

/** How many claims each tab holds. */
export async function countQueue(
  req: PayloadRequest,
  now = new Date(),
): Promise<Record<QueueTab, number>> {
  const counts = await Promise.all(
    QUEUE_TABS.map((tab) =>
      // In review is a state of the latest draft (count() reads only the live rows, find() can
      // read drafts); expiry concerns the live (approved) version.
      req.payload.find({
        collection: CLAIMS_SLUG,
        where: whereFor(req, tab, now),
        draft: tab === 'in_review',
        depth: 0,
        limit: 1,
        select: {},
        overrideAccess: false,
        user: req.user,
        req,
      }),
    ),
  )
  return Object.fromEntries(
    QUEUE_TABS.map((tab, index) => [tab, counts[index].totalDocs]),
  ) as Record<QueueTab, number>
}

/** The claims of one tab, each compared with its last approved version. */
export async function loadQueue(
  req: PayloadRequest,
  tab: QueueTab,
  now = new Date(),
): Promise<QueueItem[]> {
  const { docs } = await req.payload.find({
    collection: CLAIMS_SLUG,
    where: whereFor(req, tab, now),
    draft: tab === 'in_review',
    sort: tab === 'in_review' ? 'updatedAt' : 'review.reviewBy',
    depth: 1,
    limit: LIMIT,
    overrideAccess: false,
    user: req.user,
    req,
  })
  if (docs.length === 0) {
    return []
  }

  // The last approved version of every claim listed: one query for all of them.
  const versions = await req.payload.findVersions({
    collection: CLAIMS_SLUG,
    where: {
      and: [
        { parent: { in: docs.map((doc) => doc.id) } },
        { 'version._status': { equals: 'published' } },
      ],
    },
    sort: '-updatedAt',
    depth: 1,
    pagination: false,
    overrideAccess: false,
    user: req.user,
    req,
  })
  const lastApproved = new Map<string, Claim>()
  for (const version of versions.docs) {
    const parent: unknown = version.parent
    const key = String(parent && typeof parent === 'object' && 'id' in parent ? parent.id : parent)
    if (!lastApproved.has(key)) {
      lastApproved.set(key, version.version as Claim)
    }
  }

  const names = await userNames(req, [
    ...docs.flatMap((doc) => doc.review?.draftEditors ?? []),
    ...[...lastApproved.values()].map((claim) => claim.review?.approvedBy),
  ])
  const nameOf = (value: UserRef): null | string => {
    const id = value && typeof value === 'object' && 'id' in value ? value.id : value
    return id === null || id === undefined ? null : (names.get(String(id)) ?? userName(value))
  }
  const userId = req.user ? String(req.user.id) : ''
  return docs.map((claim) => {
    const approved = lastApproved.get(String(claim.id)) ?? null
    const editors = claim.review?.draftEditors ?? []
    return {
      id: claim.id,
      statement: claim.statement,
      status: claim.review?.status ?? 'draft',
      updatedAt: claim.updatedAt,
      reviewBy: claim.review?.reviewBy ?? null,
      editors: editors.map(nameOf).filter((name): name is string => Boolean(name)),
      isOwnDraft: editors.some(
        (editor) => String(typeof editor === 'object' ? editor.id : editor) === userId,
      ),
      lastApproved: approved
        ? {
            at: approved.review?.approvedAt ?? approved.updatedAt,
            by: nameOf(approved.review?.approvedBy),
          }
        : null,
      diff: diffClaims(approved ? comparable(approved) : null, comparable(claim)),
      note: claim.review?.note ?? null,
    }
  })
}
