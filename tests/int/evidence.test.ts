import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { claimRef, paragraph, richText } from '../helpers/lexical'
import { bootPayload, type TestContext } from '../helpers/payload'
import { approveClaim } from '../helpers/review'

let t: TestContext
let sourceId: number

beforeAll(async () => {
  t = await bootPayload()
  const source = await t.payload.create({
    collection: 'sources',
    data: {
      type: 'journal-article',
      title: 'Acupuncture for chronic pain',
      doi: '10.1001/archinternmed.2012.3654',
    },
  })
  sourceId = source.id
})

afterAll(async () => {
  await t?.payload.destroy()
})

/** A claim with one cited statistic, approved through the review workflow. */
async function citedClaim(statement: string, value: number, upper?: number) {
  const claim = await t.payload.create({
    collection: 'claims',
    data: { statement, statistics: [{ value, upper, unit: 'percent', sources: [sourceId] }] },
    draft: true,
  })
  await approveClaim(t, claim.id)
  return claim
}

const editor = () => t.api.as(t.editor.token)

async function benefitWith(title: string, perspective: ReturnType<typeof richText>) {
  const res = await editor().post('/benefits', { title, clinicalPerspective: perspective })
  expect(res.status).toBe(201)
  return res.body.doc
}

describe('drafts warn', () => {
  it('saves a draft with uncovered statistics and reports each with its path', async () => {
    const benefit = await benefitWith(
      'Natural Pain Reduction',
      richText(paragraph('The Cleveland Clinic reports that 70% of their patients improve.')),
    )
    expect(benefit.evidence.uncoveredCount).toBe(1)
    const res = await editor().post('/articles', {
      title: 'Draft with warnings',
      layout: [
        { blockType: 'benefit', benefit: benefit.id },
        {
          blockType: 'richText',
          content: richText(
            paragraph('Some studies show up to a 60% improvement in sleep scores.'),
          ),
        },
      ],
    })
    expect(res.status).toBe(201)
    expect(res.body.doc._status).toBe('draft')
    const uncovered = res.body.doc.evidence.uncovered
    expect(uncovered).toHaveLength(2)
    expect(uncovered[0]).toMatchObject({
      text: '70%',
      path: 'Benefits › Natural Pain Reduction › Clinical perspective',
      fieldPath: 'layout.0.benefit.clinicalPerspective',
      reason: 'uncovered',
      message:
        '"70%" in Benefits › Natural Pain Reduction › Clinical perspective is not backed by a cited claim.',
    })
    expect(uncovered[1]).toMatchObject({
      path: 'Text (block 2)',
      text: expect.stringContaining('60%'),
    })
  })

  it('reports warnings through GraphQL too', async () => {
    const res = await t.api
      .as(t.editor.token)
      .gql(
        `mutation ($data: mutationArticleInput!) { createArticle(data: $data, draft: true) { id evidence { uncoveredCount uncovered } } }`,
        { data: { title: 'GraphQL draft', excerpt: 'Eight in ten patients would recommend it.' } },
      )
    expect(res.body.errors).toBeUndefined()
    expect(res.body.data.createArticle.evidence.uncoveredCount).toBe(1)
    expect(res.body.data.createArticle.evidence.uncovered[0].path).toBe('Excerpt')
  })
})

