/**
 * Model-based property test of the stored public sets. The model is the content graph itself,
 * recomputed from scratch: after every step of a random sequence of publish, unpublish, delete,
 * edits of benefits, tips, rows and sources, and claim submit/approve/invalidate/expire/renew,
 * - each published article's stored set equals what the graph computes for it now,
 * - every document's `isPublic` flag equals "some stored set holds it",
 * - anonymous REST and GraphQL lists return exactly those documents.
 * The world is small (a few of everything) so random sequences collide often.
 */
import { fc, test } from '@fast-check/vitest'
import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect } from 'vitest'

import type { ApiResponse } from '../helpers/api'

import { PUBLIC_KIND_SLUGS, PUBLIC_KINDS, type PublicKind } from '../../src/content/kinds'
import { computePublicSets } from '../../src/content/store'
import { expireClaims } from '../../src/review/expire'
import { claimRef, paragraph, richText } from '../helpers/lexical'
import { bootPayload, type TestContext } from '../helpers/payload'
import { sql } from '../helpers/sql'

let t: TestContext
let counter = 0
const unique = () => `${Date.now().toString(36)}${(counter += 1)}`

const SIZE = { articles: 3, benefits: 3, tips: 4, rows: 2, claims: 4, sources: 3 }

interface World {
  articles: (number | undefined)[]
  benefits: number[]
  tips: number[]
  rows: number[]
  claims: number[]
  sources: number[]
  media: number[]
}

let world: World

const editor = () => t.api.as(t.editor.token)
const reviewer = () => t.api.as(t.reviewer.token)

