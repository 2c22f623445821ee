import type { TaskConfig } from 'payload'

import type { ExpiredClaim, ExpiryWarning } from '../review/expire'

import { expireClaims, warnExpiringClaims } from '../review/expire'

export const EXPIRE_CLAIMS_TASK = 'citedExpireClaims'
export const REVIEW_QUEUE = 'cited-review'

/**
 * The scheduled expiry: marks approved claims past their re-review date as expired and reports
 * the published articles that use them (in the job's output), then e-mails the editors of claims
 * whose approval ends within `notifications.expiryWarningDays` (once per approval).
 */
export const expireClaimsTask = (
  cron: string,
): TaskConfig<{
  input: Record<string, never>
  output: { expired: ExpiredClaim[]; warned: ExpiryWarning[] }
}> => ({
  slug: EXPIRE_CLAIMS_TASK,
  label: 'Expire claims past their re-review date',
  schedule: [{ cron, queue: REVIEW_QUEUE }],
  outputSchema: [
    { name: 'expired', type: 'json' },
    { name: 'warned', type: 'json' },
  ],
  handler: async ({ req }) => {
    const expired = await expireClaims(req)
    if (expired.length > 0) {
      req.payload.logger.warn(
        `Cited: ${expired.length} claim(s) expired; ${expired.reduce((n, c) => n + c.articles.length, 0)} published article use(s) need re-review.`,
      )
    }
    // Warnings after expiry: a claim expired just now is past warning.
    const warned = await warnExpiringClaims(req)
    if (warned.length > 0) {
      req.payload.logger.info(
        `Cited: warned the editors of ${warned.length} claim(s) whose approval ends soon.`,
      )
    }
    return { output: { expired, warned } }
  },
})
