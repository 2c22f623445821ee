import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { claimRef, paragraph, richText } from '../helpers/lexical'
import { bootPayload, type TestContext } from '../helpers/payload'
import { approveClaim } from '../helpers/review'
import { countStatements } from '../helpers/sql'

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

async function source(title: string, extra: Record<string, unknown> = {}): Promise<number> {
  const doc = await t.payload.create({
    collection: 'sources',
    data: { type: 'journal-article', title, doi: `10.1000/cited.${unique()}`, ...extra },
  })
  return doc.id
}

/** An approved claim stating `value`% with one statistic per source list. */
async function approved(statement: string, value: number, sources: number[]): Promise<number> {
  const claim = await t.payload.create({
    collection: 'claims',
    data: { statement, statistics: [{ value, unit: 'percent', sources }] },
    draft: true,
  })
  await approveClaim(t, claim.id)
  return claim.id
}

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

async function publish(data: Record<string, unknown>): Promise<{ id: number; slug: string }> {
  return created('/articles', {
    title: `Acupuncture and back pain ${unique()}`,
    _status: 'published',
    ...data,
  })
}

const anonymousBySlug = async (slug: string, depth = 2) => {
  const res = await t.api.get('/articles', { where: { slug: { equals: slug } }, depth })
  expect(res.status).toBe(200)
  expect(res.body.docs).toHaveLength(1)
  return { doc: res.body.docs[0], headers: res.headers }
}

interface World {
  article: { id: number; slug: string }
  sources: Record<'intro' | 'perspective' | 'listed' | 'shared' | 'cell' | 'chart', number>
  claims: Record<'intro' | 'perspective' | 'listed' | 'callout' | 'cell' | 'chart', number>
  tip: number
}

/** One article using every kind of citation, in a known reading order. */
async function buildArticle(): Promise<World> {
  const sources = {
    intro: await source('Back pain in adults', {
      authors: [{ family: 'Hartvigsen', given: 'Jan' }],
      containerTitle: 'Lancet',
      year: 2018,
      pmid: `${10000 + counter}`,
    }),
    perspective: await source('Acupuncture for chronic pain'),
    listed: await source('Sleep after acupuncture'),
    shared: await source('Inflammation markers and needling'),
    cell: await source('Comparative outcomes'),
    chart: await source('Pain scores', { url: 'https://example.org/pain-scores' }),
  }
  const claims = {
    intro: await approved('About 80% of adults have back pain at some time.', 80, [sources.intro]),
    perspective: await approved('70% of patients improved.', 70, [
      sources.perspective,
      sources.shared,
    ]),
    listed: await approved('60% slept better.', 60, [sources.listed]),
    callout: await approved('50% less inflammation.', 50, [sources.shared]),
    cell: await approved('40% better outcomes.', 40, [sources.cell]),
    chart: await approved('30% lower pain scores.', 30, [sources.chart]),
  }
  const tip = (
    await created('/aftercare-tips', {
      title: 'Drink water',
      instruction: 'Drink a glass of water after your session.',
    })
  ).id
  const benefit = await created('/benefits', {
    title: 'Natural Pain Reduction',
    clinicalPerspective: richText(
      paragraph('The clinic reports that 70% of patients improve.', claimRef(claims.perspective)),
    ),
    claims: [claims.listed],
    aftercareTips: [tip],
  })
  const row = await created('/comparison-rows', {
    aspect: 'Expected Outcomes',
    cells: [
      { benefit: benefit.id, rating: 'high', text: '40% better outcomes', claim: claims.cell },
    ],
  })
  const article = await publish({
    intro: richText(
      paragraph('About 80% of adults have back pain at some time.', claimRef(claims.intro)),
    ),
    layout: [
      { blockType: 'benefit', benefit: benefit.id },
      { blockType: 'clinicalClaim', claim: claims.callout, display: 'callout' },
      { blockType: 'comparisonTable', heading: 'Compared', columns: [benefit.id], rows: [row.id] },
      {
        blockType: 'chart',
        title: 'Pain',
        unit: 'percent',
        points: [{ label: 'Acupuncture', value: 30, claim: claims.chart }],
      },
      { blockType: 'aftercareTips', tips: [tip] },
    ],
    conclusion: richText(paragraph('Most people improved.', claimRef(claims.perspective))),
  })
  return { article, sources, claims, tip }
}

