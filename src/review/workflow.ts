import type { Payload, PayloadRequest } from 'payload'

import type { DocId } from '../shared/ids'
import type { Claim, ReviewEvent } from '../types/generated'
import type { ReviewAction, ReviewDecision, ReviewStatus } from './transitions'

import { claimStatementIssues } from '../content/claimStatement'
import { citedOptions } from '../options'
import { parseDocId, relationIds } from '../shared/ids'
import { hasRole } from '../shared/roles'
import { CLAIMS_SLUG } from '../shared/slugs'
import { inTransaction } from '../shared/transaction'
import { asWorkflow } from './context'
import { reviewError } from './errors'
import { recordReviewEvent } from './events'
import { claimContentHash, statisticsWithoutSource } from './hash'
import { lockClaimRow } from './lock'
import { notifyDecided, notifySubmitted } from './notify'
import { confirmPassword } from './password'
import {
  canTransition,
  illegalTransitionMessage,
  isReviewDecision,
  REVIEW_DECISIONS,
} from './transitions'

/** What a workflow step leaves behind: the claim as it now stands and the event it recorded. */
export interface ReviewOutcome {
  claim: Claim
  event: ReviewEvent
}

export interface ReviewInput {
  decision: unknown
  id: unknown
  note?: unknown
  password?: unknown
}

const EVENT_ACTION: Record<ReviewDecision, ReviewEvent['action']> = {
  approve: 'approved',
  request_changes: 'changes_requested',
  reject: 'rejected',
  renew: 'renewed',
}

const claimId = (value: unknown): DocId => {
  const id = parseDocId(value)
  if (id === undefined) {
    throw reviewError('Give the id of the claim.', 400, { field: 'id' })
  }
  return id
}

const DAY_MS = 24 * 60 * 60 * 1000

/** The re-review date of an approval given now (the `reviewIntervalDays` option). */
const reviewByFrom = (payload: Payload, now: Date): Date =>
  new Date(now.getTime() + citedOptions(payload).reviewIntervalDays * DAY_MS)

const noteText = (value: unknown): null | string =>
  typeof value === 'string' && value.trim() ? value.trim() : null

/** The claim's working copy (its latest draft, or the published version when there is none). */
async function loadWorkingCopy(req: PayloadRequest, id: DocId): Promise<Claim> {
  return req.payload.findByID({
    collection: CLAIMS_SLUG,
    id,
    draft: true,
    depth: 0,
    overrideAccess: false,
    user: req.user,
    req,
  })
}

function assertTransition(action: ReviewAction, status: ReviewStatus): void {
  if (!canTransition(action, status)) {
    throw reviewError(illegalTransitionMessage(action, status), 409, { status })
  }
}

function assertEveryStatisticHasSource(claim: Claim, doing: string): void {
  const missing = statisticsWithoutSource(claim)
  if (missing.length === 0) {
    return
  }
  const which =
    missing.length === 1 ? `Statistic ${missing[0]} has` : `Statistics ${missing.join(', ')} have`
  throw reviewError(
    `${which} no source. Every statistic needs at least one source before the claim can be ${doing}.`,
    400,
    { statistics: missing },
  )
}

/** A claim agrees with itself: what its statement and attribution state are its statistic rows. */
function assertStatementAgrees(claim: Claim): void {
  const issues = claimStatementIssues(claim as unknown as Record<string, unknown>).filter(
    (issue) => !issue.fieldPath.endsWith('.sources'),
  )
  if (issues.length === 0) {
    return
  }
  throw reviewError(issues.map((issue) => issue.message).join(' '), 400, {
    issues: issues.map(({ fieldPath, message }) => ({ path: fieldPath, message })),
  })
}

