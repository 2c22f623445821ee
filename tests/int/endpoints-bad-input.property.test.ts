/**
 * Property test: no custom endpoint of Cited answers 500 to bad input. The endpoints are read
 * from the running config (the root's and every collection's, less Payload's own), so an endpoint
 * added later is fuzzed without touching this file. Each is sent fast-check-generated bad
 * requests through Payload's real REST handlers, as anonymous, editor, reviewer and admin:
 * non-JSON text, JSON of the wrong type, objects with wrong-typed, missing, extra, deeply nested
 * or `__proto__` fields, huge strings, multipart bodies where JSON is expected, and for the upload
 * endpoint garbage files, wrong extensions, empty files and broken `_payload` JSON; route
 * parameters are valid ids, `abc`, `-1`, `1e3`, huge numbers, `%00` and the like.
 *
 * Every answer is below 500; a 4xx carries `errors[0].message`, a sentence a clinic marketer can
 * read (no stack trace, no "Something went wrong", no "TypeError"); a 400 for a JSON object names
 * the field path (`errors[0].data.errors[0].path`); and after any 4xx every table holds the same
 * number of rows as before.
 *
 * Reference lookups (DOIs, PMIDs pasted into `/sources/import`) go to a closed local port: these
 * machines have no internet, and an unreachable service is an answer the endpoint must handle.
 */
import type { Endpoint, Field, SanitizedConfig } from 'payload'

import { fc } from '@fast-check/vitest'
import { REST_DELETE, REST_GET, REST_PATCH, REST_POST } from '@payloadcms/next/routes'
import { buildConfig } from 'payload'
import * as qs from 'qs-esm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { guardRest, MAX_JSON_BODY_BYTES } from '../../src/http/routes'
import { bootPayloadFor, hostConfig, type TestContext } from '../helpers/payload'
import { sql } from '../helpers/sql'

// --- the endpoints, from the running config -------------------------------------------------

const configPromise = hostConfig({
  cited: {
    referenceLookup: {
      crossrefUrl: 'http://127.0.0.1:9/crossref',
      ncbiUrl: 'http://127.0.0.1:9/ncbi',
      timeoutMs: 500,
    },
  },
})
const config: SanitizedConfig = await configPromise

/**
 * The handlers Payload gives every config of its own (the root's auth endpoints, every
 * collection's CRUD, auth and upload endpoints): read from a bare config with one plain, one auth
 * and one upload collection, and compared by identity.
 */
async function payloadsOwnHandlers(): Promise<Set<unknown>> {
  const bare = await buildConfig({
    secret: 'bare',
    collections: [
      { slug: 'plain', fields: [] },
      { slug: 'people', auth: true, fields: [] },
      { slug: 'files', upload: true, fields: [] },
    ],
  } as unknown as Parameters<typeof buildConfig>[0])
  const handlers = new Set<unknown>(bare.endpoints ? bare.endpoints.map((e) => e.handler) : [])
  for (const collection of bare.collections) {
    for (const endpoint of collection.endpoints || []) {
      handlers.add(endpoint.handler)
    }
  }
  return handlers
}

interface CustomEndpoint {
  method: Endpoint['method']
  /** The route under `/api`, as configured: `/claims/:id/review`. */
  route: string
  /** The route's segments; a parameter is `{ param }`. */
  segments: ({ param: string } | string)[]
}

const own = await payloadsOwnHandlers()

function customEndpoints(): CustomEndpoint[] {
  const found: CustomEndpoint[] = []
  const add = (prefix: string, endpoint: Endpoint) => {
    if (own.has(endpoint.handler)) {
      return
    }
    // `@payloadcms/next`'s route handler adds `GET /og` (the admin's Open Graph image) itself.
    if (prefix === '' && endpoint.path === '/og') {
      return
    }
    const route = `${prefix}${endpoint.path}`
    found.push({
      method: endpoint.method,
      route,
      segments: route
        .split('/')
        .filter(Boolean)
        .map((segment) =>
          segment.startsWith(':') ? { param: segment.slice(1).replace(/\?$/, '') } : segment,
        ),
    })
  }
  for (const endpoint of config.endpoints || []) {
    add('', endpoint)
  }
  for (const collection of config.collections) {
    // Payload's own collections (`payload-jobs`, `payload-preferences` …) are Payload's.
    if (collection.slug.startsWith('payload-')) {
      continue
    }
    for (const endpoint of collection.endpoints || []) {
      add(`/${collection.slug}`, endpoint)
    }
  }
  return found
}

