import { REST_POST } from '@payloadcms/next/routes'
import { parse } from 'graphql'
/**
 * Bad input gets a clear 4xx and writes nothing. Table-driven: each class of bad input, over
 * REST, as each role, with the number of documents and versions before and after.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { ApiResponse } from '../helpers/api'

import { expandedFieldCount, guardRest, MAX_JSON_BODY_BYTES } from '../../src/http/routes'
import { RawJson } from '../helpers/api'
import { bootPayload, type TestContext } from '../helpers/payload'
import { sql } from '../helpers/sql'

let t: TestContext

beforeAll(async () => {
  t = await bootPayload()
})

afterAll(async () => {
  await t?.payload.destroy()
})

const COLLECTIONS = [
  'sources',
  'claims',
  'benefits',
  'aftercare-tips',
  'comparison-rows',
  'articles',
  'media',
  'users',
  'review-events',
] as const

/** Rows in every table of the schema: documents, versions, arrays, relationships. */
async function snapshot(): Promise<Record<string, number>> {
  const tables = await sql<{ table_name: string }>(
    `select table_name from information_schema.tables where table_schema = 'public' and table_name not like 'payload_%'`,
  )
  const counts: Record<string, number> = {}
  for (const { table_name } of tables) {
    const [row] = await sql<{ n: string }>(`select count(*) as n from "${table_name}"`)
    counts[table_name] = Number(row.n)
  }
  return counts
}

const roles = () => ({
  anonymous: undefined,
  editor: t.editor.token,
  reviewer: t.reviewer.token,
  admin: t.admin.token,
})

