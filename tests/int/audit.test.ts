import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { EXPIRE_CLAIMS_TASK } from '../../src/jobs/expireClaims'
import { expireClaims } from '../../src/review/expire'
import { bootPayload, type TestContext } from '../helpers/payload'
import {
  approvedClaim,
  createClaim,
  publishArticle,
  review,
  submit,
} from '../helpers/reviewWorkflow'

let t: TestContext

beforeAll(async () => {
  t = await bootPayload()
})

afterAll(async () => {
  await t?.payload.destroy()
})

const local = { overrideAccess: true } as const

describe('the audit trail is append-only', () => {
  it('no role can create, update or delete an event through REST', async () => {
    const { id } = await createClaim(t)
    const event = (await submit(t, id)).body.event
    for (const user of [undefined, t.editor, t.reviewer, t.admin]) {
      const api = t.api.as(user?.token)
      expect([401, 403]).toContain(
        (
          await api.post('/review-events', {
            claim: id,
            action: 'approved',
            at: new Date().toISOString(),
          })
        ).status,
      )
      expect([401, 403, 404]).toContain(
        (await api.patch(`/review-events/${event.id}`, { note: 'rewritten' })).status,
      )
      expect([401, 403, 404]).toContain((await api.delete(`/review-events/${event.id}`)).status)
      expect([401, 403, 404]).toContain(
        (await api.delete('/review-events', { where: { id: { equals: event.id } } })).status,
      )
    }
    const stored = await t.payload.findByID({ collection: 'review-events', id: event.id, ...local })
    expect(stored).toMatchObject({ action: 'submitted', note: null })
  })

  it('no role can change an event through GraphQL', async () => {
    const { id } = await createClaim(t)
    const event = (await submit(t, id)).body.event
    for (const user of [undefined, t.editor, t.reviewer, t.admin]) {
      const api = t.api.as(user?.token)
      const updated = await api.gql(
        'mutation ($id: Int!) { updateReviewEvent(id: $id, data: { note: "x" }) { id } }',
        { id: event.id },
      )
      expect(updated.body.errors?.length).toBeGreaterThan(0)
      const deleted = await api.gql('mutation ($id: Int!) { deleteReviewEvent(id: $id) { id } }', {
        id: event.id,
      })
      expect(deleted.body.errors?.length).toBeGreaterThan(0)
    }
    expect(
      (await t.payload.findByID({ collection: 'review-events', id: event.id, ...local })).note,
    ).toBeNull()
  })

  it('even trusted server code cannot edit or delete an event', async () => {
    const { id } = await createClaim(t)
    const event = (await submit(t, id)).body.event
    await expect(
      t.payload.update({
        collection: 'review-events',
        id: event.id,
        data: { note: 'x' },
        ...local,
      }),
    ).rejects.toThrow(/append-only/)
    await expect(
      t.payload.delete({ collection: 'review-events', id: event.id, ...local }),
    ).rejects.toThrow(/append-only/)
  })

  it('every step is recorded with actor, time, version and hash', async () => {
    const { id } = await createClaim(t)
    await submit(t, id)
    await review(t, id, 'request_changes', { note: 'Cite the trial registry entry.' })
    await submit(t, id)
    await review(t, id, 'approve')
    await t.api
      .as(t.editor.token)
      .patch(`/claims/${id}`, { statement: 'Now: 70% of adults reported less pain.' })
    const res = await t.api
      .as(t.reviewer.token)
      .get('/review-events', { where: { claim: { equals: id } }, sort: 'at', depth: 0 })
    expect(res.status).toBe(200)
    expect(res.body.docs.map((event: { action: string }) => event.action)).toEqual([
      'submitted',
      'changes_requested',
      'submitted',
      'approved',
      'invalidated',
    ])
    for (const event of res.body.docs) {
      expect(event.actor).toBeTruthy()
      expect(event.actorName).toContain('@clinic.test')
      expect(event.claimVersion).toBeTruthy()
      expect(event.hash).toMatch(/^[0-9a-f]{64}$/)
      expect(Number.isNaN(Date.parse(event.at))).toBe(false)
    }
    expect(res.body.docs[1].note).toBe('Cite the trial registry entry.')
    expect(res.body.docs[4].hash).not.toBe(res.body.docs[3].hash)
  })

  it('reviewers and admins filter the trail; editors and anonymous readers cannot list it', async () => {
    const { id } = await approvedClaim(t)
    for (const user of [t.reviewer, t.admin]) {
      const res = await t.api.as(user.token).get('/review-events', {
        where: { and: [{ claim: { equals: id } }, { action: { equals: 'approved' } }] },
      })
      expect(res.status).toBe(200)
      expect(res.body.totalDocs).toBe(1)
    }
    expect((await t.api.as(t.editor.token).get('/review-events')).status).toBe(403)
    expect((await t.api.get('/review-events')).status).toBe(403)
  })
})

