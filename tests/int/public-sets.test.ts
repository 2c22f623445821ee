/**
 * The content graph computed when content goes live: what a published article exposes is exactly
 * what was checked, it is stored when content changes, anonymous reads cost the same however much
 * is published, and `reindex` repairs a corrupted store.
 */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { reindexPublicSets } from '../../src/content/store'
import { inTransaction } from '../../src/shared/transaction'
import { claimRef, paragraph, richText } from '../helpers/lexical'
import { bootPayload, type TestContext } from '../helpers/payload'
import { approvedClaim, createClaim } from '../helpers/reviewWorkflow'
import { countStatements, sql } from '../helpers/sql'

const run = promisify(execFile)

let t: TestContext
let counter = 0
const unique = () => `${Date.now().toString(36)}${(counter += 1)}`

beforeAll(async () => {
  t = await bootPayload()
})

afterAll(async () => {
  await t?.payload.destroy()
})

const editor = () => t.api.as(t.editor.token)

async function created(
  path: string,
  data: Record<string, unknown>,
): Promise<{ id: number; slug: string }> {
  const res = await editor().post(path, data)
  if (res.status !== 201) {
    throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`)
  }
  return res.body.doc
}

const tip = (instruction = 'Drink a glass of water after your session.') =>
  created('/aftercare-tips', { title: `Tip ${unique()}`, instruction })

const benefit = (data: Record<string, unknown> = {}) =>
  created('/benefits', { title: `Benefit ${unique()}`, ...data })

const publish = (data: Record<string, unknown>) =>
  editor().post('/articles', { title: `Article ${unique()}`, _status: 'published', ...data })

async function published(data: Record<string, unknown>): Promise<{ id: number; slug: string }> {
  const res = await publish(data)
  if (res.status !== 201) {
    throw new Error(`publish: ${res.status} ${JSON.stringify(res.body)}`)
  }
  return res.body.doc
}

const canRead = async (slug: string, id: number) =>
  (await t.api.get(`/${slug}/${id}`, { depth: 0 })).status === 200

const uncited = 'Seven in ten patients felt better within a week.'

describe('what a published article exposes is exactly what was checked', () => {
  it('a benefit block with showTips: false neither checks nor exposes the benefit’s tips', async () => {
    const hidden = await tip(uncited)
    const shown = await benefit({ aftercareTips: [hidden.id] })
    const article = await publish({
      layout: [{ blockType: 'benefit', benefit: shown.id, showTips: false }],
    })
    expect(article.status, JSON.stringify(article.body)).toBe(201)
    expect(await canRead('benefits', shown.id)).toBe(true)
    expect(await canRead('aftercare-tips', hidden.id)).toBe(false)
    const read = await t.api.get('/articles', {
      where: { id: { equals: article.body.doc.id } },
      depth: 2,
    })
    const tips = read.body.docs[0].layout[0].benefit.aftercareTips as unknown[]
    expect(tips.every((value) => typeof value !== 'object')).toBe(true)
  })

  it('the same tips shown (showTips: true) are checked: publishing is refused', async () => {
    const shownTip = await tip(uncited)
    const shown = await benefit({ aftercareTips: [shownTip.id] })
    const res = await publish({ layout: [{ blockType: 'benefit', benefit: shown.id }] })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].data.errors[0].message).toMatch(
      /"Seven in ten" in Benefits › Benefit \w+ › Tip \w+ › Instruction is not backed/,
    )
    expect(await canRead('aftercare-tips', shownTip.id)).toBe(false)
  })

  it('a benefit shown only as a comparison column is exposed, so all its text is checked', async () => {
    const column = await benefit({ clinicalPerspective: richText(paragraph(uncited)) })
    const row = await created('/comparison-rows', {
      aspect: 'Outcomes',
      cells: [{ benefit: column.id, rating: 'high', text: 'Better' }],
    })
    const refused = await publish({
      layout: [
        { blockType: 'comparisonTable', heading: 'Compared', columns: [column.id], rows: [row.id] },
      ],
    })
    expect(refused.status).toBe(400)
    expect(refused.body.errors[0].data.errors[0]).toMatchObject({
      path: 'layout.0.columns.clinicalPerspective',
      message: expect.stringContaining('"Seven in ten" in Compared › Columns › Benefit'),
    })

    const cleanTip = await tip()
    const clean = await benefit({ aftercareTips: [cleanTip.id] })
    const cleanRow = await created('/comparison-rows', {
      aspect: 'Outcomes',
      cells: [{ benefit: clean.id, rating: 'high', text: 'Better' }],
    })
    await published({
      layout: [{ blockType: 'comparisonTable', columns: [clean.id], rows: [cleanRow.id] }],
    })
    expect(await canRead('benefits', clean.id)).toBe(true)
    expect(await canRead('comparison-rows', cleanRow.id)).toBe(true)
    // The table shows the benefit's title, not its tips.
    expect(await canRead('aftercare-tips', cleanTip.id)).toBe(false)
  })

  it('the admin panel blocks on exactly the claims the publish gate refuses', async () => {
    const inReview = await createClaim(t)
    const approved = await approvedClaim(t)
    // Cited only by a benefit shown as a column, and by a claimRef to a claim that does not exist.
    const column = await benefit({ claims: [inReview.id] })
    const row = await created('/comparison-rows', {
      aspect: 'Outcomes',
      cells: [{ benefit: column.id, rating: 'high' }],
    })
    const data = {
      title: `Panel and gate ${unique()}`,
      intro: richText(
        paragraph('70% of patients reported less pain.', claimRef(approved.id)),
        paragraph('More.', claimRef(987654)),
      ),
      layout: [{ blockType: 'comparisonTable', columns: [column.id], rows: [row.id] }],
    }
    const panel = await editor().post('/cited/evidence-check', { collection: 'articles', data })
    expect(panel.status).toBe(200)
    const blocking = panel.body.claims
      .filter((claim: { isLive: boolean }) => !claim.isLive)
      .map((claim: { id: number }) => String(claim.id))
    expect(blocking.sort()).toEqual([String(inReview.id), '987654'].sort())
    expect(panel.body.isBlocked).toBe(true)

    const refused = await publish(data)
    expect(refused.status).toBe(400)
    const messages: string[] = refused.body.errors[0].data.errors.map(
      (error: { message: string }) => error.message,
    )
    const named = messages.flatMap((message) =>
      [...message.matchAll(/Claim (?:“[^”]*” \(id )?(\d+)/g)].map((match) => match[1]),
    )
    expect(named.sort()).toEqual(blocking.sort())
  })

  it('media follows what it illustrates: a published article’s hero image only', async () => {
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    )
    const upload = (alt: string) =>
      t.payload.create({
        collection: 'media',
        data: { alt },
        file: { data: png, mimetype: 'image/png', name: `${unique()}.png`, size: png.length },
      })
    const hero = await upload('Needles')
    const draftOnly = await upload('Draft only')
    await published({ heroImage: hero.id })
    await created('/articles', { title: `Draft ${unique()}`, heroImage: draftOnly.id })
    expect(await canRead('media', hero.id)).toBe(true)
    expect(await canRead('media', draftOnly.id)).toBe(false)
    const gql = await t.api.gql('{ allMedia(limit: 100) { docs { id } } }')
    expect(gql.body.data.allMedia.docs.map((doc: { id: number }) => doc.id)).not.toContain(
      draftOnly.id,
    )
    expect(gql.body.data.allMedia.docs.map((doc: { id: number }) => doc.id)).toContain(hero.id)
  })
})

describe('the stored set follows every change', () => {
  it('publish exposes, unpublish and delete withdraw', async () => {
    const shownTip = await tip()
    const shown = await benefit({ aftercareTips: [shownTip.id] })
    const article = await published({ layout: [{ blockType: 'benefit', benefit: shown.id }] })
    expect(await canRead('benefits', shown.id)).toBe(true)
    expect(await canRead('aftercare-tips', shownTip.id)).toBe(true)

    // A draft save of the live article changes nothing readers see.
    expect(
      (
        await editor().patch(
          `/articles/${article.id}`,
          { title: 'Retitled draft' },
          { draft: true },
        )
      ).status,
    ).toBe(200)
    expect(await canRead('benefits', shown.id)).toBe(true)

    expect((await editor().patch(`/articles/${article.id}`, { _status: 'draft' })).status).toBe(200)
    expect(await canRead('benefits', shown.id)).toBe(false)
    expect(await canRead('aftercare-tips', shownTip.id)).toBe(false)

    expect((await editor().patch(`/articles/${article.id}`, { _status: 'published' })).status).toBe(
      200,
    )
    expect(await canRead('benefits', shown.id)).toBe(true)
    expect((await editor().delete(`/articles/${article.id}`)).status).toBe(200)
    expect(await canRead('benefits', shown.id)).toBe(false)
    expect(
      await sql('select 1 from cited_public_sets where article_id = $1', [article.id]),
    ).toHaveLength(0)
  })

  it('a tip added to a shown benefit becomes public; one with an uncited statistic is refused and nothing changes', async () => {
    const shown = await benefit()
    await published({ layout: [{ blockType: 'benefit', benefit: shown.id }] })
    const good = await tip()
    expect(
      (await editor().patch(`/benefits/${shown.id}`, { aftercareTips: [good.id] })).status,
    ).toBe(200)
    expect(await canRead('aftercare-tips', good.id)).toBe(true)

    const bad = await tip(uncited)
    const refused = await editor().patch(`/benefits/${shown.id}`, {
      aftercareTips: [good.id, bad.id],
    })
    expect(refused.status).toBe(400)
    expect(refused.body.errors[0].data.errors[0].message).toMatch(
      /^In the published article “Article \w+”: "Seven in ten" in Benefits › Benefit \w+ › Tip \w+ › Instruction/,
    )
    expect(await canRead('aftercare-tips', bad.id)).toBe(false)
    const stored = await t.payload.findByID({ collection: 'benefits', id: shown.id, depth: 0 })
    expect(stored.aftercareTips).toEqual([good.id])
  })

  it('a benefit, tip or row a published article shows cannot be deleted', async () => {
    const shownTip = await tip()
    const shown = await benefit({ aftercareTips: [shownTip.id] })
    await published({ layout: [{ blockType: 'benefit', benefit: shown.id }] })
    const refused = await editor().delete(`/aftercare-tips/${shownTip.id}`)
    expect(refused.status).toBe(409)
    expect(refused.body.errors[0].message).toMatch(
      /This aftercare tip cannot be deleted: the published article “Article \w+” shows it/,
    )
    expect((await editor().delete(`/benefits/${shown.id}`)).status).toBe(409)
  })

  it('an approval of a new claim version refreshes the references and the public sources', async () => {
    const claim = await approvedClaim(t, '70% of patients reported less pain.')
    const article = await published({
      intro: richText(paragraph('70% of patients reported less pain.', claimRef(claim.id))),
    })
    const before = await t.api.get('/articles', { where: { id: { equals: article.id } }, depth: 0 })
    expect(before.body.docs[0].references.map((r: { sourceId: string }) => r.sourceId)).toEqual([
      String(claim.source),
    ])

    const extra = await created('/sources', {
      title: 'A second trial',
      doi: `10.1000/second.${unique()}`,
    })
    const draft = await editor().patch(`/claims/${claim.id}`, {
      statistics: [{ value: 70, unit: 'percent', sources: [claim.source, extra.id] }],
    })
    expect(draft.status).toBe(200)
    // Pending review: readers still get the approved version and its one source.
    expect(await canRead('sources', extra.id)).toBe(false)

    const submit = await editor().post(`/claims/${claim.id}/submit`, {})
    expect(submit.status).toBe(200)
    const approve = await t.api
      .as(t.reviewer.token)
      .post(`/claims/${claim.id}/review`, { decision: 'approve', password: t.reviewer.password })
    expect(approve.status).toBe(200)
    expect(await canRead('sources', extra.id)).toBe(true)
    const after = await t.api.get('/articles', { where: { id: { equals: article.id } }, depth: 0 })
    expect(after.body.docs[0].references.map((r: { sourceId: string }) => r.sourceId)).toEqual([
      String(claim.source),
      String(extra.id),
    ])
  })

  it('an edit of a cited source is in the references at once', async () => {
    const claim = await approvedClaim(t)
    const article = await published({
      layout: [{ blockType: 'clinicalClaim', claim: claim.id, display: 'callout' }],
    })
    expect(
      (await editor().patch(`/sources/${claim.source}`, { title: 'Renamed trial' })).status,
    ).toBe(200)
    const read = await t.api.get('/articles', { where: { id: { equals: article.id } }, depth: 0 })
    expect(read.body.docs[0].references[0].title).toBe('Renamed trial')
  })
})

describe('reads cost the same however much is published', () => {
  /** A published article with a benefit (tips, claims), a comparison table and a claim callout. */
  async function fullArticle(claims: { id: number }[]): Promise<{ slug: string }> {
    const tips = [await tip(), await tip()]
    const shown = await benefit({
      aftercareTips: tips.map((one) => one.id),
      claims: [claims[0].id],
      clinicalPerspective: richText(
        paragraph('70% of patients reported less pain.', claimRef(claims[1].id)),
      ),
    })
    const row = await created('/comparison-rows', {
      aspect: 'Outcomes',
      cells: [{ benefit: shown.id, rating: 'high', text: '70% better', claim: claims[2].id }],
    })
    return published({
      layout: [
        { blockType: 'benefit', benefit: shown.id },
        { blockType: 'comparisonTable', columns: [shown.id], rows: [row.id] },
        { blockType: 'clinicalClaim', claim: claims[0].id, display: 'callout' },
      ],
    })
  }

  it('an anonymous article read, a claims list and a sources list issue as many SQL statements with 1 published article as with 50', async () => {
    const claims = [await approvedClaim(t), await approvedClaim(t), await approvedClaim(t)]
    const first = await fullArticle(claims)
    const reads = {
      article: () => t.api.get('/articles', { where: { slug: { equals: first.slug } }, depth: 2 }),
      graphql: () =>
        t.api.gql(
          `query ($slug: String) { Articles(where: { slug: { equals: $slug } }) { docs { title references { number } layout { ... on BenefitBlock { benefit { title aftercareTips { title } } } } } } }`,
          { slug: first.slug },
        ),
      claims: () => t.api.get('/claims', { limit: 10 }),
      sources: () => t.api.get('/sources', { limit: 10 }),
    }
    const measure = async () => {
      const counts: Record<string, number> = {}
      for (const [name, read] of Object.entries(reads)) {
        await read() // warm-up: schema caches and prepared plans are not what is measured
        counts[name] = await countStatements(async () => {
          const res = await read()
          expect(res.status).toBe(200)
        })
      }
      return counts
    }
    const withOne = await measure()
    for (let i = 0; i < 49; i += 1) {
      await fullArticle([await approvedClaim(t), await approvedClaim(t), await approvedClaim(t)])
    }
    expect(
      (
        await t.payload.count({
          collection: 'articles',
          where: { _status: { equals: 'published' } },
        })
      ).totalDocs,
    ).toBeGreaterThanOrEqual(50)
    const withFifty = await measure()
    expect(withOne.article).toBeGreaterThan(0)
    expect(withFifty).toEqual(withOne)
    // And what they return is still only what published articles expose.
    expect((await reads.claims()).body.totalDocs).toBeGreaterThanOrEqual(150)
  }, 600_000)
})

describe('reindex', () => {
  it('repairs a corrupted store and reports what differed', async () => {
    const shownTip = await tip()
    const shown = await benefit({ aftercareTips: [shownTip.id] })
    const article = await published({ layout: [{ blockType: 'benefit', benefit: shown.id }] })
    const stray = await benefit()

    // Corrupt it three ways: a shown tip dropped from the set, a stray benefit made public, and
    // a set left behind for an article that is gone.
    const [set] = await sql<{ id: number }>(
      'select id from cited_public_sets where article_id = $1',
      [article.id],
    )
    await sql(`delete from cited_public_sets_rels where parent_id = $1 and path = 'tips'`, [set.id])
    await sql('update aftercare_tips set is_public = false where id = $1', [shownTip.id])
    await sql('update benefits set is_public = true where id = $1', [stray.id])
    await sql(`insert into cited_public_sets (article_id) values (999999)`)
    expect(await canRead('aftercare-tips', shownTip.id)).toBe(false)
    expect(await canRead('benefits', stray.id)).toBe(true)

    const req = await createLocalReq({}, t.payload)
    const report = await inTransaction(req, () => reindexPublicSets(req))
    expect(report.repaired).toContainEqual({
      articleId: String(article.id),
      missing: { tips: [shownTip.id] },
      extra: {},
      references: false,
    })
    expect(report.removed).toEqual(['999999'])
    expect(report.flags.tips).toContain(shownTip.id)
    expect(report.flags.benefits).toContain(stray.id)
    expect(await canRead('aftercare-tips', shownTip.id)).toBe(true)
    expect(await canRead('benefits', stray.id)).toBe(false)

    const again = await inTransaction(req, () => reindexPublicSets(req))
    expect(again).toMatchObject({ repaired: [], removed: [], flags: {} })
  })

  it('npm run cited -- reindex repairs through the app config and prints what it did', async () => {
    const stray = await benefit()
    await sql('update benefits set is_public = true where id = $1', [stray.id])
    const cli = await run('node', ['--import', 'tsx', 'scripts/cited.ts', 'reindex', '--json'], {
      env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL },
      maxBuffer: 10 * 1024 * 1024,
    })
    const report = JSON.parse(cli.stdout)
    expect(report.articles).toBeGreaterThan(0)
    expect(report.flags).toEqual({ benefits: [stray.id] })
    expect(await canRead('benefits', stray.id)).toBe(false)
  }, 120_000)
})