/** Editors (and admins) send a claim draft to the reviewers: draft → in review. */
export async function submitClaim(req: PayloadRequest, idInput: unknown): Promise<ReviewOutcome> {
  if (!req.user) {
    throw reviewError('Log in to submit a claim for review.', 401)
  }
  if (!hasRole(req.user, 'editor') && !hasRole(req.user, 'admin')) {
    throw reviewError('Only editors and admins submit claims for review.', 403)
  }
  const id = claimId(idInput)
  const outcome = await inTransaction(req, () =>
    asWorkflow(req, 'submit', async () => {
      await lockClaimRow(req, id)
      const working = await loadWorkingCopy(req, id)
      assertTransition('submit', working.review.status)
      assertStatementAgrees(working)
      assertEveryStatisticHasSource(working, 'submitted')
      const now = new Date()
      const claim = await req.payload.update({
        collection: CLAIMS_SLUG,
        id,
        draft: true,
        data: { review: { status: 'in_review' } },
        depth: 0,
        overrideAccess: true,
        req,
      })
      const event = await recordReviewEvent(req, {
        action: 'submitted',
        at: now,
        claim: id,
        hash: claimContentHash(working),
      })
      return { claim, event }
    }),
  )
  // The reviewers hear of it once it is committed; sending never fails the submission.
  await notifySubmitted(req, outcome)
  return outcome
}

/**
 * A reviewer's decision on a claim, signed with their password: approve (publishes the draft),
 * request changes, reject, or renew an unchanged approved or expired claim. The claim and its
 * event are written in one transaction under a row lock.
 */
export async function reviewClaim(req: PayloadRequest, input: ReviewInput): Promise<ReviewOutcome> {
  if (!req.user) {
    throw reviewError('Log in as a reviewer to decide on claims.', 401)
  }
  if (!hasRole(req.user, 'reviewer')) {
    throw reviewError('Only reviewers decide on claims; ask a reviewer to review this one.', 403)
  }
  const { decision } = input
  if (!isReviewDecision(decision)) {
    throw reviewError(`The decision must be one of: ${REVIEW_DECISIONS.join(', ')}.`, 400, {
      field: 'decision',
    })
  }
  const id = claimId(input.id)
  if (input.note !== undefined && input.note !== null && typeof input.note !== 'string') {
    throw reviewError('The note must be text (or left out).', 400, { field: 'note' })
  }
  const note = noteText(input.note)
  if (!note && (decision === 'reject' || decision === 'request_changes')) {
    throw reviewError(
      decision === 'reject'
        ? 'Write a note that tells the editor why the claim is rejected.'
        : 'Write a note that tells the editor what to change.',
      400,
      { field: 'note' },
    )
  }
  await confirmPassword(req, input.password)
  const user = req.user
  const action = decision

  const outcome = await inTransaction(req, () =>
    asWorkflow(req, decision, async () => {
      await lockClaimRow(req, id)
      const working = await loadWorkingCopy(req, id)
      assertTransition(action, working.review.status)
      const now = new Date()
      const hash = claimContentHash(working)

      if (decision === 'approve' || decision === 'renew') {
        const editors = relationIds(working.review.draftEditors).map(String)
        if (editors.includes(String(user.id))) {
          throw reviewError(
            'You created or edited this draft, so a different reviewer must approve it (four eyes).',
            403,
          )
        }
        assertEveryStatisticHasSource(working, decision === 'approve' ? 'approved' : 'renewed')
        if (decision === 'renew') {
          const published = await req.payload.findByID({
            collection: CLAIMS_SLUG,
            id,
            draft: false,
            depth: 0,
            overrideAccess: false,
            user,
            req,
          })
          if (published._status !== 'published' || claimContentHash(published) !== hash) {
            throw reviewError(
              'This claim has changed since it was approved; submit the new draft for review instead of renewing it.',
              409,
              { status: working.review.status },
            )
          }
        }
      }

      const claim =
        decision === 'approve' || decision === 'renew'
          ? await req.payload.update({
              collection: CLAIMS_SLUG,
              id,
              draft: false,
              data: {
                _status: 'published',
                review: {
                  status: 'approved',
                  approvedBy: user.id,
                  approvedAt: now.toISOString(),
                  reviewBy: reviewByFrom(req.payload, now).toISOString(),
                  note,
                },
              },
              depth: 0,
              overrideAccess: true,
              req,
            })
          : await req.payload.update({
              collection: CLAIMS_SLUG,
              id,
              draft: true,
              data: {
                review: { status: decision === 'reject' ? 'rejected' : 'changes_requested', note },
              },
              depth: 0,
              overrideAccess: true,
              req,
            })

      const event = await recordReviewEvent(req, {
        action: EVENT_ACTION[decision],
        at: now,
        claim: id,
        hash,
        note,
      })
      return { claim, event }
    }),
  )
  // The claim's editors hear of the decision once it is committed; sending never fails it.
  await notifyDecided(req, decision, outcome)
  return outcome
}
