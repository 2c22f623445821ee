import type { CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import { ValidationError } from 'payload'

import type { EvidenceIssue } from '../../content/checks'
import type { Root } from '../../content/load'
import type { DocId } from '../../shared/ids'

import { ARTICLES_SLUG } from '../../collections/slugs'
import { checkGathered } from '../../content/checks'
import { loadClaims, loadLibrary, walkRoots } from '../../content/load'
import { publicKindOf } from '../../content/kinds'
import { articlesShowing } from '../../content/store'
import { gather } from '../../content/visitors'

export type { EvidenceIssue } from '../../content/checks'

/** The root of the content graph for a document of `collection`, if Cited checks it. */
export function rootFor(collection: string, data: Record<string, unknown>): Root | undefined {
  if (collection === ARTICLES_SLUG) return { kind: 'articles', doc: data }
  const kind = publicKindOf(collection)
  if (kind === 'benefits' || kind === 'tips' || kind === 'rows') return { kind, doc: data }
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
  if (!root) return { cited: [], claimIds: [], issues: [], gate: [] }
  const library = await loadLibrary(req, [root])
  const gathered = gather((visitor) => walkRoots([root], library, visitor))
  const claims = await loadClaims(req, gathered.claims, options.live ? 'live' : 'draft')
  return {
    cited: gathered.claims,
    claimIds: gathered.claims.filter((id) => claims.has(String(id))).map((id) => claims.get(String(id))!.id),
    ...checkGathered(gathered, claims, options.live ? (options.now ?? new Date()) : undefined),
  }
}

/** Throws one ValidationError listing every problem, each at its field path. */
export function refuse(collection: string, issues: readonly EvidenceIssue[], req: PayloadRequest, gate: readonly string[] = []): never {
  throw new ValidationError(
    {
      collection,
      errors: [
        ...issues.map((issue) => ({ path: issue.fieldPath, message: issue.message })),
        ...gate.map((message) => ({ path: 'layout', message })),
      ],
      req,
    },
    req.t,
  )
}

/**
 * Is this save about to reach readers? Articles when they are published (directly or by
 * schedule); benefits, tips and comparison rows — which have no drafts — when a published article
 * already shows them (its stored public set holds them).
 */
async function goesLive(collection: string, id: DocId | undefined, data: Record<string, unknown>, req: PayloadRequest): Promise<boolean> {
  if (collection === ARTICLES_SLUG) return data._status === 'published'
  const kind = publicKindOf(collection)
  if (!kind || id === undefined) return false
  return (await articlesShowing(req, kind, [id])).length > 0
}

/**
 * Drafts warn, publishing blocks: records the statistics that are not backed by a cited claim in
 * `evidence`, and refuses content that is going live (see {@link goesLive}) while any remain or
 * while a claim it cites has no approved, current version (the publish gate). What a benefit, tip
 * or row newly shows through a published article is checked after the write, with the article
 * (`content/store.ts`).
 */
export const checkEvidence: CollectionBeforeChangeHook = async ({ collection, data, originalDoc, req }) => {
  const merged = { ...(originalDoc ?? {}), ...data }
  const live = await goesLive(collection.slug, originalDoc?.id, merged, req)
  const { claimIds, issues, gate } = await evaluateEvidence(collection.slug, merged, req, { live })
  if (live && (issues.length > 0 || gate.length > 0)) refuse(collection.slug, issues, req, gate)
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
