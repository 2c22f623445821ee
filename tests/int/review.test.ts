import type { CollectionBeforeChangeHook } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createUser } from '../helpers/api'
import { bootPayload, type TestContext } from '../helpers/payload'
import {
  approvedClaim,
  createClaim,
  publishArticle,
  review,
  submit,
} from '../helpers/reviewWorkflow'
import { sql } from '../helpers/sql'

let t: TestContext

beforeAll(async () => {
  t = await bootPayload()
})

afterAll(async () => {
  await t?.payload.destroy()
})

const working = (id: number) =>
  t.payload.findByID({ collection: 'claims', id, draft: true, depth: 0, overrideAccess: true })
const live = (id: number) =>
  t.payload.findByID({ collection: 'claims', id, draft: false, depth: 0, overrideAccess: true })
const events = async (id: number, action?: string) =>
  (
    await t.payload.find({
      collection: 'review-events',
      where: {
        and: [{ claim: { equals: id } }, ...(action ? [{ action: { equals: action } }] : [])],
      },
      pagination: false,
      overrideAccess: true,
    })
  ).docs

describe('submit', () => {
  it('an editor submits a draft and it goes into review', async () => {
    const { id } = await createClaim(t)
    const res = await submit(t, id)
    expect(res.status).toBe(200)
    expect(res.body.doc.review.status).toBe('in_review')
    expect(res.body.event).toMatchObject({
      action: 'submitted',
      actor: t.editor.id,
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    })
  })

  it('is refused while a statistic has no source', async () => {
    const { id } = await createClaim(t, { withSource: false })
    const res = await submit(t, id)
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toBe(
      'Statistic 1 has no source. Every statistic needs at least one source before the claim can be submitted.',
    )
    expect((await working(id)).review.status).toBe('draft')
  })

  it('reviewers cannot submit and anonymous callers are asked to log in', async () => {
    const { id } = await createClaim(t)
    expect((await submit(t, id, t.reviewer)).status).toBe(403)
    expect((await t.api.post(`/claims/${id}/submit`, {})).status).toBe(401)
  })

  it('submitting a claim that is already in review is a 409 with the current status', async () => {
    const { id } = await createClaim(t)
    await submit(t, id)
    const again = await submit(t, id)
    expect(again.status).toBe(409)
    expect(again.body.errors[0].data.status).toBe('in_review')
  })
})

