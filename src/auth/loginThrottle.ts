/**
 * Sign-in throttling: repeated failures are slowed down, nobody is ever locked out.
 *
 * Payload's own lockout (`maxLoginAttempts`) locks an *account* after a few wrong passwords, so
 * anyone who knows a reviewer's e-mail can lock the reviewer out. The users collection turns it
 * off (`maxLoginAttempts: 0`) and uses this throttle instead.
 *
 * The rule
 * - Failures are counted under two keys:
 *   - the (account, client) pair — the e-mail as submitted (lower-cased, trimmed; accounts that
 *     do not exist are counted the same way) together with the client's address;
 *   - the client alone, which bounds one client guessing across many accounts.
 * - A key has a budget of free failures ({@link DEFAULT_PAIR_FREE_FAILURES} for a pair,
 *   {@link DEFAULT_CLIENT_FREE_FAILURES} for a client). Once it is used up, the key must wait
 *   before its next attempt, and the wait doubles with each further failure:
 *   {@link DEFAULT_BASE_DELAY_MS} (1 s), 2 s, 4 s … capped at {@link DEFAULT_MAX_DELAY_MS} (60 s),
 *   counted from the key's last failure.
 * - An attempt made before the wait is over is refused with HTTP 429, a `Retry-After` header and
 *   "Too many failed sign-in attempts from here. Wait N seconds and try again." — before the
 *   password is looked at, so a refused guess tells the guesser nothing and guessing really is
 *   slowed. (Over GraphQL the status is in the error's `extensions.statusCode`; the
 *   `Retry-After` header is set on the response as well.)
 * - A successful sign-in clears its pair's counter and takes back its own provisional count on
 *   the client key (below); the client's earlier real failures stay.
 * - A key's counter is forgotten {@link DEFAULT_WINDOW_MS} (15 minutes) after its last failure.
 *
 * Why nobody can lock (or slow) another user out: every key includes the client. An attacker
 * failing against a reviewer's account from their own client fills (reviewer, attacker) and
 * (attacker); the reviewer signing in from their client uses (reviewer, reviewer's client) and
 * (reviewer's client), which the attacker never touched. There is deliberately NO per-account
 * limit (not even a soft one): it would let anyone who knows an e-mail slow its owner down.
 *
 * How attempts are counted: every attempt is counted as a failure *up front* (in the collection's
 * `beforeOperation` hook for `login`, after the wait check) and taken back when the sign-in
 * succeeds (`afterLogin`). So no failure hook is needed — REST, GraphQL (`loginUser`) and the Local
 * API all run the same hooks, and a failure is counted whatever error ends the attempt (wrong
 * password, unknown account, missing field). Counting before the password is checked also closes
 * the race where many parallel guesses all pass the check before any failure is recorded.
 *
 * The client is the request's address: the first entry of `X-Forwarded-For`, else `X-Real-IP`,
 * else 'unknown'. A Next.js route handler does not see the socket's address, so BEHIND A PROXY
 * (as in production) THE PROXY MUST SET THESE HEADERS to the real client address, replacing
 * whatever the client sent (a client can otherwise send any `X-Forwarded-For` and choose its own
 * key). Without either header every client shares the key 'unknown' and the per-client budget
 * becomes a budget for all of them. Local API calls without those headers (server code, e.g. the
 * reviewer's password signature) are counted per account under the client 'local' only: there is
 * no real client to bound across accounts, and the shared key must not let one user slow others.
 *
 * Storage: counters live in memory, in a Map bounded to {@link DEFAULT_MAX_KEYS} keys (the keys
 * touched longest ago are evicted first; expired ones are dropped as they are met). Each server
 * process counts separately — with N processes behind a load balancer a client gets up to N times
 * the budget — and a restart forgets all counters. That is acceptable for slowing guessing; a
 * shared store (e.g. the database or Redis) would be needed for exact limits across processes.
 *
 * The numbers are options of {@link LoginThrottle}; its clock is injectable (`now`) so tests need
 * not wait for real. The users collection's hooks that apply it are `hooks/users/loginThrottle.ts`.
 */

