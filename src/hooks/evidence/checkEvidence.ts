import type { CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import { ValidationError } from 'payload'

import type { CoverageClaim } from '../../evidence/coverage'
import type { DataPoint } from './collect'

import { checkCoverage, formatPath } from '../../evidence/coverage'
import { describeStatistic, statisticMatches } from '../../evidence/match'
import { collectEvidence } from './collect'
import { loadClaims } from './loadClaims'

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

function checkDataPoint(point: DataPoint, claims: Map<string, CoverageClaim>): EvidenceIssue | null {
  const path = formatPath(point.path)
  const base = { text: point.statistic.text, sentence: point.statistic.text, path, fieldPath: point.fieldPath }
  const found = point.claimIds.map((id) => claims.get(String(id))).filter((c): c is CoverageClaim => Boolean(c))
  if (found.length === 0) {
    return { ...base, reason: 'uncovered', message: `"${base.text}" in ${path} is not backed by a cited claim.` }
  }
  const rows = found.flatMap((claim) => claim.statistics.filter((row) => statisticMatches(point.statistic, row)))
  if (rows.some((row) => row.sourceCount !== 0)) return null
  if (rows.length > 0) {
    return { ...base, reason: 'uncited', message: `"${base.text}" in ${path} is tied to a claim that cites no source for it yet.` }
  }
  const stated = found.flatMap((claim) => claim.statistics.map(describeStatistic)).join(', ') || 'no statistics'
  return {
    ...base,
    reason: 'mismatch',
    message: `"${base.text}" in ${path} does not match its claim (claim states ${stated}).`,
  }
}

/** Runs the evidence rules on a document about to be saved. */
export async function evaluateEvidence(
  collection: string,
  data: Record<string, unknown>,
  req: PayloadRequest,
): Promise<{ claimIds: (number | string)[]; issues: EvidenceIssue[] }> {
  const collected = await collectEvidence(collection, data, req)
  const claims = await loadClaims(collected.claimIds, req)
  const issues: EvidenceIssue[] = []
  for (const { source, fieldPath } of collected.sources) {
    const result = checkCoverage({ sources: [source], claims })
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
  for (const point of collected.dataPoints) {
    const issue = checkDataPoint(point, claims)
    if (issue) issues.push(issue)
  }
  const claimIds = [...new Set(collected.claimIds.map(String))]
    .filter((id) => claims.has(id))
    .map((id) => claims.get(id)!.id)
  return { claimIds, issues }
}

/** Throws one ValidationError listing every issue, each at its field path. */
export function refuse(collection: string, issues: EvidenceIssue[], req: PayloadRequest): never {
  throw new ValidationError(
    {
      collection,
      errors: issues.map((issue) => ({ path: issue.fieldPath, message: issue.message })),
      req,
    },
    req.t,
  )
}

/**
 * Drafts warn, publishing blocks: records the statistics that are not backed by a cited claim
 * in `evidence`, and refuses to publish (directly or by schedule) while any remain.
 */
export const checkEvidence: CollectionBeforeChangeHook = async ({ collection, data, originalDoc, req }) => {
  const merged = { ...(originalDoc ?? {}), ...data }
  const { claimIds, issues } = await evaluateEvidence(collection.slug, merged, req)
  if (data._status === 'published' && issues.length > 0) refuse(collection.slug, issues, req)
  return {
    ...data,
    evidence: {
      uncoveredCount: issues.length,
      uncovered: issues,
      claims: claimIds,
      checkedAt: new Date().toISOString(),
    },
  }
}
