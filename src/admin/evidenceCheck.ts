/**
 * `POST /api/cited/evidence-check` with `{ collection, data }`: runs the evidence rules on a
 * document as the editor has it in the form (unsaved), so the admin's evidence panel can show,
 * live, what would block publishing. Nothing is written.
 */
import type { Endpoint, PayloadHandler, PayloadRequest } from 'payload'

import type { EvidenceIssue } from '../content/checks'
import type { EvidenceTarget } from '../content/suggestTargets'
import type { DocId } from '../shared/ids'

import { day, liveStatus } from '../content/checks'
import { claimStatementIssues } from '../content/claimStatement'
import { evaluateEvidence } from '../content/evaluate'
import { storableIds } from '../content/load'
import { evidenceTargets } from '../content/suggestTargets'
import { BadField, isObject, objectBody, readBody, refusal } from '../http/body'
import { uniqueIds } from '../shared/ids'
import {
  AFTERCARE_TIPS_SLUG,
  ARTICLES_SLUG,
  BENEFITS_SLUG,
  CLAIMS_SLUG,
  COMPARISON_ROWS_SLUG,
} from '../shared/slugs'

export const EVIDENCE_CHECK_PATH = '/cited/evidence-check'

type ReviewStatus =
  | 'approved'
  | 'changes_requested'
  | 'draft'
  | 'expired'
  | 'in_review'
  | 'rejected'

/** A claim the document relies on, as the evidence panel shows it. */
export interface CitedClaimStatus {
  id: DocId
  statement: string
  /** Review status of the claim's latest version. */
  status: ReviewStatus
  /** True when an approved, unexpired version exists: the claim does not block publishing. */
  isLive: boolean
  reviewBy: null | string
  /** Why the claim blocks publishing, when it does. */
  problem: null | string
}

export interface EvidenceCheckResult {
  collection: string
  issues: EvidenceIssue[]
  /**
   * Per issue (same order): the statistic suggested claims are found for (POST
   * /api/cited/suggest-claims) and where one click cites a claim for it; null when no other claim
   * fixes the issue.
   */
  targets: (EvidenceTarget | null)[]
  claims: CitedClaimStatus[]
  /** True when publishing now would be refused. */
  isBlocked: boolean
  checkedAt: string
}

const CHECKED = new Set<string>([
  ARTICLES_SLUG,
  BENEFITS_SLUG,
  AFTERCARE_TIPS_SLUG,
  COMPARISON_ROWS_SLUG,
  CLAIMS_SLUG,
])

const missingClaim = (id: DocId): CitedClaimStatus => ({
  id,
  statement: `Claim ${id}`,
  status: 'draft',
  isLive: false,
  reviewBy: null,
  problem: 'This claim does not exist any more; remove it.',
})

/** Review status and publishability of each claim: two queries whatever their number. */
export async function claimStatuses(
  ids: DocId[],
  req: PayloadRequest,
  now = new Date(),
): Promise<CitedClaimStatus[]> {
  // Ids typed into a form may be anything: only those that could exist are asked for.
  const unique = uniqueIds(ids).map(String)
  if (unique.length === 0) {
    return []
  }
  const common = {
    collection: CLAIMS_SLUG,
    where: { id: { in: storableIds(req, ids) } },
    depth: 0,
    pagination: false,
    overrideAccess: false,
    user: req.user,
    req,
  } as const
  const [latest, live] = common.where.id.in.length
    ? await Promise.all([
        req.payload.find({ ...common, draft: true }),
        req.payload.find({ ...common, draft: false }),
      ])
    : [{ docs: [] }, { docs: [] }]
  return unique.flatMap((id): CitedClaimStatus[] => {
    const working = latest.docs.find((doc) => String(doc.id) === id)
    const published = live.docs.find((doc) => String(doc.id) === id)
    if (!working && !published) {
      return [missingClaim(id)]
    }
    const claim = (working ?? published)!
    const reviewBy = published?.review?.reviewBy ?? null
    const status = liveStatus(published, now)
    const problem = status.isLive
      ? null
      : status.reason === 'unapproved'
        ? 'Not approved yet: submit it for review. Publishing is refused until a reviewer approves it.'
        : `Expired${reviewBy ? ` on ${day(reviewBy)}` : ''}: a reviewer must renew it before publishing.`
    return [
      {
        id: claim.id,
        statement: claim.statement,
        status: claim.review?.status ?? 'draft',
        isLive: status.isLive,
        reviewBy,
        problem,
      },
    ]
  })
}

/** The evidence of `data` (a document of `collection` as it would be saved), for the logged-in user. */
export async function checkDocumentEvidence(
  collection: string,
  data: Record<string, unknown>,
  req: PayloadRequest,
): Promise<EvidenceCheckResult> {
  const checkedAt = new Date().toISOString()
  if (collection === CLAIMS_SLUG) {
    const issues = claimStatementIssues(data)
    return {
      collection,
      issues,
      targets: issues.map(() => null),
      claims: [],
      isBlocked: issues.length > 0,
      checkedAt,
    }
  }
  // The claims the publish gate would check: every claim the same walk finds, existing or not.
  const { cited, issues } = await evaluateEvidence(collection, data, req)
  const claims = await claimStatuses(cited, req)
  return {
    collection,
    issues,
    targets: evidenceTargets(issues, data),
    claims,
    isBlocked: issues.length > 0 || claims.some((claim) => !claim.isLive),
    checkedAt,
  }
}

const EXPECTS = '{ "collection": "articles", "data": { … } }'

/** The body's collection and document, or a {@link BadField} naming the one that is wrong. */
function parseBody(input: unknown): { collection: string; data: Record<string, unknown> } {
  const body = objectBody(input, EXPECTS)
  if (typeof body.collection !== 'string' || !CHECKED.has(body.collection)) {
    throw new BadField(
      'collection',
      `“collection” must be one of: ${[...CHECKED].join(', ')} (the kind of document to check).`,
    )
  }
  // Left out, the document is empty; given, it is the form's data, an object.
  if (body.data !== undefined && body.data !== null && !isObject(body.data)) {
    throw new BadField('data', '“data” must be the document as an object of its fields.')
  }
  return { collection: body.collection, data: isObject(body.data) ? body.data : {} }
}

const handler: PayloadHandler = async (req) => {
  if (!req.user) {
    return refusal(401, 'Log in to check evidence.')
  }
  const read = await readBody(req, `a JSON object: ${EXPECTS}`)
  if ('refused' in read) {
    return read.refused
  }
  let body: ReturnType<typeof parseBody>
  try {
    body = parseBody(read.data)
  } catch (failure) {
    if (failure instanceof BadField) {
      return failure.response
    }
    throw failure
  }
  return Response.json(await checkDocumentEvidence(body.collection, body.data, req), {
    headers: { 'Cache-Control': 'no-store' },
  })
}

export const evidenceCheckEndpoint: Endpoint = {
  path: EVIDENCE_CHECK_PATH,
  method: 'post',
  handler,
}
