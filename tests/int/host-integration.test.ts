/**
 * Cited in a host app that has collections of its own: the host's users collection is extended
 * (roles, hooks, access), overrides merge per key without dropping Cited's guards, a host
 * collection with another of Cited's slugs is a configuration error, and `disabled` keeps the
 * database schema while attaching no Cited hook.
 */
import type { Access, CollectionBeforeChangeHook, CollectionConfig, Payload } from 'payload'

import { getPayload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createUser } from '../helpers/api'
import { bootPayloadFor, hostConfig, type TestContext, type TestHost } from '../helpers/payload'
import { approveClaim } from '../helpers/review'
import { createClaim, createSource, review, submit } from '../helpers/reviewWorkflow'

const uid = () => Math.random().toString(36).slice(2, 10)

/** The host's own users collection: a clinic per person, its own hook and a wide read rule. */
const trimClinic: CollectionBeforeChangeHook = ({ data }) =>
  typeof data.clinic === 'string' ? { ...data, clinic: data.clinic.trim() } : data
const hostUsers: CollectionConfig = {
  slug: 'users',
  auth: { tokenExpiration: 7200 },
  admin: { useAsTitle: 'email' },
  // Wider than Cited's: every logged-in person may read every account.
  access: { read: ({ req }) => Boolean(req.user) },
  hooks: { beforeChange: [trimClinic] },
  fields: [{ name: 'clinic', type: 'text' }],
}

/** The host's claims hook (an override): runs after Cited's. */
const hostHookCalls: string[] = []
const addAttribution: CollectionBeforeChangeHook = ({ data, operation }) => {
  hostHookCalls.push(operation)
  return data.attribution ? data : { ...data, attribution: 'Northside Clinic' }
}
/** The host's claims read rule (an override): anonymous readers see claims tagged "open". */
const openTopicRead: Access = ({ req }) => (req.user ? true : { topic: { equals: 'open' } })

const host: TestHost = {
  collections: [hostUsers],
  cited: {
    collections: {
      claims: {
        hooks: { beforeChange: [addAttribution] },
        access: { read: openTopicRead },
      },
    },
  },
}

let t: TestContext

beforeAll(async () => {
  t = await bootPayloadFor(hostConfig(host))
})

afterAll(async () => {
  await t?.payload.destroy()
})

describe('a host users collection', () => {
  it('gets Cited’s roles field next to its own fields, and keeps its auth settings', () => {
    const users = t.payload.collections.users.config
    const names = users.flattenedFields.map((field) => field.name)
    expect(names).toEqual(expect.arrayContaining(['clinic', 'name', 'roles', 'email']))
    expect(t.payload.collections).not.toHaveProperty('staff')
    expect(users.auth.tokenExpiration).toBe(7200)
    // Cited's own users collection turns Payload's lockout off; the host's keeps its settings.
    expect(users.auth.maxLoginAttempts).not.toBe(0)
  })

  it('keeps the host’s extra field writable, runs the host’s hook, and an editor cannot give themselves roles', async () => {
    const res = await t.api
      .as(t.editor.token)
      .patch(`/users/${t.editor.id}`, { clinic: '  Northside  ', roles: ['admin', 'reviewer'] })
    expect(res.status).toBe(200)
    const stored = await t.payload.findByID({
      collection: 'users',
      id: t.editor.id,
      overrideAccess: true,
    })
    expect(stored.roles).toEqual(['editor'])
    expect((stored as { clinic?: string }).clinic).toBe('Northside')
  })

  it('an admin sets roles on the host’s collection', async () => {
    const person = await createUser(t.payload, t.api, ['editor'], `promoted-${uid()}`)
    const res = await t.api
      .as(t.admin.token)
      .patch(`/users/${person.id}`, { roles: ['editor', 'reviewer'] })
    expect(res.status).toBe(200)
    expect(res.body.doc.roles).toEqual(['editor', 'reviewer'])
  })

  it('the host’s wider read rule does not widen Cited’s: an editor reads only their own account', async () => {
    const res = await t.api.as(t.editor.token).get('/users')
    expect(res.status).toBe(200)
    expect(res.body.docs.map((user: { id: number }) => user.id)).toEqual([t.editor.id])
    expect((await t.api.as(t.editor.token).get(`/users/${t.reviewer.id}`)).status).toBe(404)
    expect((await t.api.as(t.admin.token).get(`/users/${t.reviewer.id}`)).status).toBe(200)
  })

  it('an editor cannot create accounts', async () => {
    const res = await t.api
      .as(t.editor.token)
      .post('/users', { email: `new-${uid()}@clinic.test`, password: 'a long enough password' })
    expect(res.status).toBe(403)
  })

  it('an editor cannot approve a claim', async () => {
    const { id } = await createClaim(t)
    expect((await submit(t, id)).status).toBe(200)
    const res = await review(t, id, 'approve', { as: t.editor })
    expect(res.status).toBe(403)
  })

  it('four eyes: a reviewer who wrote the draft cannot approve it; another reviewer can', async () => {
    const writer = await createUser(t.payload, t.api, ['editor', 'reviewer'], 'writer-reviewer')
    const { id } = await createClaim(t, { as: writer })
    await submit(t, id, writer)
    const refused = await review(t, id, 'approve', { as: writer })
    expect(refused.status).toBe(403)
    expect(refused.body.errors[0].message).toMatch(/four eyes/)
    expect((await review(t, id, 'approve')).status).toBe(200)
  })

  it('approver, draft editors and the review event’s actor point at the host’s users', async () => {
    const { id } = await createClaim(t)
    await approveClaim(t, id)
    const claim = await t.payload.findByID({
      collection: 'claims',
      id,
      depth: 1,
      overrideAccess: true,
    })
    expect(claim.review.approvedBy).toMatchObject({ id: t.reviewer.id, email: t.reviewer.email })
    expect(claim.review.draftEditors).toEqual([expect.objectContaining({ id: t.editor.id })])
    const events = await t.payload.find({
      collection: 'review-events',
      where: { claim: { equals: id } },
      depth: 1,
      sort: 'at',
      overrideAccess: true,
    })
    expect(
      events.docs.map((event) => [event.action, (event.actor as { id: number } | null)?.id]),
    ).toEqual([
      ['submitted', t.editor.id],
      ['approved', t.reviewer.id],
    ])
  })
})

