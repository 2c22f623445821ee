/** Builders for the review workflow tests: everything goes through the REST handlers. */
import type { ApiResponse, TestUser } from './api'
import type { TestContext } from './payload'

let counter = 0
const unique = () =>
  `${Date.now().toString(36)}${(counter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`

export async function createSource(
  t: TestContext,
  title = 'Acupuncture for chronic pain',
): Promise<number> {
  const res = await t.api
    .as(t.editor.token)
    .post('/sources', { title, doi: `10.1000/review.${unique()}` })
  if (res.status !== 201) {
    throw new Error(`source: ${JSON.stringify(res.body)}`)
  }
  return res.body.doc.id
}

/** A claim draft created by `as` (the editor by default) with one sourced statistic. */
export async function createClaim(
  t: TestContext,
  options: { as?: TestUser; statement?: string; withSource?: boolean } = {},
): Promise<{ id: number; source: number }> {
  const source = await createSource(t)
  const res = await t.api.as((options.as ?? t.editor).token).post('/claims', {
    statement: options.statement ?? `70% of patients reported less pain (${unique()}).`,
    statistics: [
      { value: 70, unit: 'percent', sources: options.withSource === false ? [] : [source] },
    ],
  })
  if (res.status !== 201) {
    throw new Error(`claim: ${res.status} ${JSON.stringify(res.body)}`)
  }
  return { id: res.body.doc.id, source }
}

export function submit(t: TestContext, id: number, as: TestUser = t.editor): Promise<ApiResponse> {
  return t.api.as(as.token).post(`/claims/${id}/submit`, {})
}

export function review(
  t: TestContext,
  id: number,
  decision: string,
  options: { as?: TestUser; note?: string; password?: string } = {},
): Promise<ApiResponse> {
  const as = options.as ?? t.reviewer
  return t.api.as(as.token).post(`/claims/${id}/review`, {
    decision,
    note: options.note,
    password: options.password ?? as.password,
  })
}

function expectOk(res: ApiResponse, what: string): void {
  if (res.status !== 200) {
    throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`)
  }
}

/** A claim that went through submit and approve. */
export async function approvedClaim(
  t: TestContext,
  statement?: string,
): Promise<{ id: number; source: number }> {
  const claim = await createClaim(t, { statement })
  expectOk(await submit(t, claim.id), 'submit')
  expectOk(await review(t, claim.id, 'approve'), 'approve')
  return claim
}

/** Publishes an article (as the editor) that shows the given claims as callouts. */
export function publishArticle(
  t: TestContext,
  claims: number[],
  extra: Record<string, unknown> = {},
): Promise<ApiResponse> {
  return t.api.as(t.editor.token).post('/articles', {
    title: `Acupuncture and back pain ${unique()}`,
    layout: claims.map((claim) => ({ blockType: 'clinicalClaim', claim, display: 'callout' })),
    _status: 'published',
    ...extra,
  })
}
