import type { PayloadRequest } from 'payload'

import { USERS_SLUG } from '../collections/slugs'
import { reviewError } from './errors'

/**
 * The reviewer's signature: checks the re-entered password against their own account with
 * Payload's login (same hashing, lockout after too many attempts). The password is never stored.
 */
export async function confirmPassword(req: PayloadRequest, password: unknown): Promise<void> {
  const email = req.user && 'email' in req.user ? req.user.email : undefined
  if (typeof password !== 'string' || password === '') {
    throw reviewError('Enter your password to sign this decision.', 400, { field: 'password' })
  }
  if (typeof email !== 'string') throw reviewError('Log in as a reviewer to decide on claims.', 401)
  try {
    // Outside the decision's transaction on purpose: a failed attempt is counted even though the
    // decision is not recorded.
    await req.payload.login({ collection: USERS_SLUG, data: { email, password } })
  } catch (error) {
    const locked = error instanceof Error && /locked/i.test(error.message)
    throw reviewError(
      locked
        ? 'Your account is locked after too many wrong passwords; the decision was not recorded.'
        : 'That password is not correct; the decision was not recorded.',
      403,
      { field: 'password' },
    )
  }
}