describe('overrides merge with Cited’s collection', () => {
  it('an override’s beforeChange hook runs, after Cited’s, which still track the draft', async () => {
    const calls = hostHookCalls.length
    const { id } = await createClaim(t)
    expect(hostHookCalls.length).toBeGreaterThan(calls)
    const claim = await t.payload.findByID({
      collection: 'claims',
      id,
      draft: true,
      depth: 0,
      overrideAccess: true,
    })
    expect(claim.attribution).toBe('Northside Clinic')
    expect(claim.review).toMatchObject({ status: 'draft', draftEditors: [t.editor.id] })
  })

  it('with an override’s beforeChange hook, an editor still cannot publish a claim without review', async () => {
    const source = await createSource(t)
    const created = await t.api.as(t.editor.token).post('/claims', {
      statement: `70% of patients felt better (${uid()}).`,
      statistics: [{ value: 70, unit: 'percent', sources: [source] }],
      _status: 'published',
    })
    expect(created.status).toBe(403)
    expect(created.body.errors[0].message).toMatch(/^Claims go live only through review/)
    const { id } = await createClaim(t)
    const updated = await t.api.as(t.editor.token).patch(`/claims/${id}`, { _status: 'published' })
    expect(updated.status).toBe(403)
  })

  it('an override’s read rule replaces only read', async () => {
    const open = await t.api
      .as(t.editor.token)
      .post('/claims', { statement: `An open claim ${uid()}.`, topic: 'open' })
    const closed = await t.api
      .as(t.editor.token)
      .post('/claims', { statement: `A closed claim ${uid()}.`, topic: 'closed' })
    expect([open.status, closed.status]).toEqual([201, 201])
    // read: the override's rule
    expect((await t.api.get(`/claims/${open.body.doc.id}`)).status).toBe(200)
    expect((await t.api.get(`/claims/${closed.body.doc.id}`)).status).toBe(404)
    // create, update, delete: still Cited's (editors and admins)
    expect((await t.api.post('/claims', { statement: 'Anonymous claim.' })).status).toBe(403)
    expect(
      (await t.api.as(t.reviewer.token).post('/claims', { statement: 'Reviewer claim.' })).status,
    ).toBe(403)
    expect(
      (await t.api.as(t.reviewer.token).patch(`/claims/${open.body.doc.id}`, { topic: 'changed' }))
        .status,
    ).toBe(403)
    expect((await t.api.as(t.reviewer.token).delete(`/claims/${open.body.doc.id}`)).status).toBe(
      403,
    )
    expect((await t.api.delete(`/claims/${open.body.doc.id}`)).status).toBe(403)
    expect(
      (await t.api.as(t.editor.token).patch(`/claims/${open.body.doc.id}`, { topic: 'open' }))
        .status,
    ).toBe(200)
  })
})

