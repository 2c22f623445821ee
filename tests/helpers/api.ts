/**
 * Drives Payload's real REST and GraphQL route handlers with real `Request` objects, as a
 * frontend or the admin would — no HTTP server, no mocks.
 */
import type { Payload, SanitizedConfig } from 'payload'

import {
  GRAPHQL_POST,
  REST_DELETE,
  REST_GET,
  REST_PATCH,
  REST_POST,
} from '@payloadcms/next/routes'
import * as qs from 'qs-esm'

type Handler = (request: Request, args: { params: Promise<{ slug: string[] }> }) => Promise<Response>

export interface ApiResponse<T = any> {
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
  ) {
    this.handlers = {
      GET: REST_GET(config),
      POST: REST_POST(config),
      PATCH: REST_PATCH(config),
      DELETE: REST_DELETE(config),
    }
    this.graphql = GRAPHQL_POST(config)
  }

  /** The same API as a logged-in user (JWT in the Authorization header). */
  as(token: string | undefined): Api {
    return new Api(this.config, token)
  }

  private headers(json: boolean): Headers {
    const headers = new Headers()
    if (json) headers.set('Content-Type', 'application/json')
    if (this.token) headers.set('Authorization', `JWT ${this.token}`)
    return headers
  }

  async request<T = any>(
    method: 'DELETE' | 'GET' | 'PATCH' | 'POST',
    path: string,
    options: { body?: unknown; query?: Record<string, unknown> } = {},
  ): Promise<ApiResponse<T>> {
    const [pathname, search] = path.replace(/^\//, '').split('?')
    const query = qs.stringify({ ...(search ? qs.parse(search) : {}), ...(options.query ?? {}) }, { addQueryPrefix: true })
    const url = `http://localhost:3000${this.config.routes.api}/${pathname}${query}`
    const request = new Request(url, {
      method,
      headers: this.headers(options.body !== undefined),
      body: options.body === undefined ? undefined : options.body instanceof RawJson ? options.body.text : JSON.stringify(options.body),
    })
    const response = await this.handlers[method](request, {
      params: Promise.resolve({ slug: pathname.split('/') }),
    })
    const text = await response.text()
    let body: any = text
    try {
      body = text ? JSON.parse(text) : null
    } catch {
      // not JSON (e.g. CSV): keep the text
    }
    return { status: response.status, body, headers: response.headers }
  }

  get<T = any>(path: string, query?: Record<string, unknown>) {
    return this.request<T>('GET', path, { query })
  }

  post<T = any>(path: string, body: unknown, query?: Record<string, unknown>) {
    return this.request<T>('POST', path, { body, query })
  }

  patch<T = any>(path: string, body: unknown, query?: Record<string, unknown>) {
    return this.request<T>('PATCH', path, { body, query })
  }

  delete<T = any>(path: string, query?: Record<string, unknown>) {
    return this.request<T>('DELETE', path, { query })
  }

  /** A GraphQL operation through the real handler. */
  async gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<ApiResponse<{ data?: T; errors?: { message: string; extensions?: any; path?: string[] }[] }>> {
    const request = new Request(`http://localhost:3000${this.config.routes.api}${this.config.routes.graphQL}`, {
      method: 'POST',
      headers: this.headers(true),
      body: JSON.stringify({ query, variables }),
    })
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
export async function createUser(payload: Payload, api: Api, roles: Role[], name = roles.join('-') || 'nobody'): Promise<TestUser> {
  const email = `${name}-${Math.random().toString(36).slice(2, 8)}@clinic.test`
  const password = 'correct horse battery staple'
  const user = await payload.create({ collection: 'users', data: { email, password, roles, name } })
  const login = await api.post('/users/login', { email, password })
  if (login.status !== 200 || !login.body.token) throw new Error(`login failed: ${JSON.stringify(login.body)}`)
  return { id: user.id, email, password, token: login.body.token, roles }
}