const ENDPOINTS = customEndpoints()
const KNOWN = [
  'post /cited/evidence-check',
  'post /cited/suggest-claims',
  'post /cited/import-article',
  'post /sources/import',
  'post /claims/:id/submit',
  'post /claims/:id/review',
  'get /review-events/export.csv',
  'get /articles/published/:slug',
]

// --- a request, as Next hands it to Payload ---------------------------------------------------

type Method = 'DELETE' | 'GET' | 'PATCH' | 'POST'
type Handler = (
  request: Request,
  args: { params: Promise<{ slug: string[] }> },
) => Promise<Response>

const handlers: Record<Method, Handler> = {
  GET: guardRest(REST_GET(config)),
  POST: guardRest(REST_POST(config)),
  PATCH: guardRest(REST_PATCH(config)),
  DELETE: guardRest(REST_DELETE(config)),
}

type Body =
  | { kind: 'json'; value: unknown }
  | { kind: 'multipart'; parts: Part[] }
  | { kind: 'none' }
  | { kind: 'raw'; text: string; contentType: null | string }

type Part =
  | { name: string; file: { name: string; bytes: Uint8Array } }
  | { name: string; value: string }

interface BadRequest {
  /** The route's parameters, by name (decoded, as Next gives them). */
  params: Record<string, string>
  query: Record<string, unknown>
  body: Body
}

interface Answer {
  status: number
  body: unknown
  text: string
}

const ROLES = ['anonymous', 'editor', 'reviewer', 'admin'] as const
type Role = (typeof ROLES)[number]

let t: TestContext
const tokenOf = (role: Role): string | undefined =>
  role === 'anonymous' ? undefined : t[role].token

async function send(endpoint: CustomEndpoint, role: Role, bad: BadRequest): Promise<Answer> {
  // Next gives the handler the decoded segments; Payload encodes them again to match routes.
  const slug = endpoint.segments.map((segment) =>
    typeof segment === 'string' ? segment : (bad.params[segment.param] ?? '1'),
  )
  const query = qs.stringify(bad.query, { addQueryPrefix: true })
  const url = `http://localhost:3000${config.routes.api}/${slug.map(encodeURIComponent).join('/')}${query}`
  const headers = new Headers()
  const token = tokenOf(role)
  if (token) {
    headers.set('Authorization', `JWT ${token}`)
  }
  let body: BodyInit | undefined
  const { body: sent } = bad
  if (sent.kind === 'json') {
    headers.set('Content-Type', 'application/json')
    body = JSON.stringify(sent.value)
  } else if (sent.kind === 'raw') {
    if (sent.contentType) {
      headers.set('Content-Type', sent.contentType)
    }
    body = sent.text
  } else if (sent.kind === 'multipart') {
    const form = new FormData()
    for (const part of sent.parts) {
      if ('file' in part) {
        form.append(part.name, new Blob([new Uint8Array(part.file.bytes)]), part.file.name)
      } else {
        form.append(part.name, part.value)
      }
    }
    body = form
  }
  const method = endpoint.method.toUpperCase() as Method
  const request = new Request(url, {
    method,
    headers,
    body: method === 'GET' || method === 'DELETE' ? undefined : body,
  })
  const response = await handlers[method](request, { params: Promise.resolve({ slug }) })
  const text = await response.text()
  let parsed: unknown = text
  try {
    parsed = text ? JSON.parse(text) : null
  } catch {
    // not JSON (the CSV export): kept as text
  }
  return { status: response.status, body: parsed, text }
}

