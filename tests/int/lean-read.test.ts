/**
 * The documented page read (`GET /api/articles?where[slug][equals]=…&depth=2`, anonymous) of the
 * full demo article is lean: each relationship carries what a page renders there (a comparison
 * cell its benefit's id and title, a benefit block the whole benefit), so the response is at most
 * a third of what it was (266 KB) — and nothing a page renders is lost. The GraphQL example query
 * selects its own fields and answers as before.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Json } from '../helpers/api'

import { createDemoSource, publishImportedArticle } from '../../src/demo/publish'
import { bootPayload, type TestContext } from '../helpers/payload'

/** The page read's size before population was made lean. */
const BEFORE_BYTES = 266_000
const TARGET_BYTES = 88_000

let t: TestContext
let slug: string

/** The demo article (the file src/demo/seed.ts imports) with every claim approved (citing a source) and published. */
async function publishDemoArticle(): Promise<string> {
  const text = fs.readFileSync(path.resolve('src/importer/demo/acupuncture-back-pain.txt'), 'utf8')
  const published = await publishImportedArticle(t.payload, text, {
    source: await createDemoSource(t.payload),
  })
  return published.slug ?? ''
}

beforeAll(async () => {
  t = await bootPayload()
  slug = await publishDemoArticle()
})

afterAll(async () => {
  await t?.payload.destroy()
})

const pageRead = () => t.api.get('/articles', { where: { slug: { equals: slug } }, depth: 2 })

/** A document as the REST API answers it (untyped JSON, read ad hoc). */
type Doc = Record<string, Json>

const isDoc = (value: unknown): value is Doc =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const idOf = (value: unknown): unknown => (isDoc(value) ? value.id : value)

/** Rich text as `CitedRichText` renders it: a claim reference by its claim's id and its numbers. */
function renderedRichText(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(renderedRichText)
  }
  if (!isDoc(value)) {
    return value
  }
  if (
    value.type === 'inlineBlock' &&
    isDoc(value.fields) &&
    value.fields.blockType === 'claimRef'
  ) {
    return { ...value, fields: { ...value.fields, claim: idOf(value.fields.claim) } }
  }
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [key, renderedRichText(inner)]),
  )
}

const tip = (value: Doc) => ({
  id: value.id,
  title: value.title,
  timing: value.timing,
  category: value.category,
  instruction: value.instruction,
  caution: value.caution,
})

/**
 * What the example site renders of an article, field for field as `articles/[slug]/page.tsx` and
 * `src/blocks/<Block>/Component.tsx` read it. A relationship that is not populated (an id) where a
 * component needs the document fails the comparison.
 */
function rendered(article: Doc): Doc {
  const block = (value: Doc): Doc => {
    switch (value.blockType) {
      case 'benefit': {
        const benefit = value.benefit
        return {
          blockType: 'benefit',
          showTips: value.showTips,
          benefit: {
            id: benefit.id,
            title: benefit.title,
            summary: benefit.summary,
            howItWorks: renderedRichText(benefit.howItWorks),
            clinicalPerspective: renderedRichText(benefit.clinicalPerspective),
            claims: benefit.claims.map((claim: Doc) => ({
              id: claim.id,
              statement: claim.statement,
            })),
            aftercareTips: value.showTips === false ? [] : benefit.aftercareTips.map(tip),
          },
        }
      }
      case 'clinicalClaim':
        return {
          blockType: 'clinicalClaim',
          display: value.display,
          referenceNumbers: value.referenceNumbers,
          claim: {
            id: value.claim.id,
            statement: value.claim.statement,
            attribution: value.claim.attribution,
            statistic: value.claim.statistics?.[0] && {
              value: value.claim.statistics[0].value,
              upper: value.claim.statistics[0].upper,
              unit: value.claim.statistics[0].unit,
            },
          },
        }
      case 'aftercareTips':
        return {
          blockType: 'aftercareTips',
          heading: value.heading,
          intro: value.intro,
          tips: value.tips.map(tip),
        }
      case 'comparisonTable':
        return {
          blockType: 'comparisonTable',
          heading: value.heading,
          columns: value.columns.map((benefit: Doc) => ({ id: benefit.id, title: benefit.title })),
          rows: value.rows.map((row: Doc) => ({
            id: row.id,
            aspect: row.aspect,
            icon: row.icon,
            cells: row.cells.map((cell: Doc) => ({
              benefit: idOf(cell.benefit),
              rating: cell.rating,
              text: cell.text,
              claim: idOf(cell.claim),
              referenceNumbers: cell.referenceNumbers ?? [],
            })),
          })),
        }
      case 'chart':
        return {
          blockType: 'chart',
          id: value.id,
          title: value.title,
          unit: value.unit,
          caption: value.caption,
          points: value.points.map((point: Doc) => ({
            label: point.label,
            value: point.value,
            referenceNumbers: point.referenceNumbers ?? [],
          })),
        }
      case 'richText':
        return { blockType: 'richText', content: renderedRichText(value.content) }
      case 'quote':
        return { blockType: 'quote', text: value.text, attribution: value.attribution }
      case 'keyTakeaways':
        return {
          blockType: 'keyTakeaways',
          heading: value.heading,
          style: value.style,
          intro: value.intro,
          items: value.items.map((item: Doc) => ({
            title: item.title,
            text: item.text,
            points: (item.points ?? []).map((point: Doc) => point.text),
          })),
        }
      case 'callToAction':
        return {
          blockType: 'callToAction',
          heading: value.heading,
          text: value.text,
          label: value.label,
          url: value.url,
        }
      default:
        throw new Error(`a block the page does not render: ${value.blockType}`)
    }
  }
  return {
    title: article.title,
    author: article.author,
    excerpt: article.excerpt,
    seo: article.seo,
    intro: renderedRichText(article.intro),
    layout: article.layout.map(block),
    conclusion: renderedRichText(article.conclusion),
    references: article.references.map((reference: Doc) => ({
      number: reference.number,
      formatted: reference.formatted,
      links: reference.links.map((link: Doc) => ({ label: link.label, href: link.href })),
    })),
    claimReferences: article.claimReferences,
  }
}

