/**
 * The classes of slow reads `scripts/bench/queries.ts` found ("245 where/sort queries took longer
 * than 2.5 s"), through Payload's real REST (and GraphQL) handlers: a `sort` through an array,
 * blocks or a relationship, and an unbounded or oversized page, are a 400 naming the path before
 * any SQL runs; what the frontend and the admin send still answers 200. Costs are asserted as SQL
 * statements and result sizes, never as timings.
 */
import type { PayloadRequest } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { seedCopies } from '../../scripts/bench/queries-seed'
import {
  MAX_ANONYMOUS_LIMIT,
  MAX_LIMIT,
  MAX_POPULATED_LIMIT,
  MAX_WHERE_LIST,
  validateWhere,
} from '../../src/hooks/input/validateWhere'
import { bootPayload, type TestContext } from '../helpers/payload'
import { countStatements } from '../helpers/sql'

let t: TestContext
let articleId: number | string

beforeAll(async () => {
  t = await bootPayload()
  await seedCopies(t.payload, 2)
  const { docs } = await t.payload.find({ collection: 'articles', limit: 1, depth: 0 })
  articleId = docs[0].id
})

afterAll(async () => {
  await t?.payload.destroy()
})

const roles = () => ({ anonymous: undefined, editor: t.editor.token })

/** The paths a 400's ValidationError names, with its messages. */
const refusal = (
  body: { errors?: { data?: { errors?: { path: string; message: string }[] } }[] } | null,
): { paths: string[]; messages: string } => {
  const errors = body?.errors?.[0]?.data?.errors ?? []
  return {
    paths: errors.map((error) => error.path),
    messages: errors.map((error) => error.message).join(' '),
  }
}

describe('a sort that goes through many rows is a 400 naming the path', () => {
  // collection, sort, the path named, what the message says
  const cases: [string, string, string, RegExp][] = [
    ['claims', 'statistics.value', 'statistics.value', /through the array “statistics”/],
    [
      'claims',
      '-statistics.sources.title',
      'statistics.sources.title',
      /through the array “statistics”/,
    ],
    ['articles', 'layout.benefit', 'layout.benefit', /through the blocks “layout”/],
    ['articles', '-layout.rows.aspect', 'layout.rows.aspect', /through the blocks “layout”/],
    [
      'articles',
      'heroImage.filename',
      'heroImage.filename',
      /through the relationship “heroImage”/,
    ],
    ['comparison-rows', 'cells.benefit.title', 'cells.benefit.title', /through the array “cells”/],
    ['claims', 'benefits', 'benefits', /holds several documents/],
    ['sources', 'authors.family', 'authors.family', /through the array “authors”/],
    ['articles', 'intro', 'intro', /a richText field has no order/],
    ['articles', 'references', 'references', /computed when a document is read/],
    ['claims', 'review', 'review', /it is a group/],
    ['articles', 'title,-layout.benefit', 'layout.benefit', /through the blocks “layout”/],
  ]

  it.each(cases)('%s sort=%s → 400 at %s', async (collection, sort, path, message) => {
    for (const [role, token] of Object.entries(roles())) {
      const res = await t.api.as(token).get(`/${collection}`, { sort, depth: 0 })
      expect(res.status, `${role}: ${JSON.stringify(res.body).slice(0, 300)}`).toBe(400)
      const { paths, messages } = refusal(res.body)
      expect(paths).toContain(path)
      expect(messages).toMatch(message)
    }
  })

  it('refused before any SQL runs', async () => {
    const statements = await countStatements(() =>
      t.api.get('/articles', { sort: 'layout.benefit.title' }),
    )
    expect(statements).toBe(0)
  })

  it('over GraphQL too', async () => {
    const res = await t.api.gql(`{ Claims(sort: "statistics.value") { docs { id } } }`)
    expect(res.body.data?.Claims ?? null).toBeNull()
    expect(JSON.stringify(res.body.errors)).toMatch(/through the array “statistics”/)
  })

  it('versions are sorted on `version.…` columns the same way', async () => {
    const api = t.api.as(t.editor.token)
    const refused = await api.get('/articles/versions', { sort: 'version.layout.benefit' })
    expect(refused.status).toBe(400)
    expect(refusal(refused.body).paths).toContain('version.layout.benefit')
    const res = await api.get('/articles/versions', {
      where: { parent: { equals: articleId } },
      sort: '-updatedAt',
      depth: 0,
    })
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200)
    expect(res.body.docs.length).toBeGreaterThan(0)
    expect((await api.get('/articles/versions', { sort: '-version.title', depth: 0 })).status).toBe(
      200,
    )
  })
})

