import type { AuthStrategy, CollectionSlug, PayloadRequest } from 'payload'

import { JWTAuthentication } from 'payload'

/**
 * Payload's JWT strategy, telling "no user" from "the user could not be loaded".
 *
 * Payload's own strategy answers "no user" for every error — the database being away included —
 * so a logged-in editor's request during an outage runs as anonymous and fails with 403 "You are
 * not allowed", which is not true and tells them nothing. This strategy runs Payload's (it is
 * listed before Payload's, which then has nothing left to do for a found user) and, when it found
 * no user although the request carried credentials, asks whether the database answers at all. If
 * it does not, the request is marked (`req.context`), and the error mapper (`http/errors.ts`)
 * answers the 401 or 403 that follows as the 503 it is. The extra question is asked only on that
 * path: requests with a valid token, or without credentials, cost nothing more.
 */

/** The `req.context` key set when the request's user could not be loaded. */
export const USER_UNAVAILABLE = 'citedUserUnavailable'

/** Whether the request carries credentials (a JWT header or cookie, an API key). */
export const hasCredentials = (headers: Headers | undefined): boolean =>
  Boolean(headers?.get('authorization')) ||
  /(?:^|;\s*)[\w-]*payload-token=/.test(headers?.get('cookie') ?? '')

/** Whether the database answers now. */
async function databaseAnswers(req: PayloadRequest): Promise<boolean> {
  try {
    await req.payload.db.count({
      collection: req.payload.config.admin.user as CollectionSlug,
      where: { id: { equals: 0 } },
    })
    return true
  } catch {
    return false
  }
}

export const outageAwareJwt: AuthStrategy = {
  name: 'cited-jwt',
  authenticate: async (args) => {
    // Payload's strategy, under its own name (sessions and refresh read `_strategy`).
    const result = await JWTAuthentication({ ...args, strategyName: 'local-jwt' })
    const req = args.req
    if (!result.user && req && hasCredentials(args.headers) && !(await databaseAnswers(req))) {
      req.context = { ...req.context, [USER_UNAVAILABLE]: true }
    }
    return result
  },
}