/** Every `claimRef` node of a rich text value. */
function claimRefs(value: unknown, found: Doc[] = []): Doc[] {
  if (Array.isArray(value)) {
    value.forEach((inner) => claimRefs(inner, found))
  } else if (isDoc(value)) {
    if (
      value.type === 'inlineBlock' &&
      isDoc(value.fields) &&
      value.fields.blockType === 'claimRef'
    ) {
      found.push(value.fields)
    }
    Object.values(value).forEach((inner) => claimRefs(inner, found))
  }
  return found
}

/**
 * Whether a GraphQL answer holds the same data as the REST read for every field it selects (enum
 * values are GraphQL names: `right_after` for `right-after`; rich text is compared as rendered).
 */
function sameAsRest(gql: unknown, rest: unknown, at: string): void {
  if (isDoc(gql) && 'root' in gql) {
    expect(renderedRichText(gql), at).toEqual(renderedRichText(rest))
    return
  }
  if (Array.isArray(gql)) {
    expect(Array.isArray(rest) ? rest.length : rest, at).toBe(gql.length)
    gql.forEach((inner, index) => sameAsRest(inner, (rest as unknown[])[index], `${at}.${index}`))
    return
  }
  if (isDoc(gql)) {
    expect(isDoc(rest), `${at} is a document in REST`).toBe(true)
    for (const [key, inner] of Object.entries(gql)) {
      if (key !== '__typename') {
        sameAsRest(inner, (rest as Doc)[key], `${at}.${key}`)
      }
    }
    return
  }
  if (typeof gql === 'string' && typeof rest === 'string' && gql !== rest) {
    expect(rest.replace(/-/g, '_'), at).toBe(gql)
    return
  }
  // A virtual field REST leaves out (no claim, no numbers) is null in GraphQL.
  expect(rest ?? null, at).toEqual(gql)
}