describe('ids that are not exactly an id', () => {
  // `42 OR 1=1` was read as 42 (parseFloat) and deleted document 42; `abc` reached the database as NaN.
  const BAD_IDS = [
    '42 OR 1=1',
    'abc',
    '4.2',
    '-1',
    '0x2a',
    '1e3',
    ' 1',
    '1 ',
    '00',
    '9999999999999999999999',
  ]

  it.each(COLLECTIONS)(
    '%s: GET, PATCH and DELETE answer 404 for each, as every role, and nothing changes',
    async (slug) => {
      // Ids 1…n exist in every collection: the users and the documents made below.
      const source = await t.payload.create({
        collection: 'sources',
        data: { type: 'journal-article', title: 'Kept', doi: `10.1000/kept.${slug}` },
      })
      expect(source.id).toBeGreaterThan(0)
      const before = await snapshot()
      for (const [role, token] of Object.entries(roles())) {
        const api = t.api.as(token)
        for (const id of BAD_IDS) {
          const path = `/${slug}/${encodeURIComponent(id)}`
          for (const res of [
            await api.get(path),
            await api.patch(path, { title: 'Changed' }),
            await api.delete(path),
          ] as ApiResponse[]) {
            expect(res.status, `${role} ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(500)
            expect([401, 403, 404], `${role} ${path}`).toContain(res.status)
          }
        }
      }
      expect(await snapshot()).toEqual(before)
    },
  )

  it('the review workflow refuses a claim id that is not exactly an id (400), without touching claim 1', async () => {
    for (const id of ['1 OR 1=1', 'abc', '1.0']) {
      const res = await t.api
        .as(t.editor.token)
        .post(`/claims/${encodeURIComponent(id)}/submit`, {})
      expect([400, 404]).toContain(res.status)
    }
  })
})

const richText = (children: unknown[]) => ({ root: { type: 'root', version: 1, children } })

/** An article whose intro nests quotes `depth` levels deep, as raw JSON (too deep to stringify). */
function nested(depth: number): RawJson {
  const open = '{"type":"quote","version":1,"children":['.repeat(depth)
  const close = ']}'.repeat(depth)
  return new RawJson(
    `{"title":"Deep","intro":{"root":{"type":"root","version":1,"children":[${open}{"type":"text","text":"Deep.","version":1}${close}]}}}`,
  )
}

describe('data of the wrong shape is a 400 with the field path, and nothing is written', () => {
  // `afterAccess`: found by Payload's own validation, which runs after access (others get 403).
  const cases: {
    name: string
    path: string
    collection: string
    data: () => RawJson | Record<string, unknown>
    field: string
    afterAccess?: boolean
  }[] = [
    {
      name: 'a boolean as a year',
      path: 'sources',
      collection: 'sources',
      data: () => ({ title: 'T', doi: '10.1000/w1', year: true }),
      field: 'year',
    },
    {
      name: 'a boolean as a DOI',
      path: 'sources',
      collection: 'sources',
      data: () => ({ title: 'T', doi: true }),
      field: 'doi',
    },
    {
      name: 'an object as a type',
      path: 'sources',
      collection: 'sources',
      data: () => ({ title: 'T', doi: '10.1000/w2', type: { x: 1 } }),
      field: 'type',
    },
    {
      name: 'a list as an accessed date',
      path: 'sources',
      collection: 'sources',
      data: () => ({ title: 'T', doi: '10.1000/w3', accessed: [2020] }),
      field: 'accessed',
    },
    {
      name: 'an option outside the list',
      path: 'sources',
      collection: 'sources',
      data: () => ({ title: 'T', doi: '10.1000/w4', type: 'blog' }),
      field: 'type',
    },
    {
      name: 'an object as an article title',
      path: 'articles',
      collection: 'articles',
      data: () => ({ title: { a: 1 } }),
      field: 'title',
    },
    {
      name: 'a 2 MB title',
      path: 'articles',
      collection: 'articles',
      data: () => ({ title: 'x'.repeat(2_000_000) }),
      field: 'title',
    },
    {
      name: 'a NUL byte in a title',
      path: 'articles',
      collection: 'articles',
      data: () => ({ title: 'Back\u0000pain' }),
      field: 'title',
    },
    {
      name: 'a lone surrogate in a title',
      path: 'articles',
      collection: 'articles',
      data: () => ({ title: 'Back \ud800 pain' }),
      field: 'title',
    },
    {
      name: 'rich text without a root',
      path: 'articles',
      collection: 'articles',
      data: () => ({ title: 'T', intro: { children: [] } }),
      field: 'intro',
    },
    {
      name: 'rich text nested 5,000 deep',
      path: 'articles',
      collection: 'articles',
      data: () => nested(5000),
      field: 'intro',
    },
    {
      name: 'an unknown block type',
      path: 'articles',
      collection: 'articles',
      data: () => ({ title: 'T', layout: [{ blockType: 'carousel' }] }),
      field: 'layout.0.blockType',
    },
    {
      name: 'a word as a relationship',
      path: 'benefits',
      collection: 'benefits',
      data: () => ({ title: 'T', claims: ['abc'] }),
      field: 'claims',
    },
    {
      name: 'a string as a list of rows',
      path: 'comparison-rows',
      collection: 'comparison-rows',
      data: () => ({ aspect: 'A', cells: 'none' }),
      field: 'cells',
    },
    {
      name: 'a rich text element of unknown type',
      path: 'articles',
      collection: 'articles',
      data: () => ({
        title: 'T',
        intro: richText([
          {
            type: 'paragraph',
            version: 1,
            children: [{ type: 'marquee', version: 1, children: [] }],
          },
        ]),
      }),
      field: 'intro',
    },
    {
      name: 'a rich text element without a type',
      path: 'articles',
      collection: 'articles',
      data: () => ({ title: 'T', conclusion: richText([{ version: 1, children: [] }]) }),
      field: 'conclusion',
    },
    {
      name: 'a claim reference to a claim that does not exist',
      path: 'articles',
      collection: 'articles',
      data: () => ({
        title: 'T',
        intro: richText([
          {
            type: 'paragraph',
            version: 1,
            children: [
              {
                type: 'inlineBlock',
                version: 1,
                fields: { blockType: 'claimRef', claim: 987654, id: 'r1' },
              },
            ],
          },
        ]),
      }),
      field: 'intro.claim',
      afterAccess: true,
    },
  ]

  it.each(cases)(
    '$name → 400 at $field, as every role',
    async ({ path, data, field, afterAccess }) => {
      const before = await snapshot()
      // Checked before access: whoever sends it is told what is wrong with it, and nothing is written.
      for (const [role, token] of Object.entries(roles())) {
        const res = await t.api.as(token).post(`/${path}`, data())
        if (afterAccess && (role === 'anonymous' || role === 'reviewer')) {
          expect(res.status).toBe(403)
          continue
        }
        expect(res.status, JSON.stringify(res.body).slice(0, 400)).toBe(400)
        expect(
          res.body.errors[0].data.errors.map((error: { path: string }) => error.path),
        ).toContain(field)
        expect(res.body.errors[0].data.errors[0].message).toMatch(/\w/)
      }
      expect(await snapshot()).toEqual(before)
    },
  )

  it('what the admin sends for a list without rows (its row count, 0) is accepted, as Payload reads it', async () => {
    const res = await t.api.as(t.editor.token).post('/articles', {
      title: `Admin form ${Date.now()}`,
      layout: 0,
      references: 0,
      claimReferences: 0,
    })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    expect(res.body.doc.layout).toEqual([])
  })

  it('the same over GraphQL', async () => {
    const before = await snapshot()
    const res = await t.api
      .as(t.editor.token)
      .gql(`mutation { createArticle(data: { title: "Back\\u0000pain" }) { id } }`)
    expect(res.status).toBeLessThan(500)
    expect(JSON.stringify(res.body.errors)).toContain('NUL character')
    expect(await snapshot()).toEqual(before)
  })

  it('__proto__, constructor and prototype keys are dropped from stored rich text', async () => {
    const intro = JSON.parse(
      '{"root":{"type":"root","version":1,"children":[{"type":"paragraph","version":1,"children":[{"type":"text","text":"Hello.","version":1}],"__proto__":{"polluted":true},"constructor":{"x":1}}]}}',
    )
    const res = await t.api
      .as(t.editor.token)
      .post('/articles', { title: `Proto ${Date.now()}`, intro })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    const stored = await sql<{ intro: unknown }>('select intro from articles where id = $1', [
      res.body.doc.id,
    ])
    expect(JSON.stringify(stored[0].intro)).not.toMatch(/__proto__|constructor|polluted/)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

describe('bodies over the limit are a 413, malformed JSON a 400, and nothing is written', () => {
  const big = () => ({ title: 'x'.repeat(MAX_JSON_BODY_BYTES) })

  it.each(['anonymous', 'editor', 'admin'] as const)('REST and GraphQL, as %s', async (role) => {
    const api = t.api.as(roles()[role])
    const before = await snapshot()
    const answers: [string, ApiResponse, number, RegExp][] = [
      ['POST a 2 MB+ body', await api.post('/articles', big()), 413, /too large.*2 MB/],
      ['PATCH a 2 MB+ body', await api.patch('/articles/1', big()), 413, /too large/],
      ['POST to a Cited endpoint', await api.post('/claims/1/submit', big()), 413, /too large/],
      [
        'GraphQL a 2 MB+ body',
        await api.gqlBody({ query: '{ Articles { docs { id } } }', variables: big() }),
        413,
        /too large/,
      ],
      [
        'GraphQL a 200 kB query',
        await api.gql(`{ Articles { docs { id } } } # ${'x'.repeat(200_000)}`),
        413,
        /too long/,
      ],
      ['REST malformed JSON', await api.post('/articles', new RawJson('{"title": ')), 400, /JSON/],
      [
        'Cited endpoint malformed JSON',
        await api.post('/claims/1/review', new RawJson('{"decision"')),
        400,
        /JSON/,
      ],
      [
        'GraphQL malformed JSON',
        await api.gqlBody(new RawJson('{"query": ')),
        400,
        /not valid JSON/,
      ],
      [
        'GraphQL a list as the body',
        await api.gqlBody([{ query: '{ Articles { docs { id } } }' }]),
        400,
        /JSON object/,
      ],
    ]
    for (const [what, res, status, message] of answers) {
      expect(res.status, `${what}: ${JSON.stringify(res.body).slice(0, 300)}`).toBe(status)
      expect(res.body.errors[0].message, what).toMatch(message)
    }
    expect(await snapshot()).toEqual(before)
  })

  it('a body streamed without a declared length is cut off at the limit', async () => {
    const chunk = new TextEncoder().encode(`{"title":"${'x'.repeat(64 * 1024)}`)
    let sent = 0
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > 4 * MAX_JSON_BODY_BYTES) {
          controller.close()
        } else {
          sent += chunk.byteLength
          controller.enqueue(chunk)
        }
      },
    })
    const request = new Request('http://localhost:3000/api/articles', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `JWT ${t.editor.token}` },
      body,
      duplex: 'half',
    } as RequestInit)
    const res = await guardRest(REST_POST(t.config))(request, {
      params: Promise.resolve({ slug: ['articles'] }),
    })
    expect(res.status).toBe(413)
    // Reading stopped at the limit: not the whole stream was pulled.
    expect(sent).toBeLessThan(MAX_JSON_BODY_BYTES + 2 * chunk.byteLength)
  })
})

