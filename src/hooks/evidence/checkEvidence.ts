import type { CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import { ValidationError } from 'payload'

import type { CoverageClaim } from '../../evidence/coverage'
import type { DataPoint } from './collect'

import { checkCoverage, formatPath } from '../../evidence/coverage'
import { describeStatistic, statisticMatches } from '../../evidence/match'
import {
  AFTERCARE_TIPS_SLUG,
  ARTICLES_SLUG,
  BENEFITS_SLUG,
  COMPARISON_ROWS_SLUG,
} from '../../collections/slugs'
import { assertClaimsApproved } from '../../review/publishGate'
import { publicReferences } from '../../review/publicReferences'
import type { ReferenceIds } from '../../review/references'
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

/**
 * Runs the evidence rules on a document about to be saved. `live` checks against the approved
 * versions of the claims (content about to reach readers); otherwise against their latest drafts.
 */
export async function evaluateEvidence(
  collection: string,
  data: Record<string, unknown>,
  req: PayloadRequest,
  options: { live?: boolean } = {},
): Promise<{ claimIds: (number | string)[]; issues: EvidenceIssue[] }> {
  const collected = await collectEvidence(collection, data, req)
  const claims = await loadClaims(collected.claimIds, req, options.live ? 'live' : 'draft')
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

const LIBRARY_KIND: Record<string, keyof ReferenceIds> = {
  [AFTERCARE_TIPS_SLUG]: 'tips',
  [BENEFITS_SLUG]: 'benefits',
  [COMPARISON_ROWS_SLUG]: 'rows',
}

/**
 * Is this save about to reach readers? Articles when they are published (directly or by
 * schedule); benefits, tips and comparison rows — which have no drafts — when a published article
 * already shows them.
 */
async function goesLive(collection: string, id: number | string | undefined, data: Record<string, unknown>, req: PayloadRequest) {
  if (data._status === 'published') return true
  const kind = LIBRARY_KIND[collection]
  if (!kind || id === undefined) return false
  return (await publicReferences(req))[kind].some((referenced) => String(referenced) === String(id))
}

/**
 * Drafts warn, publishing blocks: records the statistics that are not backed by a cited claim
 * in `evidence`, and refuses content that is going live (see {@link goesLive}) while any remain —
 * checked against the approved versions of its claims, which must all be approved and current.
 */
export const checkEvidence: CollectionBeforeChangeHook = async ({ collection, data, originalDoc, req }) => {
  const merged = { ...(originalDoc ?? {}), ...data }
  const live = await goesLive(collection.slug, originalDoc?.id, merged, req)
  const { claimIds, issues } = await evaluateEvidence(collection.slug, merged, req, { live })
  if (live && issues.length > 0) refuse(collection.slug, issues, req)
  if (live && collection.slug !== ARTICLES_SLUG) await assertClaimsApproved(claimIds, req)
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
