import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { ApiResponse, TestUser } from '../helpers/api'

import { createUser } from '../helpers/api'
import { bootPayload, type TestContext } from '../helpers/payload'
import { approvedClaim, createClaim, review, submit } from '../helpers/reviewWorkflow'

let t: TestContext
let approver: TestUser

beforeAll(async () => {
  t = await bootPayload()
  approver = await createUser(t.payload, t.api, ['reviewer'], 'matrix-reviewer')
})

afterAll(async () => {
  await t?.payload.destroy()
})

type Role = 'admin' | 'anonymous' | 'editor' | 'reviewer'
type Operation = 'create' | 'delete' | 'read' | 'update'
const ROLES: Role[] = ['anonymous', 'editor', 'reviewer', 'admin']
const tokenOf = (role: Role) => (role === 'anonymous' ? undefined : t[role].token)
const uid = () => Math.random().toString(36).slice(2, 10)

interface CollectionCase {
  slug: string
  /** A document to read, update and delete (created with the Local API). */
  fixture: () => Promise<number>
  create: () => Record<string, unknown>
  update: Record<string, unknown>
  /** Roles allowed per operation. */
  allowed: Record<Operation, Role[]>
}

const writers: Role[] = ['editor', 'admin']
const loggedIn: Role[] = ['editor', 'reviewer', 'admin']
const local = { overrideAccess: true } as const

type CreateArgs = Parameters<TestContext['payload']['create']>[0]
/** Fixture creation with the Local API; generated types want every defaulted field, Payload does not. */
const createDoc = async (args: Record<string, unknown>): Promise<number> =>
  (await t.payload.create({ ...local, ...args } as unknown as CreateArgs)).id

const png = () =>
  sharp({ create: { width: 4, height: 4, channels: 3, background: '#88aacc' } })
    .png()
    .toBuffer()

const CASES: CollectionCase[] = [
  {
    slug: 'sources',
    fixture: async () =>
      createDoc({ collection: 'sources', data: { title: 'Fixture', doi: `10.1000/m.${uid()}` } }),
    create: () => ({ title: 'New source', doi: `10.1000/n.${uid()}` }),
    update: { volume: '12' },
    allowed: { read: loggedIn, create: writers, update: writers, delete: writers },
  },
  {
    slug: 'claims',
    fixture: async () =>
      createDoc({ collection: 'claims', data: { statement: 'A fixture claim.' } }),
    create: () => ({ statement: 'A new claim without numbers.' }),
    update: { topic: 'sleep' },
    allowed: { read: loggedIn, create: writers, update: writers, delete: writers },
  },
  {
    slug: 'benefits',
    fixture: async () => createDoc({ collection: 'benefits', data: { title: 'Fixture benefit' } }),
    create: () => ({ title: 'Better sleep' }),
    update: { summary: 'Rest comes easier.' },
    allowed: { read: loggedIn, create: writers, update: writers, delete: writers },
  },
  {
    slug: 'aftercare-tips',
    fixture: async () =>
      createDoc({
        collection: 'aftercare-tips',
        data: { title: 'Drink water', instruction: 'Drink a glass of water.' },
      }),
    create: () => ({ title: 'Rest', instruction: 'Rest for an hour.' }),
    update: { caution: 'Call us if you feel dizzy.' },
    allowed: { read: loggedIn, create: writers, update: writers, delete: writers },
  },
  {
    slug: 'comparison-rows',
    fixture: async () => createDoc({ collection: 'comparison-rows', data: { aspect: 'Cost' } }),
    create: () => ({ aspect: 'Expected outcomes' }),
    update: { icon: '💶' },
    allowed: { read: loggedIn, create: writers, update: writers, delete: writers },
  },
  {
    slug: 'articles',
    fixture: async () =>
      createDoc({ collection: 'articles', data: { title: `Draft article ${uid()}` }, draft: true }),
    create: () => ({ title: `New article ${uid()}` }),
    update: { excerpt: 'A short summary.' },
    allowed: { read: loggedIn, create: writers, update: writers, delete: writers },
  },
  {
    slug: 'review-events',
    fixture: async () => {
      const { id } = await createClaim(t)
      return (await submit(t, id)).body.event.id
    },
    create: () => ({ claim: 1, action: 'approved', at: new Date().toISOString() }),
    update: { note: 'rewritten history' },
    allowed: { read: ['reviewer', 'admin'], create: [], update: [], delete: [] },
  },
  {
    slug: 'media',
    fixture: async () => {
      const data = await png()
      return (
        await t.payload.create({
          collection: 'media',
          data: { alt: 'A swatch' },
          file: { data, mimetype: 'image/png', name: `swatch-${uid()}.png`, size: data.length },
          ...local,
        })
      ).id
    },
    // JSON carries no file: access is checked first, so writers get a validation error instead
    create: () => ({ alt: 'No file attached' }),
    update: { alt: 'A blue swatch' },
    // An image no published article shows is not public (media follows what it illustrates).
    allowed: { read: loggedIn, create: writers, update: writers, delete: writers },
  },
  {
    slug: 'users',
    fixture: async () =>
      (await createUser(t.payload, t.api, ['editor'], 'matrix-fixture')).id as number,
    create: () => ({
      email: `new-${uid()}@clinic.test`,
      password: 'a long enough password',
      roles: ['editor'],
    }),
    update: { name: 'Renamed' },
    allowed: { read: ['admin'], create: ['admin'], update: ['admin'], delete: ['admin'] },
  },
]