describe('a where Payload cannot run is a 400 saying which, never a 500', () => {
  // Each: collection, where, the path named, what the message says.
  const cases: [string, Record<string, unknown>, string, RegExp][] = [
    ['claims', { 'review.status': { equals: 'nope' } }, 'review.status', /no option "nope".*draft/],
    ['claims', { 'review.status': { in: 'approved,nope' } }, 'review.status', /no option "nope"/],
    ['articles', { _status: { not_equals: 'live' } }, '_status', /no option "live"/],
    ...(['all', 'near', 'within', 'intersects', 'contains', 'like'] as const).map(
      (operator): [string, Record<string, unknown>, string, RegExp] => [
        'sources',
        { year: { [operator]: '2020' } },
        'year',
        new RegExp(`cannot be filtered with “${operator}”: a number field`),
      ],
    ),
    ...(['all', 'near', 'within', 'intersects', 'greater_than'] as const).map(
      (operator): [string, Record<string, unknown>, string, RegExp] => [
        'sources',
        { title: { [operator]: 'x' } },
        'title',
        new RegExp(`cannot be filtered with “${operator}”: a text field`),
      ],
    ),
    ['sources', { year: { equals: 'twenty' } }, 'year', /not a number/],
    ['sources', { createdAt: { greater_than: 'yesterday' } }, 'createdAt', /not a date/],
    ['sources', { id: { in: ['1', 'abc'] } }, 'id', /"abc" is not one/],
    ['sources', { title: { exists: 'maybe' } }, 'title', /true or false/],
    [
      'claims',
      { 'statistics.sources.year': { contains: '20' } },
      'statistics.sources.year',
      /number field/,
    ],
    [
      'claims',
      { or: [{ statement: { like: 'pain' } }, { 'review.status': { equals: 'sure' } }] },
      'review.status',
      /no option "sure"/,
    ],
    ['articles', { heroImage: { equals: 'cover.jpg' } }, 'heroImage', /document id/],
    ...(['like', 'contains', 'equals', 'in'] as const).map(
      (operator): [string, Record<string, unknown>, string, RegExp] => [
        'benefits',
        { howItWorks: { [operator]: 'needle' } },
        'howItWorks',
        new RegExp(`cannot be filtered with “${operator}”: a richText field supports exists`),
      ],
    ),
    [
      'sources',
      { or: Array.from({ length: 101 }, (_, i) => ({ title: { equals: `t${i}` } })) },
      'where',
      /at most 100/,
    ],
  ]

  it.each(cases)('%s where %j → 400 at %s', async (collection, where, path, message) => {
    for (const token of Object.values(roles())) {
      const res = await t.api.as(token).get(`/${collection}`, { where })
      expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(400)
      const errors = res.body.errors[0].data.errors as { path: string; message: string }[]
      expect(errors.map((error) => error.path)).toContain(path)
      expect(errors.map((error) => error.message).join(' ')).toMatch(message)
    }
  })

  it('version queries, counts and bulk writes are checked the same way, and a bulk write changes nothing', async () => {
    const before = await snapshot()
    const api = t.api.as(t.admin.token)
    for (const res of [
      await api.get('/articles/versions', { where: { 'version._status': { equals: 'nope' } } }),
      await api.get('/claims/count', { where: { 'review.status': { equals: 'nope' } } }),
      await api.patch('/sources', { title: 'Changed' }, { where: { year: { like: '20' } } }),
      await api.delete('/sources', { where: { year: { like: '20' } } }),
    ]) {
      expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(400)
    }
    expect(await snapshot()).toEqual(before)
  })

  it('a list longer than the bound is refused (over GraphQL: REST query strings stop at 1,000 parameters)', async () => {
    const titles = Array.from({ length: 1001 }, (_, i) => `"t${i}"`).join(', ')
    const res = await t.api
      .as(t.editor.token)
      .gql(`{ Sources(where: { title: { in: [${titles}] } }) { docs { id } } }`)
    expect(res.body.data?.Sources ?? null).toBeNull()
    expect(res.body.errors?.[0]?.message).toBe('The following field is invalid: title')
    expect(JSON.stringify(res.body.errors?.[0]?.extensions)).toMatch(
      /lists 1001 values; at most 1000/,
    )
  })

  it('what the database still refuses is a 400 from the one error mapper, over REST and GraphQL (a NUL byte in a filter)', async () => {
    const res = await t.api
      .as(t.editor.token)
      .get('/sources', { where: { title: { equals: 'a\u0000b' } } })
    expect(res.status, JSON.stringify(res.body)).toBe(400)
    expect(res.body.errors[0].message).toMatch(/does not fit its field: invalid byte sequence/)
    const gql = await t.api
      .as(t.editor.token)
      .gql(`{ Sources(where: { title: { equals: "a\\u0000b" } }) { docs { id } } }`)
    expect(gql.body.errors?.[0]?.message).toMatch(/does not fit its field/)
    expect(gql.body.errors?.[0]?.extensions?.statusCode).toBe(400)
  })

  it('sound queries still run', async () => {
    const api = t.api.as(t.editor.token)
    for (const where of [
      { 'review.status': { in: 'draft,approved' } },
      { year: { greater_than_equal: '2000' } },
      { title: { like: 'Kept' } },
      { createdAt: { less_than: new Date().toISOString() } },
      { and: [{ id: { exists: true } }, { type: { not_equals: 'book' } }] },
    ]) {
      const res = await api.get(where['review.status' as never] ? '/claims' : '/sources', { where })
      expect(
        res.status,
        `${JSON.stringify(where)}: ${JSON.stringify(res.body).slice(0, 300)}`,
      ).toBe(200)
    }
    const res = await api.gql(
      `{ Claims(where: { review__status: { equals: approved } }) { docs { id } } }`,
    )
    expect(res.body.errors).toBeUndefined()
  })

  it('over GraphQL, an option outside the list is refused by the schema (no 500)', async () => {
    const res = await t.api
      .as(t.editor.token)
      .gql(`{ Claims(where: { review__status: { equals: nope } }) { docs { id } } }`)
    expect(res.status).toBeLessThan(500)
    expect(JSON.stringify(res.body.errors)).toMatch(/nope/)
  })
})