/**
 * Rows in every table of the schema (one statement), as bad-input.test.ts counts them — sessions
 * included: a reviewer's signature (`review/password.ts`) removes the session Payload's login
 * opens, so a refused decision leaves none behind.
 */
async function snapshot(): Promise<Record<string, number>> {
  const tables = await sql<{ table_name: string }>(
    `select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'payload_%' order by table_name`,
  )
  const rows = await sql<{ name: string; n: string }>(
    tables
      .map(({ table_name }) => `select '${table_name}' as name, count(*) as n from "${table_name}"`)
      .join(' union all '),
  )
  return Object.fromEntries(rows.map(({ name, n }) => [name, Number(n)]))
}

// --- what a clear refusal looks like ----------------------------------------------------------

const UNCLEAR =
  /TypeError|ReferenceError|RangeError|SyntaxError|Cannot read propert|is not a function|is not iterable|undefined is not|Something went wrong|Invalid JSON$|^Invalid upload collection|\bat \S+ \(|node_modules|\n\s+at /

/** Why `answer` is not a clear refusal, or undefined when it is one. */
function unclear(answer: Answer, sent: Body): string | undefined {
  const body = answer.body as {
    errors?: { message?: unknown; data?: { errors?: { path?: unknown }[] } }[]
  }
  const first = body && typeof body === 'object' ? body.errors?.[0] : undefined
  const message = first?.message
  if (typeof message !== 'string' || message.trim().length < 8) {
    return 'no errors[0].message'
  }
  if (!/[A-Z]{2}.*[A-Z]{2}/i.test(message) || UNCLEAR.test(message)) {
    return `unclear message: ${message}`
  }
  // A 400 for a JSON object is about one of its fields: it names the field's path.
  const aboutFields =
    answer.status === 400 &&
    sent.kind === 'json' &&
    typeof sent.value === 'object' &&
    sent.value !== null &&
    !Array.isArray(sent.value)
  if (aboutFields) {
    const path = first?.data?.errors?.[0]?.path
    if (typeof path !== 'string' || path === '') {
      return `a 400 naming no field path: ${message}`
    }
  }
  return undefined
}

// --- bad input ------------------------------------------------------------------------------

interface World {
  sources: number[]
  claims: number[]
  slug: string
}
let world: World

const HUGE = [10_000, 200_000, 1_500_000]
const huge = fc
  .tuple(fc.constantFrom(...HUGE), fc.constantFrom('a', '9', 'é', '70% ', '\u0000', '{'))
  .map(([n, unit]) => unit.repeat(Math.ceil(n / unit.length)))

/** Ids as someone may type them: real ones among the garbage. */
const idText = () =>
  fc.oneof(
    fc.constantFrom(...world.claims.map(String), ...world.sources.map(String)),
    fc.constantFrom(
      'abc',
      '-1',
      '0',
      '1e3',
      '1.5',
      '0x2a',
      ' 1',
      '1 OR 1=1',
      '9999999999999999999999',
      '9007199254740993',
      '%00',
      '\u0000',
      '%',
      '%zz',
      '..',
      '💉',
      'null',
      'undefined',
      '__proto__',
      'constructor',
    ),
    fc.string({ minLength: 1, maxLength: 40 }),
    fc.constantFrom('a'.repeat(5000)),
  )

const scalar = () =>
  fc.oneof(
    fc.constantFrom(
      '',
      ' ',
      0,
      -0,
      -1,
      1e308,
      -1e308,
      1.5,
      Number.MAX_SAFE_INTEGER + 2,
      '1e3',
      '%00',
      '\u0000',
      true,
      false,
      null,
      [],
      {},
      [null],
      { id: 'abc' },
      { relationTo: 'claims', value: '1 OR 1=1' },
    ),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.string({ maxLength: 30 }),
    fc.jsonValue({ maxDepth: 2 }),
  )

const idValue = () =>
  fc.oneof(
    fc.constantFrom(...world.claims, ...world.sources),
    idText(),
    scalar(),
    fc.record({ id: idText() }),
    fc.record({ relationTo: fc.constantFrom('claims', 'sources', 'nope'), value: idText() }),
  )

const value = () =>
  fc.oneof({ weight: 6, arbitrary: scalar() }, { weight: 1, arbitrary: huge }, idValue())

/** Rich text: Lexical's shape with anything inside — unknown node types, blocks, claim refs. */
const richText = (blockSlugs: string[]) => {
  const leaf = fc.record(
    {
      type: fc.constantFrom('text', 'claimRef', 'link', 'linebreak', 'nope', 7),
      text: fc.oneof(
        fc.string({ maxLength: 40 }),
        fc.constant('70% of patients improved.'),
        value(),
      ),
      version: fc.constant(1),
      fields: fc.oneof(
        fc.record(
          { blockType: fc.constantFrom(...blockSlugs, 'nope'), claim: idValue(), claims: value() },
          { requiredKeys: [] },
        ),
        value(),
      ),
    },
    { requiredKeys: [] },
  )
  const node = (children: fc.Arbitrary<unknown>) =>
    fc.record(
      {
        type: fc.constantFrom('paragraph', 'heading', 'quote', 'list', 'listitem', 'block', 'nope'),
        version: fc.constant(1),
        children: fc.oneof(fc.array(children, { maxLength: 3 }), value()),
        fields: fc.oneof(
          fc.record({ blockType: fc.constantFrom(...blockSlugs, 'nope') }, { requiredKeys: [] }),
          value(),
        ),
      },
      { requiredKeys: [] },
    )
  const tree = node(fc.oneof(leaf, node(leaf)))
  return fc.oneof(
    fc.record({
      root: fc.record(
        {
          type: fc.constantFrom('root', 'nope'),
          children: fc.oneof(fc.array(tree, { maxLength: 3 }), value()),
        },
        { requiredKeys: [] },
      ),
    }),
    fc.record({ root: value() }),
    value(),
  )
}

type AnyField = Field & {
  name?: string
  fields?: Field[]
  tabs?: { name?: string; fields: Field[] }[]
  blocks?: { slug: string; fields: Field[] }[]
  blockReferences?: (string | { slug: string })[]
}

/** A value for a field of the config: of its shape, with bad leaves, or of no shape at all. */
function fieldValue(field: AnyField, depth: number): fc.Arbitrary<unknown> {
  const blockSlugs = config.blocks?.map((block) => block.slug) ?? []
  if (depth > 2) {
    return value()
  }
  switch (field.type) {
    case 'richText':
      return richText(blockSlugs)
    case 'blocks': {
      const blocks = [
        ...(field.blocks ?? []),
        ...(field.blockReferences ?? []).flatMap((ref) => {
          const slug = typeof ref === 'string' ? ref : ref.slug
          return config.blocks?.filter((block) => block.slug === slug) ?? []
        }),
      ]
      const block = blocks.length
        ? fc
            .constantFrom(...blocks)
            .chain((chosen) =>
              fc
                .tuple(
                  fc.constantFrom(chosen.slug, 'nope', 5),
                  objectOf(chosen.fields as AnyField[], depth + 1),
                )
                .map(([blockType, rest]) => ({ ...(rest as object), blockType })),
            )
        : value()
      return fc.oneof(fc.array(block, { maxLength: 3 }), value())
    }
    case 'array':
      return fc.oneof(
        fc.array(objectOf(field.fields as AnyField[], depth + 1), { maxLength: 3 }),
        value(),
      )
    case 'group':
      return fc.oneof(objectOf(field.fields as AnyField[], depth + 1), value())
    case 'relationship':
    case 'upload':
      return fc.oneof(idValue(), fc.array(idValue(), { maxLength: 3 }))
    default:
      return value()
  }
}

/** The data fields of `fields` (through rows, collapsibles and unnamed tabs), by name. */
function namedFields(fields: AnyField[]): AnyField[] {
  return fields.flatMap((field): AnyField[] => {
    if (field.type === 'tabs') {
      const tabs = (field.tabs ?? []) as { name?: string; fields: Field[] }[]
      return tabs.flatMap((tab) =>
        tab.name
          ? [{ ...tab, type: 'group' } as unknown as AnyField]
          : namedFields(tab.fields as AnyField[]),
      )
    }
    if (!field.name) {
      return field.fields ? namedFields(field.fields as AnyField[]) : []
    }
    return [field]
  })
}

/** An object with some of `fields` (of any value) and maybe extra keys. */
function objectOf(fields: AnyField[], depth: number): fc.Arbitrary<Record<string, unknown>> {
  const named = namedFields(fields).filter((field) => field.name !== 'id')
  const model = Object.fromEntries(named.map((field) => [field.name!, fieldValue(field, depth)]))
  return fc
    .tuple(
      fc.record(model, { requiredKeys: [] }),
      fc.dictionary(
        fc.constantFrom('extra', 'id', '__proto__', 'constructor', 'toString', 'x.y'),
        value(),
        {
          maxKeys: 2,
        },
      ),
    )
    .map(([known, extra]) => ({ ...extra, ...known }))
}

/** Document data for `slug`, shaped after its fields in the running config. */
const documentOf = (slug: string): fc.Arbitrary<unknown> => {
  const collection = config.collections.find((c) => c.slug === slug)
  return collection ? objectOf(collection.fields as AnyField[], 0) : value()
}

/** The fields each known endpoint reads, with values that get past its first checks sometimes. */
function bodyFieldsOf(route: string): Record<string, fc.Arbitrary<unknown>> | undefined {
  const slugs = config.collections.map((c) => c.slug).filter((slug) => !slug.startsWith('payload-'))
  switch (route) {
    case '/cited/evidence-check': {
      return {
        collection: fc.oneof(fc.constantFrom(...slugs, 'nope', ''), value()),
        data: fc.oneof(fc.constantFrom(...slugs).chain(documentOf), value()),
      }
    }
    case '/cited/suggest-claims': {
      const statistic = fc.record(
        {
          value: fc.oneof(fc.constantFrom(70, 0, -5), value()),
          low: value(),
          upper: fc.oneof(fc.constantFrom(80, null), value()),
          high: value(),
          unit: fc.oneof(fc.constantFrom('percent', 'ratio', 'count', 'furlongs'), value()),
          qualifier: fc.oneof(fc.constantFrom('exact', 'about', 'up-to'), value()),
          text: fc.oneof(fc.constantFrom('about 70%', 'up to 3×'), value()),
        },
        { requiredKeys: [] },
      )
      const item = fc.oneof(
        fc.record(
          {
            sentence: fc.oneof(fc.constant('70% of patients improved.'), value()),
            statistic: fc.oneof(statistic, value()),
          },
          { requiredKeys: [] },
        ),
        value(),
      )
      return {
        items: fc.oneof(
          fc.array(item, { maxLength: 4 }),
          value(),
          fc.constant(Array(201).fill({})),
        ),
      }
    }
    case '/sources/import': {
      const fragment = fc.constantFrom(
        '@article{',
        '@article{x, title={',
        '@article{x, title = {A trial}, year = {abc}, doi = {10.1000/x}}',
        '@misc{}',
        'TY  - JOUR\nTI  - ',
        'TY  - JOUR\nTI  - A trial\nPY  - 99999\nER  - ',
        'PMID- 12345678\nTI  - A trial',
        'PMID- abc',
        '[{"type":"article-journal","title":5}]',
        '[{"title":{"__proto__":1}}]',
        '{"items":[]}',
        '[]',
        '[null]',
        '10.1000/abc',
        '10.',
        '12345678',
        'doi:10.1000/' + 'x'.repeat(300),
        '\u0000',
        '%00',
      )
      return {
        text: fc.oneof(
          fc
            .array(fc.oneof(fragment, fc.string({ maxLength: 30 })), { minLength: 1, maxLength: 4 })
            .map((parts) => parts.join('\n')),
          value(),
          huge,
        ),
        dryRun: fc.oneof(fc.boolean(), value()),
      }
    }
    case '/claims/:id/review':
      return {
        decision: fc.oneof(
          fc.constantFrom('approve', 'reject', 'request_changes', 'renew', 'APPROVE'),
          value(),
        ),
        note: fc.oneof(fc.constant('Please cite the trial.'), value(), huge),
        password: fc.oneof(fc.constant(t.reviewer.password), value()),
      }
    default:
      return undefined
  }
}

/** Text that is not JSON. */
const notJson = fc.oneof(
  fc.constantFrom(
    '{',
    '{"collection":',
    'undefined',
    'NaN',
    "{'a':1}",
    '[1,2,',
    '{"a":1}}',
    '\u0000',
    'nul',
  ),
  fc.string({ minLength: 1, maxLength: 60 }).filter((text) => {
    try {
      JSON.parse(text)
      return false
    } catch {
      return true
    }
  }),
)

/** JSON so deep no parser should be asked to build it whole. */
const deep = fc
  .tuple(fc.constantFrom(100, 2_000, 200_000), fc.constantFrom('{"a":', '[', '{"data":'))
  .map(([depth, open]) => {
    const close = open === '[' ? ']' : '}'
    return open.repeat(depth) + '1' + close.repeat(depth)
  })

/** JSON text with `__proto__` and `constructor` keys around the fields the endpoint reads. */
const protoText = (fields: Record<string, fc.Arbitrary<unknown>> | undefined) =>
  fc
    .tuple(
      fields ? fc.record(fields, { requiredKeys: [] }) : fc.constant({}),
      fc.constantFrom('__proto__', 'constructor', 'prototype'),
    )
    .map(([inner, key]) => {
      const json = JSON.stringify(inner)
      return `{"${key}":${json},"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}`
    })

const json = (value: fc.Arbitrary<unknown>): fc.Arbitrary<Body> =>
  value.map((v) => ({ kind: 'json' as const, value: v }))
const raw = (
  text: fc.Arbitrary<string>,
  contentType: fc.Arbitrary<null | string>,
): fc.Arbitrary<Body> =>
  fc.tuple(text, contentType).map(([t, c]) => ({ kind: 'raw' as const, text: t, contentType: c }))

/** Files nobody should be able to import. */
const garbageFile = fc.record({
  name: fc.oneof(
    fc.constantFrom(
      'article.docx',
      'article.html',
      'article.htm',
      'article.md',
      'article.txt',
      'article.pdf',
      'article.DOCX',
      'article',
      '.docx',
      'article.txt.exe',
      '../../etc/passwd.md',
      'a\u0000.md',
      `${'x'.repeat(300)}.md`,
    ),
    fc.string({ maxLength: 20 }),
  ),
  bytes: fc.oneof(
    fc.constant(new Uint8Array(0)),
    fc.uint8Array({ maxLength: 200 }),
    fc
      .uint8Array({ maxLength: 200 })
      .map((rest) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...rest])),
    fc
      .constantFrom(
        '<html><body></body></html>',
        '<html><body><article><h1></h1></article>',
        '<script>alert(1)</script>',
        '# \n\n',
        '# Title\n\n| a | b |\n|---|\n| 70% |',
        '\u0000\u0000',
        '\uFEFF',
        'Title\n\n' + '70% of patients improved. '.repeat(2000),
      )
      .map((text) => new TextEncoder().encode(text)),
  ),
})