describe('decisions', () => {
  it('approving publishes the draft and records approver, dates and hash', async () => {
    const { id } = await createClaim(t)
    const submitted = await submit(t, id)
    const res = await review(t, id, 'approve', { note: 'Matches the meta-analysis.' })
    expect(res.status).toBe(200)
    expect(res.body.doc._status).toBe('published')
    expect(res.body.doc.review).toMatchObject({
      status: 'approved',
      approvedBy: t.reviewer.id,
      note: 'Matches the meta-analysis.',
    })
    const approvedAt = new Date(res.body.doc.review.approvedAt).getTime()
    const reviewBy = new Date(res.body.doc.review.reviewBy).getTime()
    expect(Math.round((reviewBy - approvedAt) / 86_400_000)).toBe(365)
    expect(res.body.event).toMatchObject({
      action: 'approved',
      actor: t.reviewer.id,
      hash: submitted.body.event.hash,
    })
    expect(res.body.event.claimVersion).toBeTruthy()
    expect((await live(id))._status).toBe('published')
  })

  it('signing with the password leaves the reviewer signed in once, not once more per signature', async () => {
    const sessions = async () =>
      (
        await sql<{ n: string }>('select count(*) as n from users_sessions where _parent_id = $1', [
          t.reviewer.id,
        ])
      )[0].n
    const before = await sessions()
    for (const decision of ['approve', 'reject'] as const) {
      const { id } = await createClaim(t)
      await submit(t, id)
      const res = await review(t, id, decision, { note: 'Checked against the source.' })
      expect(res.status).toBe(200)
    }
    // A refused decision signed with the right password leaves none either.
    const { id } = await createClaim(t)
    expect((await review(t, id, 'approve')).status).toBe(409)
    expect(await sessions()).toBe(before)
    // The reviewer's own session still works.
    expect((await t.api.as(t.reviewer.token).get('/users/me')).body.user.id).toBe(t.reviewer.id)
  })

  it('a wrong password records nothing', async () => {
    const { id } = await createClaim(t)
    await submit(t, id)
    const res = await review(t, id, 'approve', { password: 'not my password' })
    expect(res.status).toBe(403)
    expect(res.body.errors[0].message).toBe(
      'That password is not correct; the decision was not recorded.',
    )
    expect((await working(id)).review.status).toBe('in_review')
    expect(await events(id, 'approved')).toHaveLength(0)
  })

  it('a missing password is asked for', async () => {
    const { id } = await createClaim(t)
    await submit(t, id)
    const res = await t.api
      .as(t.reviewer.token)
      .post(`/claims/${id}/review`, { decision: 'approve' })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toBe('Enter your password to sign this decision.')
  })

  it.each(['request_changes', 'reject'])('%s needs a note', async (decision) => {
    const { id } = await createClaim(t)
    await submit(t, id)
    const res = await review(t, id, decision)
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toMatch(/^Write a note that tells the editor/)
  })

  it('requesting changes sends the claim back with the note, and it can be resubmitted', async () => {
    const { id } = await createClaim(t)
    await submit(t, id)
    const res = await review(t, id, 'request_changes', { note: 'Cite the 2018 update.' })
    expect(res.status).toBe(200)
    expect(res.body.doc.review).toMatchObject({
      status: 'changes_requested',
      note: 'Cite the 2018 update.',
    })
    expect(res.body.doc._status).toBe('draft')
    expect((await submit(t, id)).status).toBe(200)
  })

  it('an unknown decision is refused', async () => {
    const { id } = await createClaim(t)
    await submit(t, id)
    const res = await review(t, id, 'publish')
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toBe(
      'The decision must be one of: approve, request_changes, reject, renew.',
    )
  })

  it('editors and admins without the reviewer role cannot decide', async () => {
    const { id } = await createClaim(t)
    await submit(t, id)
    expect((await review(t, id, 'approve', { as: t.editor })).status).toBe(403)
    expect((await review(t, id, 'approve', { as: t.admin })).status).toBe(403)
    expect((await working(id)).review.status).toBe('in_review')
  })
})

describe('illegal transitions are 409 with the current status', () => {
  it('approving a draft that was never submitted', async () => {
    const { id } = await createClaim(t)
    const res = await review(t, id, 'approve')
    expect(res.status).toBe(409)
    expect(res.body.errors[0].data.status).toBe('draft')
    expect(res.body.errors[0].message).toBe(
      'This claim is a draft, so it cannot be approved. Submit it for review first.',
    )
  })

  it('approving twice', async () => {
    const { id } = await approvedClaim(t)
    const other = await createUser(t.payload, t.api, ['reviewer'], 'second-reviewer')
    const res = await review(t, id, 'approve', { as: other })
    expect(res.status).toBe(409)
    expect(res.body.errors[0].data.status).toBe('approved')
  })

  it('reviewing a rejected claim without resubmission', async () => {
    const { id } = await createClaim(t)
    await submit(t, id)
    await review(t, id, 'reject', { note: 'No evidence for this population.' })
    const res = await review(t, id, 'approve')
    expect(res.status).toBe(409)
    expect(res.body.errors[0].data.status).toBe('rejected')
    expect((await submit(t, id)).status).toBe(200)
    expect((await review(t, id, 'approve')).status).toBe(200)
  })
})

