/**
 * The GraphQL contract with frontends: `examples/graphql/article.graphql`, sent over HTTP with a
 * real GraphQL client to the production build, must keep returning the shape a frontend renders.
 * Also checks what production adds: no introspection, no playground, cacheable anonymous reads,
 * and the example site rendering the same article with its citations.
 */
import { ClientError, GraphQLClient } from 'graphql-request'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, inject, it } from 'vitest'

import { E2E_PASSWORD, ensureUsers, Rest } from './helpers/rest'

const baseUrl = inject('e2eBaseUrl')
const rest = new Rest(baseUrl)
const query = readFileSync(
  path.resolve(import.meta.dirname, '../../examples/graphql/article.graphql'),
  'utf8',
)

const unique = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`

async function created(
  api: Rest,
  collection: string,
  data: Record<string, unknown>,
): Promise<{ id: number; slug?: string }> {
  const res = await api.post(`/${collection}`, data)
  if (res.status !== 201) {
    throw new Error(`${collection}: ${res.status} ${JSON.stringify(res.body)}`)
  }
  return res.body.doc
}

let slug: string

/** One article using every block kind, its claims approved through the review workflow. */
beforeAll(async () => {
  const tokens = await ensureUsers(rest)
  const editor = rest.as(tokens.editor)
  const reviewer = rest.as(tokens.reviewer)
  const claimStating = async (
    value: number,
    title: string,
    extra: Record<string, unknown> = {},
  ) => {
    const source = await created(editor, 'sources', {
      type: 'journal-article',
      title,
      doi: `10.1000/contract.${unique}.${value}`,
      year: 2020,
      ...extra,
    })
    const claim = await created(editor, 'claims', {
      statement: `${value}% of patients reported less pain.`,
      statistics: [{ value, unit: 'percent', sources: [source.id] }],
    })
    const submitted = await editor.post(`/claims/${claim.id}/submit`, {})
    if (submitted.status !== 200) {
      throw new Error(`submit: ${JSON.stringify(submitted.body)}`)
    }
    const approved = await reviewer.post(`/claims/${claim.id}/review`, {
      decision: 'approve',
      password: E2E_PASSWORD,
    })
    if (approved.status !== 200) {
      throw new Error(`approve: ${JSON.stringify(approved.body)}`)
    }
    return claim.id
  }
  const seventy = await claimStating(70, 'Acupuncture for chronic pain', {
    authors: [{ family: 'Vickers', given: 'Andrew J' }],
    containerTitle: 'J Pain',
    pmid: `${Date.now() % 100000000}`,
  })
  const fifty = await claimStating(50, 'Inflammatory markers after needling')
  const tip = await created(editor, 'aftercare-tips', {
    title: 'Stay hydrated',
    instruction: 'Drink a glass of water after the session.',
    timing: 'right-after',
    category: 'hydration',
  })
  const paragraph = (text: string, claim?: number) => ({
    type: 'paragraph',
    format: '',
    indent: 0,
    version: 1,
    direction: 'ltr',
    textFormat: 0,
    children: [
      { type: 'text', text, format: 0, detail: 0, mode: 'normal', style: '', version: 1 },
      ...(claim
        ? [
            {
              type: 'inlineBlock',
              version: 1,
              fields: { id: `ref${claim}`, blockType: 'claimRef', claim },
            },
          ]
        : []),
    ],
  })
  const richText = (...children: unknown[]) => ({
    root: { type: 'root', format: '', indent: 0, version: 1, direction: 'ltr', children },
  })
  const benefit = await created(editor, 'benefits', {
    title: 'Natural Pain Reduction',
    summary: 'Acupuncture can ease chronic back pain.',
    clinicalPerspective: richText(paragraph('About 70% of patients improve.', seventy)),
    aftercareTips: [tip.id],
  })
  const row = await created(editor, 'comparison-rows', {
    aspect: 'Expected outcomes',
    cells: [{ benefit: benefit.id, rating: 'high', text: '50% less inflammation', claim: fifty }],
  })
  const article = await created(editor, 'articles', {
    title: `Acupuncture for back pain ${unique}`,
    excerpt: 'What the evidence says.',
    _status: 'published',
    intro: richText(paragraph('Many people live with back pain.')),
    layout: [
      { blockType: 'benefit', benefit: benefit.id },
      { blockType: 'clinicalClaim', claim: fifty, display: 'stat-card' },
      { blockType: 'comparisonTable', heading: 'Compared', columns: [benefit.id], rows: [row.id] },
      {
        blockType: 'chart',
        title: 'Patients improving',
        unit: 'percent',
        caption: 'Share of patients improving.',
        points: [{ label: 'Acupuncture', value: 70, claim: seventy }],
      },
      { blockType: 'aftercareTips', heading: 'Aftercare', tips: [tip.id] },
      {
        blockType: 'quote',
        text: 'I can sleep through the night again.',
        attribution: 'A patient',
      },
      { blockType: 'keyTakeaways', items: [{ title: 'Talk to your clinician first' }] },
      {
        blockType: 'callToAction',
        heading: 'Book',
        text: 'Book a first session.',
        label: 'Book now',
        url: '/contact',
      },
    ],
    conclusion: richText(paragraph('Ask us about a treatment plan.')),
  })
  slug = article.slug!
})

/** What this test reads of `article.graphql`'s answer: the layout in the order the article has it. */
interface ArticleAnswer {
  slug: string
  title: string
  excerpt: string
  layout: [
    { __typename: string; benefit: { clinicalPerspective: unknown } },
    { __typename: string },
    { __typename: string; rows: { cells: unknown[] }[] },
    { __typename: string; points: unknown[] },
    { __typename: string; tips: { instruction: string }[] },
    ...{ __typename: string }[],
  ]
  references: unknown[]
  claimReferences: unknown[]
}

describe('examples/graphql/article.graphql against the production build', () => {
  it('returns the article with its blocks, references and reference numbers', async () => {
    const client = new GraphQLClient(`${baseUrl}/api/graphql`)
    const data = await client.request<{ Articles: { docs: ArticleAnswer[] } }>(query, {
      slug,
    })
    expect(data.Articles.docs).toHaveLength(1)
    const article = data.Articles.docs[0]
    expect(article).toMatchObject({
      slug,
      title: expect.stringContaining('Acupuncture'),
      excerpt: 'What the evidence says.',
    })
    expect(article.layout.map((block: { __typename: string }) => block.__typename)).toEqual([
      'BenefitBlock',
      'ClinicalClaimBlock',
      'ComparisonTableBlock',
      'ChartBlock',
      'AftercareTipsBlock',
      'QuoteBlock',
      'KeyTakeawaysBlock',
      'CallToActionBlock',
    ])
    const [benefit, claim, table, chart, tips] = article.layout
    expect(benefit.benefit).toMatchObject({
      title: 'Natural Pain Reduction',
      aftercareTips: [{ title: 'Stay hydrated', timing: 'right_after' }],
    })
    expect(JSON.stringify(benefit.benefit.clinicalPerspective)).toContain('"referenceNumbers":[1]')
    expect(claim).toMatchObject({
      display: 'stat_card',
      referenceNumbers: [2],
      claim: { statistics: [{ value: 50, unit: 'percent' }] },
    })
    expect(table.rows[0].cells[0]).toMatchObject({ rating: 'high', referenceNumbers: [2] })
    expect(chart.points[0]).toMatchObject({
      label: 'Acupuncture',
      value: 70,
      referenceNumbers: [1],
    })
    expect(tips.tips[0].instruction).toContain('water')
    expect(article.references).toEqual([
      {
        number: 1,
        title: 'Acupuncture for chronic pain',
        formatted: expect.stringMatching(
          /^Vickers AJ\. Acupuncture for chronic pain\. J Pain\. 2020/,
        ),
        links: [
          {
            kind: 'doi',
            label: expect.stringMatching(/^doi:10\.1000\/contract\./),
            href: expect.stringMatching(/^https:\/\/doi\.org\/10\.1000\/contract\./),
          },
          {
            kind: 'pubmed',
            label: expect.stringMatching(/^PMID \d+$/),
            href: expect.stringMatching(/^https:\/\/pubmed\.ncbi\.nlm\.nih\.gov\/\d+\/$/),
          },
        ],
      },
      expect.objectContaining({ number: 2, title: 'Inflammatory markers after needling' }),
    ])
    expect(article.claimReferences).toHaveLength(2)
  })

  it('refuses introspection in production', async () => {
    const client = new GraphQLClient(`${baseUrl}/api/graphql`)
    const error = await client.request('{ __schema { types { name } } }').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ClientError)
    expect((error as ClientError).response.errors?.[0]?.message).toMatch(
      /introspection is not allowed/,
    )
  })

  it('serves no GraphQL playground in production', async () => {
    const response = await fetch(`${baseUrl}/api/graphql-playground`)
    expect(response.status).toBe(404)
  })
})

describe('REST for frontends', () => {
  it('answers the anonymous article read in one cacheable response', async () => {
    const response = await fetch(`${baseUrl}/api/articles?where[slug][equals]=${slug}&depth=2`)
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe(
      'public, max-age=60, stale-while-revalidate=300',
    )
    const body = (await response.json()) as {
      docs: {
        references: unknown[]
        layout: { benefit: { aftercareTips: { title: string }[] } }[]
      }[]
    }
    expect(body.docs[0].references).toHaveLength(2)
    expect(body.docs[0].layout[0].benefit.aftercareTips[0].title).toBe('Stay hydrated')
  })
})

describe('the example site', () => {
  it('renders the article with citations linking to the numbered references', async () => {
    const response = await fetch(`${baseUrl}/articles/${slug}`)
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain(
      '<sup class="citation"><a href="#ref-1" aria-label="Reference 1">1</a></sup>',
    )
    expect(html).toMatch(/<li id="ref-1" value="1">Vickers AJ\./)
    expect(html).toMatch(/<svg role="img" aria-labelledby="[^"]+"/)
    expect(html).toContain('Acupuncture: 70% (reference 1).')
    expect(html).toContain('Rating: <!-- -->high')
  })

  it('lists published articles', async () => {
    const html = await (await fetch(`${baseUrl}/articles`)).text()
    expect(html).toContain(`href="/articles/${slug}"`)
  })
})
