/**
 * Sign-in throttling through the real REST and GraphQL route handlers: failures slow down the
 * (account, client) pair and the client, never the account — nobody can lock anyone out.
 * The throttle's clock is replaced by one the tests move, so no test sleeps.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Api, ApiResponse } from '../helpers/api'

import { loginThrottle } from '../../src/auth/loginThrottle'
import { bootPayload, type TestContext } from '../helpers/payload'
import { createClaim, review, submit } from '../helpers/reviewWorkflow'

let t: TestContext
let now = Date.now()
const advance = (ms: number) => {
  now += ms
}
let nextIp = 1
/** A client address no other test uses. */
const newClient = () => `203.0.113.${nextIp++}`

beforeAll(async () => {
  t = await bootPayload()
  loginThrottle.setClock(() => now)
})

afterAll(async () => {
  loginThrottle.setClock()
  await t?.payload.destroy()
})

const WRONG = 'not the password'
const THROTTLED = /^Too many failed sign-in attempts from here\. Wait \d+ seconds? and try again\.$/

const login = (api: Api, email: string, password: string) =>
  api.post('/users/login', { email, password })
const message = (res: ApiResponse) => res.body?.errors?.[0]?.message as string | undefined
/** The wait the answer asks for, in ms. */
const retryAfter = (res: ApiResponse) => Number(res.headers.get('retry-after')) * 1000
const neverLocked = (responses: ApiResponse[]) => {
  for (const res of responses) {
    expect(JSON.stringify(res.body)).not.toMatch(/locked/i)
  }
}

describe('REST POST /api/users/login', () => {
  it('failures from one client never stop the account owner signing in from another', async () => {
    const attacker = t.api.from(newClient())
    const owner = t.api.from(newClient())
    const answers: ApiResponse[] = []
    // Twelve real wrong guesses (waiting out each refusal), far past Payload's old lockout of 5.
    let failures = 0
    while (failures < 12) {
      const res = await login(attacker, t.reviewer.email, WRONG)
      answers.push(res)
      if (res.status === 429) {
        advance(retryAfter(res))
      } else {
        expect(res.status).toBe(401)
        failures++
      }
    }
    expect(answers.filter((res) => res.status === 429).length).toBe(9)

    // The reviewer, from their own client, at once.
    const own = await login(owner, t.reviewer.email, t.reviewer.password)
    expect(own.status).toBe(200)
    expect(own.body.token).toEqual(expect.any(String))
    answers.push(own)

    // From the attacker's client too, once the wait has passed.
    const early = await login(attacker, t.reviewer.email, t.reviewer.password)
    expect(early.status).toBe(429)
    answers.push(early)
    advance(retryAfter(early))
    const later = await login(attacker, t.reviewer.email, t.reviewer.password)
    expect(later.status).toBe(200)
    answers.push(later)

    neverLocked(answers)
    // And the account itself carries no lock.
    const user = await t.payload.findByID({
      collection: 'users',
      id: t.reviewer.id,
      overrideAccess: true,
      showHiddenFields: true,
    })
    expect((user as { lockUntil?: unknown }).lockUntil ?? null).toBeNull()
  })

  it('refuses a too-early attempt with 429, Retry-After and a clear message — without checking the password', async () => {
    const client = t.api.from(newClient())
    for (let i = 0; i < 3; i++) {
      const res = await login(client, t.editor.email, WRONG)
      expect(res.status).toBe(401)
      expect(res.headers.get('retry-after')).toBeNull()
    }
    const wrong = await login(client, t.editor.email, WRONG)
    expect(wrong.status).toBe(429)
    expect(wrong.headers.get('retry-after')).toBe('1')
    expect(message(wrong)).toBe(
      'Too many failed sign-in attempts from here. Wait 1 second and try again.',
    )

    // The right password is refused too: it is not even looked at.
    const right = await login(client, t.editor.email, t.editor.password)
    expect(right.status).toBe(429)
    expect(message(right)).toMatch(THROTTLED)
    expect(right.body.token).toBeUndefined()

    // The wait grows: 1 s after the fourth failure, 2 s after the fifth …
    advance(1000)
    expect((await login(client, t.editor.email, WRONG)).status).toBe(401)
    advance(1000)
    const halfway = await login(client, t.editor.email, WRONG)
    expect(halfway.status).toBe(429)
    expect(halfway.headers.get('retry-after')).toBe('1')
    advance(1000)
    expect((await login(client, t.editor.email, WRONG)).status).toBe(401)
    const four = await login(client, t.editor.email, t.editor.password)
    expect(four.status).toBe(429)
    expect(four.headers.get('retry-after')).toBe('4')
    expect(message(four)).toBe(
      'Too many failed sign-in attempts from here. Wait 4 seconds and try again.',
    )
    advance(4000)
    expect((await login(client, t.editor.email, t.editor.password)).status).toBe(200)
  })

  it('bounds one client guessing across many accounts', async () => {
    const client = t.api.from(newClient())
    // Ten accounts, one guess each (unknown accounts count the same as real ones).
    for (let i = 0; i < 9; i++) {
      expect((await login(client, `nobody-${i}@clinic.test`, WRONG)).status).toBe(401)
    }
    expect((await login(client, t.admin.email, WRONG)).status).toBe(401)
    // The eleventh account, even with its right password, has to wait.
    const next = await login(client, t.editor.email, t.editor.password)
    expect(next.status).toBe(429)
    expect(next.headers.get('retry-after')).toBe('1')
    expect(message(next)).toMatch(THROTTLED)
    // Other clients are not affected, not even for the accounts that were guessed at.
    expect((await login(t.api.from(newClient()), t.admin.email, t.admin.password)).status).toBe(200)
    advance(1000)
    expect((await login(client, t.editor.email, t.editor.password)).status).toBe(200)
  })

  it('a success clears the counter', async () => {
    const client = t.api.from(newClient())
    for (let i = 0; i < 2; i++) {
      expect((await login(client, t.reviewer.email, WRONG)).status).toBe(401)
    }
    expect((await login(client, t.reviewer.email, t.reviewer.password)).status).toBe(200)
    // Three free failures again (without the reset, the first of these would already wait).
    for (let i = 0; i < 3; i++) {
      expect((await login(client, t.reviewer.email, WRONG)).status).toBe(401)
    }
    expect((await login(client, t.reviewer.email, WRONG)).status).toBe(429)
  })

  it('successful sign-ins are never throttled, however many (also without a client address)', async () => {
    for (const api of [t.api, t.api.from(newClient())]) {
      for (let i = 0; i < 25; i++) {
        const res = await login(api, t.editor.email, t.editor.password)
        expect(res.status).toBe(200)
      }
    }
  })

  it('reads the client from X-Real-IP when there is no X-Forwarded-For', async () => {
    const ip = newClient()
    const viaRealIp = t.api.withHeaders({ 'X-Real-IP': ip })
    for (let i = 0; i < 3; i++) {
      expect((await login(viaRealIp, t.admin.email, WRONG)).status).toBe(401)
    }
    // The same client, named by the other header, shares the counter.
    expect((await login(t.api.from(ip), t.admin.email, WRONG)).status).toBe(429)
    expect((await login(viaRealIp, t.admin.email, WRONG)).status).toBe(429)
  })
})