describe('an unbounded or oversized page is a 400 naming `limit` or `pagination`', () => {
  it('for a reader who is not logged in: at most MAX_ANONYMOUS_LIMIT, never every document', async () => {
    for (const collection of [
      'articles',
      'claims',
      'sources',
      'benefits',
      'aftercare-tips',
      'comparison-rows',
    ]) {
      for (const [query, path] of [
        [{ limit: 0 }, 'limit'],
        [{ pagination: 'false' }, 'pagination'],
        [{ limit: MAX_ANONYMOUS_LIMIT + 1 }, 'limit'],
        [{ limit: 100000, depth: 2 }, 'limit'],
      ] as const) {
        const res = await t.api.get(`/${collection}`, query)
        expect(
          res.status,
          `${collection} ${JSON.stringify(query)}: ${JSON.stringify(res.body).slice(0, 300)}`,
        ).toBe(400)
        expect(refusal(res.body).paths).toEqual([path])
        expect(refusal(res.body).messages).toMatch(/at most 100/)
      }
    }
  })

  it('for a logged-in caller: at most MAX_LIMIT a page, and no unbounded page from the query string', async () => {
    const api = t.api.as(t.editor.token)
    for (const [query, path] of [
      [{ limit: 0 }, 'limit'],
      [{ pagination: 'false' }, 'pagination'],
      [{ limit: MAX_LIMIT + 1 }, 'limit'],
    ] as const) {
      const res = await api.get('/articles', query)
      expect(
        res.status,
        `${JSON.stringify(query)}: ${JSON.stringify(res.body).slice(0, 300)}`,
      ).toBe(400)
      expect(refusal(res.body).paths).toEqual([path])
    }
    const res = await api.get('/aftercare-tips', { limit: MAX_LIMIT, depth: 0 })
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200)
    expect(res.body.docs.length).toBeLessThanOrEqual(MAX_LIMIT)
  })

  it('over GraphQL too', async () => {
    const res = await t.api.gql(`{ Articles(limit: 0) { docs { id } } }`)
    expect(res.body.data?.Articles ?? null).toBeNull()
    expect(JSON.stringify(res.body.errors)).toMatch(/at most 100/)
  })

  it('a populated page (depth ≥ 1, and Payload’s default depth 2) holds at most MAX_POPULATED_LIMIT documents', async () => {
    // 64 tips (two articles of 32): a page of more than 25 of them, populated, is refused.
    for (const [token, query] of [
      [undefined, { limit: MAX_POPULATED_LIMIT + 1 }],
      [undefined, { limit: MAX_ANONYMOUS_LIMIT, depth: 2 }],
      [t.editor.token, { limit: MAX_LIMIT, depth: 1 }],
    ] as const) {
      const res = await t.api.as(token).get('/aftercare-tips', query)
      expect(
        res.status,
        `${JSON.stringify(query)}: ${JSON.stringify(res.body).slice(0, 300)}`,
      ).toBe(400)
      expect(refusal(res.body).paths).toEqual(['limit'])
      expect(refusal(res.body).messages).toMatch(
        new RegExp(`populated to depth 1 or more holds at most ${MAX_POPULATED_LIMIT}`),
      )
    }
    // Counted first: a populated page that would hold few documents answers (two articles here),
    // as does the same page unpopulated and a populated page of the bound.
    for (const [collection, query] of [
      ['articles', { limit: MAX_ANONYMOUS_LIMIT }],
      [
        'aftercare-tips',
        { limit: MAX_ANONYMOUS_LIMIT, depth: 1, where: { id: { less_than: 10 } } },
      ],
      ['aftercare-tips', { limit: 40, depth: 1, page: 2 }],
    ] as const) {
      const res = await t.api.get(`/${collection}`, query)
      expect(
        res.status,
        `${collection} ${JSON.stringify(query)}: ${JSON.stringify(res.body).slice(0, 300)}`,
      ).toBe(200)
      expect(res.body.docs.length).toBeLessThanOrEqual(MAX_POPULATED_LIMIT)
    }
    const flat = await t.api.get('/aftercare-tips', { limit: MAX_ANONYMOUS_LIMIT, depth: 0 })
    expect(flat.status, JSON.stringify(flat.body).slice(0, 300)).toBe(200)
    expect(flat.body.docs.length).toBeLessThanOrEqual(MAX_ANONYMOUS_LIMIT)
    const populated = await t.api
      .as(t.editor.token)
      .get('/comparison-rows', { limit: MAX_POPULATED_LIMIT, depth: 2 })
    expect(populated.status, JSON.stringify(populated.body).slice(0, 300)).toBe(200)
    expect(populated.body.docs.length).toBeLessThanOrEqual(MAX_POPULATED_LIMIT)
  })

  it('a populated page answers (Payload populating a page may ask for more than MAX_WHERE_LIST ids at once)', async () => {
    const res = await t.api.get('/articles', { limit: MAX_POPULATED_LIMIT, depth: 2 })
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200)
    expect(res.body.docs.length).toBe(2)
    // Population is Payload's own read by stored ids: not bounded like a caller's `where`.
    const fields = t.payload.collections['aftercare-tips'].config.flattenedFields
    const ids = Array.from({ length: MAX_WHERE_LIST + 500 }, (_, i) => i + 1)
    const hook = (args: Record<string, unknown>) =>
      validateWhere({
        args: { where: { id: { in: ids } }, ...args },
        collection: { flattenedFields: fields, slug: 'aftercare-tips' } as never,
        context: {},
        operation: 'read',
        req: {
          payload: t.payload,
          t: ((key: string) => key) as never,
          user: null,
        } as unknown as PayloadRequest,
      } as never)
    await expect(
      hook({ currentDepth: 1, disableErrors: true, pagination: false, overrideAccess: false }),
    ).resolves.toBeDefined()
    await expect(hook({})).rejects.toMatchObject({
      data: {
        errors: [{ path: 'id', message: expect.stringMatching(/at most 1000 are allowed/) }],
      },
    })
  })
})

