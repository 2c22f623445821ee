/**
 * Published snapshots: the page read of a published article, stored when content goes live and
 * served as stored — with a strong ETag and 304s — over REST and GraphQL. The random-sequence
 * property (snapshot equals a fresh anonymous read after every kind of change) is in
 * public-sets.property.test.ts.
 */
import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { ApiResponse } from '../helpers/api'

import { etagOf } from '../../src/content/snapshots'
import { reindexPublicSets } from '../../src/content/store'
import { publishedArticleRoute } from '../../src/http/published'
import { PUBLIC_CACHE_CONTROL } from '../../src/shared/cacheControl'
import { inTransaction } from '../../src/shared/transaction'
import { bootPayload, type TestContext } from '../helpers/payload'
import { approveClaim } from '../helpers/review'
import { approvedClaim as approved, publishArticle } from '../helpers/reviewWorkflow'
import { countStatements, recordStatements, sql } from '../helpers/sql'

let t: TestContext
let counter = 0
const unique = () => `${Date.now().toString(36)}${(counter += 1)}`

beforeAll(async () => {
  t = await bootPayload()
})

afterAll(async () => {
  await t?.payload.destroy()
})

/** An approved claim (through the review workflow) and a published article showing it as a callout. */
const approvedClaim = async (): Promise<number> => (await approved(t)).id

async function publishedArticle(claim: number): Promise<{ id: number; slug: string }> {
  const res = await publishArticle(t, [claim])
  if (res.status !== 201) {
    throw new Error(JSON.stringify(res.body))
  }
  return res.body.doc
}

/** A new approved version of `claim`: its 70 % now cites a new source (`title`). */
async function approveWithNewSource(claim: number, title: string): Promise<void> {
  const source = await t.payload.create({
    collection: 'sources',
    data: { type: 'journal-article', title, doi: `10.1000/s.${unique()}` },
  })
  await t.payload.update({
    collection: 'claims',
    id: claim,
    data: { statistics: [{ value: 70, unit: 'percent', sources: [source.id] }] },
    draft: true,
  })
  await approveClaim(t, claim)
}

/** The documented page read, anonymous: what the snapshot stands for. */
const pageRead = async (slug: string) =>
  (await t.api.get('/articles', { where: { slug: { equals: slug } }, depth: 2 })).body.docs[0]

