/**
 * Published snapshots: for each published article, the exact document an anonymous reader gets
 * from the documented page read (`GET /api/articles?where[slug][equals]=…&depth=2`), stored as
 * JSON text with a strong ETag (`cited-snapshots`).
 *
 * Written by {@link refreshSnapshots} from `refreshArticles` (`store.ts`), so a snapshot moves with
 * the stored public sets, in the same transaction, on the same triggers: publish, unpublish,
 * scheduled publish and delete of an article; approval, invalidation, expiry and renewal of a
 * claim; an edit of a benefit, tip, row, source or image a published article shows. It is made
 * by Payload's own anonymous read inside that transaction — the read it stands for — so it holds
 * exactly what that read holds: never a draft, never an unapproved claim.
 *
 * A written or removed snapshot asks Next to refresh the article's page and the list
 * (`revalidatePath`, `revalidateTag`): whatever changed what readers see, the page follows.
 *
 * Served as stored (`GET /api/articles/published/<slug>`, GraphQL `PublishedArticle(slug:)`): a
 * read is one indexed row, no population, no hooks; `If-None-Match` answers 304.
 */
import type { Payload, PayloadRequest } from 'payload'

import { createHash } from 'node:crypto'
import { createLocalReq } from 'payload'

import type { DocId } from '../shared/ids'

import { PUBLIC_CACHE_CONTROL } from '../shared/cacheControl'
import { uniqueIds } from '../shared/ids'
import { ARTICLES_SLUG, SNAPSHOTS_SLUG } from '../shared/slugs'
import { storableIds } from './load'
import { articleRevalidationTargets, revalidate } from './revalidate'

/** The depth of the documented page read: blocks get their documents, and those theirs. */
export const SNAPSHOT_DEPTH = 2

/** How many articles one snapshot read populates at once. */
const BATCH = 25

export interface Snapshot {
  articleId: DocId
  slug: string
  /** A strong ETag (quoted) of `json`. */
  etag: string
  /** The document, serialised: served byte for byte. */
  json: string
}

/** `req.context` key of the anonymous reads that make snapshots. */
export const SNAPSHOT_READ = 'citedSnapshotRead'

/** A strong ETag of exactly these bytes. */
export const etagOf = (body: string): string =>
  `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`

/**
 * The anonymous page read of these articles, as a frontend gets it (Payload's access, hooks and
 * population), inside `req`'s transaction: an article not published gives none.
 */
async function anonymousReads(
  req: PayloadRequest,
  ids: readonly DocId[],
): Promise<Record<string, unknown>[]> {
  const anonymous = await createLocalReq({ context: { [SNAPSHOT_READ]: true } }, req.payload)
  anonymous.transactionID = req.transactionID
  const { docs } = await req.payload.find({
    collection: ARTICLES_SLUG,
    where: { id: { in: [...ids] } },
    depth: SNAPSHOT_DEPTH,
    draft: false,
    pagination: false,
    overrideAccess: false,
    req: anonymous,
  })
  return docs as unknown as Record<string, unknown>[]
}

/** What the snapshots of these articles are now. */
export async function computeSnapshots(
  req: PayloadRequest,
  articleIds: readonly DocId[],
): Promise<Snapshot[]> {
  const ids = storableIds(req, uniqueIds(articleIds))
  const snapshots: Snapshot[] = []
  for (let start = 0; start < ids.length; start += BATCH) {
    for (const doc of await anonymousReads(req, ids.slice(start, start + BATCH))) {
      if (typeof doc.slug !== 'string' || doc.slug === '') {
        continue
      }
      const json = JSON.stringify(doc)
      snapshots.push({ articleId: doc.id as DocId, slug: doc.slug, etag: etagOf(json), json })
    }
  }
  return snapshots
}