const payloadField = fc.oneof(
  fc.constantFrom(
    '{',
    '{"confirm":',
    'null',
    '[]',
    '"x"',
    '5',
    '',
    '{"confirm":"yes"}',
    '{"__proto__":{"confirm":true}}',
  ),
  fc.constantFrom('{"confirm":true}', '{"confirm":"true"}', '{"confirm":false}'),
  notJson,
)

const multipart = (uploads: boolean): fc.Arbitrary<Body> =>
  fc
    .array(
      fc.oneof(
        garbageFile.map((file): Part => ({ name: 'file', file })),
        payloadField.map((value): Part => ({ name: '_payload', value })),
        fc.constantFrom<Part>(
          { name: 'file', value: 'not a file' },
          { name: 'file', value: '{"filename":"a.md"}' },
          { name: 'file', value: '{' },
          { name: 'files', value: 'x' },
        ),
        ...(uploads ? [garbageFile.map((file): Part => ({ name: 'attachment', file }))] : []),
      ),
      { maxLength: 3 },
    )
    .map((parts) => ({ kind: 'multipart' as const, parts }))

/** A bad body for a POST endpoint. */
function badBody(route: string): fc.Arbitrary<Body> {
  const fields = bodyFieldsOf(route)
  const object = fields
    ? fc
        .tuple(
          fc.record(fields, { requiredKeys: [] }),
          fc.dictionary(fc.constantFrom('extra', 'id', 'constructor', 'toString'), value(), {
            maxKeys: 2,
          }),
        )
        .map(([known, extra]) => ({ ...extra, ...known }))
    : fc.dictionary(fc.string({ maxLength: 12 }), value(), { maxKeys: 4 })
  const contentType = fc.constantFrom(
    'application/json',
    'text/plain',
    null,
    'application/x-www-form-urlencoded',
    'multipart/form-data',
    'multipart/form-data; boundary=x',
  )
  const isUpload = route === '/cited/import-article'
  return fc.oneof(
    { weight: isUpload ? 1 : 4, arbitrary: json(object) },
    { weight: 1, arbitrary: raw(notJson, contentType) },
    {
      weight: 1,
      arbitrary: json(
        fc.oneof(
          fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
          fc.integer(),
          fc.double({ noNaN: true, noDefaultInfinity: true }),
          fc.constant(null),
          fc.string({ maxLength: 30 }),
          fc.boolean(),
        ),
      ),
    },
    { weight: 1, arbitrary: raw(deep, fc.constant('application/json')) },
    { weight: 1, arbitrary: raw(protoText(fields), fc.constant('application/json')) },
    {
      weight: 1,
      arbitrary: raw(
        fc.constantFrom(MAX_JSON_BODY_BYTES + 10).map((n) => `{"text":"${'a'.repeat(n)}"}`),
        fc.constant('application/json'),
      ),
    },
    { weight: 1, arbitrary: fc.constant<Body>({ kind: 'none' }) },
    { weight: isUpload ? 8 : 1, arbitrary: multipart(isUpload) },
  )
}

