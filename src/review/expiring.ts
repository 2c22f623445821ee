/**
 * Which approvals are "about to end": the one condition both the expiry job's warning
 * (`expire.ts`) and the review queue's "Expiring" tab (`admin/ReviewQueue/queue.ts`) use, so the
 * tab lists exactly the claims whose editors are (or would be) warned. The window is the
 * `notifications.expiryWarningDays` option (30 days by default; `0` means no claim is expiring).
 */
import type { Payload, Where } from 'payload'

import { citedOptions } from '../options'

export const DAY_MS = 24 * 60 * 60 * 1000

/** How many days before its re-review date an approval counts as about to end. */
export const expiringWithinDays = (payload: Payload): number =>
  Math.max(0, citedOptions(payload).notifications.expiryWarningDays)

/**
 * Live (published) approved claims whose re-review date is after `now` and at most `days` days
 * away. With `days` 0 it matches nothing.
 */
export function expiringClaimsWhere(now: Date, days: number): Where {
  const until = new Date(now.getTime() + Math.max(0, days) * DAY_MS)
  return {
    and: [
      { _status: { equals: 'published' } },
      { 'review.status': { equals: 'approved' } },
      { 'review.reviewBy': { greater_than: now.toISOString() } },
      { 'review.reviewBy': { less_than_equal: until.toISOString() } },
    ],
  }
}