describe('publishing blocks', () => {
  it('refuses to publish and lists every uncovered statistic with text, path and reason', async () => {
    const benefit = await benefitWith(
      'Reduced Inflammation',
      richText(paragraph('Studies show up to a 50% reduction in key inflammatory markers.')),
    )
    const row = (
      await editor().post('/comparison-rows', {
        aspect: 'Expected Outcomes',
        cells: [
          { benefit: benefit.id, rating: 'high', text: '40-60% reduction in inflammatory markers' },
        ],
      })
    ).body.doc
    const res = await editor().post('/articles', {
      title: 'Refused',
      _status: 'published',
      intro: richText(paragraph('About 1 in 3 adults will experience low back pain this year.')),
      layout: [
        { blockType: 'benefit', benefit: benefit.id },
        {
          blockType: 'comparisonTable',
          heading: 'Benefits Comparison',
          columns: [benefit.id],
          rows: [row.id],
        },
      ],
    })
    expect(res.status).toBe(400)
    const errors = res.body.errors[0].data.errors
    expect(errors.map((e: { message: string }) => e.message)).toEqual([
      '"About 1 in 3" in Intro is not backed by a cited claim.',
      '"up to a 50%" in Benefits › Reduced Inflammation › Clinical perspective is not backed by a cited claim.',
      '"40-60%" in Benefits Comparison › Expected Outcomes › Reduced Inflammation is not backed by a cited claim.',
    ])
    expect(errors.map((e: { path: string }) => e.path)).toEqual([
      'intro',
      'layout.0.benefit.clinicalPerspective',
      'layout.1.rows.0.cells.0.text',
    ])
    const stored = await t.payload.find({
      collection: 'articles',
      where: { title: { equals: 'Refused' } },
      draft: true,
    })
    expect(stored.totalDocs).toBe(0)
  })

  it('refuses to publish through GraphQL with the same list', async () => {
    const res = await t.api
      .as(t.editor.token)
      .gql(`mutation ($data: mutationArticleInput!) { createArticle(data: $data) { id } }`, {
        data: {
          title: 'GraphQL publish',
          _status: 'published',
          excerpt: 'Patients were twice as likely to return to work.',
        },
      })
    expect(res.body.errors?.[0]?.extensions?.data?.errors[0]?.message).toBe(
      '"twice as likely" in Excerpt is not backed by a cited claim.',
    )
  })

  it('publishes once every statistic is covered: inside a block, by an inline claimRef, in a table cell and a chart point', async () => {
    const seventy = await citedClaim('70% of patients treated for chronic back pain improved.', 70)
    const range = await citedClaim('A 40-60% reduction in inflammatory markers.', 40, 60)
    const sixty = await citedClaim('Up to a 60% improvement in sleep scores.', 60)
    const benefit = await benefitWith(
      'Natural Pain Reduction',
      richText(
        paragraph(
          'The Cleveland Clinic reports that 70% of their patients improve.',
          claimRef(seventy.id),
        ),
      ),
    )
    const row = (
      await editor().post('/comparison-rows', {
        aspect: 'Expected Outcomes',
        cells: [
          {
            benefit: benefit.id,
            rating: 'high',
            text: '40-60% reduction in inflammatory markers',
            claim: range.id,
          },
        ],
      })
    ).body.doc
    const res = await editor().post('/articles', {
      title: 'Covered',
      _status: 'published',
      layout: [
        { blockType: 'benefit', benefit: benefit.id },
        {
          blockType: 'richText',
          content: richText(
            paragraph(
              'Some studies show up to a 60% improvement in sleep scores.',
              claimRef(sixty.id),
              ' Sleep matters.',
            ),
          ),
        },
        { blockType: 'comparisonTable', columns: [benefit.id], rows: [row.id] },
        {
          blockType: 'chart',
          title: 'Improvement',
          unit: 'percent',
          points: [{ label: 'Acupuncture', value: 70, claim: seventy.id }],
        },
      ],
    })
    expect(res.body.errors).toBeUndefined()
    expect(res.status).toBe(201)
    expect(res.body.doc._status).toBe('published')
    expect(res.body.doc.evidence.uncoveredCount).toBe(0)
    expect(
      res.body.doc.evidence.claims
        .map((c: number | { id: number }) => (typeof c === 'object' ? c.id : c))
        .sort(),
    ).toEqual([seventy.id, range.id, sixty.id].sort())
  })

  it('refuses a claim whose number differs and names both numbers', async () => {
    const forty = await citedClaim('A 40% reduction in stress-related back pain.', 40)
    const res = await editor().post('/articles', {
      title: 'Mismatch',
      _status: 'published',
      intro: richText(
        paragraph('Programs documented up to a 50% reduction in stress.', claimRef(forty.id)),
      ),
    })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].data.errors[0].message).toBe(
      '"up to a 50%" in Intro does not match its claim (claim states 40%).',
    )
  })

  it('matches number words and unit spellings: "seven in ten" is 70%', async () => {
    const seventy = await citedClaim('Seven in ten patients improved.', 70)
    const res = await editor().post('/articles', {
      title: 'Words',
      _status: 'published',
      intro: richText(paragraph('Seven in ten patients improved.', claimRef(seventy.id))),
    })
    expect(res.status).toBe(201)
  })

  it('refuses a chart point whose claim states another number', async () => {
    const seventy = await citedClaim('70% improved.', 70)
    const res = await editor().post('/articles', {
      title: 'Chart mismatch',
      _status: 'published',
      layout: [
        {
          blockType: 'chart',
          title: 'Pain',
          points: [{ label: 'Acupuncture', value: 65, claim: seventy.id }],
        },
      ],
    })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].data.errors[0]).toMatchObject({
      path: 'layout.0.points.0.value',
      message: '"65%" in Chart › Pain › Acupuncture does not match its claim (claim states 70%).',
    })
  })
})

