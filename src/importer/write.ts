/**
 * Writes an import plan through Payload's Local API in one transaction: either the whole
 * article with its benefits, tips, rows and draft claims is stored, or nothing is.
 * `rehearseImport` makes the same writes — every validation and access rule of a real import —
 * in a transaction it always rolls back: the admin's dry run.
 */
import type { Payload, PayloadRequest, RequiredDataFromCollectionSlug, TypedUser } from 'payload'

import { createLocalReq, initTransaction, killTransaction } from 'payload'

import type { ImportPlan, RefKind } from './plan'

import {
  AFTERCARE_TIPS_SLUG,
  ARTICLES_SLUG,
  BENEFITS_SLUG,
  CLAIMS_SLUG,
  COMPARISON_ROWS_SLUG,
} from '../shared/slugs'
import { inTransaction, lockPublicSets } from '../shared/transaction'
import { REF_PATTERN } from './plan'

export interface WriteResult {
  articleId: number | string
  /** True when an article with the same slug already existed: nothing was written. */
  alreadyImported: boolean
}

type Ids = Record<RefKind, Map<number, number | string>>

/** The collections written from a plan's `@kind:key`-resolved data. */
type Planned = typeof AFTERCARE_TIPS_SLUG | typeof BENEFITS_SLUG | typeof COMPARISON_ROWS_SLUG

/** Replaces `@kind:key` placeholders with the ids of the documents written so far. */
export function resolve<T>(value: T, ids: Ids): T {
  if (typeof value === 'string') {
    const match = REF_PATTERN.exec(value)
    if (!match) {
      return value
    }
    const id = ids[match[1] as RefKind].get(Number(match[2]))
    if (id === undefined) {
      throw new Error(`Import plan refers to ${value}, which was not written.`)
    }
    return id as T
  }
  if (Array.isArray(value)) {
    return value.map((item) => resolve(item, ids)) as T
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v, ids)])) as T
  }
  return value
}

export async function writeImport(
  payload: Payload,
  plan: ImportPlan,
  options: { user?: TypedUser } = {},
): Promise<WriteResult> {
  const req: PayloadRequest = await createLocalReq({ user: options.user }, payload)
  // The slug check and every write share one transaction: an import is whole or absent.
  return inTransaction(req, () => writeAll(payload, plan, req, options.user))
}

/** What a rehearsal found; `checked` is false when nothing could be written to find out. */
export type RehearsalResult =
  | (WriteResult & { checked: true })
  | { checked: false; alreadyImported: boolean; articleId?: number | string }

/**
 * Makes every write of `writeImport` in a transaction and rolls it back, so a dry run meets what
 * the confirmed import will: a slug already taken (`alreadyImported`), a validation error or an
 * access rule (thrown, as the import would throw them). Without a transaction (a host with
 * `transactionOptions: false`) nothing is written: only the slug is checked (`checked: false`).
 */
export async function rehearseImport(
  payload: Payload,
  plan: ImportPlan,
  options: { user?: TypedUser } = {},
): Promise<RehearsalResult> {
  const req: PayloadRequest = await createLocalReq({ user: options.user }, payload)
  const started = await initTransaction(req)
  if (!started || req.transactionID === undefined) {
    if (started) {
      await killTransaction(req)
    }
    const found = await existingArticle(payload, plan, req)
    return found
      ? { checked: false, alreadyImported: true, articleId: found.id }
      : { checked: false, alreadyImported: false }
  }
  try {
    await lockPublicSets(req)
    return { ...(await writeAll(payload, plan, req, options.user)), checked: true }
  } finally {
    await killTransaction(req)
  }
}

const existingArticle = async (payload: Payload, plan: ImportPlan, req: PayloadRequest) =>
  (
    await payload.find({
      collection: ARTICLES_SLUG,
      where: { slug: { equals: plan.article.slug } },
      draft: true,
      depth: 0,
      limit: 1,
      req,
    })
  ).docs[0]

async function writeAll(
  payload: Payload,
  plan: ImportPlan,
  req: PayloadRequest,
  user: TypedUser | undefined,
): Promise<WriteResult> {
  const common = {
    req,
    depth: 0,
    ...(user ? { user, overrideAccess: false } : {}),
  }
  const ids: Ids = { benefit: new Map(), claim: new Map(), row: new Map(), tip: new Map() }
  const found = await existingArticle(payload, plan, req)
  if (found) {
    return { articleId: found.id, alreadyImported: true }
  }
  for (const claim of plan.claims) {
    const doc = await payload.create({
      ...common,
      collection: CLAIMS_SLUG,
      draft: true,
      data: { statement: claim.statement, statistics: claim.statistics },
    })
    ids.claim.set(claim.key, doc.id)
  }
  /** Creates one document per planned item, in order, noting its id for the `@kind:key` after it. */
  const createEach = async <S extends Planned>(
    collection: S,
    kind: RefKind,
    items: { key: number; data: Record<string, unknown> }[],
  ) => {
    for (const item of items) {
      const doc = await payload.create({
        ...common,
        collection,
        data: resolve(item.data, ids) as RequiredDataFromCollectionSlug<S>,
      })
      ids[kind].set(item.key, doc.id)
    }
  }
  await createEach(AFTERCARE_TIPS_SLUG, 'tip', plan.tips)
  await createEach(BENEFITS_SLUG, 'benefit', plan.benefits)
  await createEach(COMPARISON_ROWS_SLUG, 'row', plan.rows)
  const article = await payload.create({
    ...common,
    collection: ARTICLES_SLUG,
    draft: true,
    data: { ...(resolve(plan.article, ids) as { title: string }), _status: 'draft' },
  })
  return { articleId: article.id, alreadyImported: false }
}
