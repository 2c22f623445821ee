import type { Claim } from '../types/generated'

export type ReviewStatus = Claim['review']['status']
export type ReviewDecision = 'approve' | 'reject' | 'renew' | 'request_changes'
export type ReviewAction = 'submit' | ReviewDecision

export const REVIEW_DECISIONS: readonly ReviewDecision[] = [
  'approve',
  'request_changes',
  'reject',
  'renew',
]

export const isReviewDecision = (value: unknown): value is ReviewDecision =>
  typeof value === 'string' && (REVIEW_DECISIONS as readonly string[]).includes(value)

/** Which review status each action starts from, and where it leads. */
export const TRANSITIONS: Record<
  ReviewAction,
  { from: readonly ReviewStatus[]; to: ReviewStatus }
> = {
  submit: { from: ['draft', 'changes_requested', 'rejected'], to: 'in_review' },
  approve: { from: ['in_review'], to: 'approved' },
  request_changes: { from: ['in_review'], to: 'changes_requested' },
  reject: { from: ['in_review'], to: 'rejected' },
  renew: { from: ['approved', 'expired'], to: 'approved' },
}

const STATUS_WORDS: Record<ReviewStatus, string> = {
  draft: 'a draft',
  in_review: 'in review',
  changes_requested: 'waiting for the changes a reviewer requested',
  approved: 'approved',
  rejected: 'rejected',
  expired: 'expired',
}

const ACTION_WORDS: Record<ReviewAction, string> = {
  submit: 'submitted for review',
  approve: 'approved',
  request_changes: 'sent back for changes',
  reject: 'rejected',
  renew: 'renewed',
}

const HINTS: Partial<Record<ReviewStatus, string>> = {
  draft: 'Submit it for review first.',
  changes_requested: 'Make the requested changes and submit it again.',
  rejected: 'Revise it and submit it again.',
  in_review: 'A reviewer decides on it now.',
  approved: 'Nothing to do until it changes or its re-review date comes.',
  expired: 'A reviewer can renew it.',
}

export const canTransition = (action: ReviewAction, status: ReviewStatus): boolean =>
  TRANSITIONS[action].from.includes(status)

/** "This claim is rejected, so it cannot be approved. Revise it and submit it again." */
export function illegalTransitionMessage(action: ReviewAction, status: ReviewStatus): string {
  const hint = HINTS[status] ? ` ${HINTS[status]}` : ''
  return `This claim is ${STATUS_WORDS[status]}, so it cannot be ${ACTION_WORDS[action]}.${hint}`
}