const claimRefNumbers = (value: { root: unknown }): number[][] => {
  const found: number[][] = []
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') {
      return
    }
    const object = node as {
      type?: unknown
      fields?: { blockType?: unknown; referenceNumbers: number[] }
    }
    if (object.type === 'inlineBlock' && object.fields?.blockType === 'claimRef') {
      found.push(object.fields.referenceNumbers)
    }
    Object.values(object).forEach(visit)
  }
  visit(value)
  return found
}

describe('references on read (REST)', () => {
  let world: World
  beforeAll(async () => {
    world = await buildArticle()
  })

  it('numbers sources in order of first use with a Vancouver reference and links', async () => {
    const { doc } = await anonymousBySlug(world.article.slug)
    const { sources } = world
    expect(
      doc.references.map((r: { sourceId: string; number: number }) => [r.number, r.sourceId]),
    ).toEqual([
      [1, String(sources.intro)],
      [2, String(sources.perspective)],
      [3, String(sources.shared)],
      [4, String(sources.listed)],
      [5, String(sources.cell)],
      [6, String(sources.chart)],
    ])
    const first = doc.references[0]
    expect(first.formatted).toBe('Hartvigsen J. Back pain in adults. Lancet. 2018;')
    expect(first.links.map((l: { kind: string }) => l.kind)).toEqual(['doi', 'pubmed'])
    expect(first.links[1].href).toMatch(/^https:\/\/pubmed\.ncbi\.nlm\.nih\.gov\/\d+\/$/)
    expect(doc.references[5].links.at(-1)).toMatchObject({
      kind: 'url',
      href: 'https://example.org/pain-scores',
    })
    expect(doc.references[2].claimIds).toEqual([
      String(world.claims.perspective),
      String(world.claims.callout),
    ])
  })

  it('puts reference numbers on every claimRef, claim block, comparison cell and chart point', async () => {
    const { doc } = await anonymousBySlug(world.article.slug)
    const [benefitBlock, calloutBlock, tableBlock, chartBlock] = doc.layout
    expect(claimRefNumbers(doc.intro)).toEqual([[1]])
    expect(claimRefNumbers(benefitBlock.benefit.clinicalPerspective)).toEqual([[2, 3]])
    expect(calloutBlock.referenceNumbers).toEqual([3])
    expect(tableBlock.rows[0].cells[0].referenceNumbers).toEqual([5])
    expect(chartBlock.points[0].referenceNumbers).toEqual([6])
    expect(claimRefNumbers(doc.conclusion)).toEqual([[2, 3]])
    expect(doc.claimReferences).toContainEqual({
      claimId: String(world.claims.listed),
      referenceNumbers: [4],
    })
  })

  it('returns everything a frontend renders in one request at depth=2', async () => {
    const { doc } = await anonymousBySlug(world.article.slug)
    const [benefitBlock, calloutBlock, tableBlock, chartBlock, tipsBlock] = doc.layout
    expect(benefitBlock.benefit.title).toBe('Natural Pain Reduction')
    expect(benefitBlock.benefit.claims[0].statement).toBe('60% slept better.')
    expect(benefitBlock.benefit.aftercareTips[0].title).toBe('Drink water')
    expect(calloutBlock.claim.statement).toBe('50% less inflammation.')
    expect(calloutBlock.claim.statistics[0].sources[0].title).toBe(
      'Inflammation markers and needling',
    )
    expect(tableBlock.columns[0].title).toBe('Natural Pain Reduction')
    expect(tableBlock.rows[0].cells[0].claim.statement).toBe('40% better outcomes.')
    expect(chartBlock.points[0].claim.statement).toBe('30% lower pain scores.')
    expect(tipsBlock.tips[0].instruction).toMatch(/glass of water/)
  })

  it('numbers the same at depth 0 (related documents loaded by the hook)', async () => {
    const { doc } = await anonymousBySlug(world.article.slug, 0)
    expect(doc.references).toHaveLength(6)
    expect(doc.layout[1].referenceNumbers).toEqual([3])
    expect(claimRefNumbers(doc.intro)).toEqual([[1]])
  })

  it('uses only the approved version of a claim for anonymous readers', async () => {
    const extra = await source('A source only in the pending draft')
    const res = await editor().patch(`/claims/${world.claims.callout}`, {
      statistics: [{ value: 50, unit: 'percent', sources: [world.sources.shared, extra] }],
    })
    expect(res.status).toBe(200)
    const { doc } = await anonymousBySlug(world.article.slug)
    expect(doc.references.map((r: { sourceId: string }) => r.sourceId)).not.toContain(String(extra))
    expect(doc.layout[1].referenceNumbers).toEqual([3])
  })

  it('does not store reference numbers written into rich text when a client saves what it read', async () => {
    const read = await editor().get(`/articles/${world.article.id}`, { depth: 0 })
    expect(claimRefNumbers(read.body.intro)).toEqual([[1]])
    const saved = await editor().patch(`/articles/${world.article.id}`, { intro: read.body.intro })
    expect(saved.status).toBe(200)
    const stored = await t.payload.findByID({
      collection: 'articles',
      id: world.article.id,
      depth: 0,
    })
    expect(claimRefNumbers(stored.intro as { root: unknown })).toEqual([undefined])
  })
})

