import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { bootPayload, type TestContext } from '../helpers/payload'
import { approvedClaim, createClaim, review, submit } from '../helpers/reviewWorkflow'

let t: TestContext

beforeAll(async () => {
  t = await bootPayload()
})

afterAll(async () => {
  await t?.payload.destroy()
})

describe('review workflow', () => {
  it('an editor submits a draft and it goes into review', async () => {
    const { id } = await createClaim(t)
    const res = await submit(t, id)
    expect(res.status).toBe(200)
    expect(res.body.doc.review.status).toBe('in_review')
    expect(res.body.event).toMatchObject({ action: 'submitted', hash: expect.stringMatching(/^[0-9a-f]{64}$/) })
  })

  it('approving publishes the draft and records approver, dates and hash', async () => {
    const { id } = await createClaim(t)
    await submit(t, id)
    const res = await review(t, id, 'approve', { note: 'Matches the meta-analysis.' })
    expect(res.status).toBe(200)
    expect(res.body.doc._status).toBe('published')
    expect(res.body.doc.review).toMatchObject({ status: 'approved', approvedBy: t.reviewer.id, note: 'Matches the meta-analysis.' })
    const approvedAt = new Date(res.body.doc.review.approvedAt).getTime()
    const reviewBy = new Date(res.body.doc.review.reviewBy).getTime()
    expect(Math.round((reviewBy - approvedAt) / 86_400_000)).toBe(365)
    expect(res.body.event).toMatchObject({ action: 'approved', actor: t.reviewer.id, hash: expect.stringMatching(/^[0-9a-f]{64}$/) })
  })
})