describe('GET /api/articles/published/<slug>', () => {
  it('is the anonymous page read, from one indexed row, with a strong ETag and public caching', async () => {
    const article = await publishedArticle(await approvedClaim())
    let res: ApiResponse | undefined
    // The first read of these bytes: the row's ETag, then its document.
    const first = await recordStatements(async () => {
      res = await t.api.get(`/articles/published/${article.slug}`)
    })
    expect(first).toHaveLength(2)
    expect(first[1]).toMatch(/"doc"/)
    const firstBody = res!.body
    // Every later read: the row's ETag alone — the document does not cross the connection again.
    const statements = await recordStatements(async () => {
      res = await t.api.get(`/articles/published/${article.slug}`)
    })
    expect(res!.body).toEqual(firstBody)
    expect(statements[0]).not.toMatch(/"doc"/)
    expect(res!.status).toBe(200)
    expect(res!.body).toEqual(await pageRead(article.slug))
    expect(res!.body.references.length).toBeGreaterThan(0)
    expect(res!.headers.get('etag')).toMatch(/^"[\w-]{32}"$/)
    expect(res!.headers.get('cache-control')).toBe(PUBLIC_CACHE_CONTROL)
    expect(res!.headers.get('content-type')).toMatch(/application\/json/)
    // No population, no hooks: the snapshot row (an anonymous reader needs no user lookup).
    expect(statements).toHaveLength(1)
    // The same for a logged-in reader: it is the public version.
    expect(
      (await t.api.as(t.editor.token).get(`/articles/published/${article.slug}`)).body,
    ).toEqual(res!.body)
  })

  it('answers 304 to If-None-Match with its ETag, and 200 with a new ETag once a claim it cites has a new approved version', async () => {
    const claim = await approvedClaim()
    const article = await publishedArticle(claim)
    const first = await t.api.get(`/articles/published/${article.slug}`)
    const etag = first.headers.get('etag')!
    const again = await t.api
      .withHeaders({ 'If-None-Match': etag })
      .get(`/articles/published/${article.slug}`)
    expect(again.status).toBe(304)
    expect(again.body).toBeNull()
    expect(again.headers.get('etag')).toBe(etag)
    expect(
      (
        await t.api
          .withHeaders({ 'If-None-Match': `"other", W/${etag}` })
          .get(`/articles/published/${article.slug}`)
      ).status,
    ).toBe(304)

    // A pending draft of the claim changes nothing readers see…
    await t.payload.update({
      collection: 'claims',
      id: claim,
      data: {
        statement: '70 percent of patients felt better.',
        statistics: [{ value: 70, unit: 'percent' }],
      },
      draft: true,
    })
    const pending = await t.api
      .withHeaders({ 'If-None-Match': etag })
      .get(`/articles/published/${article.slug}`)
    expect(pending.status).toBe(304)
    // …its approval does.
    await approveWithNewSource(claim, 'A newer trial')
    const changed = await t.api
      .withHeaders({ 'If-None-Match': etag })
      .get(`/articles/published/${article.slug}`)
    expect(changed.status).toBe(200)
    expect(changed.headers.get('etag')).not.toBe(etag)
    expect(JSON.stringify(changed.body)).toContain('70 percent of patients felt better.')
    expect(
      changed.body.references.map((reference: { title: string }) => reference.title),
    ).toContain('A newer trial')
    expect(changed.body).toEqual(await pageRead(article.slug))
  })

  it('a draft save of a live article keeps its snapshot; unpublishing and deleting remove it (404)', async () => {
    const article = await publishedArticle(await approvedClaim())
    const before = await t.api.get(`/articles/published/${article.slug}`)
    const draft = await t.api
      .as(t.editor.token)
      .patch(
        `/articles/${article.id}`,
        { title: 'A draft title', _status: 'draft' },
        { draft: 'true' },
      )
    expect(draft.status).toBe(200)
    const during = await t.api.get(`/articles/published/${article.slug}`)
    expect(during.headers.get('etag')).toBe(before.headers.get('etag'))
    expect(JSON.stringify(during.body)).not.toContain('A draft title')

    expect(
      (await t.api.as(t.editor.token).patch(`/articles/${article.id}`, { _status: 'draft' }))
        .status,
    ).toBe(200)
    const gone = await t.api.get(`/articles/published/${article.slug}`)
    expect(gone.status).toBe(404)
    expect(gone.body.errors[0].message).toMatch(/No published article/)

    const other = await publishedArticle(await approvedClaim())
    expect((await t.api.as(t.editor.token).delete(`/articles/${other.id}`)).status).toBe(200)
    expect((await t.api.get(`/articles/published/${other.slug}`)).status).toBe(404)
    expect(
      await sql('select 1 from cited_snapshots where article_id = any($1)', [
        [article.id, other.id],
      ]),
    ).toEqual([])
  })

  it('GraphQL PublishedArticle(slug:) answers the same document, and null for an unknown slug', async () => {
    const article = await publishedArticle(await approvedClaim())
    const res = await t.api.gql<{ PublishedArticle: unknown; missing: unknown }>(
      `query ($slug: String!) { PublishedArticle(slug: $slug) missing: PublishedArticle(slug: "no-such-article") }`,
      { slug: article.slug },
    )
    expect(res.body.errors).toBeUndefined()
    expect(res.body.data?.PublishedArticle).toEqual(
      (await t.api.get(`/articles/published/${article.slug}`)).body,
    )
    expect(res.body.data?.missing).toBeNull()
  })

  it('a query of PublishedArticle alone is answered from the snapshot row without running GraphQL: the same answer, one statement', async () => {
    const article = await publishedArticle(await approvedClaim())
    const viaResolver = await t.api.gql(`{ PublishedArticle(slug: "${article.slug}") __typename }`)
    expect(viaResolver.body.errors).toBeUndefined()
    let fast: ApiResponse | undefined
    const statements = await countStatements(async () => {
      fast = await t.api.gql('query ($slug: String!) { PublishedArticle(slug: $slug) }', {
        slug: article.slug,
      })
    })
    expect(statements).toBe(1)
    expect(fast!.body).toEqual({
      data: { PublishedArticle: viaResolver.body.data.PublishedArticle },
    })
    expect(
      (await t.api.gql(`{ page: PublishedArticle(slug: "${article.slug}") }`)).body.data.page,
    ).toEqual(viaResolver.body.data.PublishedArticle)
    expect((await t.api.gql('{ PublishedArticle(slug: "no-such-article") }')).body).toEqual({
      data: { PublishedArticle: null },
    })
  })

  it('a read follows its row at once: the bytes kept in memory are those of the ETag the row has now', async () => {
    const article = await publishedArticle(await approvedClaim())
    const before = await t.api.get(`/articles/published/${article.slug}`)
    expect(before.status).toBe(200)
    // The row changes behind this process's back (another server wrote it): the next read has it.
    const changed = '{"title":"Written by another process"}'
    await sql('update cited_snapshots set doc = $1, etag = $2 where article_id = $3', [
      changed,
      etagOf(changed),
      article.id,
    ])
    const after = await t.api.get(`/articles/published/${article.slug}`)
    expect(after.body).toEqual({ title: 'Written by another process' })
    expect(after.headers.get('etag')).toBe(etagOf(changed))
    expect(
      (
        await t.api.gql('query ($slug: String!) { PublishedArticle(slug: $slug) }', {
          slug: article.slug,
        })
      ).body.data.PublishedArticle,
    ).toEqual({ title: 'Written by another process' })
    // Back to the document it had: the bytes are known again under their ETag.
    const req = await createLocalReq({}, t.payload)
    await inTransaction(req, () => reindexPublicSets(req))
    const repaired = await t.api.get(`/articles/published/${article.slug}`)
    expect(repaired.body).toEqual(before.body)
    expect(repaired.headers.get('etag')).toBe(before.headers.get('etag'))
  })

  it('reindex repairs a corrupted or missing snapshot', async () => {
    const article = await publishedArticle(await approvedClaim())
    await sql(`update cited_snapshots set doc = '{"title":"tampered"}' where article_id = $1`, [
      article.id,
    ])
    const other = await publishedArticle(await approvedClaim())
    await sql('delete from cited_snapshots where article_id = $1', [other.id])
    const req = await createLocalReq({}, t.payload)
    const report = await inTransaction(req, () => reindexPublicSets(req))
    expect(report.snapshots.written).toBeGreaterThanOrEqual(2)
    for (const slug of [article.slug, other.slug]) {
      expect((await t.api.get(`/articles/published/${slug}`)).body).toEqual(await pageRead(slug))
    }
  })
})

