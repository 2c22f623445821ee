import type { CollectionConfig, Field } from 'payload'

/** The collections Cited adds. */
export type CitedCollectionSlug =
  | 'aftercare-tips'
  | 'articles'
  | 'benefits'
  | 'claims'
  | 'comparison-rows'
  | 'media'
  | 'review-events'
  | 'sources'
  | 'users'

/**
 * Changes to one of Cited's collections: `fields` receives Cited's fields and returns the ones
 * to use (add yours, re-order, change labels — keep the ones Cited's rules read); any other key
 * replaces Cited's value (e.g. `admin`, `labels`).
 */
export type CollectionOverride = Partial<Omit<CollectionConfig, 'fields' | 'slug'>> & {
  fields?: (args: { defaultFields: Field[] }) => Field[]
}

/** Options of `citedPlugin`. Every option is optional; defaults live in `sanitizeOptions`. */
export interface CitedPluginOptions {
  /**
   * Per-collection overrides, applied before Cited adds its hooks, e.g.
   * `{ articles: { fields: ({ defaultFields }) => [...defaultFields, { name: 'clinic', type: 'text' }] } }`.
   * @default {}
   */
  collections?: Partial<Record<CitedCollectionSlug, CollectionOverride>>
  /**
   * Turns Cited's behaviour (hooks, endpoints, jobs) off but keeps its collections and fields,
   * so the database schema and migrations stay stable.
   * @default false
   */
  disabled?: boolean
  /**
   * Directory where uploaded media files are stored.
   * @default `<cwd>/media`
   */
  mediaDir?: string
  /**
   * Days an approval stays valid before the claim must be reviewed again.
   * @default 365
   */
  reviewIntervalDays?: number
  /**
   * When the expiry job runs (croner syntax, seconds first). It marks approved claims past their
   * re-review date as expired; Payload's jobs `autoRun` executes it on this schedule.
   * @default '0 0 * * * *' (hourly)
   */
  reviewExpiryCron?: string
  /**
   * GraphQL operations nesting fields deeper than this are refused before they run
   * (`{ Articles { docs { title } } }` is 3 deep). The example article query needs 8.
   * @default 10
   */
  graphQLMaxDepth?: number
  /**
   * Default for Payload's `graphQL.maxComplexity` (each field costs 1, relationships more); the
   * host config's own value wins.
   * @default 1000
   */
  graphQLMaxComplexity?: number
  /**
   * Demo mode (development only; `npm run dev` turns it on with `CITED_SEED_DEMO=1`): once the
   * first admin is created on the welcome screen, adds the demo accounts `editor@cited.test` and
   * `reviewer@cited.test`.
   * @default false
   */
  demoAccounts?: boolean
}

export interface SanitizedCitedOptions {
  collections: Partial<Record<CitedCollectionSlug, CollectionOverride>>
  disabled: boolean
  mediaDir: string
  reviewIntervalDays: number
  reviewExpiryCron: string
  demoAccounts: boolean
  graphQLMaxDepth: number
  graphQLMaxComplexity: number
}

export const sanitizeOptions = (options: CitedPluginOptions = {}): SanitizedCitedOptions => ({
  collections: options.collections ?? {},
  disabled: options.disabled ?? false,
  mediaDir: options.mediaDir ?? `${process.cwd()}/media`,
  reviewIntervalDays: options.reviewIntervalDays ?? 365,
  reviewExpiryCron: options.reviewExpiryCron ?? '0 0 * * * *',
  demoAccounts: options.demoAccounts ?? false,
  graphQLMaxDepth: options.graphQLMaxDepth ?? 10,
  graphQLMaxComplexity: options.graphQLMaxComplexity ?? 1000,
})
