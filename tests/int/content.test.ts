import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { bootPayload, type TestContext } from '../helpers/payload'

let t: TestContext

beforeAll(async () => {
  t = await bootPayload()
})

afterAll(async () => {
  await t?.payload.destroy()
})

const paragraph = (text: string) => ({
  root: {
    type: 'root',
    format: '',
    indent: 0,
    version: 1,
    direction: 'ltr',
    children: [
      {
        type: 'paragraph',
        format: '',
        indent: 0,
        version: 1,
        direction: 'ltr',
        textFormat: 0,
        children: [
          { type: 'text', text, format: 0, detail: 0, mode: 'normal', style: '', version: 1 },
        ],
      },
    ],
  },
})

describe('benefits, aftercare tips and comparison rows', () => {
  it('an editor creates, reads, updates and deletes a benefit', async () => {
    const editor = t.api.as(t.editor.token)
    const created = await editor.post('/benefits', {
      title: 'Muscle Tension Release and Relaxation',
      summary: 'Releases deep-seated muscle tension.',
      clinicalPerspective: paragraph('Needles create a micro-response in the muscle.'),
    })
    expect(created.status).toBe(201)
    const id = created.body.doc.id
    const read = await editor.get(`/benefits/${id}`)
    expect(read.body.clinicalPerspective.root.children[0].children[0].text).toContain(
      'micro-response',
    )
    const updated = await editor.patch(`/benefits/${id}`, { summary: 'Unwinds chronic tension.' })
    expect(updated.body.doc.summary).toBe('Unwinds chronic tension.')
    expect((await editor.delete(`/benefits/${id}`)).status).toBe(200)
    expect((await editor.get(`/benefits/${id}`)).status).toBe(404)
  })

  it('refuses a benefit without a title, naming the field', async () => {
    const res = await t.api.as(t.editor.token).post('/benefits', { summary: 'No title' })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].data.errors[0]).toMatchObject({ path: 'title' })
  })

  it('an editor creates, reads, updates and deletes an aftercare tip', async () => {
    const editor = t.api.as(t.editor.token)
    const created = await editor.post('/aftercare-tips', {
      title: 'Stay Hydrated',
      instruction: 'Drink plenty of water before and after your treatment.',
      timing: 'right-after',
      category: 'hydration',
    })
    expect(created.status).toBe(201)
    const id = created.body.doc.id
    expect((await editor.get(`/aftercare-tips/${id}`)).body.category).toBe('hydration')
    const updated = await editor.patch(`/aftercare-tips/${id}`, {
      caution: 'Unless advised otherwise.',
    })
    expect(updated.body.doc.caution).toBe('Unless advised otherwise.')
    expect((await editor.delete(`/aftercare-tips/${id}`)).status).toBe(200)
  })

  it('refuses an aftercare tip with an unknown timing', async () => {
    const res = await t.api
      .as(t.editor.token)
      .post('/aftercare-tips', { title: 'Odd', instruction: 'Do it.', timing: 'whenever' })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].data.errors[0]).toMatchObject({ path: 'timing' })
  })

  it('an editor creates, reads, updates and deletes a comparison row with cells', async () => {
    const editor = t.api.as(t.editor.token)
    const benefit = (await editor.post('/benefits', { title: 'Reduced Inflammation' })).body.doc
    const created = await editor.post('/comparison-rows', {
      aspect: 'Expected Outcomes',
      icon: '📊',
      cells: [
        { benefit: benefit.id, rating: 'high', text: '40-60% reduction in inflammatory markers' },
      ],
    })
    expect(created.status).toBe(201)
    const id = created.body.doc.id
    const read = await editor.get(`/comparison-rows/${id}`, { depth: 1 })
    expect(read.body.cells[0].benefit.title).toBe('Reduced Inflammation')
    const updated = await editor.patch(`/comparison-rows/${id}`, { icon: '⭐' })
    expect(updated.body.doc.icon).toBe('⭐')
    expect((await editor.delete(`/comparison-rows/${id}`)).status).toBe(200)
  })

  it('refuses a comparison cell with an unknown rating', async () => {
    const editor = t.api.as(t.editor.token)
    const benefit = (await editor.post('/benefits', { title: 'Sleep' })).body.doc
    const res = await editor.post('/comparison-rows', {
      aspect: 'Implementation Complexity',
      cells: [{ benefit: benefit.id, rating: 'extreme' }],
    })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].data.errors[0]).toMatchObject({ path: 'cells.0.rating' })
  })
})

