/** Collection slugs: frontends and tests depend on these exact strings. */
export const SOURCES_SLUG = 'sources'
export const CLAIMS_SLUG = 'claims'
export const BENEFITS_SLUG = 'benefits'
export const AFTERCARE_TIPS_SLUG = 'aftercare-tips'
export const COMPARISON_ROWS_SLUG = 'comparison-rows'
export const ARTICLES_SLUG = 'articles'
export const REVIEW_EVENTS_SLUG = 'review-events'
export const MEDIA_SLUG = 'media'
/**
 * The default slug of the users collection. The configured one is the `usersCollection` option
 * (`usersSlugOf(payload)` at run time, passed to the collection and field factories at config time).
 */
export const USERS_SLUG = 'users'
/** Cited's own bookkeeping: what each published article exposes (never served by any API). */
export const PUBLIC_SETS_SLUG = 'cited-public-sets'
/** Cited's own bookkeeping: the stored anonymous read of each published article (served by its own endpoint). */
export const SNAPSHOTS_SLUG = 'cited-snapshots'
