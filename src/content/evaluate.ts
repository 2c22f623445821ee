/**
 * The evidence rules run on one document as it will be saved (or as a form holds it): the walk of
 * the content graph from that document, its claims loaded, the checks of `checks.ts`. Asked by
 * the `beforeChange` of articles, benefits, tips and rows (`hooks/evidence/checkEvidence.ts`) and
 * by the admin's live evidence check.
 */
import type { PayloadRequest } from 'payload'

import type { DocId } from '../shared/ids'
import type { EvidenceIssue } from './checks'
import type { Root } from './load'

import { ARTICLES_SLUG } from '../shared/slugs'
import { checkGathered } from './checks'
import { publicKindOf } from './kinds'
import { loadClaims, loadLibrary, walkRoots } from './load'
import { gather } from './visitors'

/** The root of the content graph for a document of `collection`, if Cited checks it. */
export function rootFor(collection: string, data: Record<string, unknown>): Root | undefined {
  if (collection === ARTICLES_SLUG) {
    return { kind: 'articles', doc: data }
  }
  const kind = publicKindOf(collection)
  if (kind === 'benefits' || kind === 'tips' || kind === 'rows') {
    return { kind, doc: data }
  }
  return undefined
}

export interface EvidenceResult {
  /** Every claim the content cites, in reading order (existing or not). */
  cited: DocId[]
  /** The cited claims that exist. */
  claimIds: DocId[]
  issues: EvidenceIssue[]
  /** With `live`: why publishing would be refused by the publish gate. */
  gate: string[]
}

/**
 * Runs the evidence rules on a document as it will be saved (or as a form holds it). `live`
 * checks against the approved versions of the claims — content about to reach readers — and runs
 * the publish gate; otherwise the claims' latest drafts count (what the editor is working towards).
 */
export async function evaluateEvidence(
  collection: string,
  data: Record<string, unknown>,
  req: PayloadRequest,
  options: { live?: boolean; now?: Date } = {},
): Promise<EvidenceResult> {
  const root = rootFor(collection, data)
  if (!root) {
    return { cited: [], claimIds: [], issues: [], gate: [] }
  }
  const library = await loadLibrary(req, [root])
  const gathered = gather((visitor) => walkRoots([root], library, visitor))
  const claims = await loadClaims(req, gathered.claims, options.live ? 'live' : 'draft')
  return {
    cited: gathered.claims,
    claimIds: gathered.claims
      .filter((id) => claims.has(String(id)))
      .map((id) => claims.get(String(id))!.id),
    ...checkGathered(gathered, claims, options.live ? (options.now ?? new Date()) : undefined),
  }
}