describe('four eyes', () => {
  it('a reviewer cannot approve a claim they created', async () => {
    const writer = await createUser(t.payload, t.api, ['editor', 'reviewer'], 'writer-reviewer')
    const { id } = await createClaim(t, { as: writer })
    await submit(t, id, writer)
    const res = await review(t, id, 'approve', { as: writer })
    expect(res.status).toBe(403)
    expect(res.body.errors[0].message).toBe(
      'You created or edited this draft, so a different reviewer must approve it (four eyes).',
    )
    expect((await review(t, id, 'approve')).status).toBe(200)
  })

  it('an admin who is also a reviewer cannot approve a draft they edited', async () => {
    const boss = await createUser(t.payload, t.api, ['admin', 'reviewer'], 'admin-reviewer')
    const { id } = await createClaim(t)
    const edit = await t.api
      .as(boss.token)
      .patch(`/claims/${id}`, { statement: 'About 70% of patients reported less pain.' })
    expect(edit.status).toBe(200)
    await submit(t, id)
    expect((await review(t, id, 'approve', { as: boss })).status).toBe(403)
    expect((await review(t, id, 'approve')).status).toBe(200)
  })

  it('a new draft after approval starts a new list of editors', async () => {
    const { id } = await approvedClaim(t)
    const edit = await t.api
      .as(t.editor.token)
      .patch(`/claims/${id}`, { statement: 'Seven in ten patients reported less pain.' })
    expect(edit.status).toBe(200)
    expect((await working(id)).review.draftEditors).toEqual([t.editor.id])
  })
})

describe('publishing is approving', () => {
  const refused = (res: { status: number; body: { errors: { message: string }[] } }) => {
    expect(res.status).toBe(403)
    expect(res.body.errors[0].message).toMatch(/^Claims go live only through review/)
  }

  it('a REST update with _status published is refused', async () => {
    const { id } = await createClaim(t)
    refused(await t.api.as(t.editor.token).patch(`/claims/${id}`, { _status: 'published' }))
    refused(await t.api.as(t.reviewer.token).patch(`/claims/${id}`, { _status: 'published' }))
    refused(
      await t.api.as(t.admin.token).patch(`/claims/${id}?draft=false`, { _status: 'published' }),
    )
    expect((await live(id))._status).toBe('draft')
  })

  it('creating a published claim is refused', async () => {
    refused(
      await t.api
        .as(t.editor.token)
        .post('/claims', { statement: 'Straight to live.', _status: 'published' }),
    )
  })

  it('a GraphQL update with _status published is refused', async () => {
    const { id } = await createClaim(t)
    const res = await t.api
      .as(t.admin.token)
      .gql(
        'mutation ($id: Int!, $data: mutationClaimUpdateInput!) { updateClaim(id: $id, data: $data) { id _status } }',
        {
          id,
          // the generated input type insists on the review group; field access drops it anyway
          data: { _status: 'published', review: { status: 'approved' } },
        },
      )
    expect(res.body.errors?.[0].message).toMatch(/^Claims go live only through review/)
    expect(res.body.errors?.[0].extensions?.statusCode).toBe(403)
    expect((await live(id))._status).toBe('draft')
  })

  it('restoring an approved version is refused unless it is restored as a draft', async () => {
    const { id } = await approvedClaim(t)
    await t.api
      .as(t.editor.token)
      .patch(`/claims/${id}`, { statement: 'A changed statement, 70%.' })
    const versions = await t.api.as(t.editor.token).get('/claims/versions', {
      where: { parent: { equals: id }, 'version._status': { equals: 'published' } },
    })
    const versionId = versions.body.docs[0].id
    refused(await t.api.as(t.editor.token).post(`/claims/versions/${versionId}`, {}))
    expect(
      (await t.api.as(t.editor.token).post(`/claims/versions/${versionId}?draft=true`, {})).status,
    ).toBe(200)
  })

  it('an editor’s plain save of an approved claim becomes a draft; the approved text stays live', async () => {
    const { id } = await approvedClaim(t, 'Original approved text: 70% of patients improved.')
    const res = await t.api
      .as(t.editor.token)
      .patch(`/claims/${id}`, { statement: 'Edited text: 75% of patients improved.' })
    expect(res.status).toBe(200)
    const published = await live(id)
    expect(published.statement).toBe('Original approved text: 70% of patients improved.')
    expect(published.review.status).toBe('approved')
    expect((await working(id)).statement).toBe('Edited text: 75% of patients improved.')
  })
})

