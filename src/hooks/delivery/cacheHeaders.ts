import type { CollectionAfterOperationHook, PayloadRequest } from 'payload'

import { PRIVATE_CACHE_CONTROL, PUBLIC_CACHE_CONTROL } from '../../shared/cacheControl'

const READS = new Set(['find', 'findByID'])

/** The Cache-Control of a read made by `req`. */
export function cacheControlFor(req: Pick<PayloadRequest, 'method' | 'user'>): string | undefined {
  if (req.user) {
    return PRIVATE_CACHE_CONTROL
  }
  if (req.method === 'GET') {
    return PUBLIC_CACHE_CONTROL
  }
  return undefined
}

/**
 * Sets Cache-Control on the response of a REST or GraphQL read through `req.responseHeaders`,
 * which Payload's route handlers merge into the response. Anonymous GETs are public for a minute
 * (they only ever see published content); logged-in reads are `private, no-store`. Trusted system
 * reads made inside a request (`overrideAccess`) leave the header alone.
 */
export const cacheHeaders: CollectionAfterOperationHook = ({ args, operation, req, result }) => {
  if (!READS.has(operation)) {
    return result
  }
  if ((args as { overrideAccess?: boolean }).overrideAccess === true) {
    return result
  }
  const value = cacheControlFor(req)
  if (!value) {
    return result
  }
  const headers = req.responseHeaders ?? new Headers()
  // A public value never overrides a private one set earlier in the same request.
  if (headers.get('Cache-Control') !== PRIVATE_CACHE_CONTROL) {
    headers.set('Cache-Control', value)
  }
  req.responseHeaders = headers
  return result
}
