/**
 * Drives Payload's real REST and GraphQL route handlers with real `Request` objects, as a
 * frontend or the admin would — no HTTP server, no mocks.
 */
import type { Payload, SanitizedConfig } from 'payload'

import { GRAPHQL_POST, REST_DELETE, REST_GET, REST_PATCH, REST_POST } from '@payloadcms/next/routes'
import * as qs from 'qs-esm'

import { guardGraphQL, guardRest } from '../../src/http/routes'

type Handler = (
  request: Request,
  args: { params: Promise<{ slug: string[] }> },
) => Promise<Response>

/**
 * A response body as tests read it by default: untyped JSON, reached into without declaring its
 * shape first (`res.body.docs[0].title`). A test that wants the shape checked passes `T`.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- deliberately untyped: test code reads response JSON ad hoc
export type Json = any

/** What the GraphQL route puts in an error's `extensions` (Payload's status, a validation's errors). */
export interface GraphQLErrorExtensions {
  statusCode?: number
  name?: string
  data?: { errors: { message: string; path?: string }[] }
  [key: string]: unknown
}

export interface ApiResponse<T = Json> {
  status: number
  body: T
  headers: Headers
}

/** A request body sent exactly as written (malformed JSON, or JSON too deep to build as objects). */
export class RawJson {
  constructor(readonly text: string) {}
}

export class Api {
  private readonly handlers: Record<'DELETE' | 'GET' | 'PATCH' | 'POST', Handler>
  private readonly graphql: (request: Request) => Promise<Response>

  constructor(
    private readonly config: SanitizedConfig,
    private readonly token?: string,
    /** Sent with every request of this Api (see {@link Api.withHeaders}). */
    private readonly extraHeaders: Readonly<Record<string, string>> = {},
  ) {
    this.handlers = {
      GET: guardRest(REST_GET(config)),
      POST: guardRest(REST_POST(config)),
      PATCH: guardRest(REST_PATCH(config)),
      DELETE: guardRest(REST_DELETE(config)),
    }
    // As the app's route files serve them (src/app/(payload)/api/).
    this.graphql = guardGraphQL(GRAPHQL_POST(config), config)
  }

  /** The same API as a logged-in user (JWT in the Authorization header). */
  as(token: string | undefined): Api {
    return new Api(this.config, token, this.extraHeaders)
  }

  /** The same API sending these headers too (on top of any this one sends). */
  withHeaders(headers: Record<string, string>): Api {
    return new Api(this.config, this.token, { ...this.extraHeaders, ...headers })
  }

  /** The same API as seen from client address `ip` (an `X-Forwarded-For` header, as a proxy sets it). */
  from(ip: string): Api {
    return this.withHeaders({ 'X-Forwarded-For': ip })
  }

  private headers(json: boolean): Headers {
    const headers = new Headers(this.extraHeaders)
    if (json) {
      headers.set('Content-Type', 'application/json')
    }
    if (this.token) {
      headers.set('Authorization', `JWT ${this.token}`)
    }
    return headers
  }

  async request<T = Json>(
    method: 'DELETE' | 'GET' | 'PATCH' | 'POST',
    path: string,
    options: { body?: unknown; query?: Record<string, unknown> } = {},
  ): Promise<ApiResponse<T>> {
    const [pathname, search] = path.replace(/^\//, '').split('?')
    const query = qs.stringify(
      { ...(search ? qs.parse(search) : {}), ...(options.query ?? {}) },
      { addQueryPrefix: true },
    )
    const url = `http://localhost:3000${this.config.routes.api}/${pathname}${query}`
    const request = new Request(url, {
      method,
      headers: this.headers(options.body !== undefined),
      body:
        options.body === undefined
          ? undefined
          : options.body instanceof RawJson
            ? options.body.text
            : JSON.stringify(options.body),
    })
    const response = await this.handlers[method](request, {
      params: Promise.resolve({ slug: pathname.split('/') }),
    })
    const text = await response.text()
    let body: unknown = text
    try {
      body = text ? JSON.parse(text) : null
    } catch {
      // not JSON (e.g. CSV): keep the text
    }
    return { status: response.status, body: body as T, headers: response.headers }
  }

  get<T = Json>(path: string, query?: Record<string, unknown>) {
    return this.request<T>('GET', path, { query })
  }

  post<T = Json>(path: string, body: unknown, query?: Record<string, unknown>) {
    return this.request<T>('POST', path, { body, query })
  }

  patch<T = Json>(path: string, body: unknown, query?: Record<string, unknown>) {
    return this.request<T>('PATCH', path, { body, query })
  }

  delete<T = Json>(path: string, query?: Record<string, unknown>) {
    return this.request<T>('DELETE', path, { query })
  }

  /** A GraphQL request with any body (raw text with {@link RawJson}), through the real handler. */
  async gqlBody(body: unknown): Promise<ApiResponse> {
    const request = new Request(
      `http://localhost:3000${this.config.routes.api}${this.config.routes.graphQL}`,
      {
        method: 'POST',
        headers: this.headers(true),
        body: body instanceof RawJson ? body.text : JSON.stringify(body),
      },
    )
    const response = await this.graphql(request)
    const text = await response.text()
    let parsed: unknown = text
    try {
      parsed = JSON.parse(text)
    } catch {
      // keep the text
    }
    return { status: response.status, body: parsed, headers: response.headers }
  }

  /** A GraphQL operation through the real handler. */
  async gql<T = Json>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<
    ApiResponse<{
      data?: T
      errors?: { message: string; extensions?: GraphQLErrorExtensions; path?: string[] }[]
    }>
  > {
    const request = new Request(
      `http://localhost:3000${this.config.routes.api}${this.config.routes.graphQL}`,
      {
        method: 'POST',
        headers: this.headers(true),
        body: JSON.stringify({ query, variables }),
      },
    )
    const response = await this.graphql(request)
    return { status: response.status, body: await response.json(), headers: response.headers }
  }
}

export type Role = 'admin' | 'editor' | 'reviewer'

export interface TestUser {
  id: number | string
  email: string
  password: string
  token: string
  roles: Role[]
}

/** Creates a user with the given roles (Local API) and logs in through REST to get a JWT. */
export async function createUser(
  payload: Payload,
  api: Api,
  roles: Role[],
  name = roles.join('-') || 'nobody',
): Promise<TestUser> {
  const email = `${name}-${Math.random().toString(36).slice(2, 8)}@clinic.test`
  const password = 'correct horse battery staple'
  const user = await payload.create({ collection: 'users', data: { email, password, roles, name } })
  const login = await api.post('/users/login', { email, password })
  if (login.status !== 200 || !login.body.token) {
    throw new Error(`login failed: ${JSON.stringify(login.body)}`)
  }
  return { id: user.id, email, password, token: login.body.token, roles }
}
