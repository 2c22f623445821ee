import type { DocumentNode, FragmentDefinitionNode, SelectionSetNode } from 'graphql'
import type { SanitizedConfig } from 'payload'

import { Kind, OperationTypeNode, parse } from 'graphql'
import { getPayload } from 'payload'

import { etagMatches, etagOf, readSnapshot } from '../content/snapshots'
import { CITED_CUSTOM_KEY } from '../options'
import { mapError } from './errors'
import { withCors } from './published'

/**
 * Guards around Payload's REST and GraphQL route handlers, for what must be refused before
 * Payload reads a request at all:
 * - a body over the limit is a 413 (Payload reads any body whole, so a 1 GB title would be read
 *   into memory before any validation could refuse it);
 * - malformed JSON to `/api/graphql` is a 400 (Payload's GraphQL route throws, a 500);
 * - a GraphQL document whose fragment spreads expand past the complexity limit is a 400, counted
 *   once per fragment (Payload's own complexity rule expands every spread, so doubling fragments
 *   cost exponential time before it refuses);
 * - anything a handler throws is answered through the same error mapper as the `afterError` hook;
 * - an anonymous read of published content gets a strong ETag and answers 304 to `If-None-Match`.
 *
 * The app's route files wrap Payload's handlers with these (`src/app/(payload)/api/`).
 */

/** The largest JSON body: a whole article with its rich text is well under 1 MiB. */
export const MAX_JSON_BODY_BYTES = 2 * 1024 * 1024
/** The largest multipart body (an uploaded image with its fields). */
export const MAX_UPLOAD_BODY_BYTES = 20 * 1024 * 1024
/** The longest GraphQL document, in characters; a frontend's queries are a few kilobytes. */
export const MAX_GRAPHQL_QUERY_LENGTH = 100_000
/** The most tokens a GraphQL document may parse into. */
export const MAX_GRAPHQL_TOKENS = 20_000

type RestHandler<A> = (request: Request, args: A) => Promise<Response>

const json = (status: number, body: unknown, headers?: HeadersInit): Response =>
  Response.json(body, { status, headers })

const restError = (status: number, message: string): Response =>
  json(status, { errors: [{ message }] })
const graphqlError = (status: number, message: string): Response =>
  json(status, { errors: [{ message, extensions: { statusCode: status } }] })