describe("the app's own route for the published read", () => {
  it('answers what the Payload endpoint answers — body, ETag, 304, 404 — in one SQL statement', async () => {
    const article = await publishedArticle(await approvedClaim())
    const route = publishedArticleRoute(t.config)
    const get = (slug: string, headers: Record<string, string> = {}) =>
      route(new Request(`http://localhost:3000/api/articles/published/${slug}`, { headers }), {
        params: Promise.resolve({ slug }),
      })
    const viaPayload = await t.api.get(`/articles/published/${article.slug}`)
    let response: Response | undefined
    const statements = await countStatements(async () => {
      response = await get(article.slug)
    })
    expect(statements).toBe(1)
    expect(response!.status).toBe(200)
    expect(response!.headers.get('etag')).toBe(viaPayload.headers.get('etag'))
    expect(response!.headers.get('cache-control')).toBe(PUBLIC_CACHE_CONTROL)
    expect(await response!.json()).toEqual(viaPayload.body)
    const again = await get(article.slug, { 'If-None-Match': viaPayload.headers.get('etag')! })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
    const missing = await get('no-such-article')
    expect(missing.status).toBe(404)
    expect((await missing.json()).errors[0].message).toMatch(/No published article/)
  })
})

describe('ETags on the standard anonymous reads', () => {
  it('an anonymous article or claim read carries a strong ETag and answers 304 to it; a logged-in read carries none', async () => {
    const claim = await approvedClaim()
    const article = await publishedArticle(claim)
    for (const path of ['/articles', `/claims/${claim}`]) {
      const query =
        path === '/articles' ? { where: { slug: { equals: article.slug } }, depth: 2 } : undefined
      const first = await t.api.get(path, query)
      const etag = first.headers.get('etag')
      expect(etag, path).toMatch(/^"[\w-]{32}"$/)
      const again = await t.api.withHeaders({ 'If-None-Match': etag! }).get(path, query)
      expect(again.status, path).toBe(304)
      expect(again.body).toBeNull()
      const mine = await t.api.as(t.editor.token).get(path, query)
      expect(mine.status).toBe(200)
      expect(mine.headers.get('etag')).toBeNull()
    }
    // A change gives a new ETag: the old one gets the new body.
    const before = (await t.api.get(`/claims/${claim}`)).headers.get('etag')!
    await t.payload.update({
      collection: 'claims',
      id: claim,
      data: {
        statement: '70 percent of patients slept better.',
        statistics: [{ value: 70, unit: 'percent' }],
      },
      draft: true,
    })
    await approveWithNewSource(claim, 'Sleep trial')
    const after = await t.api.withHeaders({ 'If-None-Match': before }).get(`/claims/${claim}`)
    expect(after.status).toBe(200)
    expect(after.headers.get('etag')).not.toBe(before)
  })
})