/** The stored ETags and slugs of these articles' snapshots (one query). */
async function storedEtags(
  req: PayloadRequest,
  ids: readonly DocId[],
  withDoc: boolean,
): Promise<Map<string, { etag: string; slug: string; doc?: string }>> {
  if (ids.length === 0) {
    return new Map()
  }
  const { docs } = await req.payload.db.find<{
    id: DocId
    articleId: DocId
    etag: string
    slug: string
    doc?: string
  }>({
    collection: SNAPSHOTS_SLUG,
    where: { articleId: { in: [...ids] } },
    select: { articleId: true, etag: true, slug: true, ...(withDoc ? { doc: true } : {}) },
    pagination: false,
    req,
  })
  return new Map(
    docs.map((doc) => [String(doc.articleId), { etag: doc.etag, slug: doc.slug, doc: doc.doc }]),
  )
}

/**
 * Recomputes and stores the snapshots of these articles (an article no longer published loses its
 * own). A snapshot is rewritten only when its ETag changed — or, with `verify` (reindex), when
 * its stored bytes differ from a fresh read. Returns how many were written and removed.
 */
export async function refreshSnapshots(
  req: PayloadRequest,
  articleIds: readonly DocId[],
  options: { verify?: boolean } = {},
): Promise<{ written: number; removed: number }> {
  const ids = storableIds(req, uniqueIds(articleIds))
  if (ids.length === 0) {
    return { written: 0, removed: 0 }
  }
  const [fresh, stored] = await Promise.all([
    computeSnapshots(req, ids),
    storedEtags(req, ids, options.verify === true),
  ])
  const changed = fresh.filter((snapshot) => {
    const before = stored.get(String(snapshot.articleId))
    return (
      before?.etag !== snapshot.etag || (options.verify === true && before.doc !== snapshot.json)
    )
  })
  const kept = new Set(fresh.map((snapshot) => String(snapshot.articleId)))
  const gone = ids.filter((id) => stored.has(String(id)) && !kept.has(String(id)))
  const stale = [
    ...gone,
    ...changed
      .filter((snapshot) => stored.has(String(snapshot.articleId)))
      .map((snapshot) => snapshot.articleId),
  ]
  if (stale.length > 0) {
    await req.payload.db.deleteMany({
      collection: SNAPSHOTS_SLUG,
      where: { articleId: { in: stale } },
      req,
    })
  }
  // A slug moves with its article: another article's stale row under the same slug goes first.
  const newSlugs = changed.map((snapshot) => snapshot.slug)
  if (newSlugs.length > 0) {
    await req.payload.db.deleteMany({
      collection: SNAPSHOTS_SLUG,
      where: { slug: { in: newSlugs } },
      req,
    })
  }
  for (const snapshot of changed) {
    await req.payload.db.create({
      collection: SNAPSHOTS_SLUG,
      data: {
        articleId: snapshot.articleId,
        slug: snapshot.slug,
        etag: snapshot.etag,
        doc: snapshot.json,
      },
      req,
      returning: false,
    })
  }
  // What readers see changed: the pages of these articles (under their old slugs too) and the list.
  const slugs = [
    ...changed.map((snapshot) => snapshot.slug),
    ...[...changed.map((snapshot) => snapshot.articleId), ...gone].map(
      (id) => stored.get(String(id))?.slug,
    ),
  ]
  if (changed.length + gone.length > 0) {
    await revalidate(req, articleRevalidationTargets(slugs))
  }
  return { written: changed.length, removed: gone.length }
}

/** A stored snapshot as it is served: its document's UTF-8 bytes. */
export interface StoredSnapshot {
  articleId: DocId
  slug: string
  etag: string
  body: Uint8Array<ArrayBuffer>
}

/**
 * The encoded documents of recently read snapshots, by ETag (a hash of the bytes, so an entry is
 * right for whichever row carries that ETag — in any database and any process), least recently
 * read first, at most {@link BODY_CACHE_BYTES} in all. A read then asks the database only for the
 * row's ETag: no document crosses the connection, and nothing is decoded or encoded per request.
 */