const mib = (bytes: number): string => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`

const TOO_LARGE = Symbol('too large')

/**
 * The body of `request`, read up to `limit` bytes: the declared length is checked before
 * anything is read, and a stream that runs past the limit is cancelled.
 */
async function readBody(
  request: Request,
  limit: number,
): Promise<typeof TOO_LARGE | Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get('content-length') ?? NaN)
  if (Number.isFinite(declared) && declared > limit) {
    return TOO_LARGE
  }
  if (!request.body) {
    return new Uint8Array(new ArrayBuffer(0))
  }
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  while (true) {
    const { done, value } = await reader.read()
    if (done) {
      break
    }
    total += value.byteLength
    if (total > limit) {
      await reader.cancel().catch(() => undefined)
      return TOO_LARGE
    }
    chunks.push(value)
  }
  const body = new Uint8Array(new ArrayBuffer(total))
  let offset = 0
  for (const chunk of chunks) {
    body.set(chunk, offset)
    offset += chunk.byteLength
  }
  return body
}

const limitFor = (request: Request): number =>
  (request.headers.get('content-type') ?? '').toLowerCase().startsWith('multipart/')
    ? MAX_UPLOAD_BODY_BYTES
    : MAX_JSON_BODY_BYTES

/** A copy of `request` with its body already read (Payload reads it again from the copy). */
const withBody = (request: Request, body: Uint8Array<ArrayBuffer>): Request =>
  new Request(request.url, {
    method: request.method,
    headers: request.headers,
    body: body.byteLength > 0 ? body : undefined,
    signal: request.signal,
  })

/** An answer for what a handler threw, as the `afterError` hook would give it. */
export function answerThrown(error: unknown, graphql: boolean): Response {
  const mapped = mapError(error)
  const status =
    mapped?.status ??
    (typeof (error as { status?: unknown })?.status === 'number'
      ? (error as { status: number }).status
      : 500)
  const message =
    mapped?.message ??
    (status < 500 && error instanceof Error ? error.message : 'Something went wrong.')
  if (status >= 500 && !mapped) {
    // eslint-disable-next-line no-console -- no Payload instance at hand here (a route guard, around Payload's handler): stderr it is
    console.error(error)
  }
  return graphql ? graphqlError(status, message) : restError(status, message)
}

/**
 * A strong ETag on a read that shared caches may keep (`Cache-Control: public`, which Cited sets
 * only on anonymous reads of published content), and 304 Not Modified when the client already
 * holds it. A response that has its own ETag (the published snapshot's) keeps it.
 */
async function withEtag(request: Request, response: Response): Promise<Response> {
  if (request.method !== 'GET' || response.status !== 200 || response.headers.has('etag')) {
    return response
  }
  if (!/(?:^|,)\s*public\b/i.test(response.headers.get('cache-control') ?? '')) {
    return response
  }
  const body = await response.text()
  const headers = new Headers(response.headers)
  const etag = etagOf(body)
  headers.set('ETag', etag)
  if (etagMatches(request.headers.get('if-none-match'), etag)) {
    headers.delete('content-length')
    return new Response(null, { status: 304, headers })
  }
  return new Response(body, { status: 200, headers })
}

/** Wraps one of Payload's REST handlers (`REST_POST(config)` …) with the body limit and error mapping. */
export function guardRest<A>(handler: RestHandler<A>): RestHandler<A> {
  return async (request, args) => {
    try {
      if (!request.body) {
        return await withEtag(request, await handler(request, args))
      }
      const limit = limitFor(request)
      const body = await readBody(request, limit)
      if (body === TOO_LARGE) {
        return restError(
          413,
          `The request is too large: at most ${mib(limit)} can be sent at once.`,
        )
      }
      return await handler(withBody(request, body), args)
    } catch (error) {
      return answerThrown(error, false)
    }
  }
}

/**
 * How many fields `selectionSet` selects once every fragment spread is expanded. Each fragment
 * is counted once and remembered, so doubling spreads cost linear time; a spread of a fragment
 * already being expanded (a cycle, which GraphQL reports itself) counts as nothing.
 */
function expandedFields(
  selectionSet: SelectionSetNode | undefined,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  memo: Map<string, number>,
  expanding: Set<string>,
): number {
  if (!selectionSet) {
    return 0
  }
  let count = 0
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      count += 1 + expandedFields(selection.selectionSet, fragments, memo, expanding)
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      count += expandedFields(selection.selectionSet, fragments, memo, expanding)
    } else {
      const name = selection.name.value
      const fragment = fragments.get(name)
      if (!fragment || expanding.has(name)) {
        continue
      }
      if (!memo.has(name)) {
        expanding.add(name)
        memo.set(name, expandedFields(fragment.selectionSet, fragments, memo, expanding))
        expanding.delete(name)
      }
      count += memo.get(name)!
    }
    if (count > Number.MAX_SAFE_INTEGER / 2) {
      return count
    }
  }
  return count
}

/** The largest number of fields any operation of `document` selects once its fragments are expanded. */
export function expandedFieldCount(document: DocumentNode): number {
  const fragments = new Map<string, FragmentDefinitionNode>()
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition)
    }
  }
  const memo = new Map<string, number>()
  let largest = 0
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) {
      largest = Math.max(
        largest,
        expandedFields(definition.selectionSet, fragments, memo, new Set()),
      )
    }
  }
  return largest
}

type Checked = { refused: Response } | { document?: DocumentNode; variables?: unknown }

/** Why a GraphQL request body must be refused before Payload runs it, if it must; else its parsed document. */
function checkGraphQL(text: string, contentType: string, maxFields: number): Checked {
  const refused = (response: Response): Checked => ({ refused: response })
  if (!contentType.toLowerCase().startsWith('application/json')) {
    return {}
  }
  let body: unknown
  try {
    body = text ? JSON.parse(text) : {}
  } catch {
    return refused(graphqlError(400, 'The request body is not valid JSON.'))
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    return refused(graphqlError(400, 'The request body must be a JSON object with a "query".'))
  }
  const query = (body as { query?: unknown }).query
  if (typeof query !== 'string') {
    return {}
  } // graphql-http explains what is missing
  if (query.length > MAX_GRAPHQL_QUERY_LENGTH) {
    return refused(
      graphqlError(
        413,
        `The query is too long: ${query.length.toLocaleString('en')} characters, at most ${MAX_GRAPHQL_QUERY_LENGTH.toLocaleString('en')}.`,
      ),
    )
  }
  let document: DocumentNode
  try {
    document = parse(query, { maxTokens: MAX_GRAPHQL_TOKENS })
  } catch (error) {
    if (error instanceof Error && /maximum number of tokens/i.test(error.message)) {
      return refused(
        graphqlError(
          400,
          `The query is too large: at most ${MAX_GRAPHQL_TOKENS.toLocaleString('en')} tokens.`,
        ),
      )
    }
    return {} // a syntax error: GraphQL's own message says where
  }
  const fields = expandedFieldCount(document)
  if (fields > maxFields) {
    return refused(
      graphqlError(
        400,
        `The query is too large: its fragments expand to ${fields > 1e15 ? 'more than 10¹⁵' : fields.toLocaleString('en')} fields, at most ${maxFields.toLocaleString('en')}.`,
      ),
    )
  }
  return { document, variables: (body as { variables?: unknown }).variables }
}

/**
 * A document that only asks `PublishedArticle(slug:)` (one query, one field, no fragments or
 * directives): its response key and slug. Such a query is answered straight from the snapshot row —
 * the resolver's answer, without running GraphQL — as the REST route does (`http/published.ts`).
 */
function publishedArticleQueryOf(
  document: DocumentNode,
  variables: unknown,
): { key: string; slug: string } | undefined {
  if (document.definitions.length !== 1) {
    return undefined
  }
  const [operation] = document.definitions
  if (
    operation?.kind !== Kind.OPERATION_DEFINITION ||
    operation.operation !== OperationTypeNode.QUERY ||
    operation.directives?.length
  ) {
    return undefined
  }
  if (operation.selectionSet.selections.length !== 1) {
    return undefined
  }
  const [field] = operation.selectionSet.selections
  if (
    field?.kind !== Kind.FIELD ||
    field.name.value !== 'PublishedArticle' ||
    field.directives?.length ||
    field.selectionSet
  ) {
    return undefined
  }
  if (field.arguments?.length !== 1 || field.arguments[0].name.value !== 'slug') {
    return undefined
  }
  const value = field.arguments[0].value
  const slug =
    value.kind === Kind.STRING
      ? value.value
      : value.kind === Kind.VARIABLE && variables && typeof variables === 'object'
        ? (variables as Record<string, unknown>)[value.name.value]
        : undefined
  if (typeof slug !== 'string') {
    return undefined
  }
  return { key: field.alias?.value ?? field.name.value, slug }
}

async function publishedArticleAnswer(
  config: SanitizedConfig,
  request: Request,
  query: { key: string; slug: string },
): Promise<Response> {
  const payload = await getPayload({ config })
  const snapshot = await readSnapshot(payload, query.slug)
  const body = Buffer.concat([
    Buffer.from(`{"data":{${JSON.stringify(query.key)}:`),
    snapshot?.body ?? Buffer.from('null'),
    Buffer.from('}}'),
  ])
  return withCors(
    payload,
    request,
    new Response(body, {
      status: 200,
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
    }),
  )
}

/**
 * Wraps Payload's GraphQL handler (`GRAPHQL_POST(config)`) with the body limit, a JSON check and
 * the fragment-expansion count (limit: the config's `graphQL.maxComplexity`, since every field
 * costs at least 1 of it).
 */
export function guardGraphQL(
  handler: (request: Request) => Promise<Response>,
  config: Promise<SanitizedConfig> | SanitizedConfig,
): (request: Request) => Promise<Response> {
  return async (request) => {
    try {
      const body = await readBody(request, MAX_JSON_BODY_BYTES)
      if (body === TOO_LARGE) {
        return graphqlError(
          413,
          `The request is too large: at most ${mib(MAX_JSON_BODY_BYTES)} can be sent at once.`,
        )
      }
      const resolved = await config
      const checked = checkGraphQL(
        new TextDecoder().decode(body),
        request.headers.get('content-type') ?? '',
        resolved.graphQL?.maxComplexity ?? 1000,
      )
      if ('refused' in checked) {
        return checked.refused
      }
      const cited = (resolved.custom?.[CITED_CUSTOM_KEY] as { disabled?: boolean } | undefined) ?? {
        disabled: true,
      }
      const fast = checked.document && !resolved.graphQL?.disable && !cited.disabled
      const published = fast
        ? publishedArticleQueryOf(checked.document!, checked.variables)
        : undefined
      if (published) {
        return await publishedArticleAnswer(resolved, request, published)
      }
      return await handler(withBody(request, body))
    } catch (error) {
      return answerThrown(error, true)
    }
  }
}
