/**
 * Run inside the installed host app (`node --import tsx proof.ts`, DATABASE_URL set): boots it with
 * `getPayload`, drives Payload's own REST route handlers as its `app/(payload)/api` routes do, and
 * prints what it saw as one JSON line for tests/package/host.test.ts to check. It asserts nothing
 * itself: the test does.
 */
import { REST_GET, REST_PATCH, REST_POST } from '@payloadcms/next/routes'
import { getPayload } from 'payload'

import config from './payload.config'

const payload = await getPayload({ config })
const handlers = { GET: REST_GET(config), PATCH: REST_PATCH(config), POST: REST_POST(config) }

/**
 * What the proof reads of an answer's JSON, as a successful answer has it (an error answer lacks
 * parts: the proof then reports them as undefined, and the test says what it expected).
 */
interface AnswerBody {
  token: string
  user?: { roles?: unknown; clinic?: unknown }
  doc: { id: number | string; roles?: unknown; clinic?: unknown }
  docs?: { title: string }[]
  statement?: unknown
  errors?: { message?: string }[]
}

interface Answer {
  status: number
  body: AnswerBody
}

async function call(
  method: keyof typeof handlers,
  path: string,
  body?: unknown,
  token?: string,
): Promise<Answer> {
  const [pathname, search] = path.replace(/^\//, '').split('?')
  const headers = new Headers()
  if (body !== undefined) {
    headers.set('Content-Type', 'application/json')
  }
  if (token) {
    headers.set('Authorization', `JWT ${token}`)
  }
  const request = new Request(
    `http://localhost:3000/api/${pathname}${search ? `?${search}` : ''}`,
    {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    },
  )
  const response = await handlers[method](request, {
    params: Promise.resolve({ slug: pathname.split('/') }),
  })
  const text = await response.text()
  let parsed: unknown = text
  try {
    parsed = text ? JSON.parse(text) : null
  } catch {
    // not JSON
  }
  return { status: response.status, body: parsed as AnswerBody }
}

const password = 'a long clinic password 1'
const login = async (email: string): Promise<string> =>
  (await call('POST', 'users/login', { email, password })).body.token

const users = payload.collections.users.config
const seen: Record<string, unknown> = {
  userFields: users.fields
    .map((field) => ('name' in field ? field.name : undefined))
    .filter(Boolean),
  pageFields: payload.collections.pages.config.fields
    .map((field) => ('name' in field ? field.name : undefined))
    .filter(Boolean),
  collections: Object.keys(payload.collections),
}

// The host's first user signs up on the welcome screen; Cited makes the first account an admin.
const first = await call('POST', 'users/first-register', {
  email: 'owner@clinic.test',
  password,
  clinic: 'North',
})
seen.firstRegister = {
  status: first.status,
  roles: first.body?.user?.roles,
  clinic: first.body?.user?.clinic,
}
const admin = await login('owner@clinic.test')

const created: Record<string, Answer> = {}
for (const [name, roles, clinic] of [
  ['editor', ['editor'], 'South'],
  ['reviewer', ['reviewer'], 'South'],
] as const) {
  created[name] = await call(
    'POST',
    'users',
    { email: `${name}@clinic.test`, password, roles, clinic },
    admin,
  )
}
seen.createdUsers = Object.fromEntries(
  Object.entries(created).map(([name, answer]) => [
    name,
    { status: answer.status, roles: answer.body?.doc?.roles, clinic: answer.body?.doc?.clinic },
  ]),
)
const editor = await login('editor@clinic.test')
const reviewer = await login('reviewer@clinic.test')

// The host's extra field stays the host's: a user updates it; the roles field stays Cited's (no self-promotion).
const editorId = created.editor.body.doc.id
const selfUpdate = await call(
  'PATCH',
  `users/${editorId}`,
  { clinic: 'East', roles: ['admin'] },
  editor,
)
const editorNow = await payload.findByID({
  collection: 'users',
  id: editorId,
  overrideAccess: true,
})
const { clinic, roles } = editorNow as { clinic?: unknown; roles?: unknown }
seen.selfUpdate = { status: selfUpdate.status, clinic, roles }

// A claim goes live only through review.
const source = await call(
  'POST',
  'sources',
  { title: 'Acupuncture for chronic low back pain', doi: '10.1000/host.1' },
  editor,
)
const claim = await call(
  'POST',
  'claims',
  {
    statement: '70% of patients reported less pain.',
    statistics: [{ value: 70, unit: 'percent', sources: [source.body?.doc?.id] }],
  },
  editor,
)
const claimId = claim.body?.doc?.id
const publishedByEditor = await call('PATCH', `claims/${claimId}`, { _status: 'published' }, editor)
const approvedByEditor = await call(
  'POST',
  `claims/${claimId}/review`,
  { decision: 'approve', password },
  editor,
)
const submitted = await call('POST', `claims/${claimId}/submit`, {}, editor)
const anonymousBefore = await call('GET', `claims/${claimId}`)
const approved = await call(
  'POST',
  `claims/${claimId}/review`,
  { decision: 'approve', password },
  reviewer,
)
const anonymousAfter = await call('GET', `claims/${claimId}`)
seen.review = {
  source: source.status,
  claim: claim.status,
  publishedByEditor: {
    status: publishedByEditor.status,
    message: publishedByEditor.body?.errors?.[0]?.message,
  },
  approvedByEditor: approvedByEditor.status,
  submitted: submitted.status,
  anonymousBefore: anonymousBefore.status,
  approved: approved.status,
  anonymousAfter: anonymousAfter.status,
}

// An uncited statistic blocks publishing; an article citing the approved claim publishes.
const uncited = await call(
  'POST',
  'articles',
  {
    title: 'Acupuncture and back pain',
    excerpt: '85% of our patients sleep better after one session.',
    _status: 'published',
  },
  editor,
)
const cited = await call(
  'POST',
  'articles',
  {
    title: 'Acupuncture for back pain',
    layout: [{ blockType: 'clinicalClaim', claim: claimId, display: 'callout' }],
    _status: 'published',
  },
  editor,
)
const draft = await call('POST', 'articles', { title: 'Draft: cupping', _status: 'draft' }, editor)
const anonymousArticles = await call('GET', 'articles?depth=0&limit=100')
const anonymousClaim = await call('GET', `claims/${claimId}`)
seen.articles = {
  uncited: {
    status: uncited.status,
    message: JSON.stringify(uncited.body?.errors ?? uncited.body),
  },
  cited: cited.status,
  draft: draft.status,
  anonymousTitles: anonymousArticles.body?.docs?.map((doc: { title: string }) => doc.title),
  anonymousClaim: { status: anonymousClaim.status, statement: anonymousClaim.body?.statement },
}

// The host's pages are the host's: no evidence gate, its own access rules.
const page = await call(
  'POST',
  'pages',
  { title: 'Opening hours', body: '90% of appointments start on time.' },
  admin,
)
const anonymousPages = await call('GET', 'pages')
seen.pages = {
  created: page.status,
  anonymousTitles: anonymousPages.body?.docs?.map((doc: { title: string }) => doc.title),
}

console.log(`CITED_PROOF ${JSON.stringify(seen)}`)
await payload.destroy()
process.exit(0)
