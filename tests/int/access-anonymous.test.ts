import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { ApiResponse } from '../helpers/api'

import { bootPayload, type TestContext } from '../helpers/payload'
import { approvedClaim, createClaim, publishArticle } from '../helpers/reviewWorkflow'

/** Draft-leak tests: every anonymous read path, on a database of their own. */
let t: TestContext

beforeAll(async () => {
  t = await bootPayload()
})

afterAll(async () => {
  await t?.payload.destroy()
})

const local = { overrideAccess: true } as const
const isDenied = (res: ApiResponse) => [401, 403, 404].includes(res.status)

describe('anonymous readers see published articles and only what they reference', () => {
  let published: { id: number; slug: string }
  let liveClaim: number
  let unreferencedClaim: number
  let draftOnlyClaim: number
  let publicSource: number
  let privateSource: number
  let publicBenefit: number
  let privateBenefit: number
  let publicTip: number
  let publicRow: number
  let draftArticle: number

  beforeAll(async () => {
    const live = await approvedClaim(t, 'Approved: 70% of patients reported less pain.')
    liveClaim = live.id
    publicSource = live.source
    // a newer draft with text that must never leak, and a reviewer note that is internal
    await t.api
      .as(t.editor.token)
      .patch(`/claims/${liveClaim}`, { statement: 'SECRET DRAFT: 70% of everyone.' })
    const unreferenced = await approvedClaim(t, 'Unreferenced: 70% of patients.')
    unreferencedClaim = unreferenced.id
    privateSource = unreferenced.source
    draftOnlyClaim = (await createClaim(t, { statement: 'SECRET UNAPPROVED: 70% of patients.' })).id

    publicTip = (
      await t.api.as(t.editor.token).post('/aftercare-tips', {
        title: 'Hydrate',
        instruction: 'Drink water after the session.',
      })
    ).body.doc.id
    publicBenefit = (
      await t.api
        .as(t.editor.token)
        .post('/benefits', { title: 'Less pain', claims: [liveClaim], aftercareTips: [publicTip] })
    ).body.doc.id
    privateBenefit = (await t.api.as(t.editor.token).post('/benefits', { title: 'SECRET BENEFIT' }))
      .body.doc.id
    publicRow = (
      await t.api.as(t.editor.token).post('/comparison-rows', {
        aspect: 'Relief',
        cells: [{ benefit: publicBenefit, rating: 'high', claim: liveClaim }],
      })
    ).body.doc.id

    const res = await publishArticle(t, [liveClaim], {
      layout: [
        { blockType: 'clinicalClaim', claim: liveClaim, display: 'callout' },
        { blockType: 'benefit', benefit: publicBenefit },
        { blockType: 'comparisonTable', columns: [publicBenefit], rows: [publicRow] },
      ],
    })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    published = { id: res.body.doc.id, slug: res.body.doc.slug }
    // a newer draft of the published article
    await t.api
      .as(t.editor.token)
      .patch(`/articles/${published.id}?draft=true`, { title: 'SECRET ARTICLE DRAFT' })
    draftArticle = (
      await t.api.as(t.editor.token).post('/articles', {
        title: 'SECRET DRAFT ARTICLE',
        layout: [{ blockType: 'clinicalClaim', claim: draftOnlyClaim, display: 'callout' }],
      })
    ).body.doc.id
  })

  const noSecrets = (body: unknown) => {
    const text = JSON.stringify(body)
    expect(text).not.toContain('SECRET')
    expect(text).not.toContain('draftEditors')
    expect(text).not.toContain('"note"')
  }

  it('lists only the published article, in its published version, also with ?draft=true', async () => {
    for (const query of [{}, { draft: 'true' }]) {
      const res = await t.api.get('/articles', query)
      expect(res.status).toBe(200)
      expect(res.body.docs.map((doc: { id: number }) => doc.id)).toEqual([published.id])
      noSecrets(res.body)
    }
    expect((await t.api.get(`/articles/${draftArticle}`)).status).toBe(404)
    expect(
      (await t.api.get(`/articles/${published.id}`, { draft: 'true' })).body.title,
    ).not.toContain('SECRET')
  })

  it('reads the approved version of a referenced claim, never the draft, the note or the editors', async () => {
    for (const query of [{}, { draft: 'true' }]) {
      const res = await t.api.get(`/claims/${liveClaim}`, query)
      expect(res.status).toBe(200)
      expect(res.body.statement).toBe('Approved: 70% of patients reported less pain.')
      expect(res.body.review.status).toBe('approved')
      noSecrets(res.body)
    }
  })

  it('does not read claims no published article references, nor unapproved ones', async () => {
    expect(isDenied(await t.api.get(`/claims/${unreferencedClaim}`))).toBe(true)
    expect(isDenied(await t.api.get(`/claims/${draftOnlyClaim}`, { draft: 'true' }))).toBe(true)
    const list = await t.api.get('/claims', { draft: 'true' })
    expect(list.body.docs.map((doc: { id: number }) => doc.id)).toEqual([liveClaim])
    noSecrets(list.body)
  })

  it('reads referenced sources, benefits, tips and rows only', async () => {
    expect((await t.api.get(`/sources/${publicSource}`)).status).toBe(200)
    expect((await t.api.get(`/benefits/${publicBenefit}`)).status).toBe(200)
    expect((await t.api.get(`/aftercare-tips/${publicTip}`)).status).toBe(200)
    expect((await t.api.get(`/comparison-rows/${publicRow}`)).status).toBe(200)
    expect(isDenied(await t.api.get(`/sources/${privateSource}`))).toBe(true)
    expect(isDenied(await t.api.get(`/benefits/${privateBenefit}`))).toBe(true)
    const sources = await t.api.get('/sources')
    expect(sources.body.docs.map((doc: { id: number }) => doc.id)).toEqual([publicSource])
  })

  it('population at any depth shows approved text only', async () => {
    const res = await t.api.get(`/articles/${published.id}`, { depth: 4, draft: 'true' })
    expect(res.status).toBe(200)
    noSecrets(res.body)
    const callout = res.body.layout.find(
      (block: { blockType: string }) => block.blockType === 'clinicalClaim',
    )
    expect(callout.claim.statement).toBe('Approved: 70% of patients reported less pain.')
    expect(callout.claim.statistics[0].sources[0].id).toBe(publicSource)
    const benefit = res.body.layout.find(
      (block: { blockType: string }) => block.blockType === 'benefit',
    )
    expect(benefit.benefit.claims[0].statement).toBe(
      'Approved: 70% of patients reported less pain.',
    )
  })

  it('cannot reach versions through REST', async () => {
    for (const path of ['/claims/versions', '/articles/versions']) {
      const res = await t.api.get(path)
      expect(res.status).toBe(403)
      noSecrets(res.body)
    }
    const versions = await t.payload.findVersions({
      collection: 'claims',
      where: { parent: { equals: liveClaim } },
      limit: 1,
      ...local,
    })
    expect((await t.api.get(`/claims/versions/${versions.docs[0].id}`)).status).toBe(403)
  })

  it('cannot query or sort by hidden fields to learn them', async () => {
    const byNote = await t.api.get('/claims', { where: { 'review.note': { exists: true } } })
    expect(byNote.status === 200 ? byNote.body.docs : []).toEqual([])
    const byEditors = await t.api.get('/claims', {
      where: { 'review.draftEditors': { equals: t.editor.id } },
    })
    expect(byEditors.status === 200 ? byEditors.body.docs : []).toEqual([])
    const byStatement = await t.api.get('/claims', {
      draft: 'true',
      where: { statement: { like: 'SECRET' } },
    })
    expect(byStatement.status === 200 ? byStatement.body.docs : []).toEqual([])
    const sorted = await t.api.get('/claims', { sort: 'review.note' })
    noSecrets(sorted.body)
  })

  it('GraphQL shows the same, and nothing else', async () => {
    const res = await t.api.gql(`{
      Articles(draft: true) { docs { id title layout { ... on ClinicalClaimBlock { claim { statement review { status note } } } } } }
      Claims(draft: true) { docs { id statement } }
    }`)
    expect(JSON.stringify(res.body.data)).not.toContain('SECRET')
    expect(JSON.stringify(res.body.data)).toContain('"note":null')
    expect(res.body.data.Articles.docs.map((doc: { id: number }) => doc.id)).toEqual([published.id])
    expect(res.body.data.Claims.docs).toEqual([
      { id: liveClaim, statement: 'Approved: 70% of patients reported less pain.' },
    ])

    const hidden = await t.api.gql(
      `query ($id: Int!) { Claim(id: $id, draft: true) { statement } }`,
      { id: unreferencedClaim },
    )
    expect(hidden.body.data?.Claim ?? null).toBeNull()
    for (const query of [
      '{ versionsClaims { docs { id } } }',
      '{ versionsArticles { docs { id } } }',
      '{ ReviewEvents { docs { id } } }',
      '{ Users { docs { email } } }',
    ]) {
      const denied = await t.api.gql(query)
      expect(denied.body.errors?.length, query).toBeGreaterThan(0)
      expect(JSON.stringify(denied.body.data ?? {})).not.toContain('"docs":[{')
    }
  })

  it('cannot read users or the audit trail', async () => {
    expect((await t.api.get('/users')).status).toBe(403)
    expect((await t.api.get('/review-events')).status).toBe(403)
  })
})