/** A bad query: the export's filters, confirm flags, and arrays or objects where text belongs. */
const badQuery = fc.dictionary(
  fc.constantFrom('claim', 'from', 'to', 'confirm', 'depth', 'locale', 'where', 'draft', 'limit'),
  fc.oneof(
    fc.constantFrom(
      '',
      '2026-02-30',
      '2026-13-01',
      'tomorrow',
      '1e3',
      '-1',
      'abc',
      '%00',
      '\u0000',
      'true',
      '1',
    ),
    fc.constantFrom('9'.repeat(400), '2026-01-01T25:00:00Z', '+275760-09-13', '-271821-04-20'),
    fc.array(fc.constantFrom('1', 'abc', ''), { minLength: 1, maxLength: 3 }),
    fc.record({ gt: fc.constantFrom('1', 'x'), in: fc.constantFrom('1,2', '') }),
    fc.string({ maxLength: 20 }),
  ),
  { maxKeys: 3 },
)

const badRequest = (endpoint: CustomEndpoint): fc.Arbitrary<BadRequest> => {
  const params = Object.fromEntries(
    endpoint.segments.flatMap((segment) =>
      typeof segment === 'string'
        ? []
        : [
            [
              segment.param,
              segment.param === 'slug' ? fc.oneof(fc.constant(world.slug), idText()) : idText(),
            ],
          ],
    ),
  )
  return fc.record({
    params: fc.record(params),
    query: badQuery,
    body: endpoint.method === 'get' ? fc.constant<Body>({ kind: 'none' }) : badBody(endpoint.route),
  })
}