describe('the anonymous page read of the demo article', () => {
  it('is at most a third of its former size', async () => {
    const res = await pageRead()
    expect(res.status).toBe(200)
    expect(res.body.docs).toHaveLength(1)
    const bytes = Buffer.byteLength(JSON.stringify(res.body))
    console.log(
      `page read of the demo article: ${bytes} bytes (before: ~${BEFORE_BYTES}; at most ${TARGET_BYTES})`,
    )
    expect(bytes).toBeLessThanOrEqual(TARGET_BYTES)
  })

  it('keeps every field a page renders', async () => {
    const [lean, editor] = await Promise.all([
      pageRead(),
      // A logged-in read is not trimmed: comparison columns and cells carry whole benefits.
      t.api.as(t.editor.token).get('/articles', { where: { slug: { equals: slug } }, depth: 2 }),
    ])
    const article = lean.body.docs[0] as Doc
    expect(rendered(article)).toEqual(rendered(editor.body.docs[0]))
    expect(Buffer.byteLength(JSON.stringify(editor.body))).toBeGreaterThan(
      Buffer.byteLength(JSON.stringify(lean.body)),
    )

    const blocks = (type: string) =>
      (article.layout as Doc[]).filter((block) => block.blockType === type)
    // Benefit blocks: the whole benefit, its tips populated.
    expect(blocks('benefit')).toHaveLength(8)
    for (const { benefit } of blocks('benefit')) {
      expect(benefit).toMatchObject({
        id: expect.any(Number),
        title: expect.any(String),
        summary: expect.any(String),
      })
      expect(benefit.howItWorks?.root ?? benefit.clinicalPerspective?.root).toBeDefined()
      expect(Array.isArray(benefit.claims)).toBe(true)
      for (const claim of benefit.claims) {
        expect(claim).toMatchObject({ id: expect.anything(), statement: expect.any(String) })
      }
      for (const tip of benefit.aftercareTips) {
        expect(tip).toMatchObject({
          id: expect.any(Number),
          title: expect.any(String),
          instruction: expect.any(String),
        })
      }
    }
    expect(blocks('benefit').some(({ benefit }) => benefit.aftercareTips.length > 0)).toBe(true)
    expect(
      blocks('benefit').filter(({ benefit }) => benefit.clinicalPerspective?.root),
    ).not.toHaveLength(0)
    // …the same as each benefit and tip read on its own (a top-level read selects every field).
    const benefitIds = blocks('benefit').map(({ benefit }) => benefit.id)
    const own = await t.api.get('/benefits', {
      where: { id: { in: benefitIds } },
      depth: 1,
      limit: 100,
    })
    const byId = new Map((own.body.docs as Doc[]).map((doc) => [doc.id, doc]))
    const unnumbered = (value: unknown) =>
      JSON.parse(JSON.stringify(renderedRichText(value)), (key, inner) =>
        key === 'referenceNumbers' ? undefined : inner,
      )
    for (const { benefit } of blocks('benefit')) {
      const whole = byId.get(benefit.id)!
      expect(Object.keys(benefit).sort()).toEqual([
        'aftercareTips',
        'claims',
        'clinicalPerspective',
        'howItWorks',
        'id',
        'summary',
        'title',
      ])
      expect({
        ...benefit,
        howItWorks: unnumbered(benefit.howItWorks),
        clinicalPerspective: unnumbered(benefit.clinicalPerspective),
        aftercareTips: benefit.aftercareTips.map(tip),
      }).toEqual({
        id: whole.id,
        title: whole.title,
        summary: whole.summary,
        howItWorks: unnumbered(whole.howItWorks),
        clinicalPerspective: unnumbered(whole.clinicalPerspective),
        claims: whole.claims,
        aftercareTips: whole.aftercareTips.map(tip),
      })
    }
    // Tip lists: populated tips.
    for (const block of blocks('aftercareTips')) {
      expect(block.tips.length).toBeGreaterThan(0)
      for (const tip of block.tips) {
        expect(Object.keys(tip)).toEqual(
          expect.arrayContaining(['id', 'title', 'instruction', 'timing', 'category', 'caution']),
        )
      }
    }
    // The comparison table: columns and each cell's benefit as labels (id, title), rows whole.
    const [table] = blocks('comparisonTable')
    expect(table.columns).toHaveLength(8)
    for (const column of table.columns) {
      expect(column).toEqual({ id: expect.any(Number), title: expect.any(String) })
    }
    expect(table.rows).toHaveLength(5)
    const columnIds = table.columns.map((column: Doc) => column.id)
    for (const row of table.rows) {
      expect(row).toMatchObject({ id: expect.any(Number), aspect: expect.any(String) })
      expect(row.cells).toHaveLength(8)
      for (const cell of row.cells) {
        expect(cell.benefit).toEqual({ id: expect.any(Number), title: expect.any(String) })
        expect(columnIds).toContain(cell.benefit.id)
        expect(Object.keys(cell)).toEqual(expect.arrayContaining(['rating', 'text', 'claim']))
        if (cell.claim !== null) {
          expect(cell.referenceNumbers).toEqual(expect.any(Array))
        }
      }
    }
    // Citations: every claim reference in rich text carries the numbers of its claim.
    const numbers = new Map(
      (article.claimReferences as Doc[]).map((entry) => [
        String(entry.claimId),
        entry.referenceNumbers,
      ]),
    )
    const refs = claimRefs(article)
    expect(refs.length).toBeGreaterThan(0)
    for (const ref of refs) {
      expect(ref.referenceNumbers).toEqual(numbers.get(String(idOf(ref.claim))) ?? [])
    }
    expect(refs.some((ref) => ref.referenceNumbers.length > 0)).toBe(true)
    expect(article.references.length).toBeGreaterThan(0)
  })

  it('leaves the selection to a read that asks for its own populate', async () => {
    const res = await t.api.get('/articles', {
      where: { slug: { equals: slug } },
      depth: 2,
      populate: { benefits: { title: true, summary: true } },
    })
    const table = (res.body.docs[0].layout as Doc[]).find(
      (block) => block.blockType === 'comparisonTable',
    )!
    expect(table.columns[0]).toEqual({
      id: expect.any(Number),
      title: expect.any(String),
      summary: expect.any(String),
    })
    expect(table.rows[0].cells[0].benefit).toEqual({
      id: expect.any(Number),
      title: expect.any(String),
      summary: expect.any(String),
    })
  })

  it('answers the GraphQL example query with the same data', async () => {
    const query = fs.readFileSync(path.resolve('examples/graphql/article.graphql'), 'utf8')
    const [gql, rest] = await Promise.all([t.api.gql(query, { slug }), pageRead()])
    expect(gql.body.errors).toBeUndefined()
    const [article] = gql.body.data!.Articles.docs
    // Whole where REST is lean: the benefits of comparison columns and cells as GraphQL selects them.
    expect(
      article.layout.find((block: Doc) => block.__typename === 'ComparisonTableBlock').columns[0],
    ).toEqual({ id: expect.any(Number), title: expect.any(String) })
    sameAsRest(article, rest.body.docs[0], 'Article')
  })
})