describe('live content is checked against approved claims', () => {
  it('publishing checks the approved version of a claim, not a newer unreviewed draft', async () => {
    const claim = await citedClaim('70% of patients improved.', 70)
    const edited = await editor().patch(`/claims/${claim.id}`, {
      statement: '80% of patients improved.',
      statistics: [{ value: 80, unit: 'percent', sources: [sourceId] }],
    })
    expect(edited.status).toBe(200)
    const res = await editor().post('/articles', {
      title: 'Unreviewed number',
      _status: 'published',
      intro: richText(paragraph('80% of patients improved.', claimRef(claim.id))),
    })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].data.errors[0].message).toBe(
      '"80%" in Intro does not match its claim (claim states 70%).',
    )
  })

  it('a benefit shown by a published article cannot take an uncited statistic', async () => {
    const seventy = await citedClaim('70% of patients improved.', 70)
    const benefit = await benefitWith(
      'Live benefit',
      richText(paragraph('70% of patients improved.', claimRef(seventy.id))),
    )
    const article = await editor().post('/articles', {
      title: 'Shows the live benefit',
      _status: 'published',
      layout: [{ blockType: 'benefit', benefit: benefit.id }],
    })
    expect(article.status).toBe(201)
    const res = await editor().patch(`/benefits/${benefit.id}`, {
      summary: 'Nine in ten patients sleep better.',
    })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].data.errors[0]).toMatchObject({
      path: 'summary',
      message: '"Nine in ten" in Live benefit › Summary is not backed by a cited claim.',
    })
    const stored = await t.payload.findByID({ collection: 'benefits', id: benefit.id })
    expect(stored.summary ?? null).toBeNull()
  })

  it('a benefit shown by a published article cannot cite an unapproved claim', async () => {
    const seventy = await citedClaim('70% of patients improved.', 70)
    const benefit = await benefitWith(
      'Another live benefit',
      richText(paragraph('70% of patients improved.', claimRef(seventy.id))),
    )
    await editor().post('/articles', {
      title: 'Shows another live benefit',
      _status: 'published',
      layout: [{ blockType: 'benefit', benefit: benefit.id }],
    })
    const draftClaim = (
      await editor().post('/claims', {
        statement: 'Half of patients improved.',
        statistics: [{ value: 50, unit: 'percent', sources: [sourceId] }],
      })
    ).body.doc
    const res = await editor().patch(`/benefits/${benefit.id}`, { claims: [draftClaim.id] })
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body)).toContain('has not been approved by a reviewer yet')
  })
})

describe('claims', () => {
  it('records statistics in the statement that are missing from its rows', async () => {
    const res = await editor().post('/claims', {
      statement: '45 percent of participants reported less stiffness.',
      statistics: [],
    })
    expect(res.status).toBe(201)
    expect(res.body.doc.evidence.uncovered[0].message).toContain(
      '"45 percent" in the statement is not one of this claim\'s statistics',
    )
  })

  it('a claim cannot leave draft while a statistic has no source (submit, REST)', async () => {
    const claim = (
      await editor().post('/claims', {
        statement: '70% of patients improved.',
        statistics: [{ value: 70, unit: 'percent' }],
      })
    ).body.doc
    const res = await editor().post(`/claims/${claim.id}/submit`, {})
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body)).toContain('has no source')
    const live = await t.api.get(`/claims/${claim.id}`)
    expect(live.status).not.toBe(200)
  })

  it('a claim cannot be published without sources even by trusted server code (Local API)', async () => {
    const claim = await t.payload.create({
      collection: 'claims',
      data: {
        statement: '70% of patients improved.',
        statistics: [{ value: 70, unit: 'percent' }],
      },
      draft: true,
    })
    const error = await t.payload
      .update({ collection: 'claims', id: claim.id, data: { _status: 'published' } })
      .catch((e: { data?: { errors: { path: string; message: string }[] } }) => e)
    expect(error).toMatchObject({
      data: {
        errors: [
          {
            path: 'statistics.0.sources',
            message:
              'Statistic 1 (70%) has no source. Add the source that reports it before the claim can be approved.',
          },
        ],
      },
    })
  })

  it('a statistic tied to a claim without a source is reported as uncited', async () => {
    const unsourced = (
      await editor().post('/claims', {
        statement: '70% of patients improved.',
        statistics: [{ value: 70, unit: 'percent' }],
      })
    ).body.doc
    const res = await editor().post('/articles', {
      title: 'Uncited',
      intro: richText(paragraph('70% of patients improved.', claimRef(unsourced.id))),
    })
    expect(res.status).toBe(201)
    expect(res.body.doc.evidence.uncovered[0]).toMatchObject({
      reason: 'uncited',
      message: '"70%" in Intro is tied to a claim that cites no source for it yet.',
    })
  })

  it('a claim cited by a published article cannot be deleted', async () => {
    const seventy = await citedClaim('70% of patients improved.', 70)
    await editor().post('/articles', {
      title: 'Cites seventy',
      _status: 'published',
      intro: richText(paragraph('70% of patients improved.', claimRef(seventy.id))),
    })
    const res = await editor().delete(`/claims/${seventy.id}`)
    expect(res.status).toBe(409)
    expect(res.body.errors[0].message).toContain('“Cites seventy”')
    const reviewed = await citedClaim('Half of the patients stopped painkillers.', 50)
    const audited = await t.api.as(t.admin.token).delete(`/claims/${reviewed.id}`)
    expect(audited.status).toBe(409)
    expect(audited.body.errors[0].message).toContain('review history')
    const scratch = (await editor().post('/claims', { statement: 'A scratch claim.' })).body.doc
    expect((await editor().delete(`/claims/${scratch.id}`)).status).toBe(200)
  })
})