describe('CSV export', () => {
  it('exports a claim’s events as escaped CSV', async () => {
    const { id } = await createClaim(t)
    await submit(t, id)
    await review(t, id, 'request_changes', {
      note: 'Say "about 70%", not "70%",\nand add the =HYPERLINK source.',
    })
    const res = await t.api
      .as(t.reviewer.token)
      .get('/review-events/export.csv', { claim: String(id) })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(res.headers.get('content-disposition')).toContain('review-events.csv')
    const text: string = res.body
    const lines = text.split('\r\n')
    expect(lines[0]).toBe('at,action,claim,claimVersion,actor,actorName,note,hash')
    expect(lines[1]).toMatch(
      new RegExp(
        `^[^,]+,submitted,${id},\\d+,${t.editor.id},editor <editor-[a-z0-9]+@clinic\\.test>,,[0-9a-f]{64}$`,
      ),
    )
    expect(text).toContain(`"Say ""about 70%"", not ""70%"",\nand add the =HYPERLINK source."`)
    expect(text.trimEnd().split('\r\n')).toHaveLength(3)
  })

  it('guards formulas and filters by date', async () => {
    const { id } = await createClaim(t)
    await submit(t, id)
    await review(t, id, 'reject', { note: '=1+1' })
    const all = await t.api
      .as(t.admin.token)
      .get('/review-events/export.csv', { claim: String(id) })
    expect(all.body).toContain(",'=1+1,")
    const future = await t.api
      .as(t.admin.token)
      .get('/review-events/export.csv', { claim: String(id), from: '2999-01-01' })
    expect(future.body).toBe('at,action,claim,claimVersion,actor,actorName,note,hash\r\n')
    const today = new Date().toISOString().slice(0, 10)
    const upToToday = await t.api
      .as(t.admin.token)
      .get('/review-events/export.csv', { claim: String(id), from: '2000-01-01', to: today })
    expect(upToToday.body.trimEnd().split('\r\n')).toHaveLength(3)
  })

  it('refuses editors, anonymous callers and bad dates', async () => {
    expect((await t.api.as(t.editor.token).get('/review-events/export.csv')).status).toBe(403)
    expect((await t.api.get('/review-events/export.csv')).status).toBe(401)
    const bad = await t.api
      .as(t.reviewer.token)
      .get('/review-events/export.csv', { from: 'last tuesday' })
    expect(bad.status).toBe(400)
    expect(bad.body.errors[0].message).toBe('`from` must be a date such as 2026-01-31.')
  })
})