describe('GraphQL loginUser', () => {
  const LOGIN =
    'mutation ($email: String!, $password: String) { loginUser(email: $email, password: $password) { token } }'

  it('is throttled the same way, sharing counters with REST', async () => {
    const client = t.api.from(newClient())
    const statuses: (number | undefined)[] = []
    for (let i = 0; i < 3; i++) {
      const res = await client.gql(LOGIN, { email: t.reviewer.email, password: WRONG })
      statuses.push(res.body.errors?.[0]?.extensions?.statusCode)
    }
    expect(statuses).toEqual([401, 401, 401])

    const early = await client.gql(LOGIN, {
      email: t.reviewer.email,
      password: t.reviewer.password,
    })
    expect(early.body.data?.loginUser ?? null).toBeNull()
    expect(early.body.errors?.[0]?.message).toBe(
      'Too many failed sign-in attempts from here. Wait 1 second and try again.',
    )
    expect(early.body.errors?.[0]?.extensions?.statusCode).toBe(429)
    expect(early.headers.get('retry-after')).toBe('1')

    // REST from the same client is held back too: the counters are the same.
    expect((await login(client, t.reviewer.email, t.reviewer.password)).status).toBe(429)

    // Another client signs in as the reviewer over GraphQL at once.
    const other = await t.api
      .from(newClient())
      .gql(LOGIN, { email: t.reviewer.email, password: t.reviewer.password })
    expect(other.body.errors).toBeUndefined()
    expect(other.body.data?.loginUser?.token).toEqual(expect.any(String))

    advance(1000)
    const later = await client.gql(LOGIN, {
      email: t.reviewer.email,
      password: t.reviewer.password,
    })
    expect(later.body.errors).toBeUndefined()
    expect(later.body.data?.loginUser?.token).toEqual(expect.any(String))
    neverLocked([early, other, later])
  })

  it('many guesses batched into one document are counted one by one', async () => {
    const client = t.api.from(newClient())
    const guesses = Array.from(
      { length: 6 },
      (_, i) => `g${i}: loginUser(email: "${t.editor.email}", password: "guess-${i}") { token }`,
    )
    const res = await client.gql(`mutation { ${guesses.join('\n')} }`)
    const byAlias = new Map((res.body.errors ?? []).map((error) => [error.path?.[0], error]))
    expect([0, 1, 2, 3, 4, 5].map((i) => byAlias.get(`g${i}`)?.extensions?.statusCode)).toEqual([
      401, 401, 401, 429, 429, 429,
    ])
    expect(byAlias.get('g3')?.message).toMatch(THROTTLED)
    expect(res.headers.get('retry-after')).toBe('1')
    neverLocked([res])
  })
})

describe("a reviewer's password signature", () => {
  it('wrong signatures are slowed down like sign-ins, with the wait in the message, never a lockout', async () => {
    const claim = await createClaim(t)
    expect((await submit(t, claim.id)).status).toBe(200)
    const answers: ApiResponse[] = []
    for (let i = 0; i < 5; i++) {
      answers.push(await review(t, claim.id, 'approve', { password: WRONG }))
    }
    expect(answers.slice(0, 3).map((res) => res.status)).toEqual([403, 403, 403])
    expect(answers[3].status).toBe(429)
    expect(message(answers[3])).toMatch(
      /^Too many failed sign-in attempts from here\. Wait \d+ seconds? and try again\. The decision was not recorded\.$/,
    )
    // Once the wait is over the right password signs, and the reviewer can still sign in.
    advance(120_000)
    expect((await review(t, claim.id, 'approve')).status).toBe(200)
    expect((await login(t.api, t.reviewer.email, t.reviewer.password)).status).toBe(200)
    neverLocked(answers)
  })
})
