import type { CollectionAfterOperationHook, PayloadRequest } from 'payload'

/** What shared caches (CDN, browser) may do with an anonymous read: keep it a minute, serve stale for five. */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=300'
/** A logged-in reader may see drafts: nothing is cached anywhere. */
export const PRIVATE_CACHE_CONTROL = 'private, no-store'

const READS = new Set(['find', 'findByID'])

/** The Cache-Control of a read made by `req`. */
export function cacheControlFor(req: Pick<PayloadRequest, 'method' | 'user'>): string | undefined {
  if (req.user) return PRIVATE_CACHE_CONTROL
  if (req.method === 'GET') return PUBLIC_CACHE_CONTROL
  return undefined
}

/**
 * Sets Cache-Control on the response of a REST or GraphQL read through `req.responseHeaders`,
 * which Payload's route handlers merge into the response. Anonymous GETs are public for a minute
 * (they only ever see published content); logged-in reads are `private, no-store`. Trusted system
 * reads made inside a request (`overrideAccess`) leave the header alone.
 */
export const cacheHeaders: CollectionAfterOperationHook = ({ args, operation, req, result }) => {
  if (!READS.has(operation)) return result
  if ((args as { overrideAccess?: boolean }).overrideAccess === true) return result
  const value = cacheControlFor(req)
  if (!value) return result
  const headers = req.responseHeaders ?? new Headers()
  // A public value never overrides a private one set earlier in the same request.
  if (headers.get('Cache-Control') !== PRIVATE_CACHE_CONTROL) headers.set('Cache-Control', value)
  req.responseHeaders = headers
  return result
}