/** Failures an (account, client) pair may make before it has to wait. */
export const DEFAULT_PAIR_FREE_FAILURES = 3
/** Failures one client may make across all accounts before it has to wait. */
export const DEFAULT_CLIENT_FREE_FAILURES = 10
/** The first wait once a key's free failures are used up; doubles with each further failure. */
export const DEFAULT_BASE_DELAY_MS = 1_000
/** The longest wait. */
export const DEFAULT_MAX_DELAY_MS = 60_000
/** A key's counter is forgotten this long after its last failure. */
export const DEFAULT_WINDOW_MS = 15 * 60_000
/** At most this many keys are kept; the ones touched longest ago go first. */
export const DEFAULT_MAX_KEYS = 10_000

/** The client key of header-less Local API calls (see the comment at the top). */
export const LOCAL_CLIENT = 'local'
/** The client key when the request carries no address. */
export const UNKNOWN_CLIENT = 'unknown'

/** Longest client address / account name kept in a key (headers can be arbitrarily long). */
const MAX_KEY_PART = 320

export interface LoginThrottleOptions {
  pairFreeFailures: number
  clientFreeFailures: number
  baseDelayMs: number
  maxDelayMs: number
  windowMs: number
  maxKeys: number
  /** The clock, in milliseconds. */
  now: () => number
}

interface Counter {
  failures: number
  /** When the last failure was counted (ms). */
  last: number
}

/** One attempt's provisional counts, to be taken back if it succeeds. */
export interface LoginAttempt {
  pairKey: string
  clientKey?: string
  /** The client key's `last` before this attempt, restored if the attempt succeeds. */
  clientPreviousLast?: number
  /** The `last` this attempt wrote. */
  at: number
}

export type LoginCheck =
  | { allowed: true; attempt: LoginAttempt }
  | { allowed: false; retryAfterMs: number }

/** The request's client address: first `X-Forwarded-For` entry, else `X-Real-IP`, else undefined. */
export function clientAddress(headers: Headers | undefined): string | undefined {
  const forwarded = headers?.get('x-forwarded-for')?.split(',')[0]?.trim()
  if (forwarded) {
    return forwarded.slice(0, MAX_KEY_PART)
  }
  const real = headers?.get('x-real-ip')?.trim()
  if (real) {
    return real.slice(0, MAX_KEY_PART)
  }
  return undefined
}

/** The account as the login operation will look it up (lower-cased, trimmed). */
export function accountOf(data: unknown): string {
  const record = data && typeof data === 'object' ? (data as Record<string, unknown>) : {}
  const raw =
    typeof record.email === 'string' && record.email.trim() !== '' ? record.email : record.username
  return typeof raw === 'string' ? raw.toLowerCase().trim().slice(0, MAX_KEY_PART) : ''
}

/** "Wait N seconds" text and the header value for a wait of `ms`. */
export function retryAfterSeconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000))
}

export function throttleMessage(ms: number): string {
  const seconds = retryAfterSeconds(ms)
  return `Too many failed sign-in attempts from here. Wait ${seconds} ${seconds === 1 ? 'second' : 'seconds'} and try again.`
}

export class LoginThrottle {
  readonly options: LoginThrottleOptions
  private readonly counters = new Map<string, Counter>()

  constructor(options: Partial<LoginThrottleOptions> = {}) {
    this.options = {
      pairFreeFailures: DEFAULT_PAIR_FREE_FAILURES,
      clientFreeFailures: DEFAULT_CLIENT_FREE_FAILURES,
      baseDelayMs: DEFAULT_BASE_DELAY_MS,
      maxDelayMs: DEFAULT_MAX_DELAY_MS,
      windowMs: DEFAULT_WINDOW_MS,
      maxKeys: DEFAULT_MAX_KEYS,
      now: () => Date.now(),
      ...options,
    }
  }

