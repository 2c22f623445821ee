/**
 * Writes an import plan through Payload's Local API in one transaction: either the whole
 * article with its benefits, tips, rows and draft claims is stored, or nothing is.
 */
import type { Payload, PayloadRequest, TypedUser } from 'payload'

import { createLocalReq } from 'payload'

import type { ImportPlan, RefKind } from './plan'

import {
  AFTERCARE_TIPS_SLUG,
  ARTICLES_SLUG,
  BENEFITS_SLUG,
  CLAIMS_SLUG,
  COMPARISON_ROWS_SLUG,
} from '../shared/slugs'
import { inTransaction } from '../shared/transaction'
import { REF_PATTERN } from './plan'

export interface WriteResult {
  articleId: number | string
  /** True when an article with the same slug already existed: nothing was written. */
  alreadyImported: boolean
}

type Ids = Record<RefKind, Map<number, number | string>>

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
  const common = {
    req,
    depth: 0,
    ...(options.user ? { user: options.user, overrideAccess: false } : {}),
  }
  const ids: Ids = { benefit: new Map(), claim: new Map(), row: new Map(), tip: new Map() }
  // The slug check and every write share one transaction: an import is whole or absent.
  return inTransaction(req, async () => {
    const existing = await payload.find({
      collection: ARTICLES_SLUG,
      where: { slug: { equals: plan.article.slug } },
      draft: true,
      depth: 0,
      limit: 1,
      req,
    })
    const found = existing.docs[0]
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
    for (const tip of plan.tips) {
      const doc = await payload.create({
        ...common,
        collection: AFTERCARE_TIPS_SLUG,
        data: resolve(tip.data, ids) as { title: string; instruction: string },
      })
      ids.tip.set(tip.key, doc.id)
    }
    for (const benefit of plan.benefits) {
      const doc = await payload.create({
        ...common,
        collection: BENEFITS_SLUG,
        data: resolve(benefit.data, ids) as { title: string },
      })
      ids.benefit.set(benefit.key, doc.id)
    }
    for (const row of plan.rows) {
      const doc = await payload.create({
        ...common,
        collection: COMPARISON_ROWS_SLUG,
        data: resolve(row.data, ids) as { aspect: string },
      })
      ids.row.set(row.key, doc.id)
    }
    const article = await payload.create({
      ...common,
      collection: ARTICLES_SLUG,
      draft: true,
      data: { ...(resolve(plan.article, ids) as { title: string }), _status: 'draft' },
    })
    return { articleId: article.id, alreadyImported: false }
  })
}
