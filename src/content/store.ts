/**
 * The content graph computed when content goes live, and stored: for each published article, the
 * documents it exposes and its numbered references (`cited-public-sets`), and on every library
 * document the `isPublic` flag that anonymous access reads as an indexed `Where`.
 *
 * Every change that moves what a published article exposes calls {@link refreshArticles} for the
 * articles concerned, in the transaction of the change: publish, unpublish, scheduled publish and
 * delete of an article; approval, invalidation, expiry and renewal of a claim; an edit of a benefit,
 * tip, row, source or medium a published article shows. Reads never walk published content.
 *
 * PostgreSQL only: the flags are refreshed with one SQL statement per collection, and set refreshes
 * are serialised with a transaction-level advisory lock (`lockPublicSets`, `shared/transaction.ts`).
 */
import type { PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-postgres'
import { ValidationError } from 'payload'

import type { Reference } from '../evidence/citations'
import type { DocId } from '../shared/ids'
import type { Article } from '../types/generated'
import type { ArticleContent } from './graph'
import type { PublicKind } from './kinds'

import { buildReferences, numberSources } from '../evidence/citations'
import { relationIds, uniqueIds } from '../shared/ids'
import { PUBLIC_FLAG } from '../shared/publicFlag'
import { ARTICLES_SLUG, PUBLIC_SETS_SLUG, SNAPSHOTS_SLUG } from '../shared/slugs'
import { lockPublicSets, sqlOf, tableName } from '../shared/transaction'
import { checkGathered } from './checks'
import { walkArticle } from './graph'
import { PUBLIC_KIND_SLUGS, PUBLIC_KINDS } from './kinds'
import {
  findByIds,
  loadClaims,
  loadLibrary,
  loadSources,
  sourcesOfClaim,
  storableIds,
} from './load'
import { refreshSnapshots } from './snapshots'
import { exposure, gather } from './visitors'

export type KindIds = Record<PublicKind, DocId[]>

const noIds = (): KindIds => ({
  benefits: [],
  tips: [],
  rows: [],
  media: [],
  claims: [],
  sources: [],
})

/** What one published article exposes, and its numbered references. */
export interface PublicSet {
  articleId: DocId
  ids: KindIds
  references: Reference[]
  /** Reference numbers of each claim the article cites, by `String(claimId)`. */
  claimNumbers: Record<string, number[]>
}

/**
 * Walks published articles (their live versions at depth 0) and works out what each exposes:
 * every benefit, tip, row and medium it shows, every claim it cites that has an approved version,
 * and the sources those approved versions cite — numbered in order of first use. With `enforce`,
 * refuses (ValidationError) when an article would show a statistic without evidence or cite a
 * claim that is not approved and current — as publishing it would be refused.
 */
export async function computePublicSets(
  req: PayloadRequest,
  articles: readonly ArticleContent[],
  options: { enforce?: boolean; now?: Date } = {},
): Promise<PublicSet[]> {
  const published = articles.filter(
    (article) => article._status === 'published' && article.id !== undefined,
  )
  if (published.length === 0) {
    return []
  }
  const library = await loadLibrary(
    req,
    published.map((doc) => ({ kind: 'articles' as const, doc })),
  )
  const walked = published.map((article) => {
    const walk = (visitor: Parameters<typeof walkArticle>[2]) =>
      walkArticle(article, library, visitor)
    return { article, gathered: gather(walk), exposed: exposure(walk) }
  })
  const claims = await loadClaims(
    req,
    uniqueIds(walked.flatMap(({ gathered }) => gathered.claims)),
    'live',
  )

  if (options.enforce) {
    const now = options.now ?? new Date()
    const refused = walked.flatMap(({ article, gathered }) => {
      const { gate, issues } = checkGathered(gathered, claims, now)
      return [...issues.map((issue) => issue.message), ...gate].map(
        (message) => `In the published article “${article.title ?? article.id}”: ${message}`,
      )
    })
    if (refused.length > 0) {
      throw new ValidationError(
        { errors: refused.map((message) => ({ message, path: 'id' })), req },
        req.t,
      )
    }
  }

  const approved = new Map([...claims].filter(([, claim]) => claim._status === 'published'))
  const sourcesByClaim = new Map([...approved].map(([id, claim]) => [id, sourcesOfClaim(claim)]))
  const sources = await loadSources(req, uniqueIds([...sourcesByClaim.values()].flat()))
  const existingSources = new Set(sources.map((source) => String(source.id)))

  return walked.map(({ article, gathered, exposed }) => {
    const numbering = numberSources(gathered.claimOrder, sourcesByClaim)
    return {
      articleId: article.id as DocId,
      ids: {
        benefits: exposed.shown.benefits.values(),
        tips: exposed.shown.tips.values(),
        rows: exposed.shown.rows.values(),
        media: exposed.shown.media.values(),
        claims: exposed.claims.values().filter((id) => approved.has(String(id))),
        sources: numbering.sourceIds.filter((id) => existingSources.has(id)),
      },
      references: buildReferences(numbering, sources),
      claimNumbers: Object.fromEntries(numbering.numbersByClaim),
    }
  })
}

// --- the store ---------------------------------------------------------------------------------

/** The stored sets of these articles (one query). */
async function storedSets(
  req: PayloadRequest,
  articleIds: readonly DocId[],
): Promise<Map<string, PublicSet>> {
  const ids = storableIds(req, articleIds)
  if (ids.length === 0) {
    return new Map()
  }
  const { docs } = await req.payload.db.find<Record<string, unknown>>({
    collection: PUBLIC_SETS_SLUG,
    where: { articleId: { in: ids } },
    pagination: false,
    req,
  })
  return new Map(docs.map((doc) => [String(doc.articleId), fromStored(doc)]))
}

function fromStored(doc: Record<string, unknown>): PublicSet {
  const ids = noIds()
  for (const kind of PUBLIC_KINDS) {
    ids[kind] = relationIds(doc[kind])
  }
  return {
    articleId: doc.articleId as DocId,
    ids,
    references: Array.isArray(doc.references) ? (doc.references as Reference[]) : [],
    claimNumbers:
      doc.claimNumbers && typeof doc.claimNumbers === 'object'
        ? (doc.claimNumbers as Record<string, number[]>)
        : {},
  }
}

/**
 * Recomputes `isPublic` of these documents from the stored sets: one statement per collection.
 * Returns the ids whose flag changed.
 */
export async function refreshFlags(
  req: PayloadRequest,
  ids: Partial<KindIds> | 'all',
): Promise<KindIds> {
  const db = await sqlOf(req)
  const rels = sql.identifier(`${tableName(req, PUBLIC_SETS_SLUG)}_rels`)
  const flag = sql.identifier(PUBLIC_FLAG.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`))
  const changed = noIds()
  for (const kind of PUBLIC_KINDS) {
    const slug = PUBLIC_KIND_SLUGS[kind]
    const wanted = ids === 'all' ? undefined : storableIds(req, ids[kind] ?? [])
    if (wanted && wanted.length === 0) {
      continue
    }
    const table = sql.identifier(tableName(req, slug))
    const column = sql.identifier(`${tableName(req, slug)}_id`)
    const exposed = sql`exists (select 1 from ${rels} r where r.${column} = d.id)`
    const only = wanted
      ? sql` and d.id in (${sql.join(
          wanted.map((id) => sql`${id}`),
          sql`, `,
        )})`
      : sql``
    const result = await db.execute(
      sql`update ${table} d set ${flag} = ${exposed} where d.${flag} is distinct from ${exposed}${only} returning d.id`,
    )
    changed[kind] = result.rows.map((row) => row.id as DocId)
  }
  return changed
}

/** The fields of a set as stored, compared by content (jsonb keeps no key order). */
const storedForm = (set: PublicSet): string =>
  canonical({
    ...set,
    articleId: String(set.articleId),
    ids: Object.fromEntries(PUBLIC_KINDS.map((kind) => [kind, set.ids[kind].map(String)])),
  })

/**
 * Stores `sets` for these articles: removes the sets of articles not in `sets`, and rewrites a
 * set only when it changed (a benefit's summary edited, say, changes no set).
 */
async function writeSets(
  req: PayloadRequest,
  articleIds: readonly DocId[],
  sets: readonly PublicSet[],
  previous: ReadonlyMap<string, PublicSet>,
): Promise<void> {
  const changed = sets.filter((set) => {
    const before = previous.get(String(set.articleId))
    return !before || storedForm(before) !== storedForm(set)
  })
  const kept = new Set(sets.map((set) => String(set.articleId)))
  const stale = [
    ...articleIds.filter((id) => !kept.has(String(id)) && previous.has(String(id))),
    ...changed.filter((set) => previous.has(String(set.articleId))).map((set) => set.articleId),
  ]
  const ids = storableIds(req, stale)
  if (ids.length > 0) {
    await req.payload.db.deleteMany({
      collection: PUBLIC_SETS_SLUG,
      where: { articleId: { in: ids } },
      req,
    })
  }
  for (const set of changed) {
    await req.payload.db.create({
      collection: PUBLIC_SETS_SLUG,
      data: {
        articleId: set.articleId,
        ...set.ids,
        references: set.references,
        claimNumbers: set.claimNumbers,
      },
      req,
      returning: false,
    })
  }
}

/** The documents that entered or left a set: only their flags can have moved. */
function moved(
  previous: ReadonlyMap<string, PublicSet>,
  sets: readonly PublicSet[],
  articleIds: readonly DocId[],
): KindIds {
  const result = noIds()
  const fresh = new Map(sets.map((set) => [String(set.articleId), set]))
  for (const id of articleIds) {
    const before = previous.get(String(id))?.ids ?? noIds()
    const after = fresh.get(String(id))?.ids ?? noIds()
    for (const kind of PUBLIC_KINDS) {
      result[kind].push(
        ...difference(before[kind], after[kind]),
        ...difference(after[kind], before[kind]),
      )
    }
  }
  return result
}

const union = (...lists: KindIds[]): KindIds => {
  const merged = noIds()
  for (const kind of PUBLIC_KINDS) {
    merged[kind] = uniqueIds(lists.flatMap((list) => list[kind]))
  }
  return merged
}

const withDefaults = (partial: Partial<KindIds> = {}): KindIds => ({ ...noIds(), ...partial })

/**
 * Recomputes and stores what these articles expose — their live versions; an article that is not
 * published (any more) exposes nothing — and refreshes the flags of every document that entered or
 * left a set, plus those in `alsoFlags` (a document just written, whose stored flag may be stale).
 * With `enforce`, refuses content that would show unchecked statistics or unapproved claims.
 */
export async function refreshArticles(
  req: PayloadRequest,
  articleIds: readonly DocId[],
  options: { alsoFlags?: Partial<KindIds>; enforce?: boolean } = {},
): Promise<void> {
  const ids = uniqueIds(articleIds)
  const alsoFlags = withDefaults(options.alsoFlags)
  if (ids.length === 0 && PUBLIC_KINDS.every((kind) => alsoFlags[kind].length === 0)) {
    return
  }
  await lockPublicSets(req)
  const live = await findByIds<Article>(req, ARTICLES_SLUG, ids)
  const sets = await computePublicSets(req, live, { enforce: options.enforce })
  const previous = await storedSets(req, ids)
  await writeSets(req, ids, sets, previous)
  await refreshFlags(req, union(moved(previous, sets, ids), alsoFlags))
  // Last: the snapshot is Payload's anonymous read, which reads the sets and flags just written.
  await refreshSnapshots(req, ids)
}

/** The published articles whose stored sets hold any of these documents (one indexed query). */
export async function articlesShowing(
  req: PayloadRequest,
  kind: PublicKind,
  ids: readonly DocId[],
): Promise<DocId[]> {
  const wanted = storableIds(req, ids)
  if (wanted.length === 0) {
    return []
  }
  const { docs } = await req.payload.db.find<{ articleId: DocId }>({
    collection: PUBLIC_SETS_SLUG,
    where: { [kind]: { in: wanted } },
    select: { articleId: true },
    pagination: false,
    req,
  })
  return uniqueIds(docs.map((doc) => doc.articleId))
}

/**
 * A library document changed: refreshes the published articles that show it, and its own flag.
 * `enforce` refuses the change when a published article would then show unchecked content.
 */
export async function documentChanged(
  req: PayloadRequest,
  kind: PublicKind,
  id: DocId,
  options: { enforce?: boolean } = {},
): Promise<void> {
  await lockPublicSets(req)
  const articles = await articlesShowing(req, kind, [id])
  await refreshArticles(req, articles, { alsoFlags: { [kind]: [id] }, enforce: options.enforce })
}

/** The stored references of a published article, when its set has been computed. */
export interface StoredReferences {
  references: Reference[]
  claimNumbers: Record<string, number[]>
  /** What the article exposes (absent for a draft's derived references). */
  ids?: KindIds
}

const BATCH_KEY = 'citedStoredReferences'

interface Batch {
  ids: Set<string>
  result: Promise<Map<string, StoredReferences>>
}

/**
 * The stored references of a published article. Reads of many articles in one request (a list)
 * are batched into one query: every lookup asked for before the next turn of the event loop.
 */
export function storedReferences(
  req: PayloadRequest,
  articleId: DocId,
): Promise<StoredReferences | undefined> {
  const key = String(articleId)
  let batch = req.context[BATCH_KEY] as Batch | undefined
  if (!batch) {
    const ids = new Set<string>()
    const result = new Promise<Map<string, StoredReferences>>((resolve, reject) => {
      setImmediate(() => {
        req.context[BATCH_KEY] = undefined
        storedSets(req, [...ids]).then(resolve, reject)
      })
    })
    batch = { ids, result }
    req.context[BATCH_KEY] = batch
  }
  batch.ids.add(key)
  return batch.result.then((sets) => sets.get(key))
}

/** What `npm run cited -- reindex` found and repaired. */
export interface ReindexReport {
  articles: number
  /** Sets that differed from a fresh computation, with what was missing and what was extra. */
  repaired: {
    articleId: string
    missing: Partial<KindIds>
    extra: Partial<KindIds>
    references: boolean
  }[]
  /** Sets of articles that are not published (any more). */
  removed: string[]
  /** Documents whose `isPublic` flag was wrong. */
  flags: Partial<KindIds>
  /** Published snapshots rewritten (they differed from a fresh read) and removed (not published). */
  snapshots: { written: number; removed: number }
}

const difference = (a: readonly DocId[], b: readonly DocId[]): DocId[] => {
  const other = new Set(b.map(String))
  return a.filter((id) => !other.has(String(id)))
}

/** JSON with object keys sorted: PostgreSQL's jsonb does not keep key order. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(
          Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : inner,
  )

const nonEmpty = (ids: KindIds): Partial<KindIds> =>
  Object.fromEntries(
    PUBLIC_KINDS.filter((kind) => ids[kind].length > 0).map((kind) => [kind, ids[kind]]),
  )

/**
 * Rebuilds every stored set and flag from scratch (in batches of published articles) and reports
 * what differed. Run it in one transaction (`inTransaction`) so a failure leaves everything as it was.
 */
export async function reindexPublicSets(
  req: PayloadRequest,
  options: { batchSize?: number } = {},
): Promise<ReindexReport> {
  await lockPublicSets(req)
  const batchSize = options.batchSize ?? 100
  const { docs: published } = await req.payload.find({
    collection: ARTICLES_SLUG,
    where: { _status: { equals: 'published' } },
    draft: false,
    depth: 0,
    pagination: false,
    select: {},
    overrideAccess: true,
    req,
  })
  const publishedIds = new Set(published.map((article) => String(article.id)))
  const { docs: stored } = await req.payload.db.find<{ articleId: DocId }>({
    collection: PUBLIC_SETS_SLUG,
    select: { articleId: true },
    pagination: false,
    req,
  })
  const removed = stored.map((set) => String(set.articleId)).filter((id) => !publishedIds.has(id))
  if (removed.length > 0) {
    await writeSets(req, removed, [], await storedSets(req, removed))
  }

  const report: ReindexReport = {
    articles: published.length,
    repaired: [],
    removed,
    flags: {},
    snapshots: { written: 0, removed: 0 },
  }
  const ids = published.map((article) => article.id)
  for (let start = 0; start < ids.length; start += batchSize) {
    const batch = ids.slice(start, start + batchSize)
    const live = await findByIds<Article>(req, ARTICLES_SLUG, batch)
    const fresh = await computePublicSets(req, live)
    const previous = await storedSets(req, batch)
    for (const set of fresh) {
      const before = previous.get(String(set.articleId))
      const missing = noIds()
      const extra = noIds()
      for (const kind of PUBLIC_KINDS) {
        missing[kind] = difference(set.ids[kind], before?.ids[kind] ?? [])
        extra[kind] = difference(before?.ids[kind] ?? [], set.ids[kind])
      }
      const references = canonical(before?.references ?? null) !== canonical(set.references)
      if (
        !before ||
        references ||
        PUBLIC_KINDS.some((kind) => missing[kind].length + extra[kind].length > 0)
      ) {
        report.repaired.push({
          articleId: String(set.articleId),
          missing: nonEmpty(missing),
          extra: nonEmpty(extra),
          references,
        })
      }
    }
    await writeSets(req, batch, fresh, previous)
  }
  report.flags = nonEmpty(await refreshFlags(req, 'all'))
  // Snapshots last (they are reads of the sets and flags): every published article's, and none else.
  const { docs: snapshotted } = await req.payload.db.find<{ articleId: DocId }>({
    collection: SNAPSHOTS_SLUG,
    select: { articleId: true },
    pagination: false,
    req,
  })
  const orphans = snapshotted
    .map((snapshot) => snapshot.articleId)
    .filter((id) => !publishedIds.has(String(id)))
  for (const list of [orphans, ids]) {
    for (let start = 0; start < list.length; start += batchSize) {
      const { removed: gone, written } = await refreshSnapshots(
        req,
        list.slice(start, start + batchSize),
        { verify: true },
      )
      report.snapshots.written += written
      report.snapshots.removed += gone
    }
  }
  return report
}

/**
 * At start-up: when published articles have no stored set (a database from before Cited stored
 * them, or restored from elsewhere), rebuilds every set once, so anonymous readers see what they
 * should. Two counts when all is in order.
 */
export async function ensurePublicSets(
  req: PayloadRequest,
  run: (work: () => Promise<ReindexReport>) => Promise<ReindexReport>,
): Promise<ReindexReport | undefined> {
  const [{ totalDocs: published }, { totalDocs: stored }, { totalDocs: snapshots }] =
    await Promise.all([
      req.payload.count({
        collection: ARTICLES_SLUG,
        where: { _status: { equals: 'published' } },
        overrideAccess: true,
        req,
      }),
      req.payload.db.count({ collection: PUBLIC_SETS_SLUG, req }),
      req.payload.db.count({ collection: SNAPSHOTS_SLUG, req }),
    ])
  if (published === stored && published === snapshots) {
    return undefined
  }
  const report = await run(() => reindexPublicSets(req))
  req.payload.logger.info(
    `Cited: rebuilt the public sets of ${report.articles} published article(s).`,
  )
  return report
}