// --- the test -------------------------------------------------------------------------------

beforeAll(async () => {
  t = await bootPayloadFor(configPromise)
  const editor = { user: await t.payload.findByID({ collection: 'users', id: t.editor.id }) }
  const sources = []
  for (const i of [1, 2]) {
    const source = await t.payload.create({
      collection: 'sources',
      data: {
        type: 'journal-article',
        title: `Trial ${i}`,
        doi: `10.1000/fuzz.${i}.${Date.now()}`,
      },
    })
    sources.push(source.id)
  }
  const claims = []
  for (const i of [1, 2]) {
    const claim = await t.payload.create({
      collection: 'claims',
      data: {
        statement: `70% of patients improved (${i}).`,
        statistics: [{ value: 70, unit: 'percent', sources: [sources[0]] }],
      },
      ...editor,
      overrideAccess: false,
      draft: true,
    })
    claims.push(claim.id)
  }
  world = { sources, claims, slug: 'no-such-article' }
}, 180_000)

afterAll(async () => {
  await t?.payload.destroy()
})

describe('the custom endpoints, read from the running config', () => {
  it('are found, and include every one Cited is known to add', () => {
    const found = ENDPOINTS.map((e) => `${e.method} ${e.route}`)
    expect(found.length).toBeGreaterThan(0)
    expect(found).toEqual(expect.arrayContaining(KNOWN))
    // None of Payload's own CRUD or auth routes slipped in.
    expect(found).not.toContain('post /claims')
    expect(found).not.toContain('post /users/login')
  })
})