describe('GraphQL: the cost of fragment spreads is counted before anything runs', () => {
  /** Fragment Fk spreads F(k-1) twice: `...F20` expands to 2^20 fields from a 1 kB document. */
  const doubling = (levels: number) => {
    let fragments = 'fragment F0 on Source { title }\n'
    for (let i = 1; i <= levels; i++) {
      fragments += `fragment F${i} on Source { ...F${i - 1} ...F${i - 1} }\n`
    }
    return `{ Sources { docs { ...F${levels} } } }\n${fragments}`
  }

  it('doubling fragments are refused with the expanded size, as each role', async () => {
    for (const token of Object.values(roles())) {
      const res = await t.api.as(token).gql(doubling(20))
      expect(res.status).toBe(400)
      expect(res.body.errors?.[0]?.message).toBe(
        'The query is too large: its fragments expand to 1,048,578 fields, at most 1,000.',
      )
      expect(res.body.data).toBeUndefined()
    }
    // 200 levels: a number no operation could be expanded to, counted once per fragment.
    const huge = await t.api.as(t.editor.token).gql(doubling(200))
    expect(huge.status).toBe(400)
    expect(huge.body.errors?.[0]?.message).toMatch(/more than 10¹⁵ fields/)
  })

  it('counts each fragment once, exactly', () => {
    expect(expandedFieldCount(parse(doubling(3)))).toBe(2 + 8)
    expect(expandedFieldCount(parse('{ a { b c ... on X { d } } }'))).toBe(4)
    // A cycle (which GraphQL reports itself) counts as nothing more.
    expect(expandedFieldCount(parse('{ a { ...A } } fragment A on X { b ...A }'))).toBe(2)
  })

  it('a query within the limit runs, fragments and all', async () => {
    const res = await t.api.as(t.editor.token).gql(doubling(3))
    expect(res.status).toBe(200)
    expect(res.body.errors).toBeUndefined()
  })
})