describe('what the frontend and the admin send still answers 200', () => {
  it('list views sorted by top-level and group columns, both ways, as each role', async () => {
    const sorts: Record<string, string[]> = {
      articles: [
        'title',
        '-updatedAt',
        'slug',
        '_status',
        'createdAt',
        'author',
        'seo.metaTitle',
        'heroImage',
        'id',
      ],
      claims: ['statement', 'review.status', '-review.reviewBy', 'topic', '-updatedAt'],
      sources: ['title', 'type', '-year', 'doi', 'evidenceLevel'],
      benefits: ['-updatedAt'],
      'aftercare-tips': ['-createdAt'],
      'comparison-rows': ['-updatedAt'],
    }
    for (const [role, token] of Object.entries(roles())) {
      for (const [collection, list] of Object.entries(sorts)) {
        for (const sort of list.flatMap((item) => [
          item,
          item.startsWith('-') ? item.slice(1) : `-${item}`,
        ])) {
          const res = await t.api.as(token).get(`/${collection}`, { sort, limit: 10, depth: 0 })
          expect(
            res.status,
            `${role} ${collection} sort=${sort}: ${JSON.stringify(res.body).slice(0, 300)}`,
          ).toBe(200)
        }
      }
    }
  })

  it('the admin search (useAsTitle like), a relationship filter, and the frontend article and list reads', async () => {
    const editor = t.api.as(t.editor.token)
    for (const [collection, where] of [
      ['articles', { title: { like: 'acupuncture' } }],
      ['claims', { statement: { like: 'pain' } }],
      ['sources', { title: { like: 'meta-analysis' } }],
    ] as const) {
      const res = await editor.get(`/${collection}`, {
        where,
        limit: 10,
        page: 1,
        sort: '-updatedAt',
        depth: 0,
      })
      expect(res.status, `${collection}: ${JSON.stringify(res.body).slice(0, 300)}`).toBe(200)
      expect(res.body.docs.length).toBeGreaterThan(0)
    }
    const article = await t.api.get('/articles', { depth: 0, limit: 1 })
    const slug = article.body.docs[0].slug
    const read = await t.api.get('/articles', { where: { slug: { equals: slug } }, depth: 2 })
    expect(read.status).toBe(200)
    expect(read.body.docs).toHaveLength(1)
    const list = await t.api.get('/articles', {
      depth: 0,
      limit: 100,
      sort: '-updatedAt',
      select: { title: true, slug: true },
    })
    expect(list.status).toBe(200)
    expect(list.body.docs).toHaveLength(2)
    const benefit = (await editor.get('/benefits', { limit: 1, depth: 0 })).body.docs[0].id
    const claims = await editor.get('/claims', {
      where: { benefits: { in: [benefit] } },
      sort: 'statement',
      depth: 0,
    })
    expect(claims.status).toBe(200)
  })

  it('Local API code reads every row and sorts as it needs (trusted, not bounded)', async () => {
    const { docs } = await t.payload.find({
      collection: 'aftercare-tips',
      pagination: false,
      depth: 0,
    })
    expect(docs.length).toBeGreaterThan(MAX_ANONYMOUS_LIMIT / 2)
    // As the snapshots read articles: anonymous, with access, every row.
    const anonymous = await t.payload.find({
      collection: 'articles',
      pagination: false,
      depth: 0,
      overrideAccess: false,
    })
    expect(anonymous.docs).toHaveLength(2)
    const sorted = await t.payload.find({
      collection: 'claims',
      sort: 'statistics.value',
      limit: 1,
      depth: 0,
    })
    expect(sorted.docs).toHaveLength(1)
  })
})
