/**
 * A claim agrees with itself: every statistic its statement or attribution states is one of its
 * statistic rows, or it cannot be submitted or approved.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { bootPayload, type TestContext } from '../helpers/payload'
import { createSource, review } from '../helpers/reviewWorkflow'

let t: TestContext

beforeAll(async () => {
  t = await bootPayload()
})

afterAll(async () => {
  await t?.payload.destroy()
})

const editor = () => t.api.as(t.editor.token)

async function claim(data: Record<string, unknown>): Promise<number> {
  const res = await editor().post('/claims', data)
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body.doc.id
}

describe('a claim cannot be submitted while it states a number its statistics do not', () => {
  it('in its attribution ("70% of patients improved" with no row stating it)', async () => {
    const source = await createSource(t)
    const id = await claim({
      statement: 'Acupuncture eased chronic back pain.',
      attribution: 'Cleveland Clinic: 70% of patients improved',
      statistics: [{ value: 40, unit: 'percent', sources: [source] }],
    })
    const res = await editor().post(`/claims/${id}/submit`, {})
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toContain(
      '"70%" in the attribution is not one of this claim\'s statistics',
    )
  })

  it('in its statement', async () => {
    const source = await createSource(t)
    const id = await claim({
      statement: 'Half of patients slept better.',
      statistics: [{ value: 70, unit: 'percent', sources: [source] }],
    })
    const res = await editor().post(`/claims/${id}/submit`, {})
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toContain(
      '"Half of patients" in the statement is not one of this claim\'s statistics',
    )
  })

  it('a row that states a number the statement does not', async () => {
    const source = await createSource(t)
    const id = await claim({
      statement: '70% of patients reported less pain.',
      statistics: [
        { value: 70, unit: 'percent', sources: [source] },
        { value: 40, unit: 'percent', sources: [source] },
      ],
    })
    const res = await editor().post(`/claims/${id}/submit`, {})
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toContain(
      "Statistic 2 (40%) is not stated in the claim's statement or attribution",
    )
  })

  it.each([
    [
      'a zero-width space inside the number, with a row of 0%',
      '7\u200B0% of patients improved.',
      [{ value: 0, unit: 'percent' }],
    ],
    ['full-width digits and no row at all', '７０％ of patients improved.', []],
    [
      'Arabic-Indic digits with the wrong row',
      '٧٠٪ of patients improved.',
      [{ value: 7, unit: 'percent' }],
    ],
  ])('a statement written with %s', async (_name, statement, rows) => {
    const source = await createSource(t)
    const id = await claim({
      statement: JSON.parse(`"${statement}"`),
      statistics: rows.map((row) => ({ ...row, sources: [source] })),
    })
    const res = await editor().post(`/claims/${id}/submit`, {})
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toMatch(
      /in the statement is not one of this claim's statistics/,
    )
  })

  it('and a claim that agrees with itself goes through, attribution included', async () => {
    const source = await createSource(t)
    const id = await claim({
      statement: '70% of patients reported less pain.',
      attribution: 'Cleveland Clinic, 70% of patients',
      statistics: [{ value: 70, unit: 'percent', sources: [source] }],
    })
    expect((await editor().post(`/claims/${id}/submit`, {})).status).toBe(200)
    expect((await review(t, id, 'approve')).status).toBe(200)
  })
})