const RUNS = Number(process.env.FUZZ_RUNS) || 15
/** `FUZZ_COLLECT=1`: log every failing request (one line each) instead of stopping at the first. */
const COLLECT = process.env.FUZZ_COLLECT === '1'

/** JSON of a request with long strings cut short, for failure messages. */
const short = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'string' && v.length > 80 ? `${v.slice(0, 40)}…(${v.length} chars)` : v,
  )

/** Fails with the counterexample printed short (huge strings would fill the terminal). */
const reporter = (details: fc.RunDetails<[BadRequest]>): void => {
  if (details.failed) {
    const error = details.errorInstance instanceof Error ? details.errorInstance.message : ''
    throw new Error(
      `Property failed (seed ${details.seed}, path "${details.counterexamplePath}"): ${short(details.counterexample?.[0])}\n${error.slice(0, 1500)}`,
    )
  }
}

describe.each(ENDPOINTS.map((e) => [`${e.method.toUpperCase()} /api${e.route}`, e] as const))(
  '%s answers bad input with a clear 4xx and writes nothing',
  (_name, endpoint) => {
    it.each(ROLES)(
      'as %s',
      async (role) => {
        let before = await snapshot()
        await fc.assert(
          fc.asyncProperty(badRequest(endpoint), async (bad) => {
            const answer = await send(endpoint, role, bad)
            const after = await snapshot()
            const previous = before
            before = after
            const shown = `${role} ${endpoint.method.toUpperCase()} ${endpoint.route} ${short(bad)} → ${answer.status} ${answer.text.slice(0, 300)}`
            const problem =
              answer.status >= 500
                ? 'a 5xx'
                : answer.status >= 400
                  ? (unclear(answer, bad.body) ??
                    (short(after) === short(previous)
                      ? undefined
                      : `rows changed after a 4xx (${Object.keys(after)
                          .filter((table) => after[table] !== previous[table])
                          .map((table) => `${table}: ${previous[table]} → ${after[table]}`)
                          .join(', ')})`))
                  : undefined
            if (problem && COLLECT) {
              console.log(`FINDING ${problem}: ${shown}`)
              return
            }
            expect(problem, shown).toBeUndefined()
          }),
          { numRuns: RUNS, endOnFailure: true, reporter },
        )
      },
      240_000,
    )
  },
)