const isDenied = (res: ApiResponse) => [401, 403, 404].includes(res.status)

async function perform(c: CollectionCase, operation: Operation, role: Role): Promise<ApiResponse> {
  const api = t.api.as(tokenOf(role))
  if (operation === 'create') {
    return api.post(`/${c.slug}`, c.create())
  }
  const id = await c.fixture()
  if (operation === 'read') {
    return api.get(`/${c.slug}/${id}`)
  }
  if (operation === 'update') {
    return api.patch(`/${c.slug}/${id}`, c.update)
  }
  return api.delete(`/${c.slug}/${id}`)
}

const cells = CASES.flatMap((c) =>
  (['read', 'create', 'update', 'delete'] as Operation[]).flatMap((operation) =>
    ROLES.map((role) => ({ c, operation, role, allow: c.allowed[operation].includes(role) })),
  ),
)

describe('role × operation matrix', () => {
  it.each(
    cells.map(
      (cell) =>
        [cell.c.slug, cell.operation, cell.role, cell.allow ? 'allowed' : 'denied', cell] as const,
    ),
  )(
    '%s · %s · %s → %s',
    async (_slug, _operation, _role, _expected, { c, operation, role, allow }) => {
      const res = await perform(c, operation, role)
      if (!allow) {
        expect(isDenied(res), `status ${res.status}: ${JSON.stringify(res.body)}`).toBe(true)
      } else if (c.slug === 'media' && operation === 'create') {
        expect(res.status).toBe(400) // past access control; the upload itself is missing
      } else {
        expect(res.status, JSON.stringify(res.body)).toBe(operation === 'create' ? 201 : 200)
      }
    },
  )

  it.each(ROLES.map((role) => [role, writers.includes(role)] as const))(
    'submit a claim · %s → allowed: %s',
    async (role, allow) => {
      const { id } = await createClaim(t)
      const res = await t.api.as(tokenOf(role)).post(`/claims/${id}/submit`, {})
      if (allow) {
        expect(res.status).toBe(200)
      } else {
        expect([401, 403]).toContain(res.status)
      }
    },
  )

  it.each(ROLES.map((role) => [role, role === 'reviewer'] as const))(
    'approve a claim · %s → allowed: %s',
    async (role, allow) => {
      const { id } = await createClaim(t)
      await submit(t, id)
      const user = role === 'anonymous' ? undefined : role === 'reviewer' ? approver : t[role]
      const res = await t.api
        .as(user?.token)
        .post(`/claims/${id}/review`, { decision: 'approve', password: user?.password ?? 'x' })
      if (allow) {
        expect(res.status).toBe(200)
      } else {
        expect([401, 403]).toContain(res.status)
      }
    },
  )

  it.each(ROLES)('publish a claim directly · %s → denied', async (role) => {
    const { id } = await createClaim(t)
    const res = await t.api.as(tokenOf(role)).patch(`/claims/${id}`, { _status: 'published' })
    expect([401, 403]).toContain(res.status)
    expect((await t.payload.findByID({ collection: 'claims', id, ...local }))._status).toBe('draft')
  })

  it.each(ROLES.map((role) => [role, writers.includes(role)] as const))(
    'publish an article · %s → allowed: %s',
    async (role, allow) => {
      const { id } = await approvedClaim(t)
      const res = await t.api.as(tokenOf(role)).post('/articles', {
        title: `Published by ${role} ${uid()}`,
        layout: [{ blockType: 'clinicalClaim', claim: id, display: 'callout' }],
        _status: 'published',
      })
      if (allow) {
        expect(res.status).toBe(201)
      } else {
        expect([401, 403]).toContain(res.status)
      }
    },
  )
})

