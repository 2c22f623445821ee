import type { CollectionConfig, CollectionSlug, Config, Endpoint, Field, Payload } from 'payload'

import { USERS_SLUG } from './shared/slugs'

/** The collections Cited adds (`users` stands for Cited's users collection, whatever its slug). */
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
 * Changes to one of Cited's collections. Overrides merge per key, and none can take away a rule
 * Cited enforces:
 *
 * - `fields` receives Cited's fields (`defaultFields`) and returns the ones to use: add yours,
 *   re-order, change labels — keep the ones Cited's rules read.
 * - `hooks` run after Cited's, per hook name (`beforeChange: [yours]` runs after Cited's
 *   `beforeChange` hooks) — except the few that shape what readers get, which run after yours
 *   (the `lastHooks` of `collections/<Name>/behaviour.ts`: articles' numbered references, lean
 *   population and cache headers, the reference numbers of benefits and rows read in an article,
 *   claims' cache headers). Cited's hooks cannot be removed or replaced by an override.
 * - `access` is per operation: an operation you name replaces Cited's rule for that operation
 *   only (`{ read }` leaves Cited's `create`, `update` and `delete` in place). Replacing one is
 *   explicit and yours to answer for: `claims.access.read` decides what anonymous readers see,
 *   `users.access.update` who may change whose account. What Cited's review stands on — publishing
 *   a claim is approving it, four eyes, the read-only review state, the append-only audit trail,
 *   admin-only roles — is enforced by hooks and field access, which no `access` override reaches.
 * - `admin`, `auth`, `upload` and `versions` are merged per key (yours win). A collection Cited
 *   gives drafts keeps them: turning `versions.drafts` off there is a configuration error.
 * - `endpoints` are added after Cited's.
 * - Any other key (`labels`, `defaultSort`, …) replaces Cited's value.
 */
export type CollectionOverride = Partial<
  Omit<CollectionConfig, 'access' | 'admin' | 'endpoints' | 'fields' | 'hooks' | 'slug'>
> & {
  /** Per operation: a named operation replaces Cited's rule for that operation only. */
  access?: CollectionConfig['access']
  /** Merged per key with Cited's (yours win). */
  admin?: CollectionConfig['admin']
  /** Added after Cited's endpoints. */
  endpoints?: Endpoint[]
  /**
   * The host config already defines a collection with this slug and Cited should use it: Cited
   * extends the host's collection as it extends the users collection — adds the fields it needs
   * that the host's lacks (by name; a host field of the same name is kept), runs its hooks before
   * the host's, allows an operation only when both the host's access rule and Cited's allow it,
   * adds its endpoints before the host's; every other setting the host made is kept, Cited's fills
   * the rest. Without `extend`, a host collection with one of Cited's slugs is a configuration
   * error (rename the host's collection, or extend it).
   * @default false
   */
  extend?: boolean
  /** Receives Cited's fields and returns the ones to use. */
  fields?: (args: { defaultFields: Field[] }) => Field[]
  /** Run after Cited's hooks of the same name; Cited's cannot be removed. */
  hooks?: CollectionConfig['hooks']
}

/** Options of `citedPlugin`. Every option is optional; defaults live in `sanitizeOptions`. */
export interface CitedPluginOptions {
  /**
   * Per-collection overrides, merged per key (see {@link CollectionOverride}), e.g.
   * `{ articles: { fields: ({ defaultFields }) => [...defaultFields, { name: 'clinic', type: 'text' }] } }`.
   * `users` is Cited's users collection, whatever `usersCollection` names it.
   * @default {}
   */
  collections?: Partial<Record<CitedCollectionSlug, CollectionOverride>>
  /**
   * Turns Cited's behaviour off but keeps its collections, fields and access rules, so the
   * database schema and migrations stay stable: no Cited hook, endpoint, job schedule, GraphQL
   * query or mutation, admin view or error mapping is attached. Hooks and endpoints of the host
   * (its own collections, or given as overrides) still run.
   * @default false
   */
  disabled?: boolean
  /**
   * The auth collection of the people who use Cited (editors, reviewers, admins). When the host
   * config defines it, Cited extends it rather than bringing its own: it adds its `roles` field
   * (and `name`) where the host's collection has no field of that name, runs its hooks before the
   * host's, and allows an operation only when both the host's access rule and Cited's allow it
   * (so no one reads or edits other people's accounts unless both agree); the host's `auth`
   * settings stay. A host `roles` field is kept only when it is a `select` with `hasMany` offering
   * `admin`, `editor` and `reviewer`, and only admins may write it. When the host has no such
   * collection, Cited adds its own users collection under this slug. Relationships to people
   * (claims' approver and draft editors, review events' actor) point at it.
   * @default the host config's `admin.user`, else `'users'`
   */
  usersCollection?: CollectionSlug
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
   * E-mail notifications of the review workflow, sent with `payload.sendEmail` through whatever
   * email adapter the host configured (Payload's console adapter, which only logs, when none):
   * reviewers when a claim is submitted, the claim's editors when it is approved, renewed, sent
   * back, rejected or about to expire. Each person can turn them off (`emailNotifications` on
   * their account). Sending happens after the review action committed; a failure is logged and
   * never undoes the action.
   * @default {}
   */
  notifications?: CitedNotificationOptions
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
  /**
   * Where `POST /api/sources/import` looks up pasted DOIs (Crossref) and PubMed IDs (NCBI), how
   * long it waits, and how many answers it keeps in memory (see {@link ReferenceLookupOptions}).
   * @default {} (the public services, 10 s a request, 60 s an import, 500 answers kept a day)
   */
  referenceLookup?: ReferenceLookupOptions
}

/** Looking up a bare DOI or PMID when importing sources (`referenceLookup`). */
export interface ReferenceLookupOptions {
  /**
   * Base URL of Crossref's REST API: a DOI is read from `GET {crossrefUrl}/works/{doi}`.
   * @default 'https://api.crossref.org'
   */
  crossrefUrl?: string
  /**
   * Base URL of NCBI's E-utilities: PMIDs are read, as MEDLINE, from
   * `{ncbiUrl}/efetch.fcgi?db=pubmed&id=…&rettype=medline&retmode=text`.
   * @default 'https://eutils.ncbi.nlm.nih.gov/entrez/eutils'
   */
  ncbiUrl?: string
  /**
   * How long one lookup may take before its entry fails with "Could not reach Crossref" (or
   * NCBI), in milliseconds.
   * @default 10000
   */
  timeoutMs?: number
  /**
   * How long all the lookups of one import may take together, in milliseconds: the ids not
   * answered by then fail with "Crossref (or PubMed) did not answer in time" and are not
   * imported, so a long list answers before a proxy gives up on the request.
   * @default 60000
   */
  deadlineMs?: number
  /**
   * How many successful lookups are kept in memory (per running app; failures are not kept).
   * `0` turns the cache off.
   * @default 500
   */
  cacheSize?: number
  /**
   * How long a kept lookup is used before the service is asked again, in milliseconds.
   * @default 86400000 (a day)
   */
  cacheTtlMs?: number
  /**
   * An address the services may write to about heavy use: sent as Crossref's `mailto` (its
   * "polite pool") and NCBI's `email`. Both services ask for one.
   * @default undefined
   */
  contactEmail?: string
}

/** Options of the review workflow's e-mails (`notifications`). */
export interface CitedNotificationOptions {
  /**
   * Send no e-mails at all (the `emailNotifications` field stays on the users collection).
   * @default false
   */
  disabled?: boolean
  /**
   * Days before a claim's re-review date when the expiry job warns its editors, once per
   * approval. `0` sends no warnings.
   * @default 30
   */
  expiryWarningDays?: number
  /**
   * Where the admin is reached, for the links in e-mails (`https://cms.example.com`), when the
   * config's `serverURL` is empty. Links are `{serverURL}{routes.admin}/collections/claims/{id}`.
   * @default the config's `serverURL`
   */
  serverURL?: string
}

export interface SanitizedCitedOptions {
  collections: Partial<Record<CitedCollectionSlug, CollectionOverride>>
  disabled: boolean
  usersCollection: CollectionSlug
  mediaDir: string
  reviewIntervalDays: number
  reviewExpiryCron: string
  notifications: Required<CitedNotificationOptions>
  demoAccounts: boolean
  graphQLMaxDepth: number
  graphQLMaxComplexity: number
  referenceLookup: Required<Omit<ReferenceLookupOptions, 'contactEmail'>> &
    Pick<ReferenceLookupOptions, 'contactEmail'>
}

/** The options with their defaults; `config` is the host config (for the users collection). */
export const sanitizeOptions = (
  options: CitedPluginOptions = {},
  config?: Pick<Config, 'admin'>,
): SanitizedCitedOptions => ({
  collections: options.collections ?? {},
  disabled: options.disabled ?? false,
  usersCollection:
    options.usersCollection ?? (config?.admin?.user as CollectionSlug | undefined) ?? USERS_SLUG,
  mediaDir: options.mediaDir ?? `${process.cwd()}/media`,
  reviewIntervalDays: options.reviewIntervalDays ?? 365,
  reviewExpiryCron: options.reviewExpiryCron ?? '0 0 * * * *',
  notifications: {
    disabled: options.notifications?.disabled ?? false,
    expiryWarningDays: options.notifications?.expiryWarningDays ?? 30,
    serverURL: (options.notifications?.serverURL ?? '').replace(/\/+$/, ''),
  },
  demoAccounts: options.demoAccounts ?? false,
  graphQLMaxDepth: options.graphQLMaxDepth ?? 10,
  graphQLMaxComplexity: options.graphQLMaxComplexity ?? 1000,
  referenceLookup: {
    crossrefUrl: (options.referenceLookup?.crossrefUrl ?? 'https://api.crossref.org').replace(
      /\/+$/,
      '',
    ),
    ncbiUrl: (
      options.referenceLookup?.ncbiUrl ?? 'https://eutils.ncbi.nlm.nih.gov/entrez/eutils'
    ).replace(/\/+$/, ''),
    timeoutMs: options.referenceLookup?.timeoutMs ?? 10_000,
    deadlineMs: options.referenceLookup?.deadlineMs ?? 60_000,
    cacheSize: options.referenceLookup?.cacheSize ?? 500,
    cacheTtlMs: options.referenceLookup?.cacheTtlMs ?? 86_400_000,
    contactEmail: options.referenceLookup?.contactEmail,
  },
})

/** Where the plugin keeps its sanitised options on the Payload config. */
export const CITED_CUSTOM_KEY = 'cited'

/** The plugin's options as `citedPlugin` sanitised them (defaults when the plugin is absent). */
export function citedOptions(payload: Payload): SanitizedCitedOptions {
  const stored = payload.config.custom?.[CITED_CUSTOM_KEY] as SanitizedCitedOptions | undefined
  return stored ?? sanitizeOptions()
}

/**
 * The slug of the collection Cited's people sign in with (`usersCollection`: the host's own
 * users collection, extended, or Cited's). Typed as Cited's users collection: whichever
 * collection it is, Cited reads and writes only `email`, `password` and the fields it added to it.
 */
export const usersSlugOf = (payload: Payload): typeof USERS_SLUG =>
  citedOptions(payload).usersCollection as typeof USERS_SLUG
