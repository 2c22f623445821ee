import { createHash } from 'node:crypto'

import type { Claim } from '../types/generated'

import { relationIds } from '../shared/ids'

/** The parts of a claim that an approval vouches for. */
export type ClaimContent = Pick<Claim, 'statement' | 'statistics'>

/**
 * A canonical, order-preserving form of a claim's statement, statistics and their sources.
 * Row ids, populated relations and empty values do not change it; any change a reader could see
 * in the claim's numbers or citations does.
 */
export function canonicalClaimContent(claim: Partial<ClaimContent>): string {
  const statistics = (claim.statistics ?? []).map((row) => ({
    value: row.value ?? null,
    upper: row.upper ?? null,
    unit: row.unit ?? null,
    qualifier: row.qualifier ?? null,
    measure: row.measure?.trim() || null,
    population: row.population?.trim() || null,
    sources: relationIds(row.sources).map(String),
    locator: row.locator?.trim() || null,
  }))
  return JSON.stringify({ statement: (claim.statement ?? '').trim(), statistics })
}

/** SHA-256 (hex) of the claim's statement, statistics and sources. */
export function claimContentHash(claim: Partial<ClaimContent>): string {
  return createHash('sha256').update(canonicalClaimContent(claim)).digest('hex')
}

/** Numbers (1-based) of the statistics that cite no source. */
export function statisticsWithoutSource(claim: Partial<ClaimContent>): number[] {
  return (claim.statistics ?? []).flatMap((row, index) =>
    relationIds(row.sources).length === 0 ? [index + 1] : [],
  )
}
