import { describe, expect, it } from 'vitest'

import {
  accountOf,
  clientAddress,
  LoginThrottle,
  retryAfterSeconds,
  throttleMessage,
} from '../../src/auth/loginThrottle'

function clock(start = 1_000_000) {
  let now = start
  return { now: () => now, advance: (ms: number) => (now += ms) }
}

/** `n` failed attempts (attempts that are counted and never succeed). */
function fail(throttle: LoginThrottle, account: string, client: string, n: number) {
  for (let i = 0; i < n; i++) {
    const check = throttle.attempt(account, client)
    if (!check.allowed) {
      throw new Error(`attempt ${i + 1} refused`)
    }
  }
}

describe('LoginThrottle', () => {
  it('gives a pair 3 free failures, then waits 1 s, 2 s, 4 s … capped at 60 s', () => {
    const c = clock()
    const throttle = new LoginThrottle({ now: c.now })
    fail(throttle, 'a@x', '1.1.1.1', 3)
    const waits: number[] = []
    for (let i = 0; i < 9; i++) {
      const refused = throttle.attempt('a@x', '1.1.1.1')
      expect(refused.allowed).toBe(false)
      const wait = refused.allowed ? 0 : refused.retryAfterMs
      waits.push(wait)
      c.advance(wait)
      expect(throttle.attempt('a@x', '1.1.1.1').allowed).toBe(true)
    }
    expect(waits).toEqual([1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000])
  })

  it('reports the wait left, counted from the last failure', () => {
    const c = clock()
    const throttle = new LoginThrottle({ now: c.now })
    fail(throttle, 'a@x', 'ip', 3)
    c.advance(400)
    expect(throttle.attempt('a@x', 'ip')).toEqual({ allowed: false, retryAfterMs: 600 })
    // A refused attempt is not counted: the wait does not grow.
    c.advance(599)
    expect(throttle.attempt('a@x', 'ip')).toEqual({ allowed: false, retryAfterMs: 1 })
    c.advance(1)
    expect(throttle.attempt('a@x', 'ip').allowed).toBe(true)
  })

  it('never delays the same account from another client', () => {
    const c = clock()
    const throttle = new LoginThrottle({ now: c.now })
    fail(throttle, 'victim@x', 'attacker', 3)
    for (let i = 0; i < 5; i++) {
      c.advance(60_000)
      expect(throttle.attempt('victim@x', 'attacker').allowed).toBe(true)
    }
    expect(throttle.attempt('victim@x', 'attacker').allowed).toBe(false)
    expect(throttle.attempt('victim@x', 'victim-laptop').allowed).toBe(true)
  })

  it('bounds one client across many accounts (10 free)', () => {
    const throttle = new LoginThrottle({ now: clock().now })
    for (let i = 0; i < 10; i++) {
      expect(throttle.attempt(`user${i}@x`, 'ip').allowed).toBe(true)
    }
    const refused = throttle.attempt('user10@x', 'ip')
    expect(refused).toEqual({ allowed: false, retryAfterMs: 1000 })
    expect(throttle.attempt('user10@x', 'other-ip').allowed).toBe(true)
  })

  it('a success clears its pair and takes back only its own count on the client', () => {
    const c = clock()
    const throttle = new LoginThrottle({ now: c.now, clientFreeFailures: 5 })
    fail(throttle, 'a@x', 'ip', 2)
    const ok = throttle.attempt('a@x', 'ip')
    if (!ok.allowed) {
      throw new Error('refused')
    }
    throttle.succeeded(ok.attempt)
    // The pair starts afresh: three free failures again.
    fail(throttle, 'a@x', 'ip', 2) // the client now holds 4 real failures
    expect(throttle.attempt('b@x', 'ip').allowed).toBe(true) // 5th
    expect(throttle.attempt('c@x', 'ip').allowed).toBe(false)
  })

  it('successes never add up', () => {
    const throttle = new LoginThrottle({ now: clock().now })
    for (let i = 0; i < 100; i++) {
      const ok = throttle.attempt('a@x', 'unknown')
      if (!ok.allowed) {
        throw new Error(`success ${i} refused`)
      }
      throttle.succeeded(ok.attempt)
    }
    expect(throttle.size).toBe(0)
  })

  it('counts parallel attempts before any of them finishes', () => {
    const throttle = new LoginThrottle({ now: clock().now })
    const checks = Array.from({ length: 6 }, () => throttle.attempt('a@x', 'ip').allowed)
    expect(checks).toEqual([true, true, true, false, false, false])
  })

  it('forgets a key 15 minutes after its last failure', () => {
    const c = clock()
    const throttle = new LoginThrottle({ now: c.now })
    fail(throttle, 'a@x', 'ip', 3)
    c.advance(10 * 60_000)
    fail(throttle, 'a@x', 'ip', 1) // 4th: waited long enough; 2 s owed now
    expect(throttle.attempt('a@x', 'ip').allowed).toBe(false)
    c.advance(15 * 60_000)
    fail(throttle, 'a@x', 'ip', 3)
  })

  it('keeps at most maxKeys keys, evicting the least recently touched', () => {
    const throttle = new LoginThrottle({ now: clock().now, maxKeys: 50 })
    for (let i = 0; i < 200; i++) {
      throttle.attempt(`u${i}@x`, `ip${i}`)
    }
    expect(throttle.size).toBe(50)
  })

  it('perClient: false counts the pair only', () => {
    const throttle = new LoginThrottle({ now: clock().now })
    for (let i = 0; i < 30; i++) {
      expect(throttle.attempt(`u${i}@x`, 'local', { perClient: false }).allowed).toBe(true)
    }
  })
})

describe('helpers', () => {
  it('reads the client from X-Forwarded-For, then X-Real-IP', () => {
    expect(clientAddress(new Headers({ 'x-forwarded-for': ' 203.0.113.7 , 10.0.0.1' }))).toBe(
      '203.0.113.7',
    )
    expect(clientAddress(new Headers({ 'x-real-ip': '198.51.100.2' }))).toBe('198.51.100.2')
    expect(clientAddress(new Headers())).toBeUndefined()
    expect(clientAddress(undefined)).toBeUndefined()
  })

  it('normalises the account as login does', () => {
    expect(accountOf({ email: '  Reviewer@Clinic.TEST ' })).toBe('reviewer@clinic.test')
    expect(accountOf({ username: 'Bob' })).toBe('bob')
    expect(accountOf({})).toBe('')
    expect(accountOf(null)).toBe('')
  })

  it('says how long to wait', () => {
    expect(retryAfterSeconds(1)).toBe(1)
    expect(retryAfterSeconds(1500)).toBe(2)
    expect(throttleMessage(1000)).toBe(
      'Too many failed sign-in attempts from here. Wait 1 second and try again.',
    )
    expect(throttleMessage(4000)).toBe(
      'Too many failed sign-in attempts from here. Wait 4 seconds and try again.',
    )
  })
})
