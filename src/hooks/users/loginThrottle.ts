/**
 * The users collection's hooks that apply the sign-in throttle: the rule, and why nobody can lock
 * anyone out, are explained in `auth/loginThrottle.ts`.
 */
import type {
  CollectionAfterLoginHook,
  CollectionBeforeOperationHook,
  PayloadRequest,
} from 'payload'

import { APIError } from 'payload'

import type { LoginAttempt } from '../../auth/loginThrottle'

import {
  accountOf,
  clientAddress,
  LOCAL_CLIENT,
  loginThrottle,
  retryAfterSeconds,
  throttleMessage,
  UNKNOWN_CLIENT,
} from '../../auth/loginThrottle'

/** Attempts in flight, by request, so that `afterLogin` can take back their counts. */
const attempts = new WeakMap<object, LoginAttempt>()

/**
 * `beforeOperation` of the users collection: refuses a sign-in that comes too early (429, before
 * the password is checked) and otherwise counts it as a failure until `afterLogin` says otherwise.
 */
export const throttleLogin: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'login') {
    return args
  }
  const request: PayloadRequest = args?.req ?? req
  const address = clientAddress(request.headers)
  const local = request.payloadAPI === 'local' && address === undefined
  const client = local ? LOCAL_CLIENT : (address ?? UNKNOWN_CLIENT)
  const check = loginThrottle.attempt(accountOf(args?.data), client, { perClient: !local })
  if (!check.allowed) {
    const seconds = retryAfterSeconds(check.retryAfterMs)
    if (!request.responseHeaders) {
      request.responseHeaders = new Headers()
    }
    request.responseHeaders.set('Retry-After', String(seconds))
    request.payload?.logger?.info({
      msg: `Cited: sign-in refused for ${seconds} s (too many failures)`,
      client,
    })
    throw new APIError(throttleMessage(check.retryAfterMs), 429, undefined, true)
  }
  attempts.set(request, check.attempt)
  return args
}

/** `afterLogin` of the users collection: a success takes back its attempt's counts. */
export const clearLoginThrottle: CollectionAfterLoginHook = ({ req }) => {
  const attempt = attempts.get(req)
  if (!attempt) {
    return
  }
  attempts.delete(req)
  loginThrottle.succeeded(attempt)
}