describe('claims', () => {
  it('an editor saves a claim draft with statistics and sources', async () => {
    const editor = t.api.as(t.editor.token)
    const source = (
      await editor.post('/sources', {
        title: 'Acupuncture trial',
        pmid: String(Date.now()).slice(-8),
      })
    ).body.doc
    const created = await editor.post('/claims', {
      statement: '70% of patients treated for chronic back pain improved.',
      statistics: [
        {
          value: 70,
          unit: 'percent',
          qualifier: 'exact',
          measure: 'improvement',
          sources: [source.id],
        },
      ],
      attribution: 'Cleveland Clinic',
      topic: 'back pain',
    })
    expect(created.status).toBe(201)
    expect(created.body.doc._status).toBe('draft')
    expect(created.body.doc.review.status).toBe('draft')
    const read = await editor.get(`/claims/${created.body.doc.id}`, { depth: 1, draft: true })
    expect(read.body.statistics[0].sources[0].title).toBe('Acupuncture trial')
  })

  it('ignores review fields written through the API', async () => {
    const editor = t.api.as(t.editor.token)
    const created = await editor.post('/claims', {
      statement: 'Half of the patients stopped taking painkillers.',
      review: { status: 'approved', note: 'self-approved' },
    })
    expect(created.status).toBe(201)
    expect(created.body.doc.review.status).toBe('draft')
    expect(created.body.doc.review.note ?? null).toBeNull()
  })

  it('refuses a statistic without a value', async () => {
    const res = await t.api.as(t.editor.token).post('/claims', {
      statement: 'Most patients improved.',
      statistics: [{ unit: 'percent' }],
    })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].data.errors[0]).toMatchObject({ path: 'statistics.0.value' })
  })
})

describe('articles', () => {
  it('derives a unique slug from the title', async () => {
    const editor = t.api.as(t.editor.token)
    const res = await editor.post('/articles', { title: 'Benefits of Acupuncture for Back Pain' })
    expect(res.status).toBe(201)
    expect(res.body.doc.slug).toBe('benefits-of-acupuncture-for-back-pain')
    const twin = await editor.post('/articles', {
      title: 'Another',
      slug: 'benefits-of-acupuncture-for-back-pain',
      generateSlug: false,
    })
    expect(twin.status).toBe(400)
    expect(twin.body.errors[0].data.errors[0]).toMatchObject({ path: 'slug' })
  })

  it('anonymous readers see published articles only', async () => {
    const editor = t.api.as(t.editor.token)
    const draft = (await editor.post('/articles', { title: 'Still a draft' })).body.doc
    const published = (await editor.post('/articles', { title: 'Out there', _status: 'published' }))
      .body.doc
    const list = await t.api.get('/articles', { limit: 100 })
    expect(list.status).toBe(200)
    const ids = list.body.docs.map((doc: { id: number }) => doc.id)
    expect(ids).toContain(published.id)
    expect(ids).not.toContain(draft.id)
    // a draft is not found for anonymous readers: its existence does not leak
    expect((await t.api.get(`/articles/${draft.id}`)).status).toBe(404)
    const drafts = await t.api.get('/articles', { draft: true, limit: 100 })
    expect(drafts.body.docs.map((doc: { id: number }) => doc.id)).not.toContain(draft.id)
  })

  it('anonymous readers cannot write', async () => {
    expect((await t.api.post('/articles', { title: 'Spam' })).status).toBe(403)
    expect((await t.api.post('/claims', { statement: 'Spam' })).status).toBe(403)
  })

  it('refuses a call to action with a javascript: link', async () => {
    const res = await t.api.as(t.editor.token).post('/articles', {
      title: 'CTA',
      layout: [{ blockType: 'callToAction', text: 'Book', url: 'javascript:alert(1)' }],
    })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].data.errors[0]).toMatchObject({ path: 'layout.0.url' })
  })
})

