import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { bootPayload, type TestContext } from '../helpers/payload'

let t: TestContext

beforeAll(async () => {
  t = await bootPayload()
})

afterAll(async () => {
  await t?.payload.destroy()
})

const uniqueDoi = () => `10.1000/test.${Math.random().toString(36).slice(2, 10)}`
const uniquePmid = () => String(Math.floor(Math.random() * 1e8))

describe('sources', () => {
  it('an editor creates, reads, updates and deletes a source through REST', async () => {
    const editor = t.api.as(t.editor.token)
    const doi = uniqueDoi()
    const created = await editor.post('/sources', {
      type: 'systematic-review',
      title: 'Acupuncture for chronic pain: individual patient data meta-analysis',
      authors: [{ family: 'Vickers', given: 'AJ' }],
      containerTitle: 'Archives of Internal Medicine',
      year: 2012,
      doi: `https://doi.org/${doi.toUpperCase()}`,
      evidenceLevel: '1',
      studyType: 'meta-analysis',
    })
    expect(created.status).toBe(201)
    expect(created.body.doc.doi).toBe(doi)
    const id = created.body.doc.id

    const read = await editor.get(`/sources/${id}`)
    expect(read.status).toBe(200)
    expect(read.body.authors[0].family).toBe('Vickers')

    const updated = await editor.patch(`/sources/${id}`, { volume: '172' })
    expect(updated.status).toBe(200)
    expect(updated.body.doc.volume).toBe('172')

    const deleted = await editor.delete(`/sources/${id}`)
    expect(deleted.status).toBe(200)
    expect((await editor.get(`/sources/${id}`)).status).toBe(404)
  })

  it('refuses a source without any locator', async () => {
    const res = await t.api.as(t.editor.token).post('/sources', { title: 'Nowhere to be found' })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].data.errors[0]).toMatchObject({
      path: 'doi',
      message: expect.stringContaining('DOI, a PubMed ID (PMID), a URL or an ISBN'),
    })
  })

  it('refuses a malformed DOI', async () => {
    const res = await t.api
      .as(t.editor.token)
      .post('/sources', { title: 'Bad DOI', doi: '11.123/abc' })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].data.errors).toContainEqual({
      path: 'doi',
      label: 'DOI',
      message: expect.stringContaining('is not a DOI'),
    })
  })

  it('refuses a PMID that is not digits', async () => {
    const res = await t.api
      .as(t.editor.token)
      .post('/sources', { title: 'Bad PMID', pmid: '30a198' })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].data.errors[0]).toMatchObject({
      path: 'pmid',
      message: expect.stringContaining('digits only'),
    })
  })

  it.each([
    'javascript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD4=',
    'ftp://example.org/paper.pdf',
  ])('refuses the URL %s', async (url) => {
    const res = await t.api.as(t.editor.token).post('/sources', { title: 'Bad URL', url })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].data.errors[0]).toMatchObject({
      path: 'url',
      message: expect.stringContaining('http:// or https://'),
    })
  })

  it('refuses a duplicate DOI and names the source that already has it', async () => {
    const editor = t.api.as(t.editor.token)
    const doi = uniqueDoi()
    const first = await editor.post('/sources', { title: 'The original', doi })
    expect(first.status).toBe(201)
    const twin = await editor.post('/sources', {
      title: 'The copy',
      doi: `doi:${doi.toUpperCase()}`,
    })
    expect(twin.status).toBe(400)
    expect(twin.body.errors[0].data.errors[0]).toMatchObject({
      path: 'doi',
      message: expect.stringContaining(`“The original” (id ${first.body.doc.id})`),
    })
  })

  it('refuses a duplicate PMID and names the source that already has it', async () => {
    const editor = t.api.as(t.editor.token)
    const pmid = uniquePmid()
    const first = await editor.post('/sources', { title: 'PubMed original', pmid })
    expect(first.status).toBe(201)
    const twin = await editor.post('/sources', { title: 'PubMed copy', pmid })
    expect(twin.status).toBe(400)
    expect(twin.body.errors[0].data.errors[0].message).toContain('“PubMed original”')
  })

  it('lets a source keep its own DOI when it is updated', async () => {
    const editor = t.api.as(t.editor.token)
    const created = await editor.post('/sources', { title: 'Stable', doi: uniqueDoi() })
    const res = await editor.patch(`/sources/${created.body.doc.id}`, { title: 'Stable, renamed' })
    expect(res.status).toBe(200)
  })

  it('anonymous readers cannot list the source library', async () => {
    expect((await t.payload.count({ collection: 'sources' })).totalDocs).toBeGreaterThan(0)
    const res = await t.api.get('/sources')
    // Only sources cited by published articles are public, and none is published here.
    expect(res.status).toBe(200)
    expect(res.body.docs).toEqual([])
  })

  it('creates a source through GraphQL', async () => {
    const res = await t.api
      .as(t.editor.token)
      .gql(
        `mutation ($data: mutationSourceInput!) { createSource(data: $data) { id doi title } }`,
        { data: { title: 'Via GraphQL', doi: uniqueDoi(), type: 'journal_article' } },
      )
    expect(res.body.errors).toBeUndefined()
    expect(res.body.data.createSource.title).toBe('Via GraphQL')
  })

  it('refuses to delete a source that a claim cites, even only in its history', async () => {
    const editor = t.api.as(t.editor.token)
    const source = (await editor.post('/sources', { title: 'Cited source', doi: uniqueDoi() })).body
      .doc
    const claim = (
      await editor.post('/claims', {
        statement: '70% of patients improved.',
        statistics: [{ value: 70, unit: 'percent', sources: [source.id] }],
      })
    ).body.doc
    const refused = await editor.delete(`/sources/${source.id}`)
    expect(refused.status).toBe(409)
    expect(refused.body.errors[0].message).toContain(`claim ${claim.id} cites it`)

    await editor.patch(`/claims/${claim.id}`, {
      statistics: [{ value: 70, unit: 'percent', sources: [] }],
    })
    expect((await editor.delete(`/sources/${source.id}`)).status).toBe(409)
    expect((await t.payload.findByID({ collection: 'sources', id: source.id })).title).toBe(
      'Cited source',
    )
  })
})
