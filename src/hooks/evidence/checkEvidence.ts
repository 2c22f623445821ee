import type { CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import type { DocId } from '../../shared/ids'

import { evaluateEvidence } from '../../content/evaluate'
import { publicKindOf } from '../../content/kinds'
import { articlesShowing } from '../../content/store'
import { ARTICLES_SLUG } from '../../shared/slugs'
import { refuse } from './refuse'

/**
 * Is this save about to reach readers? Articles when they are published (directly or by
 * schedule); benefits, tips and comparison rows — which have no drafts — when a published article
 * already shows them (its stored public set holds them).
 */
async function goesLive(
  collection: string,
  id: DocId | undefined,
  data: Record<string, unknown>,
  req: PayloadRequest,
): Promise<boolean> {
  if (collection === ARTICLES_SLUG) {
    return data._status === 'published'
  }
  const kind = publicKindOf(collection)
  if (!kind || id === undefined) {
    return false
  }
  return (await articlesShowing(req, kind, [id])).length > 0
}

/**
 * Drafts warn, publishing blocks: records the statistics that are not backed by a cited claim in
 * `evidence`, and refuses content that is going live (see {@link goesLive}) while any remain or
 * while a claim it cites has no approved, current version (the publish gate). What a benefit, tip
 * or row newly shows through a published article is checked after the write, with the article
 * (`content/store.ts`).
 */
export const checkEvidence: CollectionBeforeChangeHook = async ({
  collection,
  data,
  originalDoc,
  req,
}) => {
  const merged = { ...(originalDoc ?? {}), ...data }
  const live = await goesLive(collection.slug, originalDoc?.id, merged, req)
  const { claimIds, issues, gate } = await evaluateEvidence(collection.slug, merged, req, { live })
  if (live && (issues.length > 0 || gate.length > 0)) {
    refuse(collection.slug, issues, req, gate)
  }
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