describe('users and roles', () => {
  it('the first user becomes an admin', async () => {
    const me = await t.api.as(t.admin.token).get('/users/me')
    expect(me.body.user.roles).toEqual(['admin'])
  })

  it('a user cannot give themselves roles', async () => {
    const editor = t.api.as(t.editor.token)
    const res = await editor.patch(`/users/${t.editor.id}`, {
      roles: ['admin', 'reviewer'],
      name: 'Ed',
    })
    expect(res.status).toBe(200)
    const me = await t.payload.findByID({ collection: 'users', id: t.editor.id })
    expect(me.roles).toEqual(['editor'])
    expect(me.name).toBe('Ed')
  })

  it('only admins create users and change roles', async () => {
    const byEditor = await t.api.as(t.editor.token).post('/users', {
      email: 'new@clinic.test',
      password: 'a long password',
      roles: ['reviewer'],
    })
    expect(byEditor.status).toBe(403)
    const byAdmin = await t.api.as(t.admin.token).post('/users', {
      email: 'new@clinic.test',
      password: 'a long password',
      roles: ['reviewer'],
    })
    expect(byAdmin.status).toBe(201)
    expect(byAdmin.body.doc.roles).toEqual(['reviewer'])
    const promoted = await t.api
      .as(t.admin.token)
      .patch(`/users/${byAdmin.body.doc.id}`, { roles: ['reviewer', 'editor'] })
    expect(promoted.body.doc.roles).toEqual(['reviewer', 'editor'])
  })

  it('users other than admins see only themselves', async () => {
    const list = await t.api.as(t.reviewer.token).get('/users')
    expect(list.body.docs.map((user: { id: number }) => user.id)).toEqual([t.reviewer.id])
    expect((await t.api.get('/users')).status).toBe(403)
  })

  it('review events cannot be written through the API by anyone', async () => {
    const claim = (await t.api.as(t.editor.token).post('/claims', { statement: 'A claim.' })).body
      .doc
    for (const user of [t.admin, t.editor, t.reviewer]) {
      const res = await t.api.as(user.token).post('/review-events', {
        claim: claim.id,
        action: 'approved',
        at: new Date().toISOString(),
      })
      expect(res.status).toBe(403)
    }
  })
})

describe('media', () => {
  it('uploads an image with alt text into media/ and makes sizes', async () => {
    const sharp = (await import('sharp')).default
    const png = await sharp({
      create: { width: 800, height: 600, channels: 3, background: '#88aacc' },
    })
      .png()
      .toBuffer()
    const doc = await t.payload.create({
      collection: 'media',
      data: { alt: 'A calm treatment room' },
      file: { data: png, mimetype: 'image/png', name: `room-${Date.now()}.png`, size: png.length },
    })
    expect(doc.url).toMatch(/^\/api\/media\/file\//)
    expect(doc.sizes?.thumbnail?.width).toBe(320)
    const fs = await import('node:fs')
    const path = await import('node:path')
    expect(fs.existsSync(path.resolve('media', doc.filename!))).toBe(true)
    await t.payload.delete({ collection: 'media', id: doc.id })
  })

  it('refuses an image without alt text', async () => {
    const sharp = (await import('sharp')).default
    const png = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } })
      .png()
      .toBuffer()
    await expect(
      t.payload.create({
        collection: 'media',
        data: {} as { alt: string },
        file: { data: png, mimetype: 'image/png', name: 'no-alt.png', size: png.length },
      }),
    ).rejects.toThrow(/alt/i)
  })
})
