import type { CollectionAfterChangeHook } from 'payload'

import {
  articleRevalidationTargets,
  changesPublicVersion,
  revalidate,
} from '../../Articles/hooks/revalidate'
import { ARTICLES_SLUG } from '../../slugs'

/**
 * `afterChange` of claims: when the approved (published) version of a claim changes — approved
 * anew, edited by trusted code, expired or withdrawn — refreshes the pages of the published
 * articles that rely on it (`evidence.claims`), found in one query.
 */
export const revalidateArticlesOfClaim: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  if (!changesPublicVersion(doc as { _status?: string }, previousDoc as { _status?: string } | undefined)) return doc
  const { docs } = await req.payload.find({
    collection: ARTICLES_SLUG,
    where: { and: [{ 'evidence.claims': { in: [doc.id] } }, { _status: { equals: 'published' } }] },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    select: { slug: true },
    req,
  })
  if (docs.length === 0) return doc
  await revalidate(req, articleRevalidationTargets(docs.map((article) => (article as { slug?: string | null }).slug)))
  return doc
}
