import { readFileSync } from 'node:fs'
import path from 'node:path'
import { createLocalReq, type PayloadRequest } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  articleRevalidationTargets,
  REVALIDATION_CONTEXT_KEY,
  type RevalidationTargets,
} from '../../src/content/revalidate'
import { PRIVATE_CACHE_CONTROL, PUBLIC_CACHE_CONTROL } from '../../src/shared/cacheControl'
import { claimRef, paragraph, richText } from '../helpers/lexical'
import { bootPayload, type TestContext } from '../helpers/payload'
import { approveClaim } from '../helpers/review'

let t: TestContext
let counter = 0
const unique = () => `${Date.now().toString(36)}${(counter += 1)}`

beforeAll(async () => {
  t = await bootPayload()
})

afterAll(async () => {
  await t?.payload.destroy()
})

async function approvedClaim(value = 70): Promise<number> {
  const source = await t.payload.create({
    collection: 'sources',
    data: {
      type: 'journal-article',
      title: 'Acupuncture for chronic pain',
      doi: `10.1000/d.${unique()}`,
    },
  })
  const claim = await t.payload.create({
    collection: 'claims',
    data: {
      statement: `${value} percent of patients improved.`,
      statistics: [{ value, unit: 'percent', sources: [source.id] }],
    },
    draft: true,
  })
  await approveClaim(t, claim.id)
  return claim.id
}

async function publishedArticle(claim: number, value = 70): Promise<{ id: number; slug: string }> {
  const res = await t.api.as(t.editor.token).post('/articles', {
    title: `Acupuncture ${unique()}`,
    _status: 'published',
    intro: richText(paragraph(`${value} percent of patients improved.`, claimRef(claim))),
    layout: [{ blockType: 'clinicalClaim', claim, display: 'callout' }],
  })
  if (res.status !== 201) {
    throw new Error(JSON.stringify(res.body))
  }
  return res.body.doc
}

describe('cache headers', () => {
  it('lets shared caches keep anonymous reads of articles and claims', async () => {
    const claim = await approvedClaim()
    const article = await publishedArticle(claim)
    const list = await t.api.get('/articles', {
      where: { slug: { equals: article.slug } },
      depth: 2,
    })
    expect(list.headers.get('cache-control')).toBe(PUBLIC_CACHE_CONTROL)
    const one = await t.api.get(`/claims/${claim}`)
    expect(one.status).toBe(200)
    expect(one.headers.get('cache-control')).toBe(PUBLIC_CACHE_CONTROL)
  })

  it('marks logged-in reads private and uncacheable', async () => {
    const claim = await approvedClaim()
    const article = await publishedArticle(claim)
    const res = await t.api.as(t.editor.token).get(`/articles/${article.id}`, { draft: true })
    expect(res.headers.get('cache-control')).toBe(PRIVATE_CACHE_CONTROL)
    const gql = await t.api.as(t.editor.token).gql(`{ Claims { docs { id } } }`)
    expect(gql.headers.get('cache-control')).toBe(PRIVATE_CACHE_CONTROL)
  })
})

describe('GraphQL limits', () => {
  /** Validation errors come back before execution, as a JSON array of errors. */
  const errorsOf = (body: unknown): { message: string }[] =>
    Array.isArray(body) ? body : ((body as { errors?: { message: string }[] }).errors ?? [])

  it('refuses a query nested deeper than the limit, saying so', async () => {
    const res = await t.api.gql(`{
      Articles { docs { layout { ... on BenefitBlock { benefit { claims { statistics { sources { authors { family } } } } } } } } }
      Claims { docs { benefits { claims { benefits { claims { benefits { claims { benefits { claims { id } } } } } } } } } }
    }`)
    expect(errorsOf(res.body)[0]?.message).toBe(
      'The query is too deep: it nests fields 11 levels deep, the maximum is 10.',
    )
    expect(res.body.data).toBeUndefined()
  })

  it('follows fragments when measuring depth', async () => {
    const res = await t.api.gql(`
      query Deep { Claims { docs { ...B } } }
      fragment B on Claim { benefits { claims { benefits { claims { benefits { claims { benefits { claims { id } } } } } } } } }
    `)
    expect(errorsOf(res.body)[0]?.message).toBe(
      'Operation "Deep" is too deep: it nests fields 11 levels deep, the maximum is 10.',
    )
  })

  it('refuses an over-broad query by its complexity', async () => {
    const aliases = Array.from(
      { length: 60 },
      (_, i) => `a${i}: Claims { docs { statistics { sources { title } } benefits { title } } }`,
    )
    const res = await t.api.gql(`{ ${aliases.join('\n')} }`)
    expect(res.body.data).toBeUndefined()
    expect(errorsOf(res.body)[0]?.message).toMatch(
      /^The query exceeds the maximum complexity of 1000\. Actual complexity is \d+/,
    )
  })

  it('runs the example article query within both limits', async () => {
    const query = readFileSync(
      path.resolve(import.meta.dirname, '../../examples/graphql/article.graphql'),
      'utf8',
    )
    const claim = await approvedClaim()
    const article = await publishedArticle(claim)
    const res = await t.api.gql(query, { slug: article.slug })
    expect(res.body.errors).toBeUndefined()
    const doc = res.body.data.Articles.docs[0]
    expect(doc.references).toHaveLength(1)
    expect(doc.layout[0]).toMatchObject({ __typename: 'ClinicalClaimBlock', referenceNumbers: [1] })
  })
})

describe('revalidation', () => {
  // The request the save runs in: Payload may replace `req.context` during the operation.
  const request = () => createLocalReq({}, t.payload)
  const recorded = (req: PayloadRequest) =>
    (req.context[REVALIDATION_CONTEXT_KEY] ?? []) as RevalidationTargets[]

  it('names an article’s page, the list and their cache tags', () => {
    expect(articleRevalidationTargets(['acupuncture', 'acupuncture', null, 'old-slug'])).toEqual({
      paths: ['/articles', '/articles/acupuncture', '/articles/old-slug'],
      tags: ['articles', 'article:acupuncture', 'article:old-slug'],
    })
  })

  it('refreshes the page of a published article when it changes, under its old and new slug', async () => {
    const claim = await approvedClaim()
    const article = await publishedArticle(claim)
    const req = await request()
    await t.payload.update({
      collection: 'articles',
      id: article.id,
      data: { slug: 'acupuncture-renamed' },
      req,
    })
    expect(recorded(req)).toEqual([
      articleRevalidationTargets(['acupuncture-renamed', article.slug]),
    ])
  })

  it('leaves pages alone when a draft article is saved', async () => {
    const req = await request()
    await t.payload.create({
      collection: 'articles',
      data: { title: `Draft ${unique()}` },
      draft: true,
      req,
    })
    expect(recorded(req)).toEqual([])
  })

  it('refreshes the published articles that use an approved claim when the claim changes', async () => {
    const claim = await approvedClaim()
    const first = await publishedArticle(claim)
    const second = await publishedArticle(claim)
    const unrelated = await publishedArticle(await approvedClaim(60), 60)
    const req = await request()
    await t.payload.update({ collection: 'claims', id: claim, data: { topic: 'back pain' }, req })
    const targets = recorded(req)
    expect(targets).toHaveLength(1)
    expect(targets[0].paths.sort()).toEqual(
      ['/articles', `/articles/${first.slug}`, `/articles/${second.slug}`].sort(),
    )
    expect(targets[0].paths).not.toContain(`/articles/${unrelated.slug}`)
  })
})
