import type { CollectionAfterChangeHook } from 'payload'

import { articlesShowing } from '../../../content/store'
import {
  articleRevalidationTargets,
  changesPublicVersion,
  revalidate,
} from '../../Articles/hooks/revalidate'
import { ARTICLES_SLUG } from '../../slugs'

/**
 * `afterChange` of claims: when the approved (published) version of a claim changes — approved
 * anew, edited by trusted code, expired or withdrawn — refreshes the pages of the published
 * articles that show it (their stored public sets), found in two queries.
 */
export const revalidateArticlesOfClaim: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  if (!changesPublicVersion(doc as { _status?: string }, previousDoc as { _status?: string } | undefined)) return doc
  const ids = await articlesShowing(req, 'claims', [doc.id])
  if (ids.length === 0) return doc
  const { docs } = await req.payload.find({
    collection: ARTICLES_SLUG,
    where: { id: { in: ids } },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    select: { slug: true },
    req,
  })
  await revalidate(req, articleRevalidationTargets(docs.map((article) => (article as { slug?: string | null }).slug)))
  return doc
}