describe('expiry', () => {
  /** Queues the scheduled task and runs it through Payload's job runner, as autoRun does. */
  const runExpiryJob = async () => {
    const job = await t.payload.jobs.queue({ task: EXPIRE_CLAIMS_TASK, input: {} })
    const result = await t.payload.jobs.runByID({ id: job.id })
    expect(result.noJobsRemaining ?? true).toBe(true)
    // completed jobs are deleted by Payload; a failed one stays with hasError
    const left = await t.payload.find({
      collection: 'payload-jobs',
      where: { hasError: { equals: true } },
      ...local,
    })
    expect(left.totalDocs).toBe(0)
  }
  const backdate = (id: number) =>
    t.payload.db.updateOne({
      collection: 'claims',
      id,
      data: { review: { reviewBy: '2020-01-01T00:00:00.000Z' } },
    })

  it('the job expires overdue claims, records events, reports the articles, and blocks publishing until renewal', async () => {
    const { id } = await approvedClaim(t, 'Expiring: 70% of patients slept better.')
    const fresh = await approvedClaim(t, 'Fresh: 70% of patients slept better.')
    const article = await publishArticle(t, [id])
    expect(article.status).toBe(201)
    await backdate(id)

    await runExpiryJob()

    const live = await t.payload.findByID({ collection: 'claims', id, draft: false, ...local })
    expect(live.review.status).toBe('expired')
    expect(live.statement).toBe('Expiring: 70% of patients slept better.')
    expect(
      (await t.payload.findByID({ collection: 'claims', id: fresh.id, ...local })).review.status,
    ).toBe('approved')
    const events = await t.payload.find({
      collection: 'review-events',
      where: { and: [{ claim: { equals: id } }, { action: { equals: 'expired' } }] },
      ...local,
    })
    expect(events.totalDocs).toBe(1)

    const blocked = await publishArticle(t, [id])
    expect(blocked.status).toBe(400)
    expect(blocked.body.errors[0].data.errors[0].message).toMatch(
      /expired on 2020-01-01 and must be renewed by a reviewer/,
    )
    const republish = await t.api
      .as(t.editor.token)
      .patch(`/articles/${article.body.doc.id}`, { title: 'Updated title', _status: 'published' })
    expect(republish.status).toBe(400)

    // the expired claim submits nothing new: a reviewer renews it
    const renewed = await review(t, id, 'renew')
    expect(renewed.status).toBe(200)
    expect(renewed.body.event.action).toBe('renewed')
    expect((await publishArticle(t, [id])).status).toBe(201)
  })

  it('the expiry reports each expired claim with the published articles that use it', async () => {
    const { id } = await approvedClaim(t, 'Reported: 70% of patients slept better.')
    const article = await publishArticle(t, [id])
    await approvedClaim(t, 'Unused: 70% of patients slept better.')
    await backdate(id)
    const req = await createLocalReq({}, t.payload)
    const report = await expireClaims(req)
    expect(report).toEqual([
      {
        claim: id,
        statement: 'Reported: 70% of patients slept better.',
        reviewBy: '2020-01-01T00:00:00.000Z',
        articles: [
          { id: article.body.doc.id, title: article.body.doc.title, slug: article.body.doc.slug },
        ],
      },
    ])
    expect(await expireClaims(await createLocalReq({}, t.payload))).toEqual([])
  })

  it('an overdue claim with a pending draft expires its live version and keeps the draft', async () => {
    const { id } = await approvedClaim(t, 'Live: 70% of patients.')
    await t.api.as(t.editor.token).patch(`/claims/${id}`, { statement: 'Pending: 70% of adults.' })
    await backdate(id)
    await runExpiryJob()
    const live = await t.payload.findByID({ collection: 'claims', id, draft: false, ...local })
    expect(live).toMatchObject({ statement: 'Live: 70% of patients.', _status: 'published' })
    expect(live.review.status).toBe('expired')
    expect(live.statistics).toHaveLength(1)
    const draft = await t.payload.findByID({ collection: 'claims', id, draft: true, ...local })
    expect(draft).toMatchObject({ statement: 'Pending: 70% of adults.' })
    expect(draft.review.status).toBe('draft')
  })

  it('an unapproved claim blocks publishing an article', async () => {
    const { id } = await createClaim(t)
    const res = await publishArticle(t, [id])
    expect(res.status).toBe(400)
    expect(res.body.errors[0].data.errors[0].message).toMatch(
      /has not been approved by a reviewer yet/,
    )
  })
})
