/**
 * The one loader of the content graph: fetches what a walk needs that its documents do not carry
 * populated — comparison rows, then benefits, then aftercare tips, then the claims cited and their
 * sources — with one query per collection, whatever the number of documents walked.
 *
 * System reads (`overrideAccess`), always with `req` (same transaction). What they return never
 * reaches a reader unfiltered: the callers decide what is shown.
 */
import type { CollectionSlug, PayloadRequest } from 'payload'

import type { DocId } from '../shared/ids'
import type { Claim, Source } from '../types/generated'
import type { ArticleContent, ContentVisitor, Library, LoadedKind, StandaloneKind } from './graph'

import { relationIds, uniqueIds } from '../shared/ids'
import { CLAIMS_SLUG, SOURCES_SLUG } from '../shared/slugs'
import { walkArticle, walkDocument } from './graph'
import { PUBLIC_KIND_SLUGS } from './kinds'

/** Content to walk: articles, or benefits, tips and rows on their own. */
export type Root =
  | { kind: 'articles'; doc: ArticleContent }
  | { kind: StandaloneKind; doc: Record<string, unknown> }

/**
 * The order that needs one query per collection: rows come only from articles; benefits from
 * articles and rows (cells); tips from articles and benefits; images from articles and benefits'
 * rich text.
 */
const LOAD_ORDER: LoadedKind[] = ['rows', 'benefits', 'tips', 'media']

/** Walks every root with one visitor. */
export function walkRoots(roots: readonly Root[], library: Library, visitor: ContentVisitor): void {
  for (const root of roots) {
    if (root.kind === 'articles') {
      walkArticle(root.doc, library, visitor)
    } else {
      walkDocument(root.kind, root.doc, library, visitor)
    }
  }
}

/**
 * Ids this database can hold. Ids typed into a form or a request ("12", "abc") are only asked for
 * when they could exist, so a malformed id is a missing document, not a database error.
 */
export function storableIds(req: PayloadRequest, ids: readonly DocId[]): DocId[] {
  if (req.payload.db.defaultIDType !== 'number') {
    return uniqueIds(ids.map(String))
  }
  return uniqueIds(
    ids.flatMap((id) => {
      const text = String(id)
      return /^\d{1,15}$/.test(text) ? [Number(text)] : []
    }),
  )
}

/** Documents of `collection` with these ids, at depth 0 (one query). */
export async function findByIds<T>(
  req: PayloadRequest,
  collection: CollectionSlug,
  ids: readonly DocId[],
  options: { draft?: boolean } = {},
): Promise<T[]> {
  const wanted = storableIds(req, ids)
  if (wanted.length === 0) {
    return []
  }
  const { docs } = await req.payload.find({
    collection,
    where: { id: { in: wanted } },
    depth: 0,
    draft: options.draft ?? false,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return docs as unknown as T[]
}

/**
 * Loads the benefits, rows and tips the roots show and do not carry populated. Walks the roots
 * again after each load (walks are pure and cheap) until nothing is missing that could be found.
 */
export async function loadLibrary(req: PayloadRequest, roots: readonly Root[]): Promise<Library> {
  const library = {
    benefits: new Map(),
    media: new Map(),
    rows: new Map(),
    tips: new Map(),
  } satisfies Library
  const asked: Record<LoadedKind, Set<string>> = {
    benefits: new Set(),
    media: new Set(),
    rows: new Set(),
    tips: new Set(),
  }
  for (;;) {
    const missing: Record<LoadedKind, DocId[]> = { benefits: [], media: [], rows: [], tips: [] }
    walkRoots(roots, library, {
      missing: (kind, id) => {
        if (!asked[kind].has(String(id))) {
          missing[kind].push(id)
        }
      },
    })
    const kind = LOAD_ORDER.find((candidate) => missing[candidate].length > 0)
    if (!kind) {
      return library
    }
    const ids = uniqueIds(missing[kind])
    for (const id of ids) {
      asked[kind].add(String(id))
    }
    const docs = await findByIds<{ id: DocId }>(req, PUBLIC_KIND_SLUGS[kind], ids)
    for (const doc of docs) {
      ;(library[kind] as Map<string, unknown>).set(String(doc.id), doc)
    }
  }
}

/**
 * Claims by `String(id)` in one query: `'draft'` reads each claim's latest draft (what an editor
 * is working towards), `'live'` its main document — the published, approved version when there is
 * one (check `_status`).
 */
export async function loadClaims(
  req: PayloadRequest,
  ids: readonly DocId[],
  version: 'draft' | 'live',
): Promise<Map<string, Claim>> {
  const docs = await findByIds<Claim>(req, CLAIMS_SLUG, ids, { draft: version === 'draft' })
  return new Map(docs.map((claim) => [String(claim.id), claim]))
}

/** The sources each claim's statistics cite, in order, without repeats. */
export function sourcesOfClaim(claim: Pick<Claim, 'statistics'>): DocId[] {
  return uniqueIds((claim.statistics ?? []).flatMap((statistic) => relationIds(statistic.sources)))
}

/** Sources by id (one query). */
export async function loadSources(req: PayloadRequest, ids: readonly DocId[]): Promise<Source[]> {
  return findByIds<Source>(req, SOURCES_SLUG, ids)
}
