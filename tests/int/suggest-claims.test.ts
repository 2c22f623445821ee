/**
 * Suggested claims: for each statistic the evidence check reports, the approved, unexpired claims
 * that state it (by the rules of `statisticMatches`, decided in SQL), closest statement first, in
 * one SQL statement whatever the number of claims or statistics; the full-text index behind the
 * ranking; and the evidence check's targets that one click turns into a citation.
 */
import { sql as query } from '@payloadcms/db-postgres'
import { createLocalReq, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { SuggestionRequest } from '../../src/content/suggest'

import { CLAIM_STATS_VALUE_INDEX } from '../../src/content/indexes'
import { matchingClaims, suggestionQuery, suggestionStates } from '../../src/content/suggest'
import { insertClaimRef } from '../../src/evidence/insertClaimRef'
import { REVIEW_CONTEXT_KEY } from '../../src/review/context'
import { createUser } from '../helpers/api'
import { paragraph, richText } from '../helpers/lexical'
import { bootPayload, type TestContext } from '../helpers/payload'
import { approvedClaim, createClaim, createSource, review, submit } from '../helpers/reviewWorkflow'
import { countStatements, recordStatements, sql } from '../helpers/sql'

let t: TestContext
let source: number

beforeAll(async () => {
  t = await bootPayload()
  source = await createSource(t, 'Fixture trial')
})

afterAll(async () => {
  await t?.payload.destroy()
})

type Row = { value: number; upper?: number; unit: string; qualifier?: string }

const DAY = 24 * 60 * 60 * 1000

/**
 * An approved claim stored as the review workflow stores one (published version with approval,
 * a version row, sources on every statistic) — written through the Local API as the workflow.
 */
async function liveClaim(
  payload: Payload,
  statement: string,
  rows: Row[],
  reviewBy = new Date(Date.now() + 365 * DAY),
): Promise<number> {
  const claim = await payload.create({
    collection: 'claims',
    draft: false,
    data: {
      statement,
      statistics: rows.map((row) => ({ ...row, sources: [source] })),
      _status: 'published',
      review: {
        status: 'approved',
        approvedAt: new Date().toISOString(),
        reviewBy: reviewBy.toISOString(),
      },
    } as never,
    overrideAccess: true,
    context: { [REVIEW_CONTEXT_KEY]: 'approve' },
  })
  return claim.id
}

const suggest = (items: unknown, token = t.editor.token) =>
  t.api.as(token).post('/cited/suggest-claims', { items })

const item = (sentence: string, statistic: SuggestionRequest['statistic']): SuggestionRequest => ({
  sentence,
  statistic,
})

describe('who may ask', () => {
  it('refuses anonymous callers (401) and users without a Cited role (403)', async () => {
    expect((await t.api.post('/cited/suggest-claims', { items: [] })).status).toBe(401)
    const nobody = await createUser(t.payload, t.api, [], 'nobody')
    expect((await suggest([], nobody.token)).status).toBe(403)
  })

  it('answers a malformed item with 400 naming its field path', async () => {
    const res = await suggest([
      item('70% improved.', { value: 70, unit: 'percent' }),
      { sentence: 'x', statistic: { value: 70, unit: 'furlongs' } },
    ])
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toMatch(
      /^items\.1\.statistic\.unit: The unit must be one of/,
    )
    expect(res.body.errors[0].data.errors[0].path).toBe('items.1.statistic.unit')
    expect((await suggest('nope')).status).toBe(400)
    const noValue = await suggest([{ sentence: 'x', statistic: { unit: 'percent' } }])
    expect(noValue.body.errors[0].data.errors[0].path).toBe('items.0.statistic.value')
  })

  it('refuses, naming the field, what PostgreSQL could not take: NUL, broken surrogates, huge numbers', async () => {
    const refused = async (items: unknown[], path: string) => {
      const res = await suggest(items)
      expect(res.status).toBe(400)
      expect(res.body.errors[0].data.errors[0].path).toBe(path)
      expect(res.body.errors[0].message).toMatch(new RegExp(`^${path.replace(/\./g, '\\.')}: `))
    }
    const stat = { value: 70, unit: 'percent' }
    await refused([{ sentence: '70%\u0000 improved.', statistic: stat }], 'items.0.sentence')
    await refused([{ sentence: '70% improved \ud83d.', statistic: stat }], 'items.0.sentence')
    await refused([{ sentence: '70% improved \ude00.', statistic: stat }], 'items.0.sentence')
    await refused(
      [
        item('70% improved.', { value: 70, unit: 'percent' }),
        { sentence: 'x', statistic: { value: 1e307, unit: 'ratio' } },
      ],
      'items.1.statistic.value',
    )
    await refused(
      [{ sentence: 'x', statistic: { value: 1, upper: -1e300, unit: 'percent' } }],
      'items.0.statistic.upper',
    )
    await refused(
      [{ sentence: 'x', statistic: { value: 1, unit: 'percent', text: '1%\u0000' } }],
      'items.0.statistic.text',
    )
    // Well-formed text with an astral character, and a long sentence cut in the middle of a pair.
    const ok = await suggest([
      item('😀 70% improved.', { value: 70, unit: 'percent' }),
      item(`${'a'.repeat(1999)}😀 70%`, { value: 70, unit: 'ratio' }),
    ])
    expect(ok.status).toBe(200)
    expect(ok.body.items).toHaveLength(2)
  })
})

describe('which claims are suggested', () => {
  /** The statistic rows of the fixture library, one claim each (the cases of match.test.ts). */
  const LIBRARY: { key: string; row: Row; statement: string }[] = [
    { key: 'p70', row: { value: 70, unit: 'percent' }, statement: '70% of patients.' },
    { key: 'p69.6', row: { value: 69.6, unit: 'percent' }, statement: '69.6% of patients.' },
    { key: 'p71', row: { value: 71, unit: 'percent' }, statement: '71% of patients.' },
    { key: 'p40', row: { value: 40, unit: 'percent' }, statement: '40% of patients.' },
    { key: 'r0.7', row: { value: 0.7, unit: 'ratio' }, statement: '70% of adults.' },
    { key: 'p33', row: { value: 33, unit: 'percent' }, statement: '33% of patients.' },
    {
      key: 'p40-60',
      row: { value: 40, upper: 60, unit: 'percent' },
      statement: '40–60% of patients.',
    },
    {
      key: 'p40-50',
      row: { value: 40, upper: 50, unit: 'percent' },
      statement: '40–50% of patients.',
    },
    {
      key: 'm2',
      row: { value: 2, unit: 'multiplier' },
      statement: 'Patients were twice as likely to improve.',
    },
    { key: 'p2', row: { value: 2, unit: 'percent' }, statement: 'A 2% rise.' },
    {
      key: 'c1162',
      row: { value: 1162, unit: 'count' },
      statement: 'In 1,162 patients it worked.',
    },
    {
      key: 'c1163',
      row: { value: 1163, unit: 'count' },
      statement: 'In 1,163 patients it worked.',
    },
    { key: 'pt4.1', row: { value: 4.1, unit: 'points' }, statement: 'Pain fell by 4.1 points.' },
    { key: 'pt3.8', row: { value: 3.8, unit: 'points' }, statement: 'Pain fell by 3.8 points.' },
    { key: 'p0.4', row: { value: 0.4, unit: 'percent' }, statement: '0.4% of patients.' },
    {
      key: 'upto50',
      row: { value: 50, unit: 'percent', qualifier: 'up-to' },
      statement: 'Up to 50% of patients.',
    },
    {
      key: 'exact50',
      row: { value: 50, unit: 'percent', qualifier: 'exact' },
      statement: '50% of patients.',
    },
    {
      key: 'over50',
      row: { value: 50, unit: 'percent', qualifier: 'more-than' },
      statement: 'More than 50% of patients.',
    },
    {
      key: 'about50',
      row: { value: 50, unit: 'percent', qualifier: 'about' },
      statement: 'About 50% of patients.',
    },
  ]
  const ids = new Map<string, number>()
  const keyOf = (id: unknown) => [...ids].find(([, value]) => value === id)?.[0]

  beforeAll(async () => {
    for (const { key, row, statement } of LIBRARY) {
      ids.set(key, await liveClaim(t.payload, statement, [row]))
    }
  })

  const CASES: { name: string; item: SuggestionRequest; expected: string[] }[] = [
    {
      name: '70%: equal, rounded and ratio rows; not 71% or 40%',
      item: item('70% of patients.', { value: 70, unit: 'percent' }),
      expected: ['p70', 'p69.6', 'r0.7'],
    },
    {
      name: 'one in three (33.33%) matches 33%',
      item: item('1 in 3 patients.', { value: 33.33, unit: 'percent' }),
      expected: ['p33'],
    },
    {
      name: 'a range only matches a range with both ends equal',
      item: item('40-60% of patients.', { value: 40, upper: 60, unit: 'percent' }),
      expected: ['p40-60'],
    },
    {
      name: 'a single value never matches a range',
      item: item('40% of patients.', { value: 40, unit: 'percent' }),
      expected: ['p40'],
    },
    {
      name: 'multipliers only match multipliers',
      item: item('twice as likely.', { value: 2, unit: 'multiplier' }),
      expected: ['m2'],
    },
    {
      name: 'counts match counts exactly',
      item: item('1,162 patients.', { value: 1162, unit: 'count' }),
      expected: ['c1162'],
    },
    {
      name: 'points within their tolerance, not another unit',
      item: item('4.2 points.', { value: 4.2, unit: 'points' }),
      expected: ['pt4.1'],
    },
    {
      name: 'small values stay distinct (0.01% is not 0.4%)',
      item: item('1 in 10,000.', { value: 0.01, unit: 'percent' }),
      expected: [],
    },
    {
      name: 'a detected ratio is compared as a percentage',
      item: item('0.7 of patients.', { value: 0.7, unit: 'ratio' }),
      expected: ['p70', 'p69.6', 'r0.7'],
    },
    {
      name: '"up to" only matches an "up to" row',
      item: item('up to 50% of patients.', { value: 50, unit: 'percent', qualifier: 'up-to' }),
      expected: ['upto50'],
    },
    {
      name: '"more than" only matches a "more than" row',
      item: item('more than 50%.', { value: 50, unit: 'percent', qualifier: 'more-than' }),
      expected: ['over50'],
    },
    {
      name: 'an exact figure matches exact and "about" rows, no directional one',
      item: item('50% of patients.', { value: 50, unit: 'percent', qualifier: 'exact' }),
      expected: ['exact50', 'about50'],
    },
  ]

  for (const { name, item: request, expected } of CASES) {
    it(`in SQL: ${name}`, async () => {
      const req = await createLocalReq({}, t.payload)
      const found = await matchingClaims(req, [request])
      const keys = found.map(({ suggestion }) => keyOf(suggestion.claimId)).filter(Boolean)
      expect(keys.sort()).toEqual([...expected].sort())
      // What SQL found is exactly what match.ts and the qualifier rule accept among the fixtures.
      expect(found.every(({ suggestion }) => suggestionStates(request, suggestion))).toBe(true)
    })
  }

  it('answers every case in one request, in order, with the claim, its row, rank and re-review date', async () => {
    const res = await suggest(CASES.map((c) => c.item))
    expect(res.status).toBe(200)
    expect(res.body.items).toHaveLength(CASES.length)
    res.body.items.forEach((answer: { suggestions: { claimId: number }[] }, index: number) => {
      expect(answer.suggestions.map((s) => keyOf(s.claimId)).sort()).toEqual(
        [...CASES[index].expected].sort(),
      )
    })
    expect(res.body.items[0].suggestions[0]).toEqual({
      claimId: expect.any(Number),
      statement: expect.stringMatching(/70% of/),
      statistic: expect.objectContaining({ value: expect.any(Number), unit: expect.any(String) }),
      rank: expect.any(Number),
      reviewBy: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    })
  })
})

describe('only live claims', () => {
  it('leaves out drafts, claims in review, rejected and expired claims, and a live claim whose new draft states another number', async () => {
    const value = 83
    const stat = [{ value, unit: 'percent' }]
    const live = await liveClaim(t.payload, `${value}% of patients slept better.`, stat)
    const draft = await createClaim(t, { statement: `${value}% of patients slept better (draft).` })
    await t.api.as(t.editor.token).patch(`/claims/${draft.id}`, {
      statistics: [{ value, unit: 'percent', sources: [draft.source] }],
      statement: `${value}% of patients slept better (draft).`,
    })
    const inReview = await createClaim(t, { statement: `${value}% slept better (in review).` })
    await t.api.as(t.editor.token).patch(`/claims/${inReview.id}`, {
      statistics: [{ value, unit: 'percent', sources: [inReview.source] }],
      statement: `${value}% slept better (in review).`,
    })
    expect((await submit(t, inReview.id)).status).toBe(200)
    const rejected = await createClaim(t, { statement: `${value}% slept better (rejected).` })
    await t.api.as(t.editor.token).patch(`/claims/${rejected.id}`, {
      statistics: [{ value, unit: 'percent', sources: [rejected.source] }],
      statement: `${value}% slept better (rejected).`,
    })
    expect((await submit(t, rejected.id)).status).toBe(200)
    expect((await review(t, rejected.id, 'reject', { note: 'Wrong study.' })).status).toBe(200)
    const pastDue = await liveClaim(
      t.payload,
      `${value}% slept better (past due).`,
      stat,
      new Date(Date.now() - DAY),
    )
    // Approved through the workflow, then edited: the new draft states another number.
    const edited = await approvedClaim(t, '70% of patients slept better (edited).')
    await t.api.as(t.editor.token).patch(`/claims/${edited.id}`, {
      statement: `${value}% of patients slept better (edited).`,
      statistics: [{ value, unit: 'percent', sources: [edited.source] }],
    })
    const workflow = await approvedClaim(t, '70% of patients slept better (workflow).')

    const res = await suggest([
      item(`${value}% of patients slept better.`, { value, unit: 'percent' }),
      item('70% of patients slept better.', { value: 70, unit: 'percent' }),
    ])
    const [eightyThree, seventy] = res.body.items.map(
      (answer: { suggestions: { claimId: number }[] }) => answer.suggestions.map((s) => s.claimId),
    )
    expect(eightyThree).toEqual([live])
    expect(seventy).toContain(workflow.id)
    // Its live version says 70%, its latest draft 83%: citing it would not clear the issue.
    expect(seventy).not.toContain(edited.id)
    for (const id of [draft.id, inReview.id, rejected.id, pastDue, edited.id]) {
      expect(eightyThree).not.toContain(id)
    }
  })
})

describe('ranking', () => {
  it('puts the claim whose statement is closest to the sentence first', async () => {
    const value = 57
    const row = [{ value, unit: 'percent' }]
    const far = await liveClaim(t.payload, `${value}% of owners renewed their insurance.`, row)
    const close = await liveClaim(
      t.payload,
      `Acupuncture reduced chronic low back pain for ${value}% of patients.`,
      row,
    )
    const middle = await liveClaim(t.payload, `${value}% of patients reported less stress.`, row)
    const res = await suggest([
      item(`In one trial acupuncture eased chronic back pain for ${value}% of patients.`, {
        value,
        unit: 'percent',
      }),
    ])
    const suggestions = res.body.items[0].suggestions as { claimId: number; rank: number }[]
    expect(suggestions.map((s) => s.claimId)).toEqual([close, middle, far])
    expect(suggestions[0].rank).toBeGreaterThan(suggestions[1].rank)
  })
})

describe('cost', () => {
  it('is one SQL statement, whatever the number of claims or statistics asked about', async () => {
    const items = (n: number) =>
      Array.from({ length: n }, (_, i) =>
        item(`${20 + (i % 10)}% of patients felt better after treatment.`, {
          value: 20 + (i % 10),
          unit: 'percent',
        }),
      )
    const req = await createLocalReq({}, t.payload)
    const small = await recordStatements(() => matchingClaims(req, items(1)))
    expect(small).toHaveLength(1)
    const before = await countStatements(() => suggest(items(1)))
    const manyItems = await countStatements(() => suggest(items(40)))

    // 120 more approved claims, a dozen of which match each statistic.
    for (let i = 0; i < 120; i += 1) {
      await liveClaim(t.payload, `In ${i + 200} patients, ${20 + (i % 10)}% felt better.`, [
        { value: 20 + (i % 10), unit: 'percent' },
        { value: i + 200, unit: 'count' },
      ])
    }
    const after = await countStatements(() => suggest(items(1)))
    const afterManyItems = await countStatements(() => suggest(items(40)))
    expect(await recordStatements(() => matchingClaims(req, items(40)))).toHaveLength(1)
    expect(after).toBe(before)
    expect(manyItems).toBe(before)
    expect(afterManyItems).toBe(before)
    const res = await suggest(items(40))
    expect(
      res.body.items.every((answer: { suggestions: unknown[] }) => answer.suggestions.length === 5),
    ).toBe(true)
  })
})

describe("Cited's indexes", () => {
  it('the value index exists in the pushed schema as a btree on claim_stats (value, unit)', async () => {
    const [index] = await sql<{ indexdef: string }>(
      `select indexdef from pg_indexes where tablename = 'claim_stats' and indexname = $1`,
      [CLAIM_STATS_VALUE_INDEX],
    )
    expect(index?.indexdef).toMatch(/USING btree \(value, unit\)/)
  })

  it('the suggestion query looks every part up by an index, none scans a table (EXPLAIN)', async () => {
    const req = await createLocalReq({}, t.payload)
    const plan = await explainSuggestions(
      suggestionQuery(req, [
        item('In one trial 70% of patients improved.', { value: 70, unit: 'percent' }),
        item('0.4 of adults.', { value: 0.4, unit: 'ratio', qualifier: 'up-to' }),
        item('40-60% of patients.', { value: 40, upper: 60, unit: 'percent' }),
      ]),
    )
    for (const index of [
      CLAIM_STATS_VALUE_INDEX, // the statistic's value range
      'claims_rels_parent_idx', // the row's sources
      '_claims_v_parent_idx', // the claim's latest version
      '_claim_stats_v_parent_id_idx', // that version's statistic rows
      '_claims_v_rels_parent_idx', // and their sources
    ]) {
      expect(plan, index).toContain(index)
    }
    expect(plan).not.toMatch(
      /Seq Scan on (claim_stats|claims|claims_rels|_claims_v|_claim_stats_v|_claims_v_rels)\b/,
    )
    // A hashed subplan reads the whole table it hashes.
    expect(plan).not.toMatch(/hashed SubPlan/i)
  })

  it('is kept by a schema push: pushing the same config again changes nothing about it', async () => {
    const db = t.payload.db as unknown as {
      drizzle: unknown
      schema: Record<string, unknown>
      requireDrizzleKit: () => {
        pushSchema: (
          schema: Record<string, unknown>,
          drizzle: unknown,
        ) => Promise<{ statementsToExecute: string[] }>
      }
    }
    const { statementsToExecute } = await db.requireDrizzleKit().pushSchema(db.schema, db.drizzle)
    expect(statementsToExecute.filter((s) => s.includes(CLAIM_STATS_VALUE_INDEX))).toEqual([])
  })
})

/** The plan of `statement` with sequential scans off (so a scan shows where no index serves). */
async function explainSuggestions(statement: ReturnType<typeof query>): Promise<string> {
  const db = t.payload.db as unknown as {
    drizzle: {
      transaction: <T>(work: (tx: DrizzleTx) => Promise<T>) => Promise<T>
    }
  }
  type DrizzleTx = { execute: (s: ReturnType<typeof query>) => Promise<{ rows: unknown[] }> }
  return db.drizzle.transaction(async (tx) => {
    await tx.execute(query`set local enable_seqscan = off`)
    const result = await tx.execute(query`explain ${statement}`)
    const plan = (result.rows as { 'QUERY PLAN': string }[]).map((row) => row['QUERY PLAN'])
    return plan.join('\n')
  })
}

describe('from the evidence check to a citation', () => {
  it('reports where to cite, and citing a suggested claim there clears the issue', async () => {
    const value = 64
    const claim = await liveClaim(
      t.payload,
      `${value}% of patients had less pain after eight weeks.`,
      [{ value, unit: 'percent' }],
    )
    const sentence = `After eight weeks ${value}% of patients had less pain.`
    const data: Record<string, unknown> = {
      title: 'Suggestions',
      intro: richText(paragraph(`Acupuncture is gentle. ${sentence} Ask your clinic.`)),
      layout: [
        {
          blockType: 'chart',
          title: 'Pain',
          unit: 'percent',
          points: [{ label: 'After eight weeks', value }],
        },
      ],
    }
    const check = async () =>
      (
        await t.api
          .as(t.editor.token)
          .post('/cited/evidence-check', { collection: 'articles', data })
      ).body
    const first = await check()
    expect(first.issues).toHaveLength(2)
    expect(first.targets).toEqual([
      {
        sentence,
        statistic: { text: `${value}%`, value, upper: null, unit: 'percent', qualifier: 'exact' },
        cite: { kind: 'claimRef', fieldPath: 'intro' },
      },
      {
        sentence: `${value}%`,
        statistic: { text: `${value}%`, value, upper: null, unit: 'percent', qualifier: 'exact' },
        cite: { kind: 'claim', fieldPath: 'layout.0.points.0.claim' },
      },
    ])
    const res = await suggest(first.targets.map((target: SuggestionRequest) => target))
    const [forText, forPoint] = res.body.items.map(
      (answer: { suggestions: { claimId: number }[] }) => answer.suggestions[0]?.claimId,
    )
    expect(forText).toBe(claim)
    expect(forPoint).toBe(claim)

    // What the panel's two buttons do to the form.
    data.intro = insertClaimRef(data.intro, { sentence, text: `${value}%`, claimId: forText }).value
    ;(data.layout as { points: Record<string, unknown>[] }[])[0].points[0].claim = forPoint
    const second = await check()
    expect(second.issues).toEqual([])
    expect(second.targets).toEqual([])
  })

  it('"Create a claim from this statistic" saves a draft claim pre-filled with the sentence and the number', async () => {
    // What the panel's button sends (POST /api/claims?draft=true as the editor).
    const target = {
      sentence: 'Up to 38% of patients slept better.',
      statistic: { text: 'Up to 38%', value: 38, upper: null, unit: 'percent', qualifier: 'up-to' },
    }
    const { value, unit, qualifier } = target.statistic
    const res = await t.api.as(t.editor.token).post('/claims?draft=true', {
      statement: target.sentence,
      statistics: [{ value, unit, qualifier }],
    })
    expect(res.status).toBe(201)
    expect(res.body.doc).toMatchObject({
      statement: target.sentence,
      _status: 'draft',
      review: expect.objectContaining({ status: 'draft' }),
      statistics: [expect.objectContaining({ value: 38, unit: 'percent', qualifier: 'up-to' })],
    })
  })
})
