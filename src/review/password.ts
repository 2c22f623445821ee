import type { CollectionSlug, PayloadRequest } from 'payload'

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
  const collection = usersSlugOf(req.payload)
  let signed: { token?: string; user?: { id?: unknown } }
  try {
    // Outside the decision's transaction on purpose: a failed attempt is counted even though the
    // decision is not recorded.
    signed = await req.payload.login({ collection, data: { email, password } })
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
  await endSignatureSession(req, collection, signed)
}

/**
 * A correct password signs the decision, not a new sign-in: Payload's login opened a session
 * (a `sessions` row of the account) that nobody will use, so it is removed again as Payload's
 * logout removes one — otherwise every signature would leave a session row behind.
 */
async function endSignatureSession(
  req: PayloadRequest,
  collection: CollectionSlug,
  signed: { token?: string; user?: { id?: unknown } },
): Promise<void> {
  const sid = sessionIdOf(signed.token)
  const id = signed.user?.id
  if (!sid || (typeof id !== 'number' && typeof id !== 'string')) {
    return
  }
  const account = (await req.payload.db.findOne({
    collection,
    where: { id: { equals: id } },
  })) as { sessions?: { id?: unknown }[]; updatedAt?: unknown } | null
  if (!account?.sessions?.some((session) => session.id === sid)) {
    return
  }
  account.sessions = account.sessions.filter((session) => session.id !== sid)
  // As Payload's logout: removing a session does not change when the account was updated.
  account.updatedAt = null
  await req.payload.db.updateOne({ id, collection, data: account, returning: false })
}

/** The session id (`sid`) a Payload token carries, if any. */
function sessionIdOf(token: string | undefined): string | undefined {
  const claims = token?.split('.')[1]
  if (!claims) {
    return undefined
  }
  try {
    const sid = (JSON.parse(Buffer.from(claims, 'base64url').toString('utf8')) as { sid?: unknown })
      .sid
    return typeof sid === 'string' ? sid : undefined
  } catch {
    return undefined
  }
}
