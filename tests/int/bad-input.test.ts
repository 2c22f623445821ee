/**
 * Bad input gets a clear 4xx and writes nothing. Table-driven: each class of bad input, over
 * REST, as each role, with the number of documents and versions before and after.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { ApiResponse } from '../helpers/api'

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

const COLLECTIONS = ['sources', 'claims', 'benefits', 'aftercare-tips', 'comparison-rows', 'articles', 'media', 'users', 'review-events'] as const

/** Rows in every table of the schema: documents, versions, arrays, relationships. */
async function snapshot(): Promise<Record<string, number>> {
  const tables = await sql<{ table_name: string }>(`select table_name from information_schema.tables where table_schema = 'public' and table_name not like 'payload_%'`)
  const counts: Record<string, number> = {}
  for (const { table_name } of tables) {
    const [row] = await sql<{ n: string }>(`select count(*) as n from "${table_name}"`)
    counts[table_name] = Number(row!.n)
  }
  return counts
}

const roles = () => ({ anonymous: undefined, editor: t.editor.token, reviewer: t.reviewer.token, admin: t.admin.token })

describe('ids that are not exactly an id', () => {
  // `42 OR 1=1` was read as 42 (parseFloat) and deleted document 42; `abc` reached the database as NaN.
  const BAD_IDS = ['42 OR 1=1', 'abc', '4.2', '-1', '0x2a', '1e3', ' 1', '1 ', '00', '9999999999999999999999']

  it.each(COLLECTIONS)('%s: GET, PATCH and DELETE answer 404 for each, as every role, and nothing changes', async (slug) => {
    // Ids 1…n exist in every collection: the users and the documents made below.
    const source = await t.payload.create({ collection: 'sources', data: { type: 'journal-article', title: 'Kept', doi: `10.1000/kept.${slug}` } })
    expect(source.id).toBeGreaterThan(0)
    const before = await snapshot()
    for (const [role, token] of Object.entries(roles())) {
      const api = t.api.as(token)
      for (const id of BAD_IDS) {
        const path = `/${slug}/${encodeURIComponent(id)}`
        for (const res of [await api.get(path), await api.patch(path, { title: 'Changed' }), await api.delete(path)] as ApiResponse[]) {
          expect(res.status, `${role} ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(500)
          expect([401, 403, 404], `${role} ${path}`).toContain(res.status)
        }
      }
    }
    expect(await snapshot()).toEqual(before)
  })

  it('the review workflow refuses a claim id that is not exactly an id (400), without touching claim 1', async () => {
    for (const id of ['1 OR 1=1', 'abc', '1.0']) {
      const res = await t.api.as(t.editor.token).post(`/claims/${encodeURIComponent(id)}/submit`, {})
      expect([400, 404]).toContain(res.status)
    }
  })
})

/** An article whose intro nests quotes `depth` levels deep, as raw JSON (too deep to stringify). */
function nested(depth: number): RawJson {
  const open = '{"type":"quote","version":1,"children":['.repeat(depth)
  const close = ']}'.repeat(depth)
  return new RawJson(`{"title":"Deep","intro":{"root":{"type":"root","version":1,"children":[${open}{"type":"text","text":"Deep.","version":1}${close}]}}}`)
}

describe('data of the wrong shape is a 400 with the field path, and nothing is written', () => {
  const cases: { name: string; path: string; collection: string; data: () => RawJson | Record<string, unknown>; field: string }[] = [
    { name: 'a boolean as a year', path: 'sources', collection: 'sources', data: () => ({ title: 'T', doi: '10.1000/w1', year: true }), field: 'year' },
    { name: 'a boolean as a DOI', path: 'sources', collection: 'sources', data: () => ({ title: 'T', doi: true }), field: 'doi' },
    { name: 'an object as a type', path: 'sources', collection: 'sources', data: () => ({ title: 'T', doi: '10.1000/w2', type: { x: 1 } }), field: 'type' },
    { name: 'a list as an accessed date', path: 'sources', collection: 'sources', data: () => ({ title: 'T', doi: '10.1000/w3', accessed: [2020] }), field: 'accessed' },
    { name: 'an option outside the list', path: 'sources', collection: 'sources', data: () => ({ title: 'T', doi: '10.1000/w4', type: 'blog' }), field: 'type' },
    { name: 'an object as an article title', path: 'articles', collection: 'articles', data: () => ({ title: { a: 1 } }), field: 'title' },
    { name: 'a 2 MB title', path: 'articles', collection: 'articles', data: () => ({ title: 'x'.repeat(2_000_000) }), field: 'title' },
    { name: 'a NUL byte in a title', path: 'articles', collection: 'articles', data: () => ({ title: 'Back\u0000pain' }), field: 'title' },
    { name: 'a lone surrogate in a title', path: 'articles', collection: 'articles', data: () => ({ title: 'Back \ud800 pain' }), field: 'title' },
    { name: 'rich text without a root', path: 'articles', collection: 'articles', data: () => ({ title: 'T', intro: { children: [] } }), field: 'intro' },
    { name: 'rich text nested 5,000 deep', path: 'articles', collection: 'articles', data: () => nested(5000), field: 'intro' },
    { name: 'an unknown block type', path: 'articles', collection: 'articles', data: () => ({ title: 'T', layout: [{ blockType: 'carousel' }] }), field: 'layout.0.blockType' },
    { name: 'a word as a relationship', path: 'benefits', collection: 'benefits', data: () => ({ title: 'T', claims: ['abc'] }), field: 'claims' },
    { name: 'a string as a list of rows', path: 'comparison-rows', collection: 'comparison-rows', data: () => ({ aspect: 'A', cells: 'none' }), field: 'cells' },
  ]

  it.each(cases)('$name → 400 at $field', async ({ path, data, field }) => {
    const before = await snapshot()
    for (const token of [t.editor.token, t.admin.token]) {
      const res = await t.api.as(token).post(`/${path}`, data())
      expect(res.status, JSON.stringify(res.body).slice(0, 400)).toBe(400)
      expect(res.body.errors[0].data.errors.map((error: { path: string }) => error.path)).toContain(field)
      expect(res.body.errors[0].data.errors[0].message).toMatch(/\w/)
    }
    expect(await snapshot()).toEqual(before)
  })

  it('what the admin sends for a list without rows (its row count, 0) is accepted, as Payload reads it', async () => {
    const res = await t.api.as(t.editor.token).post('/articles', { title: `Admin form ${Date.now()}`, layout: 0, references: 0, claimReferences: 0 })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    expect(res.body.doc.layout).toEqual([])
  })

  it('the same over GraphQL', async () => {
    const before = await snapshot()
    const res = await t.api.as(t.editor.token).gql(`mutation { createArticle(data: { title: "Back\\u0000pain" }) { id } }`)
    expect(res.status).toBeLessThan(500)
    expect(JSON.stringify(res.body.errors)).toContain('NUL character')
    expect(await snapshot()).toEqual(before)
  })

  it('__proto__, constructor and prototype keys are dropped from stored rich text', async () => {
    const intro = JSON.parse('{"root":{"type":"root","version":1,"children":[{"type":"paragraph","version":1,"children":[{"type":"text","text":"Hello.","version":1}],"__proto__":{"polluted":true},"constructor":{"x":1}}]}}')
    const res = await t.api.as(t.editor.token).post('/articles', { title: `Proto ${Date.now()}`, intro })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    const stored = await sql<{ intro: unknown }>('select intro from articles where id = $1', [res.body.doc.id])
    expect(JSON.stringify(stored[0]!.intro)).not.toMatch(/__proto__|constructor|polluted/)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})
