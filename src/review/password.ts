import type { PayloadRequest } from 'payload'

import { usersSlugOf } from '../options'
import { reviewError } from './errors'

/**
 * The reviewer's signature: checks the re-entered password against their own account with
 * Payload's login (same hashing; repeated failures are slowed down by the sign-in throttle). The password is never stored.
 */
export async function confirmPassword(req: PayloadRequest, password: unknown): Promise<void> {
  const email = req.user && 'email' in req.user ? req.user.email : undefined
  if (typeof password !== 'string' || password === '') {
    throw reviewError('Enter your password to sign this decision.', 400, { field: 'password' })
  }
  if (typeof email !== 'string') {
    throw reviewError('Log in as a reviewer to decide on claims.', 401)
  }
  try {
    // Outside the decision's transaction on purpose: a failed attempt is counted even though the
    // decision is not recorded.
    await req.payload.login({ collection: usersSlugOf(req.payload), data: { email, password } })
  } catch (error) {
    // Too many wrong passwords: the sign-in throttle's wait (src/auth/loginThrottle.ts) stands.
    if ((error as { status?: unknown })?.status === 429 && error instanceof Error) {
      throw reviewError(`${error.message} The decision was not recorded.`, 429, {
        field: 'password',
      })
    }
    throw reviewError('That password is not correct; the decision was not recorded.', 403, {
      field: 'password',
    })
  }
}
