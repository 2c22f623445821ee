/**
 * What the admin UI relies on: the live evidence check (unsaved form data in, what would block
 * publishing out, nothing written) and the review queue's data (oldest first, diff against the
 * last approved version).
 */
import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { countQueue, loadQueue } from '../../src/admin/ReviewQueue/queue'
import { claimRef, paragraph, richText } from '../helpers/lexical'
import { bootPayload, type TestContext } from '../helpers/payload'
import { approvedClaim, createClaim, submit } from '../helpers/reviewWorkflow'

let t: TestContext

beforeAll(async () => {
  t = await bootPayload()
})

afterAll(async () => {
  await t?.payload.destroy()
})

const check = (collection: string, data: Record<string, unknown>, token = t.editor.token) =>
  t.api.as(token).post('/cited/evidence-check', { collection, data })

describe('live evidence check', () => {
  it('refuses anonymous callers', async () => {
    const res = await t.api.post('/cited/evidence-check', { collection: 'articles', data: {} })
    expect(res.status).toBe(401)
  })

  it('lists an uncited statistic of unsaved article data with its path, and writes nothing', async () => {
    const before = await t.payload.count({ collection: 'articles', overrideAccess: true })
    const res = await check('articles', {
      title: 'Draft in the form',
      excerpt: 'Up to 45% of patients feel better.',
    })
    expect(res.status).toBe(200)
    expect(res.body.isBlocked).toBe(true)
    expect(res.body.issues).toEqual([
      expect.objectContaining({
        text: expect.stringMatching(/45%/),
        path: 'Excerpt',
        fieldPath: 'excerpt',
        reason: 'uncovered',
      }),
    ])
    expect(
      (await t.payload.count({ collection: 'articles', overrideAccess: true })).totalDocs,
    ).toBe(before.totalDocs)
  })

  it('is ready when every statistic cites an approved claim, and lists that claim as live', async () => {
    const claim = await approvedClaim(t)
    const res = await check('articles', {
      title: 'Cited',
      intro: richText(
        paragraph('In one review 70% of patients felt less pain. ', claimRef(claim.id)),
      ),
    })
    expect(res.body.issues).toEqual([])
    expect(res.body.claims).toEqual([
      expect.objectContaining({ id: claim.id, status: 'approved', isLive: true, problem: null }),
    ])
    expect(res.body.isBlocked).toBe(false)
  })

  it('reports a cited claim that is still in review as blocking', async () => {
    const claim = await createClaim(t)
    await submit(t, claim.id)
    const res = await check('articles', {
      title: 'Waiting',
      layout: [{ blockType: 'clinicalClaim', claim: claim.id, display: 'callout' }],
    })
    expect(res.body.claims).toEqual([
      expect.objectContaining({
        id: claim.id,
        status: 'in_review',
        isLive: false,
        problem: expect.stringMatching(/not approved/i),
      }),
    ])
    expect(res.body.isBlocked).toBe(true)
  })

  it('checks a claim form: a number in the statement that is not one of its statistics', async () => {
    const res = await check('claims', { statement: '62% of patients improved.', statistics: [] })
    expect(res.body.issues).toEqual([expect.objectContaining({ path: 'Statement', text: '62%' })])
  })
})

describe('review queue', () => {
  it('lists claims in review oldest first, each diffed against its last approved version', async () => {
    const approved = await approvedClaim(t, '70% of patients reported less pain.')
    // A new draft of the approved claim with a changed number, then submitted.
    const edited = await t.api.as(t.editor.token).patch(`/claims/${approved.id}`, {
      statement: '62% of patients reported less pain.',
      statistics: [{ value: 62, unit: 'percent', sources: [approved.source] }],
    })
    expect(edited.status).toBe(200)
    expect((await submit(t, approved.id)).status).toBe(200)
    const fresh = await createClaim(t)
    await submit(t, fresh.id)

    const reviewer = await t.payload.findByID({
      collection: 'users',
      id: t.reviewer.id,
      overrideAccess: true,
    })
    const req = await createLocalReq({ user: { ...reviewer, collection: 'users' } }, t.payload)
    const items = await loadQueue(req, 'in_review')
    const ids = items.map((item) => item.id)
    expect(ids.indexOf(approved.id)).toBeLessThan(ids.indexOf(fresh.id))

    const changed = items.find((item) => item.id === approved.id)!
    expect(changed.lastApproved).not.toBeNull()
    expect(changed.diff.statement.filter((part) => part.op !== 'same')).toEqual([
      { op: 'removed', text: '70%' },
      { op: 'added', text: '62%' },
    ])
    expect(changed.diff.sources.every((part) => part.op === 'same')).toBe(true)
    expect(items.find((item) => item.id === fresh.id)!.lastApproved).toBeNull()
    expect(changed.editors).toEqual([expect.stringContaining('editor')])
    expect((await countQueue(req)).in_review).toBe(items.length)
  })

  it('copes with half-filled claim forms (empty statistic rows) instead of failing', async () => {
    const res = await check('claims', {
      statement: '70% of patients improved.',
      statistics: [null, { unit: 'percent' }],
    })
    expect(res.status).toBe(200)
    expect(JSON.stringify(res.body)).toContain('70%')
  })
})
