import type { Payload } from 'payload'

import { createLocalReq } from 'payload'

import type { Article } from '../types/generated'

import { parseArticle } from '../importer/parse'
import { planImport } from '../importer/plan'
import { writeImport } from '../importer/write'
import { asWorkflow } from '../review/context'
import { ARTICLES_SLUG, CLAIMS_SLUG, SOURCES_SLUG } from '../shared/slugs'

/** The source every claim of a published demo article cites. */
const DEMO_SOURCE = {
  type: 'systematic-review',
  title: 'Acupuncture for chronic pain: an individual patient data meta-analysis',
  doi: '10.1001/archinternmed.2012.3654',
  year: 2012,
  containerTitle: 'Arch Intern Med',
  authors: [{ family: 'Vickers', given: 'AJ' }],
} as const

/** The demo source: created on first use (its DOI is unique). */
export async function createDemoSource(payload: Payload): Promise<number> {
  const found = await payload.find({
    collection: SOURCES_SLUG,
    where: { doi: { equals: DEMO_SOURCE.doi } },
    limit: 1,
    depth: 0,
  })
  if (found.docs[0]) {
    return found.docs[0].id
  }
  return (
    await payload.create({
      collection: SOURCES_SLUG,
      data: { ...DEMO_SOURCE, authors: [...DEMO_SOURCE.authors] },
    })
  ).id
}

/**
 * Imports an article text (such as the demo article) as a new article, approves each claim the
 * import created — citing `source`, as a reviewer's approval through the workflow does (trusted,
 * no second person) — and publishes the article. `copy` makes the title and slug of the n-th copy
 * unique. For benchmarks and tests that need real published content in volume.
 */
export async function publishImportedArticle(
  payload: Payload,
  text: string,
  options: { source: number; copy?: number },
): Promise<Article> {
  const plan = planImport(parseArticle(text, { fileName: 'article.txt' }))
  if (options.copy !== undefined) {
    plan.article.title = `${plan.article.title} (${options.copy})`
    plan.article.slug = `${plan.article.slug}-${options.copy}`
  }
  const req = await createLocalReq({}, payload)
  const before = await payload.find({
    collection: CLAIMS_SLUG,
    sort: '-id',
    limit: 1,
    depth: 0,
    draft: true,
    req,
  })
  const lastClaim = before.docs[0]?.id ?? 0
  const { articleId } = await writeImport(payload, plan)
  const { docs: claims } = await payload.find({
    collection: CLAIMS_SLUG,
    // Into an empty library every claim is new (0 is no id: the where check refuses it).
    where: lastClaim ? { id: { greater_than: lastClaim } } : undefined,
    pagination: false,
    depth: 0,
    draft: true,
    req,
  })
  for (const claim of claims) {
    await asWorkflow(req, 'approve', () =>
      payload.update({
        collection: CLAIMS_SLUG,
        id: claim.id,
        draft: false,
        data: {
          _status: 'published',
          statistics: (claim.statistics ?? []).map((row) => ({
            ...row,
            sources: [options.source],
          })),
          review: {
            status: 'approved',
            approvedAt: new Date().toISOString(),
            reviewBy: new Date(Date.now() + 365 * 864e5).toISOString(),
          },
        },
        depth: 0,
        req,
      }),
    )
  }
  const published = await payload.update({
    collection: ARTICLES_SLUG,
    id: articleId,
    data: { _status: 'published' },
    depth: 0,
    req,
  })
  if (published._status !== 'published' || !published.slug) {
    throw new Error(`the article “${plan.article.title}” was not published`)
  }
  return published
}
