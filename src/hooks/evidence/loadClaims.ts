import type { PayloadRequest } from 'payload'

import type { ClaimId, CoverageClaim } from '../../evidence/coverage'

import { CLAIMS_SLUG } from '../../collections/slugs'

/**
 * The claims a document cites, keyed by `String(id)` — one query whatever their number.
 * `version: 'draft'` reads the latest drafts (what an editor is working towards);
 * `version: 'live'` the published, approved versions (what readers would see). Approval itself is
 * checked separately by the publish gate.
 */
export async function loadClaims(
  ids: ClaimId[],
  req: PayloadRequest,
  version: 'draft' | 'live' = 'draft',
): Promise<Map<string, CoverageClaim>> {
  const unique = [...new Set(ids.map(String))]
  if (unique.length === 0) return new Map()
  const { docs } = await req.payload.find({
    collection: CLAIMS_SLUG,
    where: { id: { in: unique } },
    draft: version === 'draft',
    depth: 0,
    limit: unique.length,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return new Map(
    docs.map((claim) => [
      String(claim.id),
      {
        id: claim.id,
        statement: claim.statement,
        statistics: (claim.statistics ?? []).map((row) => ({
          value: row.value,
          upper: row.upper,
          unit: row.unit,
          sourceCount: row.sources?.length ?? 0,
        })),
      },
    ]),
  )
}
