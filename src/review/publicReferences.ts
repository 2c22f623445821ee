import type { PayloadRequest } from 'payload'

import type { DocId } from './ids'
import type { ReferenceIds } from './references'

import { ARTICLES_SLUG, BENEFITS_SLUG, CLAIMS_SLUG, COMPARISON_ROWS_SLUG } from '../collections/slugs'
import {
  collectBenefitReferences,
  collectClaimSources,
  collectReferences,
  collectRowReferences,
  emptyReferences,
} from './references'

type JsonObject = Record<string, unknown>

const findAll = async (
  req: PayloadRequest,
  collection: typeof BENEFITS_SLUG | typeof COMPARISON_ROWS_SLUG,
  ids: DocId[],
): Promise<JsonObject[]> => {
  if (ids.length === 0) return []
  // System read that computes access; no user data leaves it.
  const result = await req.payload.find({
    collection,
    where: { id: { in: ids } },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return result.docs as unknown as JsonObject[]
}

/**
 * Follows what content references one step further: comparison rows to their cells' benefits and
 * claims, benefits to their claims, tips and claimRefs.
 */
export async function expandReferences(refs: ReferenceIds, req: PayloadRequest): Promise<ReferenceIds> {
  for (const row of await findAll(req, COMPARISON_ROWS_SLUG, refs.rows)) collectRowReferences(row, refs)
  for (const benefit of await findAll(req, BENEFITS_SLUG, refs.benefits)) collectBenefitReferences(benefit, refs)
  return refs
}

async function computePublicReferences(req: PayloadRequest): Promise<ReferenceIds> {
  const articles = await req.payload.find({
    collection: ARTICLES_SLUG,
    where: { _status: { equals: 'published' } },
    depth: 0,
    draft: false,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const refs = await expandReferences(collectReferences(articles.docs, emptyReferences()), req)
  if (refs.claims.length === 0) return refs
  // Only the published (approved) version of a claim is public, and only its sources.
  const claims = await req.payload.find({
    collection: CLAIMS_SLUG,
    where: { and: [{ id: { in: refs.claims } }, { _status: { equals: 'published' } }] },
    depth: 0,
    draft: false,
    pagination: false,
    overrideAccess: true,
    req,
  })
  refs.claims = claims.docs.map((claim) => claim.id)
  for (const claim of claims.docs) collectClaimSources(claim as unknown as JsonObject, refs)
  return refs
}

const MEMO_KEY = 'citedPublicReferences'

/**
 * Everything published articles reference (claims only in their published version), computed once
 * per request. Anonymous readers may read exactly these documents.
 */
export function publicReferences(req: PayloadRequest): Promise<ReferenceIds> {
  const memo = req.context[MEMO_KEY]
  if (memo instanceof Promise) return memo as Promise<ReferenceIds>
  const promise = computePublicReferences(req)
  req.context[MEMO_KEY] = promise
  return promise
}
