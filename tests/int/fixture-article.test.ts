/**
 * The acupuncture article of the fixture is fully representable: built through the REST API
 * (and once more through GraphQL) from its parsed structure, then read back whole.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Json } from '../helpers/api'

import { lexicalToPlainText } from '../../src/evidence/lexical'
import { parseArticle } from '../../src/importer/parse'
import { type ImportPlan, planImport, type RefKind } from '../../src/importer/plan'
import { resolve } from '../../src/importer/write'
import { bootPayload, type TestContext } from '../helpers/payload'

let t: TestContext
let plan: ImportPlan
let articleId: number
let layoutSent: Record<string, unknown>[]

const parsed = parseArticle(
  fs.readFileSync(path.resolve('tests/fixtures/acupuncture-back-pain.txt'), 'utf8'),
)

/** Creates every planned document through REST as the editor; returns the article body to send. */
async function buildThroughRest(): Promise<Record<string, unknown>> {
  const editor = t.api.as(t.editor.token)
  const ids: Record<RefKind, Map<number, number | string>> = {
    benefit: new Map(),
    claim: new Map(),
    row: new Map(),
    tip: new Map(),
  }
  const create = async (collection: string, data: unknown) => {
    const res = await editor.post(`/${collection}`, data)
    if (res.status !== 201) {
      throw new Error(`${collection}: ${res.status} ${JSON.stringify(res.body)}`)
    }
    return res.body.doc.id as number
  }
  for (const claim of plan.claims) {
    ids.claim.set(
      claim.key,
      await create('claims', { statement: claim.statement, statistics: claim.statistics }),
    )
  }
  for (const tip of plan.tips) {
    ids.tip.set(tip.key, await create('aftercare-tips', resolve(tip.data, ids)))
  }
  for (const benefit of plan.benefits) {
    ids.benefit.set(benefit.key, await create('benefits', resolve(benefit.data, ids)))
  }
  for (const row of plan.rows) {
    ids.row.set(row.key, await create('comparison-rows', resolve(row.data, ids)))
  }
  return resolve(plan.article, ids) as Record<string, unknown>
}

beforeAll(async () => {
  t = await bootPayload()
  plan = planImport(parsed)
  const article = await buildThroughRest()
  layoutSent = article.layout as Record<string, unknown>[]
  const res = await t.api.as(t.editor.token).post('/articles', { ...article, author: 'Eric Tsai' })
  if (res.status !== 201) {
    throw new Error(JSON.stringify(res.body))
  }
  articleId = res.body.doc.id
})

afterAll(async () => {
  await t?.payload.destroy()
})

/** A block as the REST API answers it (untyped JSON, read ad hoc). */
type Block = Record<string, Json>

/** A block as a new document would send it: without the ids of its stored array rows. */
const withoutRowIds = ({ id: _id, ...block }: Block): Block =>
  block.blockType === 'keyTakeaways'
    ? {
        ...block,
        items: block.items.map(({ id: _item, points, ...item }: Block) => ({
          ...item,
          points: (points ?? []).map(({ id: _point, ...point }: Block) => point),
        })),
      }
    : block
const blocksOf = (layout: Block[], type: string) =>
  layout.filter((block) => block.blockType === type)

function expectWholeArticle(article: {
  title: string
  intro: unknown
  layout: Block[]
  conclusion: unknown
}) {
  expect(article.title).toBe('Benefits of Acupuncture for Back Pain')
  expect(lexicalToPlainText(article.intro)).toContain('Back pain is more than a physical ailment')

  const benefits = blocksOf(article.layout, 'benefit')
  expect(benefits.map((block) => block.benefit.title)).toEqual(parsed.benefits.map((b) => b.title))
  benefits.forEach((block, index) => {
    const perspective = lexicalToPlainText(block.benefit.clinicalPerspective)
    expect(perspective).toContain(parsed.benefits[index].perspective[0].slice(0, 60))
  })
  expect(lexicalToPlainText(benefits[0].benefit.clinicalPerspective)).toContain(
    '70% of their patients',
  )

  const tipBlocks = blocksOf(article.layout, 'aftercareTips')
  const tips = tipBlocks.flatMap((block) => block.tips)
  expect(tips).toHaveLength(32)
  expect(tips[0]).toMatchObject({
    title: 'Initial Frequency',
    instruction: expect.stringContaining('two to three sessions per week'),
  })

  const [table] = blocksOf(article.layout, 'comparisonTable')
  expect(table.heading).toBe('Benefits Comparison of Acupuncture for Back Pain')
  expect(table.columns.map((benefit: Block) => benefit.title)).toEqual(
    parsed.benefits.map((b) => b.title),
  )
  expect(table.rows.map((row: Block) => `${row.aspect} ${row.icon}`)).toEqual([
    'Implementation Complexity 🔄',
    'Resource Requirements ⚡',
    'Expected Outcomes 📊',
    'Ideal Use Cases 💡',
    'Key Advantages ⭐',
  ])
  for (const row of table.rows) {
    expect(row.cells).toHaveLength(8)
  }
  expect(table.rows[0].cells[0]).toMatchObject({
    rating: 'medium',
    text: 'Medium – multiple sessions needed',
  })
  expect(table.rows[2].cells[3].text).toBe('40-60% reduction in inflammatory markers')
  expect(table.rows[2].cells[3].benefit.title).toBe('Reduced Inflammation in Spinal Tissues')

  const [quote] = blocksOf(article.layout, 'quote')
  expect(quote.text).toContain('Acupuncture is not just about needles')

  const [takeaways, steps] = blocksOf(article.layout, 'keyTakeaways')
  expect(takeaways.items).toHaveLength(8)
  expect(takeaways.items[0]).toMatchObject({ title: 'Drug-Free Pain Control' })
  expect(takeaways.items[0].points.map((p: Block) => p.text)).toEqual([
    'Targets pain pathways without the risks of opioids or NSAIDs.',
    'Ideal for patients seeking non-pharmaceutical relief.',
  ])
  expect(steps.style).toBe('steps')
  expect(steps.items.map((item: Block) => item.title)).toEqual([
    'Schedule a Personalized Assessment',
    'Verify Your Insurance Benefits',
    'Commit to a Tailored Treatment Plan',
  ])

  const [cta] = blocksOf(article.layout, 'callToAction')
  expect(cta.text).toContain('Schedule your consultation today')
  expect(lexicalToPlainText(article.conclusion)).toContain(
    'Believe in the power of a balanced approach',
  )
}