describe('a host collection with another of Cited’s slugs', () => {
  it('is a configuration error that names the slug and the way out', async () => {
    const hostClaims: CollectionConfig = {
      slug: 'claims',
      fields: [{ name: 'text', type: 'text' }],
    }
    await expect(hostConfig({ collections: [hostUsers, hostClaims] })).rejects.toThrow(
      /already has a collection 'claims'.*Rename your collection.*collections: \{ 'claims': \{ extend: true \} \}/,
    )
  })

  it('is extended with `extend: true`', async () => {
    const hostClaims: CollectionConfig = {
      slug: 'claims',
      fields: [{ name: 'internalRef', type: 'text' }],
    }
    const config = await hostConfig({
      collections: [hostUsers, hostClaims],
      cited: { collections: { claims: { extend: true } } },
    })
    const claims = config.collections.filter((collection) => collection.slug === 'claims')
    expect(claims).toHaveLength(1)
    const names = claims[0].flattenedFields.map((field) => field.name)
    expect(names).toEqual(
      expect.arrayContaining(['internalRef', 'statement', 'statistics', 'review']),
    )
  })
})

describe('disabled', () => {
  let disabled: Payload

  beforeAll(async () => {
    // The same host app with Cited disabled, on the same database.
    disabled = await getPayload({
      config: hostConfig({ ...host, cited: { ...host.cited, disabled: true } }),
      key: 'cited-disabled',
    })
  })

  afterAll(async () => {
    await disabled?.destroy()
  })

  it('has the same database schema', () => {
    const tables = (payload: Payload) =>
      (payload.db as unknown as { rawTables: Record<string, unknown> }).rawTables
    expect(Object.keys(tables(t.payload))).toEqual(
      expect.arrayContaining(['users', 'users_roles', 'claims', '_claims_v']),
    )
    expect(Object.keys(tables(disabled)).sort()).toEqual(Object.keys(tables(t.payload)).sort())
    expect(JSON.stringify(tables(disabled))).toEqual(JSON.stringify(tables(t.payload)))
  })

  it('attaches no Cited hook: only the host’s own hooks remain', () => {
    const hooksOf = (payload: Payload, slug: string) =>
      Object.values(payload.collections[slug as 'claims'].config.hooks).flatMap((hooks) =>
        ((hooks ?? []) as { name: string }[]).map((hook) => hook.name),
      )
    const enabledClaims = hooksOf(t.payload, 'claims')
    expect(enabledClaims).toEqual(
      expect.arrayContaining([
        'reviewGuardPublish',
        'reviewTrackDraft',
        'reviewRecordInvalidation',
        'addAttribution',
      ]),
    )
    expect(hooksOf(disabled, 'claims').filter((name) => enabledClaims.includes(name))).toEqual([
      'addAttribution',
    ])
    expect(
      hooksOf(disabled, 'users').filter((name) => hooksOf(t.payload, 'users').includes(name)),
    ).toEqual(['trimClinic'])
    for (const slug of ['sources', 'articles', 'review-events', 'cited-public-sets']) {
      expect(
        hooksOf(disabled, slug).filter((name) => hooksOf(t.payload, slug).includes(name)),
      ).toEqual([])
    }
  })

  it('attaches no Cited endpoint: the review workflow’s routes are not there', () => {
    const paths = (payload: Payload, slug: 'articles' | 'claims' | 'review-events') =>
      ((payload.collections[slug].config.endpoints || []) as { path: string }[]).map(
        (endpoint) => endpoint.path,
      )
    expect(paths(t.payload, 'claims')).toEqual(
      expect.arrayContaining(['/:id/submit', '/:id/review']),
    )
    expect(paths(disabled, 'claims')).not.toContain('/:id/submit')
    expect(paths(disabled, 'claims')).not.toContain('/:id/review')
    expect(paths(t.payload, 'review-events')).toContain('/export.csv')
    expect(paths(disabled, 'review-events')).not.toContain('/export.csv')
    expect(paths(t.payload, 'articles')).toContain('/published/:slug')
    expect(paths(disabled, 'articles')).not.toContain('/published/:slug')
    expect(t.payload.config.endpoints.map((endpoint) => endpoint.path)).toContain(
      '/cited/evidence-check',
    )
    expect(disabled.config.endpoints.map((endpoint) => endpoint.path)).not.toContain(
      '/cited/evidence-check',
    )
  })

  it('does not guard publishing: an editor’s direct publish goes through', async () => {
    const editor = await disabled.findByID({
      collection: 'users',
      id: t.editor.id,
      overrideAccess: true,
    })
    const user = { ...editor, collection: 'users' as const }
    // Generated types want every defaulted field of a claim; Payload does not.
    const publish = (statement: string) =>
      ({
        collection: 'claims',
        data: { statement, _status: 'published' },
        user,
        overrideAccess: false,
      }) as unknown as Parameters<Payload['create']>[0]
    await expect(t.payload.create(publish(`Guarded ${uid()}.`))).rejects.toThrow(
      /Claims go live only through review/,
    )
    const claim = (await disabled.create(publish(`Unguarded ${uid()}.`))) as { _status?: string }
    expect(claim._status).toBe('published')
  })
})
