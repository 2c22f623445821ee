/** The app's REST API over HTTP, as a logged-in user or anonymously. */
import type { Json } from '../../helpers/api'

/** A JSON object read ad hoc (`body.doc.id`), as the API tests read one. */
type JsonObject = Record<string, Json>

export interface RestResponse<T = JsonObject> {
  status: number
  body: T
}

export class Rest {
  constructor(
    readonly baseUrl: string,
    readonly token?: string,
  ) {}

  as(token: string): Rest {
    return new Rest(this.baseUrl, token)
  }

  async request<T = JsonObject>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<RestResponse<T>> {
    const headers: Record<string, string> = {}
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json'
    }
    if (this.token) {
      headers.Authorization = `JWT ${this.token}`
    }
    const response = await fetch(`${this.baseUrl}/api${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await response.text()
    let parsed: unknown = text
    try {
      parsed = text ? JSON.parse(text) : null
    } catch {
      // not JSON
    }
    return { status: response.status, body: parsed as T }
  }

  get<T = JsonObject>(path: string) {
    return this.request<T>('GET', path)
  }

  post<T = JsonObject>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body)
  }

  patch<T = JsonObject>(path: string, body?: unknown) {
    return this.request<T>('PATCH', path, body)
  }

  async login(email: string, password: string): Promise<string> {
    const { status, body } = await this.post<{ token?: string }>('/users/login', {
      email,
      password,
    })
    if (status !== 200 || !body.token) {
      throw new Error(`login ${email} failed: ${status} ${JSON.stringify(body)}`)
    }
    return body.token
  }
}

export const E2E_PASSWORD = 'e2e-password-Cited1'
export const E2E_USERS = {
  admin: 'admin@e2e.test',
  editor: 'editor@e2e.test',
  reviewer: 'reviewer@e2e.test',
} as const

/**
 * The admin (created through the first-register endpoint of an empty database, as on the welcome
 * screen), an editor and a reviewer. Works again on a database that already has them.
 */
export async function ensureUsers(rest: Rest): Promise<Record<keyof typeof E2E_USERS, string>> {
  await rest.post('/users/first-register', { email: E2E_USERS.admin, password: E2E_PASSWORD })
  const admin = rest.as(await rest.login(E2E_USERS.admin, E2E_PASSWORD))
  for (const role of ['editor', 'reviewer'] as const) {
    const created = await admin.post('/users', {
      email: E2E_USERS[role],
      password: E2E_PASSWORD,
      name: `E2E ${role}`,
      roles: [role],
    })
    if (created.status !== 201 && created.status !== 400) {
      throw new Error(`create ${role}: ${created.status} ${JSON.stringify(created.body)}`)
    }
  }
  return {
    admin: admin.token!,
    editor: await rest.login(E2E_USERS.editor, E2E_PASSWORD),
    reviewer: await rest.login(E2E_USERS.reviewer, E2E_PASSWORD),
  }
}