describe('references over GraphQL', () => {
  it('exposes references, claim numbers on blocks and claimRefs, and numbers in related documents', async () => {
    const world = await buildArticle()
    const res = await t.api.gql(
      `query ($slug: String) {
        Articles(where: { slug: { equals: $slug } }) {
          docs {
            intro
            references { number sourceId formatted links { kind href } }
            claimReferences { claimId referenceNumbers }
            layout {
              ... on BenefitBlock { benefit { clinicalPerspective } }
              ... on ClinicalClaimBlock { referenceNumbers claim { statement } }
              ... on ComparisonTableBlock { rows { cells { referenceNumbers } } }
              ... on ChartBlock { points { value referenceNumbers } }
            }
          }
        }
      }`,
      { slug: world.article.slug },
    )
    expect(res.body.errors).toBeUndefined()
    const doc = res.body.data.Articles.docs[0]
    expect(doc.references.map((r: { number: number }) => r.number)).toEqual([1, 2, 3, 4, 5, 6])
    expect(doc.references[0].formatted).toMatch(/^Hartvigsen J\./)
    expect(claimRefNumbers(doc.intro)).toEqual([[1]])
    expect(claimRefNumbers(doc.layout[0].benefit.clinicalPerspective)).toEqual([[2, 3]])
    expect(doc.layout[1].referenceNumbers).toEqual([3])
    expect(doc.layout[2].rows[0].cells[0].referenceNumbers).toEqual([5])
    expect(doc.layout[3].points[0].referenceNumbers).toEqual([6])
  })
})

describe('batched population', () => {
  /**
   * An article citing `n` claims everywhere a claim can be cited: claimRefs in a benefit's clinical
   * perspective, the benefit's claims, comparison cells, clinical claim blocks and chart points.
   * Same shape whatever `n`; only the number of citations grows.
   */
  async function articleWithClaims(n: number): Promise<string> {
    const claims: { id: number; value: number }[] = []
    for (let i = 0; i < n; i += 1) {
      const value = 10 + i
      claims.push({
        id: await approved(`${value}% improved.`, value, [
          await source(`Study ${value} ${unique()}`),
        ]),
        value,
      })
    }
    const benefit = await created('/benefits', {
      title: `Benefit ${unique()}`,
      clinicalPerspective: richText(
        ...claims.map(({ id }) => paragraph('Patients improved.', claimRef(id))),
      ),
      claims: claims.map(({ id }) => id),
    })
    const row = await created('/comparison-rows', {
      aspect: 'Outcomes',
      cells: claims.map(({ id }) => ({
        benefit: benefit.id,
        rating: 'high',
        text: 'Better',
        claim: id,
      })),
    })
    const article = await publish({
      intro: richText(...claims.map(({ id }) => paragraph('Patients improved.', claimRef(id)))),
      layout: [
        { blockType: 'benefit', benefit: benefit.id },
        { blockType: 'comparisonTable', columns: [benefit.id], rows: [row.id] },
        ...claims.map(({ id }) => ({ blockType: 'clinicalClaim', claim: id, display: 'callout' })),
        {
          blockType: 'chart',
          title: 'Chart',
          points: claims.map(({ id, value }) => ({ label: `P${value}`, value, claim: id })),
        },
      ],
    })
    return article.slug
  }

  it('reads an article with 12 claims in as many SQL statements as one with 2', async () => {
    const small = await articleWithClaims(2)
    const large = await articleWithClaims(12)
    const read = async (slug: string) => {
      const { doc } = await anonymousBySlug(slug)
      return doc.references.length as number
    }
    // Warm-up: schema caches and prepared plans are not what is measured.
    await read(small)
    let smallRefs = 0
    let largeRefs = 0
    const smallCount = await countStatements(async () => (smallRefs = await read(small)))
    const largeCount = await countStatements(async () => (largeRefs = await read(large)))
    expect(smallRefs).toBe(2)
    expect(largeRefs).toBe(12)
    expect(smallCount).toBeGreaterThan(0)
    expect(largeCount).toBe(smallCount)
  })
})