describe('mass assignment', () => {
  it('an editor creating a claim cannot set its review state', async () => {
    const res = await t.api.as(t.editor.token).post('/claims', {
      statement: 'Self-approved claim.',
      review: {
        status: 'approved',
        approvedBy: t.editor.id,
        approvedAt: '2026-01-01T00:00:00.000Z',
        reviewBy: '2030-01-01T00:00:00.000Z',
        note: 'fine',
        draftEditors: [],
      },
    })
    expect(res.status).toBe(201)
    const stored = await t.payload.findByID({
      collection: 'claims',
      id: res.body.doc.id,
      draft: true,
      depth: 0,
      ...local,
    })
    expect(stored.review).toMatchObject({
      status: 'draft',
      approvedBy: null,
      approvedAt: null,
      reviewBy: null,
      note: null,
      draftEditors: [t.editor.id],
    })
    expect(stored._status).toBe('draft')
  })

  it('an editor patching a claim in review cannot change its review state', async () => {
    const { id } = await createClaim(t)
    await submit(t, id)
    const res = await t.api.as(t.editor.token).patch(`/claims/${id}`, {
      review: { status: 'approved', approvedBy: t.editor.id, draftEditors: [] },
    })
    expect(res.status).toBe(200)
    const stored = await t.payload.findByID({
      collection: 'claims',
      id,
      draft: true,
      depth: 0,
      ...local,
    })
    expect(stored.review).toMatchObject({
      status: 'in_review',
      approvedBy: null,
      draftEditors: [t.editor.id],
    })
  })

  it('a GraphQL update carrying review fields leaves them unchanged', async () => {
    const { id } = await createClaim(t)
    const res = await t.api
      .as(t.editor.token)
      .gql(
        'mutation ($id: Int!, $data: mutationClaimUpdateInput!) { updateClaim(id: $id, data: $data, draft: true) { id } }',
        { id, data: { topic: 'pain', review: { status: 'approved', note: 'self-approved' } } },
      )
    expect(res.body.errors).toBeUndefined()
    const stored = await t.payload.findByID({
      collection: 'claims',
      id,
      draft: true,
      depth: 0,
      ...local,
    })
    expect(stored.review).toMatchObject({ status: 'draft', note: null })
    expect(stored.topic).toBe('pain')
  })

  it('an editor cannot give themselves roles', async () => {
    const res = await t.api
      .as(t.editor.token)
      .patch(`/users/${t.editor.id}`, { roles: ['admin', 'reviewer'], name: 'Eddie' })
    expect(res.status).toBe(200)
    const stored = await t.payload.findByID({ collection: 'users', id: t.editor.id, ...local })
    expect(stored.roles).toEqual(['editor'])
    expect(stored.name).toBe('Eddie')
  })

  it('a reviewer cannot edit claims or articles at all', async () => {
    const { id } = await createClaim(t)
    expect(
      (await t.api.as(t.reviewer.token).patch(`/claims/${id}`, { review: { status: 'approved' } }))
        .status,
    ).toBe(403)
    const article = await t.payload.create({
      collection: 'articles',
      data: { title: `Reviewer target ${uid()}` },
      draft: true,
      ...local,
    })
    expect(
      (await t.api.as(t.reviewer.token).patch(`/articles/${article.id}`, { title: 'Rewritten' }))
        .status,
    ).toBe(403)
  })
})

describe('four-eyes approve still works for a second reviewer after an editor edit', () => {
  it('a fresh reviewer approves what the editor wrote', async () => {
    const { id } = await createClaim(t)
    await submit(t, id)
    expect((await review(t, id, 'approve', { as: approver })).status).toBe(200)
  })
})