async function created(path: string, data: Record<string, unknown>): Promise<number> {
  const res = await editor().post(path, data)
  if (res.status !== 201) {
    throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`)
  }
  return res.body.doc.id
}

beforeAll(async () => {
  t = await bootPayload()
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  )
  const range = (n: number) => Array.from({ length: n }, (_, i) => i)
  const sources = []
  for (const i of range(SIZE.sources)) {
    sources.push(
      await created('/sources', { title: `Trial ${i}`, doi: `10.1000/prop.${unique()}` }),
    )
  }
  const claims = []
  for (const i of range(SIZE.claims)) {
    claims.push(
      await created('/claims', {
        statement: `70% of patients improved (${i}).`,
        statistics: [{ value: 70, unit: 'percent', sources: [sources[i % SIZE.sources]] }],
      }),
    )
  }
  const tips = []
  for (const i of range(SIZE.tips)) {
    tips.push(
      await created('/aftercare-tips', {
        title: `Tip ${i}`,
        instruction: 'Rest after your session.',
      }),
    )
  }
  const benefits = []
  for (const i of range(SIZE.benefits)) {
    benefits.push(await created('/benefits', { title: `Benefit ${i}`, aftercareTips: [tips[i]] }))
  }
  const rows = []
  for (const i of range(SIZE.rows)) {
    rows.push(
      await created('/comparison-rows', {
        aspect: `Aspect ${i}`,
        cells: [{ benefit: benefits[i], rating: 'high' }],
      }),
    )
  }
  const media = [
    (
      await t.payload.create({
        collection: 'media',
        data: { alt: 'Needles' },
        file: { data: png, mimetype: 'image/png', name: `${unique()}.png`, size: png.length },
      })
    ).id,
  ]
  world = {
    articles: range(SIZE.articles).map(() => undefined),
    benefits,
    tips,
    rows,
    claims,
    sources,
    media,
  }
  // Half the claims start approved, so random articles can go live from the first step.
  for (const id of claims.slice(0, 2)) {
    await editor().post(`/claims/${id}/submit`, {})
    const res = await reviewer().post(`/claims/${id}/review`, {
      decision: 'approve',
      password: t.reviewer.password,
    })
    if (res.status !== 200) {
      throw new Error(`approve: ${JSON.stringify(res.body)}`)
    }
  }
}, 300_000)

afterAll(async () => {
  await t?.payload.destroy()
})

// --- operations ------------------------------------------------------------------------------

const pick = (n: number) => fc.nat({ max: n - 1 })
const subset = (n: number) => fc.uniqueArray(pick(n), { maxLength: n })

const block = fc.oneof(
  fc.record({
    kind: fc.constant('benefit' as const),
    benefit: pick(SIZE.benefits),
    showTips: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('claim' as const), claim: pick(SIZE.claims) }),
  fc.record({
    kind: fc.constant('table' as const),
    columns: subset(SIZE.benefits),
    rows: fc.uniqueArray(pick(SIZE.rows), { minLength: 1, maxLength: SIZE.rows }),
  }),
  fc.record({
    kind: fc.constant('tips' as const),
    tips: fc.uniqueArray(pick(SIZE.tips), { minLength: 1, maxLength: SIZE.tips }),
  }),
  fc.record({ kind: fc.constant('text' as const), claim: pick(SIZE.claims) }),
)

const operation = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('publish' as const),
      article: pick(SIZE.articles),
      layout: fc.array(block, { minLength: 1, maxLength: 4 }),
      hero: fc.boolean(),
    }),
  },
  fc.record({ op: fc.constant('unpublish' as const), article: pick(SIZE.articles) }),
  fc.record({ op: fc.constant('delete' as const), article: pick(SIZE.articles) }),
  fc.record({
    op: fc.constant('editBenefit' as const),
    benefit: pick(SIZE.benefits),
    tips: subset(SIZE.tips),
    claims: subset(SIZE.claims),
  }),
  fc.record({ op: fc.constant('editTip' as const), tip: pick(SIZE.tips) }),
  fc.record({
    op: fc.constant('editRow' as const),
    row: pick(SIZE.rows),
    cells: fc.array(
      fc.record({ benefit: pick(SIZE.benefits), claim: fc.option(pick(SIZE.claims)) }),
      { maxLength: 3 },
    ),
  }),
  fc.record({ op: fc.constant('editSource' as const), source: pick(SIZE.sources) }),
  {
    weight: 3,
    arbitrary: fc.record({ op: fc.constant('approve' as const), claim: pick(SIZE.claims) }),
  },
  fc.record({
    op: fc.constant('invalidate' as const),
    claim: pick(SIZE.claims),
    source: pick(SIZE.sources),
  }),
  fc.record({ op: fc.constant('expire' as const), claim: pick(SIZE.claims) }),
  fc.record({ op: fc.constant('renew' as const), claim: pick(SIZE.claims) }),
)

type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never
type Block = typeof block extends fc.Arbitrary<infer T> ? T : never

function layoutOf(blocks: Block[]): Record<string, unknown>[] {
  return blocks.map((b) => {
    switch (b.kind) {
      case 'benefit':
        return { blockType: 'benefit', benefit: world.benefits[b.benefit], showTips: b.showTips }
      case 'claim':
        return { blockType: 'clinicalClaim', claim: world.claims[b.claim], display: 'callout' }
      case 'table':
        return {
          blockType: 'comparisonTable',
          columns: b.columns.map((i) => world.benefits[i]),
          rows: b.rows.map((i) => world.rows[i]),
        }
      case 'tips':
        return { blockType: 'aftercareTips', tips: b.tips.map((i) => world.tips[i]) }
      case 'text':
        return {
          blockType: 'richText',
          content: richText(
            paragraph('70% of patients improved.', claimRef(world.claims[b.claim])),
          ),
        }
    }
  })
}

/** How often the sequences did something worth checking (asserted at the end: no vacuous runs). */
const seen = { published: 0, exposedClaims: 0, exposedTips: 0, steps: 0, snapshots: 0 }

/** A 4xx is a refusal the content deserved (unapproved claim, illegal transition); a 5xx is a bug. */
function expectNoServerError(res: ApiResponse, what: string): void {
  expect(res.status, `${what}: ${JSON.stringify(res.body)}`).toBeLessThan(500)
}

async function apply(step: Operation): Promise<void> {
  switch (step.op) {
    case 'publish': {
      const id = world.articles[step.article]
      const data = {
        layout: layoutOf(step.layout),
        heroImage: step.hero ? world.media[0] : null,
        _status: 'published',
      }
      const res =
        id === undefined
          ? await editor().post('/articles', { title: `Article ${unique()}`, ...data })
          : await editor().patch(`/articles/${id}`, data)
      expectNoServerError(res, 'publish')
      if (id === undefined && res.status === 201) {
        world.articles[step.article] = res.body.doc.id
      }
      if (res.status < 300) {
        seen.published += 1
      }
      return
    }
    case 'unpublish': {
      const id = world.articles[step.article]
      if (id !== undefined) {
        expectNoServerError(
          await editor().patch(`/articles/${id}`, { _status: 'draft' }),
          'unpublish',
        )
      }
      return
    }
    case 'delete': {
      const id = world.articles[step.article]
      if (id === undefined) {
        return
      }
      expectNoServerError(await editor().delete(`/articles/${id}`), 'delete')
      world.articles[step.article] = undefined
      return
    }
    case 'editBenefit':
      return expectNoServerError(
        await editor().patch(`/benefits/${world.benefits[step.benefit]}`, {
          aftercareTips: step.tips.map((i) => world.tips[i]),
          claims: step.claims.map((i) => world.claims[i]),
        }),
        'edit benefit',
      )
    case 'editTip':
      return expectNoServerError(
        await editor().patch(`/aftercare-tips/${world.tips[step.tip]}`, {
          title: `Tip ${unique()}`,
        }),
        'edit tip',
      )
    case 'editRow':
      return expectNoServerError(
        await editor().patch(`/comparison-rows/${world.rows[step.row]}`, {
          cells: step.cells.map((cell) => ({
            benefit: world.benefits[cell.benefit],
            rating: 'medium',
            claim: cell.claim === null ? null : world.claims[cell.claim],
          })),
        }),
        'edit row',
      )
    case 'editSource':
      return expectNoServerError(
        await editor().patch(`/sources/${world.sources[step.source]}`, {
          title: `Trial ${unique()}`,
        }),
        'edit source',
      )
    case 'approve': {
      const id = world.claims[step.claim]
      expectNoServerError(await editor().post(`/claims/${id}/submit`, {}), 'submit')
      expectNoServerError(
        await reviewer().post(`/claims/${id}/review`, {
          decision: 'approve',
          password: t.reviewer.password,
        }),
        'approve',
      )
      return
    }
    case 'invalidate':
      return expectNoServerError(
        await editor().patch(`/claims/${world.claims[step.claim]}`, {
          statistics: [{ value: 70, unit: 'percent', sources: [world.sources[step.source]] }],
          statement: `70% of patients improved (${unique()}).`,
        }),
        'invalidate',
      )
    case 'expire': {
      await sql(
        `update claims set review_review_by = '2020-01-01' where id = $1 and review_status = 'approved'`,
        [world.claims[step.claim]],
      )
      await expireClaims(await createLocalReq({}, t.payload))
      return
    }
    case 'renew':
      return expectNoServerError(
        await reviewer().post(`/claims/${world.claims[step.claim]}/review`, {
          decision: 'renew',
          password: t.reviewer.password,
        }),
        'renew',
      )
  }
}

// --- the invariant -----------------------------------------------------------------------------

const sorted = (ids: unknown[]) => ids.map(Number).sort((a, b) => a - b)

const GRAPHQL_LISTS: Record<PublicKind, string> = {
  benefits: 'Benefits',
  tips: 'AftercareTips',
  rows: 'ComparisonRows',
  media: 'allMedia',
  claims: 'Claims',
  sources: 'Sources',
}

async function expectStoredEqualsRecomputed(): Promise<void> {
  const req = await createLocalReq({}, t.payload)
  const { docs: live } = await t.payload.find({
    collection: 'articles',
    where: { _status: { equals: 'published' } },
    depth: 0,
    pagination: false,
  })
  const fresh = await computePublicSets(req, live)
  const { docs: stored } = await t.payload.db.find<Record<string, unknown>>({
    collection: 'cited-public-sets',
    pagination: false,
  })

  // Each published article's stored set is what the graph computes for it now; no other sets.
  expect(sorted(stored.map((set) => set.articleId))).toEqual(
    sorted(fresh.map((set) => set.articleId)),
  )
  for (const set of fresh) {
    const row = stored.find((candidate) => Number(candidate.articleId) === Number(set.articleId))!
    for (const kind of PUBLIC_KINDS) {
      expect(
        sorted(
          ((row[kind] as unknown[]) ?? []).map((value) =>
            typeof value === 'object' ? (value as { id: number }).id : value,
          ),
        ),
        `${kind} of article ${set.articleId}`,
      ).toEqual(sorted(set.ids[kind]))
    }
    expect(JSON.parse(JSON.stringify(row.references))).toEqual(
      JSON.parse(JSON.stringify(set.references)),
    )
  }

  await expectSnapshotsEqualLiveReads(live)

  const graphql = await t.api.gql(
    `{ ${PUBLIC_KINDS.map((kind) => `${kind}: ${GRAPHQL_LISTS[kind]}(limit: 100) { docs { id } }`).join(' ')} }`,
  )
  expect(graphql.body.errors).toBeUndefined()
  seen.steps += 1
  if (fresh.some((set) => set.ids.claims.length > 0)) {
    seen.exposedClaims += 1
  }
  if (fresh.some((set) => set.ids.tips.length > 0)) {
    seen.exposedTips += 1
  }
  for (const kind of PUBLIC_KINDS) {
    const exposed = sorted([...new Set(fresh.flatMap((set) => set.ids[kind].map(Number)))])
    const table = PUBLIC_KIND_SLUGS[kind].replace(/-/g, '_')
    const flagged = await sql<{ id: number }>(`select id from ${table} where is_public`)
    expect(sorted(flagged.map((row) => row.id)), `${kind} flags`).toEqual(exposed)
    const rest = await t.api.get(`/${PUBLIC_KIND_SLUGS[kind]}`, { limit: 100, depth: 0 })
    expect(rest.status).toBe(200)
    expect(
      sorted(rest.body.docs.map((doc: { id: number }) => doc.id)),
      `anonymous REST ${kind}`,
    ).toEqual(exposed)
    expect(
      sorted(graphql.body.data[kind].docs.map((doc: { id: number }) => doc.id)),
      `anonymous GraphQL ${kind}`,
    ).toEqual(exposed)
  }
}

/**
 * Each published article's snapshot is byte for byte what a fresh anonymous page read returns now,
 * there is no other snapshot, and no snapshot holds a claim statement that only a draft has.
 */
async function expectSnapshotsEqualLiveReads(
  live: { id: number | string; slug?: null | string }[],
): Promise<void> {
  const snapshots = await sql<{ article_id: number; slug: string; doc: string }>(
    'select article_id, slug, doc from cited_snapshots',
  )
  expect(sorted(snapshots.map((row) => row.article_id))).toEqual(
    sorted(live.map((article) => article.id)),
  )
  for (const article of live) {
    const read = await t.api.get('/articles', {
      where: { slug: { equals: article.slug } },
      depth: 2,
    })
    const served = await t.api.get(`/articles/published/${article.slug}`)
    expect(served.status).toBe(200)
    expect(served.body, `snapshot of ${article.slug}`).toEqual(read.body.docs[0])
  }
  // A statement of a claim's pending draft (an invalidating edit), or of a claim not approved, is in no snapshot.
  const drafts = await sql<{ statement: string }>(
    `select v.version_statement as statement from _claims_v v join claims c on c.id = v.parent_id
     where v.latest and v.version__status = 'draft' and v.version_statement is distinct from c.statement
     union select statement from claims where _status = 'draft'`,
  )
  const text = snapshots.map((row) => row.doc).join('\n')
  for (const { statement } of drafts) {
    expect(text.includes(JSON.stringify(statement).slice(1, -1)), statement).toBe(false)
  }
  if (snapshots.length > 0) {
    seen.snapshots += 1
  }
}

describe('stored public sets', () => {
  // Every sequence opens with an article showing a benefit with its tips and an approved claim, so
  // the first run exposes something of every kind whatever else is drawn.
  const opening: Operation = {
    op: 'publish',
    article: 0,
    layout: [
      { kind: 'benefit', benefit: 0, showTips: true },
      { kind: 'claim', claim: 0 },
    ],
    hero: true,
  }
  test.prop([fc.array(operation, { minLength: 1, maxLength: 12 })], {
    numRuns: 10,
    endOnFailure: true,
  })(
    'equal the sets recomputed from scratch after every step, and are exactly what anonymous readers get',
    async (drawn) => {
      for (const step of [opening, ...drawn]) {
        await apply(step)
        await expectStoredEqualsRecomputed()
      }
    },
    900_000,
  )

  test('the sequences published articles that exposed claims and tips', () => {
    expect(seen.steps).toBeGreaterThan(10)
    expect(seen.published).toBeGreaterThan(0)
    expect(seen.exposedClaims).toBeGreaterThan(0)
    expect(seen.exposedTips).toBeGreaterThan(0)
    expect(seen.snapshots).toBeGreaterThan(0)
  })
})
