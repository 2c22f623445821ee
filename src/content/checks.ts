import type { CoverageClaim } from '../evidence/coverage'
import type { DocId } from '../shared/ids'
/**
 * The checks Cited makes on what content shows — pure, no Payload import:
 * - the evidence rules: every statistic in prose or data is tied to a claim stating it with a source;
 * - the publish gate: every claim cited has an approved, unexpired version.
 */
import type { Claim } from '../types/generated'
import type { DataPoint } from './graph'
import type { Gathered } from './visitors'

import { checkCoverage, formatPath } from '../evidence/coverage'
import { describeStatistic, statisticMatches } from '../evidence/match'

/** One statistic that still needs evidence, as stored in `evidence.uncovered` and reported. */
export interface EvidenceIssue {
  text: string
  sentence: string
  /** Readable location: "Benefits › Natural Pain Reduction › Clinical perspective". */
  path: string
  /** Payload field path of the saved document. */
  fieldPath: string
  reason: 'mismatch' | 'uncited' | 'uncovered'
  message: string
}

/** What coverage needs of a claim document: its statistics and how many sources each cites. */
export function coverageClaim(
  claim: Pick<Claim, 'id' | 'statement' | 'statistics'>,
): CoverageClaim {
  return {
    id: claim.id,
    statement: claim.statement,
    statistics: (claim.statistics ?? []).map((row) => ({
      value: row.value,
      upper: row.upper,
      unit: row.unit,
      sourceCount: row.sources?.length ?? 0,
    })),
  }
}

function checkDataPoint(
  point: DataPoint,
  claims: ReadonlyMap<string, CoverageClaim>,
): EvidenceIssue | null {
  const path = formatPath(point.path)
  const base = {
    text: point.statistic.text,
    sentence: point.statistic.text,
    path,
    fieldPath: point.fieldPath,
  }
  const found = point.claimIds
    .map((id) => claims.get(String(id)))
    .filter((c): c is CoverageClaim => Boolean(c))
  if (found.length === 0) {
    return {
      ...base,
      reason: 'uncovered',
      message: `"${base.text}" in ${path} is not backed by a cited claim.`,
    }
  }
  const rows = found.flatMap((claim) =>
    claim.statistics.filter((row) => statisticMatches(point.statistic, row)),
  )
  if (rows.some((row) => row.sourceCount !== 0)) {
    return null
  }
  if (rows.length > 0) {
    return {
      ...base,
      reason: 'uncited',
      message: `"${base.text}" in ${path} is tied to a claim that cites no source for it yet.`,
    }
  }
  const stated =
    found.flatMap((claim) => claim.statistics.map(describeStatistic)).join(', ') || 'no statistics'
  return {
    ...base,
    reason: 'mismatch',
    message: `"${base.text}" in ${path} does not match its claim (claim states ${stated}).`,
  }
}

/** The statistics of gathered content not backed by one of `claims` (keyed by `String(id)`). */
export function evidenceIssues(
  gathered: Pick<Gathered, 'dataPoints' | 'prose'>,
  claims: ReadonlyMap<string, CoverageClaim>,
): EvidenceIssue[] {
  const issues: EvidenceIssue[] = []
  for (const { source, fieldPath } of gathered.prose) {
    const result = checkCoverage({
      sources: [source],
      claims: claims as Map<string, CoverageClaim>,
    })
    for (const issue of [...result.uncovered, ...result.mismatched]) {
      issues.push({
        text: issue.text,
        sentence: issue.sentence,
        path: issue.path,
        fieldPath,
        reason: issue.reason,
        message: issue.message,
      })
    }
  }
  for (const point of gathered.dataPoints) {
    const issue = checkDataPoint(point, claims)
    if (issue) {
      issues.push(issue)
    }
  }
  return issues
}

/** "2026-11-25" from an ISO timestamp. */
export const day = (iso: string): string => iso.slice(0, 10)

interface PublishedClaim {
  _status?: null | string
  review?: null | { reviewBy?: null | string; status?: null | string }
}

/**
 * Whether a claim's published version may appear in published content: it must exist (be
 * approved) and not be past its re-review date. The one rule behind the publish gate and the
 * evidence panel.
 */
export function liveStatus(
  published: PublishedClaim | undefined,
  now: Date,
):
  | { isLive: true }
  | { isLive: false; reason: 'expired'; reviewBy: null | string }
  | { isLive: false; reason: 'unapproved' } {
  if (published?._status !== 'published') {
    return { isLive: false, reason: 'unapproved' }
  }
  const reviewBy = published.review?.reviewBy ?? null
  if (published.review?.status === 'expired' || (reviewBy !== null && new Date(reviewBy) <= now)) {
    return { isLive: false, reason: 'expired', reviewBy }
  }
  return { isLive: true }
}

const shortStatement = (statement: unknown): string => {
  const text = typeof statement === 'string' ? statement.trim() : ''
  return text.length > 60 ? `“${text.slice(0, 57)}…”` : `“${text}”`
}

/**
 * The publish gate: why each cited claim cannot appear in published content — missing, never
 * approved, or past its re-review date. `live` holds the claims' main (published) documents.
 * An empty list means every claim has an approved, unexpired version.
 */
export function gateProblems(
  claimIds: readonly DocId[],
  live: ReadonlyMap<string, Claim>,
  now: Date,
): string[] {
  const problems: string[] = []
  for (const id of claimIds) {
    const claim = live.get(String(id))
    if (!claim) {
      problems.push(`Claim ${id} does not exist any more; remove it from the article.`)
      continue
    }
    const status = liveStatus(claim, now)
    if (status.isLive) {
      continue
    }
    const name = `Claim ${shortStatement(claim.statement)} (id ${claim.id})`
    if (status.reason === 'unapproved') {
      problems.push(`${name} has not been approved by a reviewer yet; submit it for review.`)
    } else {
      const when = status.reviewBy ? ` on ${day(status.reviewBy)}` : ''
      problems.push(
        `${name} expired${when} and must be renewed by a reviewer before the article can be published.`,
      )
    }
  }
  return problems
}

/**
 * Both checks on gathered content: its evidence issues against `claims` (the versions that count:
 * latest drafts, or the live ones), and — when `gateAt` is given, for content going live — why the
 * publish gate would refuse the claims it cites.
 */
export function checkGathered(
  gathered: Pick<Gathered, 'claims' | 'dataPoints' | 'prose'>,
  claims: ReadonlyMap<string, Claim>,
  gateAt?: Date,
): { gate: string[]; issues: EvidenceIssue[] } {
  const coverage = new Map([...claims].map(([id, claim]) => [id, coverageClaim(claim)]))
  return {
    issues: evidenceIssues(gathered, coverage),
    gate: gateAt ? gateProblems(gathered.claims, claims, gateAt) : [],
  }
}