describe('change invalidates approval', () => {
  it('editing the statement puts the claim back in draft, records `invalidated`, and anonymous readers keep the approved text', async () => {
    const { id } = await approvedClaim(t, 'Approved: 70% of patients reported less pain.')
    expect((await publishArticle(t, [id])).status).toBe(201)

    const edit = await t.api
      .as(t.editor.token)
      .patch(`/claims/${id}`, { statement: 'Draft: 70% of adults reported less pain.' })
    expect(edit.status).toBe(200)
    expect((await working(id)).review.status).toBe('draft')
    const invalidated = await events(id, 'invalidated')
    expect(invalidated).toHaveLength(1)
    expect(invalidated[0]).toMatchObject({ actor: expect.objectContaining({ id: t.editor.id }) })

    for (const path of [`/claims/${id}`, `/claims/${id}?draft=true`]) {
      const anonymous = await t.api.get(path)
      expect(anonymous.status).toBe(200)
      expect(anonymous.body.statement).toBe('Approved: 70% of patients reported less pain.')
    }
    const gql = await t.api.gql('query ($id: Int!) { Claim(id: $id, draft: true) { statement } }', {
      id,
    })
    expect(gql.body.data.Claim.statement).toBe('Approved: 70% of patients reported less pain.')

    // the new draft goes through review like any other
    expect((await submit(t, id)).status).toBe(200)
    expect((await review(t, id, 'approve')).status).toBe(200)
    expect((await t.api.get(`/claims/${id}`)).body.statement).toBe(
      'Draft: 70% of adults reported less pain.',
    )
  })

  it('changing a statistic’s source invalidates too', async () => {
    const { id } = await approvedClaim(t)
    const other = await t.api
      .as(t.editor.token)
      .post('/sources', { title: 'Another trial', doi: `10.1000/other.${id}` })
    const current = await working(id)
    const statistics = (current.statistics ?? []).map((row) => ({
      ...row,
      sources: [other.body.doc.id],
    }))
    expect((await t.api.as(t.editor.token).patch(`/claims/${id}`, { statistics })).status).toBe(200)
    expect((await working(id)).review.status).toBe('draft')
    expect(await events(id, 'invalidated')).toHaveLength(1)
  })

  it('editing the topic only does not invalidate', async () => {
    const { id } = await approvedClaim(t)
    expect(
      (await t.api.as(t.editor.token).patch(`/claims/${id}`, { topic: 'back pain' })).status,
    ).toBe(200)
    expect((await working(id)).review.status).toBe('approved')
    expect(await events(id, 'invalidated')).toHaveLength(0)
  })
})

describe('renew', () => {
  it('a reviewer renews an unchanged approved claim with a new re-review date and event', async () => {
    const { id } = await approvedClaim(t)
    const before = await live(id)
    const other = await createUser(t.payload, t.api, ['reviewer'], 'renewer')
    const res = await review(t, id, 'renew', { as: other })
    expect(res.status).toBe(200)
    expect(res.body.doc.review.status).toBe('approved')
    expect(new Date(res.body.doc.review.reviewBy).getTime()).toBeGreaterThan(
      new Date(before.review.reviewBy!).getTime(),
    )
    expect(res.body.event.action).toBe('renewed')
  })

  it('a changed claim cannot be renewed', async () => {
    const { id } = await approvedClaim(t)
    await t.api.as(t.editor.token).patch(`/claims/${id}`, { statement: 'Now 90% of patients.' })
    const res = await review(t, id, 'renew')
    expect(res.status).toBe(409)
    expect(res.body.errors[0].data.status).toBe('draft')
  })
})