describe('the fixture article', () => {
  it('is stored block for block as it was sent', async () => {
    const stored = await t.api
      .as(t.editor.token)
      .get(`/articles/${articleId}`, { depth: 0, draft: true })
    const strip = (blocks: Block[]) => blocks.map(({ id: _id, ...rest }) => rest)
    expect(stored.body.layout.map((block: Block) => block.blockType)).toEqual(
      layoutSent.map((block) => block.blockType),
    )
    expect(
      strip(stored.body.layout).map((b) =>
        b.blockType === 'keyTakeaways'
          ? {
              ...b,
              items: b.items.map(({ id: _i, points, ...item }: Block) => ({
                ...item,
                points: points?.map(({ id: _p, ...p }: Block) => p) ?? [],
              })),
            }
          : b,
      ),
    ).toMatchObject(
      layoutSent.map((b) =>
        b.blockType === 'keyTakeaways'
          ? {
              ...b,
              items: (b.items as Block[]).map((item) => ({ ...item, points: item.points ?? [] })),
            }
          : b.blockType === 'richText'
            ? { blockType: 'richText', blockName: b.blockName }
            : b,
      ),
    )
  })

  it('reads back whole through REST', async () => {
    const res = await t.api
      .as(t.editor.token)
      .get(`/articles/${articleId}`, { depth: 2, draft: true })
    expect(res.status).toBe(200)
    expectWholeArticle(res.body)
  })

  const ARTICLE_QUERY = `query ($id: Int!) {
    Article(id: $id, draft: true) {
      title intro conclusion
      layout {
        __typename
        ... on BenefitBlock { blockType benefit { title clinicalPerspective } }
        ... on AftercareTipsBlock { blockType heading intro tips { title instruction timing category } }
        ... on ComparisonTableBlock { blockType heading columns { title } rows { aspect icon cells { rating text benefit { title } } } }
        ... on RichTextBlock { blockType content }
        ... on QuoteBlock { blockType text }
        ... on KeyTakeawaysBlock { blockType heading style items { title text points { text } } }
        ... on CallToActionBlock { blockType heading text label }
      }
    }
  }`

  it('reads back whole through GraphQL', async () => {
    const res = await t.api.as(t.editor.token).gql(ARTICLE_QUERY, { id: articleId })
    expect(res.body.errors).toBeUndefined()
    expectWholeArticle(res.body.data.Article)
  })

  it('is built through GraphQL too and reads back the same', async () => {
    const rest = await t.api
      .as(t.editor.token)
      .get(`/articles/${articleId}`, { depth: 0, draft: true })
    const {
      id: _id,
      slug: _slug,
      createdAt: _c,
      updatedAt: _u,
      evidence: _e,
      _status,
      ...data
    } = rest.body
    const created = await t.api
      .as(t.editor.token)
      .gql(
        `mutation ($data: mutationArticleInput!) { createArticle(data: $data, draft: true) { id slug } }`,
        {
          data: {
            ...data,
            title: 'Benefits of Acupuncture for Back Pain (GraphQL copy)',
            layout: data.layout.map(withoutRowIds),
          },
        },
      )
    expect(created.body.errors).toBeUndefined()
    expect(created.body.data.createArticle.slug).toBe(
      'benefits-of-acupuncture-for-back-pain-graphql-copy',
    )
    const res = await t.api
      .as(t.editor.token)
      .gql(ARTICLE_QUERY, { id: created.body.data.createArticle.id })
    expectWholeArticle({ ...res.body.data.Article, title: 'Benefits of Acupuncture for Back Pain' })
  })
})
