/** What shared caches (CDN, browser) may do with an anonymous read: keep it a minute, serve stale for five. */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=300'
/** A logged-in reader may see drafts: nothing is cached anywhere. */
export const PRIVATE_CACHE_CONTROL = 'private, no-store'