describe('GraphQL', () => {
  it('submitClaim and reviewClaim run the same workflow', async () => {
    const { id } = await createClaim(t)
    const submitted = await t.api
      .as(t.editor.token)
      .gql('mutation ($id: ID!) { submitClaim(id: $id) { id status action hash } }', { id })
    expect(submitted.body.errors).toBeUndefined()
    expect(submitted.body.data.submitClaim).toMatchObject({
      status: 'in_review',
      action: 'submitted',
    })

    const reviewMutation =
      'mutation ($id: ID!, $password: String!) { reviewClaim(id: $id, decision: approve, password: $password, note: "ok") { status published reviewBy action } }'
    const byEditor = await t.api
      .as(t.editor.token)
      .gql(reviewMutation, { id, password: t.editor.password })
    expect(byEditor.body.errors?.[0].message).toBe(
      'Only reviewers decide on claims; ask a reviewer to review this one.',
    )

    const approved = await t.api
      .as(t.reviewer.token)
      .gql(reviewMutation, { id, password: t.reviewer.password })
    expect(approved.body.errors).toBeUndefined()
    expect(approved.body.data.reviewClaim).toMatchObject({
      status: 'approved',
      published: true,
      action: 'approved',
    })

    const twice = await t.api
      .as(t.reviewer.token)
      .gql(reviewMutation, { id, password: t.reviewer.password })
    expect(twice.body.errors?.[0].extensions?.statusCode).toBe(409)
  })

  it('reviewClaim needs a note to reject', async () => {
    const { id } = await createClaim(t)
    await submit(t, id)
    const res = await t.api
      .as(t.reviewer.token)
      .gql(
        'mutation ($id: ID!, $p: String!) { reviewClaim(id: $id, decision: reject, password: $p) { status } }',
        {
          id,
          p: t.reviewer.password,
        },
      )
    expect(res.body.errors?.[0].message).toBe(
      'Write a note that tells the editor why the claim is rejected.',
    )
  })
})

describe('transactions', () => {
  it('when the event cannot be written, the approval is rolled back too', async () => {
    const { id } = await createClaim(t)
    await submit(t, id)
    const hooks = t.payload.collections['review-events'].config.hooks
    const failing: CollectionBeforeChangeHook = ({ data }) => {
      if (data.action === 'approved') {
        throw new Error('audit store unavailable')
      }
      return data
    }
    hooks.beforeChange.push(failing)
    try {
      const res = await review(t, id, 'approve')
      expect(res.status).toBe(500)
    } finally {
      hooks.beforeChange.splice(hooks.beforeChange.indexOf(failing), 1)
    }
    expect((await working(id)).review.status).toBe('in_review')
    expect((await live(id))._status).toBe('draft')
    expect(await events(id, 'approved')).toHaveLength(0)
    // and the claim can still be approved afterwards
    expect((await review(t, id, 'approve')).status).toBe(200)
  })

  it('two reviewers deciding at the same moment leave exactly one decision and one event', async () => {
    const { id } = await createClaim(t)
    await submit(t, id)
    const second = await createUser(t.payload, t.api, ['reviewer'], 'concurrent-reviewer')
    const results = await Promise.all([
      review(t, id, 'approve'),
      review(t, id, 'reject', { as: second, note: 'Too strong a claim.' }),
    ])
    const statuses = results.map((res) => res.status).sort()
    expect(statuses).toEqual([200, 409])
    const decisions = (await events(id)).filter((event) => event.action !== 'submitted')
    expect(decisions).toHaveLength(1)
    const winner = results.find((res) => res.status === 200)!
    expect((await working(id)).review.status).toBe(winner.body.doc.review.status)
  })
})