  /** Replaces the clock (tests); without an argument, back to `Date.now`. */
  setClock(now: () => number = () => Date.now()): void {
    this.options.now = now
  }

  /** Forgets every counter. */
  reset(): void {
    this.counters.clear()
  }

  /** How many keys are kept now. */
  get size(): number {
    return this.counters.size
  }

  /** The wait a key owes after `failures` failures with `free` of them free (0: none). */
  delayAfter(failures: number, free: number): number {
    if (failures < free) {
      return 0
    }
    const { baseDelayMs, maxDelayMs } = this.options
    const exponent = Math.min(failures - free, 30)
    return Math.min(baseDelayMs * 2 ** exponent, maxDelayMs)
  }

  /**
   * Checks an attempt of `account` from `client` and, when it may go ahead, counts it as a failure
   * (take it back with {@link succeeded}). `perClient: false` skips the client-wide key.
   */
  attempt(
    account: string,
    client: string,
    { perClient = true }: { perClient?: boolean } = {},
  ): LoginCheck {
    const now = this.options.now()
    const pairKey = JSON.stringify(['pair', client, account])
    const clientKey = perClient ? JSON.stringify(['client', client]) : undefined
    const pair = this.read(pairKey, now)
    const whole = clientKey ? this.read(clientKey, now) : undefined
    const wait = Math.max(
      this.remaining(pair, this.options.pairFreeFailures, now),
      this.remaining(whole, this.options.clientFreeFailures, now),
    )
    if (wait > 0) {
      return { allowed: false, retryAfterMs: wait }
    }
    this.write(pairKey, { failures: (pair?.failures ?? 0) + 1, last: now })
    if (clientKey) {
      this.write(clientKey, { failures: (whole?.failures ?? 0) + 1, last: now })
    }
    return {
      allowed: true,
      attempt: { pairKey, clientKey, clientPreviousLast: whole?.last, at: now },
    }
  }

  /** The attempt succeeded: its pair starts afresh, and its count on the client key is taken back. */
  succeeded(attempt: LoginAttempt): void {
    this.counters.delete(attempt.pairKey)
    if (!attempt.clientKey) {
      return
    }
    const counter = this.counters.get(attempt.clientKey)
    if (!counter) {
      return
    }
    if (counter.failures <= 1) {
      this.counters.delete(attempt.clientKey)
      return
    }
    counter.failures -= 1
    // Restore the previous last failure unless another failure was counted after this attempt.
    if (counter.last === attempt.at && attempt.clientPreviousLast !== undefined) {
      counter.last = attempt.clientPreviousLast
    }
  }

  /** The counter of `key`, or undefined when there is none or it has expired (then dropped). */
  private read(key: string, now: number): Counter | undefined {
    const counter = this.counters.get(key)
    if (!counter) {
      return undefined
    }
    if (now - counter.last >= this.options.windowMs) {
      this.counters.delete(key)
      return undefined
    }
    return counter
  }

  private remaining(counter: Counter | undefined, free: number, now: number): number {
    if (!counter) {
      return 0
    }
    const delay = this.delayAfter(counter.failures, free)
    return delay === 0 ? 0 : Math.max(0, counter.last + delay - now)
  }

  private write(key: string, counter: Counter): void {
    // Re-inserting moves the key to the end: the Map's order is least recently touched first.
    this.counters.delete(key)
    this.counters.set(key, counter)
    while (this.counters.size > this.options.maxKeys) {
      const oldest = this.counters.keys().next().value
      if (oldest === undefined) {
        break
      }
      this.counters.delete(oldest)
    }
  }
}

/** The throttle the users collection's hooks use (one per server process; `hooks/users/loginThrottle.ts`). */
export const loginThrottle = new LoginThrottle()
