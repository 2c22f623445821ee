/**
 * Bad input gets a clear 4xx and writes nothing. Table-driven: each class of bad input, over
 * REST, as each role, with the number of documents and versions before and after.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { ApiResponse } from '../helpers/api'

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
