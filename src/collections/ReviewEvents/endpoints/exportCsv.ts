import type { Endpoint, PayloadHandler, Where } from 'payload'

import type { ReviewEvent } from '../../../types/generated'

import { toCsv } from '../../../shared/csv'
import { parseDocId, relationId } from '../../../shared/ids'
import { hasRole } from '../../../shared/roles'
import { REVIEW_EVENTS_SLUG } from '../../../shared/slugs'

const HEADER = [
  'at',
  'action',
  'claim',
  'claimVersion',
  'actor',
  'actorName',
  'note',
  'hash',
] as const

const error = (message: string, status: number): Response =>
  Response.json({ errors: [{ message }] }, { status })

const parseDate = (value: unknown, endOfDay: boolean): Date | null | undefined => {
  if (value === undefined || value === null || value === '') {
    return undefined
  }
  if (typeof value !== 'string') {
    return null
  }
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value)
  const date = new Date(dateOnly && endOfDay ? `${value}T23:59:59.999Z` : value)
  return Number.isNaN(date.getTime()) ? null : date
}

/**
 * `GET /api/review-events/export.csv?claim=…&from=…&to=…` — the audit trail as CSV for reviewers
 * and admins, oldest first. `from` and `to` are ISO dates or times (a date alone covers the whole
 * day); `claim` is a claim id.
 */
const exportCsv: PayloadHandler = async (req) => {
  const user = req.user
  if (!user) {
    return error('Log in as a reviewer or admin to export the audit trail.', 401)
  }
  if (!hasRole(user, 'reviewer') && !hasRole(user, 'admin')) {
    return error('Only reviewers and admins can export the audit trail.', 403)
  }
  const query = req.query
  const and: Where[] = []
  if (query.claim !== undefined && query.claim !== '') {
    const claim = parseDocId(query.claim)
    if (claim === undefined) {
      return error('`claim` must be a claim id.', 400)
    }
    and.push({ claim: { equals: claim } })
  }
  const from = parseDate(query.from, false)
  const to = parseDate(query.to, true)
  if (from === null) {
    return error('`from` must be a date such as 2026-01-31.', 400)
  }
  if (to === null) {
    return error('`to` must be a date such as 2026-12-31.', 400)
  }
  if (from) {
    and.push({ at: { greater_than_equal: from.toISOString() } })
  }
  if (to) {
    and.push({ at: { less_than_equal: to.toISOString() } })
  }

  const { docs } = await req.payload.find({
    collection: REVIEW_EVENTS_SLUG,
    where: and.length ? { and } : {},
    sort: 'at',
    depth: 0,
    pagination: false,
    overrideAccess: false,
    user,
    req,
  })
  const rows = docs.map((event: ReviewEvent) => [
    event.at,
    event.action,
    relationId(event.claim),
    event.claimVersion,
    relationId(event.actor),
    event.actorName,
    event.note,
    event.hash,
  ])
  return new Response(toCsv(HEADER, rows), {
    status: 200,
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="review-events.csv"',
      'Cache-Control': 'no-store',
    },
  })
}

export const reviewEventsExportEndpoint: Endpoint = {
  path: '/export.csv',
  method: 'get',
  handler: exportCsv,
}