const bodies = new Map<string, Uint8Array<ArrayBuffer>>()
const BODY_CACHE_BYTES = 64 * 1024 * 1024
let cachedBytes = 0

function remember(etag: string, body: Uint8Array<ArrayBuffer>): void {
  if (body.byteLength > BODY_CACHE_BYTES / 4) {
    return
  }
  const before = bodies.get(etag)
  if (before) {
    cachedBytes -= before.byteLength
  }
  bodies.delete(etag)
  bodies.set(etag, body)
  cachedBytes += body.byteLength
  for (const [oldest, oldBody] of bodies) {
    if (cachedBytes <= BODY_CACHE_BYTES) {
      break
    }
    bodies.delete(oldest)
    cachedBytes -= oldBody.byteLength
  }
}

function recall(etag: string): Uint8Array<ArrayBuffer> | undefined {
  const body = bodies.get(etag)
  if (body) {
    bodies.delete(etag)
    bodies.set(etag, body)
  }
  return body
}

/**
 * The stored snapshot of the published article with this slug, or undefined: one indexed read of
 * the row's ETag, and of its document only when that ETag's bytes are not in memory yet.
 */
export async function readSnapshot(
  payload: Payload,
  slug: string,
  req?: PayloadRequest,
): Promise<StoredSnapshot | undefined> {
  type Row = { id: DocId; articleId: DocId; slug: string; etag: string; doc?: string }
  const row = await payload.db.findOne<Row>({
    collection: SNAPSHOTS_SLUG,
    where: { slug: { equals: slug } },
    select: { articleId: true, slug: true, etag: true },
    req,
  })
  if (!row || typeof row.etag !== 'string') {
    return undefined
  }
  const body = recall(row.etag)
  if (body) {
    return { articleId: row.articleId, slug: row.slug, etag: row.etag, body }
  }
  // Read again with the document: the row may have changed since, so its own ETag is kept with it.
  const full = await payload.db.findOne<Row>({
    collection: SNAPSHOTS_SLUG,
    where: { slug: { equals: slug } },
    req,
  })
  if (!full || typeof full.doc !== 'string') {
    return undefined
  }
  const encoded = new TextEncoder().encode(full.doc)
  remember(full.etag, encoded)
  return { articleId: full.articleId, slug: full.slug, etag: full.etag, body: encoded }
}

/** The snapshot's document as a value (GraphQL's JSON scalar). */
export const snapshotDocument = (snapshot: StoredSnapshot): unknown =>
  JSON.parse(new TextDecoder().decode(snapshot.body))

/**
 * The answer to a read of the published article with this slug: its snapshot byte for byte with
 * its ETag and public caching, 304 when `If-None-Match` names the ETag, a 404 without one.
 */
export function snapshotResponse(
  snapshot: StoredSnapshot | undefined,
  slug: unknown,
  ifNoneMatch: null | string,
): Response {
  if (!snapshot) {
    return Response.json(
      {
        errors: [
          {
            message: `No published article has the slug ${JSON.stringify(typeof slug === 'string' ? slug : '')}.`,
          },
        ],
      },
      { status: 404, headers: { 'Cache-Control': PUBLIC_CACHE_CONTROL } },
    )
  }
  const headers = {
    'Cache-Control': PUBLIC_CACHE_CONTROL,
    'Content-Type': 'application/json; charset=utf-8',
    ETag: snapshot.etag,
  }
  if (etagMatches(ifNoneMatch, snapshot.etag)) {
    return new Response(null, { status: 304, headers })
  }
  return new Response(snapshot.body, { status: 200, headers })
}

/** Whether an `If-None-Match` header names this ETag (a list, weak forms and `*` included). */
export function etagMatches(ifNoneMatch: null | string | undefined, etag: string): boolean {
  if (!ifNoneMatch) {
    return false
  }
  if (ifNoneMatch.trim() === '*') {
    return true
  }
  return ifNoneMatch.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag)
}
