import type { Access, CollectionConfig, Config, Field, Plugin } from 'payload'

import { GraphQLJSON } from '@payloadcms/graphql/types'
import { createLocalReq, InvalidConfiguration } from 'payload'

import type { CollectionBehaviour } from './collections/behaviour'
import type {
  CitedCollectionSlug,
  CitedPluginOptions,
  CollectionOverride,
  SanitizedCitedOptions,
} from './options'

import { allOf } from './access/allOf'
import { allOfField } from './access/allOfField'
import { isAdminField } from './access/isAdminField'
import { evidenceCheckEndpoint } from './admin/evidenceCheck'
import { importArticleEndpoint } from './admin/importArticle'
import { suggestClaimsEndpoint } from './admin/suggestClaims'
import { aftercareTipsBehaviour } from './collections/AftercareTips/behaviour'
import { AftercareTips } from './collections/AftercareTips/index'
import { articlesBehaviour } from './collections/Articles/behaviour'
import { publishedArticleQuery } from './collections/Articles/endpoints/published'
import { Articles } from './collections/Articles/index'
import { benefitsBehaviour } from './collections/Benefits/behaviour'
import { Benefits } from './collections/Benefits/index'
import { claimsBehaviour } from './collections/Claims/behaviour'
import { createClaims } from './collections/Claims/index'
import { comparisonRowsBehaviour } from './collections/ComparisonRows/behaviour'
import { ComparisonRows } from './collections/ComparisonRows/index'
import { mediaBehaviour } from './collections/Media/behaviour'
import { createMedia } from './collections/Media/index'
import { publicSetsBehaviour } from './collections/PublicSets/behaviour'
import { PublicSets } from './collections/PublicSets/index'
import { reviewEventsBehaviour } from './collections/ReviewEvents/behaviour'
import { createReviewEvents } from './collections/ReviewEvents/index'
import { snapshotsBehaviour } from './collections/Snapshots/behaviour'
import { Snapshots } from './collections/Snapshots/index'
import { sourcesBehaviour } from './collections/Sources/behaviour'
import { Sources } from './collections/Sources/index'
import { usersBehaviour } from './collections/Users/behaviour'
import { createUsers, ROLES_FIELD } from './collections/Users/index'
import { withCitedIndexes } from './content/indexes'
import { ensurePublicSets } from './content/store'
import { withDurableCommits } from './db/durableCommits'
import { depthLimit } from './graphql/depthLimit'
import { reviewMutations } from './graphql/reviewMutations'
import { mapErrors } from './http/errors'
import { expireClaimsTask, REVIEW_QUEUE } from './jobs/expireClaims'
import { CITED_CUSTOM_KEY, sanitizeOptions } from './options'
import { ADMIN_COMPONENTS } from './shared/adminComponents'
import { ROLES } from './shared/roles'
import { inTransaction } from './shared/transaction'

/**
 * Cited: evidence-backed health content for Payload.
 *
 * Adds the content model (sources, claims, benefits, aftercare tips, comparison rows, articles,
 * review events, media) and extends the host's users collection with Cited's roles — or adds a
 * users collection when the host has none. Host collections with another of Cited's slugs are a
 * configuration error unless the host asks Cited to extend them (`collections.<slug>.extend`).
 * Overrides merge per key and cannot remove Cited's hooks (see `CollectionOverride`). When
 * `disabled`, the schema (collections, fields, access) stays the same and no Cited behaviour is
 * attached.
 */
export const citedPlugin =
  (pluginOptions: CitedPluginOptions = {}): Plugin =>
  (incomingConfig: Config): Config => {
    const options = sanitizeOptions(pluginOptions, incomingConfig)
    const adminUser = incomingConfig.admin?.user
    if (adminUser && adminUser !== options.usersCollection) {
      throw new InvalidConfiguration(
        `Cited: admin.user is '${adminUser}' but usersCollection is '${options.usersCollection}'. Cited's editors and reviewers work in the admin, so both must name the same collection.`,
      )
    }
    const existing = incomingConfig.collections ?? []
    const cited = citedCollections(options, existing)
    const bySlug = new Map(cited.map((collection) => [collection.slug, collection]))
    const existingSlugs = new Set(existing.map((collection) => collection.slug))

    const jobs = incomingConfig.jobs ?? {}
    const hostAutoRun = jobs.autoRun
    const hostMutations = incomingConfig.graphQL?.mutations
    const hostQueries = incomingConfig.graphQL?.queries
    const hostComponents = incomingConfig.admin?.components ?? {}
    const hostViews = hostComponents.views ?? {}
    const hostValidationRules = incomingConfig.graphQL?.validationRules

    const hostOnInit = incomingConfig.onInit

    return {
      ...incomingConfig,
      // Published articles without a stored public set (an older database) get theirs rebuilt.
      onInit: options.disabled
        ? hostOnInit
        : async (payload) => {
            if (hostOnInit) {
              await hostOnInit(payload)
            }
            const req = await createLocalReq({}, payload)
            await ensurePublicSets(req, (work) => inTransaction(req, work))
          },
      custom: { ...incomingConfig.custom, [CITED_CUSTOM_KEY]: options },
      // A write whose COMMIT failed is a 503, not a 201 (see db/durableCommits.ts). The claims'
      // indexes are part of the schema, so they are added even when disabled
      // (content/indexes.ts).
      db: incomingConfig.db
        ? withCitedIndexes(
            options.disabled ? incomingConfig.db : withDurableCommits(incomingConfig.db),
          )
        : incomingConfig.db,
      // One error mapper for every route: what Payload would answer with a bare 500 but is the
      // caller's mistake (400) or the database being away (503). The host's hooks run after it.
      hooks: {
        ...incomingConfig.hooks,
        afterError: [
          ...(options.disabled ? [] : [mapErrors]),
          ...(incomingConfig.hooks?.afterError ?? []),
        ],
      },
      // Bounded GraphQL: complexity and depth limits; playground and introspection off in production.
      // The host's own settings win; its validation rules run next to ours. The review workflow's
      // mutations sit next to any mutations of the host.
      graphQL: {
        ...incomingConfig.graphQL,
        maxComplexity: incomingConfig.graphQL?.maxComplexity ?? options.graphQLMaxComplexity,
        disablePlaygroundInProduction:
          incomingConfig.graphQL?.disablePlaygroundInProduction ?? true,
        disableIntrospectionInProduction:
          incomingConfig.graphQL?.disableIntrospectionInProduction ?? true,
        validationRules: (args) => [
          depthLimit(options.graphQLMaxDepth),
          ...(hostValidationRules ? hostValidationRules(args) : []),
        ],
        queries: (graphQL, context) => ({
          ...(hostQueries ? hostQueries(graphQL, context) : {}),
          ...(options.disabled ? {} : publishedArticleQuery(graphQL, GraphQLJSON)),
        }),
        mutations: (graphQL, context) => ({
          ...(hostMutations ? hostMutations(graphQL, context) : {}),
          ...(options.disabled ? {} : reviewMutations(graphQL)),
        }),
      },
      // Claim expiry runs as a scheduled Payload job in its own queue. The task is registered even
      // when disabled (it is part of the jobs schema); only its schedule is left out.
      jobs: {
        ...jobs,
        tasks: [...(jobs.tasks ?? []), expireClaimsTask(options.reviewExpiryCron)],
        ...(options.disabled
          ? {}
          : {
              autoRun: async (payload) => [
                ...(typeof hostAutoRun === 'function'
                  ? await hostAutoRun(payload)
                  : (hostAutoRun ?? [])),
                { cron: options.reviewExpiryCron, queue: REVIEW_QUEUE },
              ],
            }),
      },
      admin: {
        ...incomingConfig.admin,
        user: incomingConfig.admin?.user ?? options.usersCollection,
        // The reviewers' queue at /admin/review, the editors' article import at /admin/import-article
        // and links to them; a host view of the same name wins.
        components: options.disabled
          ? hostComponents
          : {
              ...hostComponents,
              afterNavLinks: [
                ...(hostComponents.afterNavLinks ?? []),
                ADMIN_COMPONENTS.reviewNavLink,
                ADMIN_COMPONENTS.importNavLink,
              ],
              views: {
                // Editors import an article from Word, a web page, Markdown or text.
                citedImportArticle: {
                  Component: ADMIN_COMPONENTS.importArticleView,
                  path: '/import-article',
                  exact: true,
                  meta: { title: 'Import article' },
                },
                citedReviewQueue: {
                  Component: ADMIN_COMPONENTS.reviewQueueView,
                  path: '/review',
                  exact: true,
                  meta: { title: 'Review queue' },
                },
                ...hostViews,
              },
            },
      },
      // The admin's live evidence check (POST /api/cited/evidence-check) and the claims it suggests
      // for uncited statistics (POST /api/cited/suggest-claims); the "Import article" view's upload
      // (POST /api/cited/import-article).
      endpoints: options.disabled
        ? incomingConfig.endpoints
        : [
            ...(incomingConfig.endpoints ?? []),
            evidenceCheckEndpoint,
            suggestClaimsEndpoint,
            importArticleEndpoint,
          ],
      // Host collections stay where the host put them (extended where Cited extends them); Cited's
      // own follow.
      collections: [
        ...existing.map((collection) => bySlug.get(collection.slug) ?? collection),
        ...cited.filter((collection) => !existingSlugs.has(collection.slug)),
      ],
    }
  }

/** One of Cited's collections: the key of its override (none for Cited's bookkeeping), its schema and its behaviour. */
interface CitedCollection {
  key?: CitedCollectionSlug
  /** Fields, access, admin, versions, auth: the same whether Cited is enabled or not. */
  collection: CollectionConfig
  /** Hooks and endpoints: attached only when Cited is enabled. */
  behaviour: CollectionBehaviour
}

/** Cited's collections as Cited defines them, relationships to people pointing at `usersCollection`. */
const definitions = (options: SanitizedCitedOptions): CitedCollection[] => {
  const usersSlug = options.usersCollection
  return [
    {
      key: 'users',
      collection: createUsers(usersSlug),
      behaviour: usersBehaviour({ demoAccounts: options.demoAccounts }),
    },
    { key: 'media', collection: createMedia(options.mediaDir), behaviour: mediaBehaviour },
    { key: 'sources', collection: Sources, behaviour: sourcesBehaviour },
    { key: 'claims', collection: createClaims({ usersSlug }), behaviour: claimsBehaviour },
    { key: 'benefits', collection: Benefits, behaviour: benefitsBehaviour },
    { key: 'aftercare-tips', collection: AftercareTips, behaviour: aftercareTipsBehaviour },
    { key: 'comparison-rows', collection: ComparisonRows, behaviour: comparisonRowsBehaviour },
    { key: 'articles', collection: Articles, behaviour: articlesBehaviour },
    {
      key: 'review-events',
      collection: createReviewEvents({ usersSlug }),
      behaviour: reviewEventsBehaviour,
    },
    { collection: PublicSets, behaviour: publicSetsBehaviour },
    { collection: Snapshots, behaviour: snapshotsBehaviour },
  ]
}

/**
 * Cited's collections as the app gets them. Per collection:
 * 1. Cited's schema (`collections/<Name>/index.ts`);
 * 2. merged into the host's collection of the same slug (the users collection always, others
 *    with `extend`; otherwise a configuration error);
 * 3. the host's override, merged per key;
 * 4. when enabled, Cited's behaviour (`collections/<Name>/behaviour.ts`): its hooks before the
 *    host's and the override's, its last hooks after them, its endpoints first.
 */
function citedCollections(
  options: SanitizedCitedOptions,
  existing: CollectionConfig[],
): CollectionConfig[] {
  const hosts = new Map(existing.map((collection) => [collection.slug, collection]))
  const usersSlug = options.usersCollection
  const ours = definitions(options)
  if (ours.some(({ key, collection }) => key !== 'users' && collection.slug === usersSlug)) {
    throw new InvalidConfiguration(
      `Cited: usersCollection '${usersSlug}' is one of Cited's own collections. Name the collection your editors, reviewers and admins sign in with.`,
    )
  }
  return ours.map(({ key, collection: definition, behaviour }) => {
    const override = key ? options.collections[key] : undefined
    const host = hosts.get(definition.slug)
    let collection = definition
    if (host && key === 'users') {
      collection = extendHostUsers(collection, host)
    } else if (host && override?.extend) {
      collection = extendHostCollection(collection, host)
    } else if (host) {
      throw slugTaken(definition.slug, key)
    }
    if (override) {
      collection = applyOverride(collection, override)
    }
    if (hasDrafts(definition) && !hasDrafts(collection)) {
      throw new InvalidConfiguration(
        `Cited: the '${definition.slug}' collection needs drafts (versions.drafts): publishing is how its documents go live through review. Keep drafts on in the host's collection and in overrides.`,
      )
    }
    return options.disabled ? collection : attachBehaviour(collection, behaviour)
  })
}

/** Cited's behaviour on a collection (see `CollectionBehaviour`). */
function attachBehaviour(
  collection: CollectionConfig,
  { endpoints, hooks, lastHooks }: CollectionBehaviour,
): CollectionConfig {
  return {
    ...collection,
    hooks: concatHooks(concatHooks(hooks, collection.hooks), lastHooks),
    ...(endpoints ? { endpoints: [...endpoints, ...(collection.endpoints || [])] } : {}),
  }
}

function slugTaken(slug: string, key: CitedCollectionSlug | undefined): InvalidConfiguration {
  const extend = key
    ? `, or let Cited extend yours with citedPlugin({ collections: { '${key}': { extend: true } } }) (Cited adds the fields it needs that yours lacks, runs its hooks first and combines access rules)`
    : ''
  return new InvalidConfiguration(
    `Cited: the host config already has a collection '${slug}', which Cited adds too. Rename your collection${extend}.`,
  )
}

const hasDrafts = (collection: CollectionConfig): boolean =>
  typeof collection.versions === 'object' && Boolean(collection.versions.drafts)

/**
 * The host's users collection with what Cited needs: its fields (a host `roles` field must be able
 * to carry Cited's roles, and only admins may write it), hooks and access rules; `auth` stays the host's.
 */
function extendHostUsers(cited: CollectionConfig, host: CollectionConfig): CollectionConfig {
  if (!host.auth) {
    throw new InvalidConfiguration(
      `Cited: '${host.slug}' is the users collection (usersCollection / admin.user) but has no auth. Turn on auth for it, or set usersCollection to the collection your editors, reviewers and admins sign in with.`,
    )
  }
  const fields = mapDataField(host.fields, ROLES_FIELD, (field) => adminOnlyRoles(host.slug, field))
  return extendHostCollection({ ...cited, auth: undefined }, { ...host, fields })
}

/** A host `roles` field Cited can use: a select of several values offering Cited's roles, written by admins only. */
function adminOnlyRoles(slug: string, field: Field): Field {
  const offered =
    field.type === 'select'
      ? field.options.map((option) => (typeof option === 'string' ? option : option.value))
      : []
  if (field.type !== 'select' || !field.hasMany || !ROLES.every((role) => offered.includes(role))) {
    throw new InvalidConfiguration(
      `Cited: the '${slug}' collection has a '${ROLES_FIELD}' field Cited cannot use: Cited's roles need a select field with hasMany and the options ${ROLES.join(', ')}. Remove your field (Cited adds its own) or make it such a select.`,
    )
  }
  const access = field.access ?? {}
  return {
    ...field,
    access: {
      ...access,
      create: access.create ? allOfField(isAdminField, access.create) : isAdminField,
      update: access.update ? allOfField(isAdminField, access.update) : isAdminField,
    },
  }
}

/**
 * A host collection extended with one of Cited's: the host's settings stay and Cited's fill the
 * rest; Cited's fields the host lacks (by name) come after the host's; hooks run Cited's first;
 * an operation is allowed only when both sides allow it; Cited's endpoints come first.
 */
function extendHostCollection(cited: CollectionConfig, host: CollectionConfig): CollectionConfig {
  const hostNames = dataFieldNames(host.fields)
  return withoutUndefined({
    ...withoutUndefined(cited),
    ...withoutUndefined(host),
    admin: { ...cited.admin, ...host.admin },
    access: bothAllow(cited.access, host.access),
    hooks: concatHooks(cited.hooks, host.hooks),
    endpoints: [...(cited.endpoints || []), ...(host.endpoints || [])],
    fields: [
      ...host.fields,
      ...cited.fields.filter((field) => !('name' in field) || !hostNames.has(field.name)),
    ],
  })
}

/** An override merged per key (see `CollectionOverride`): Cited's hooks always stay. */
function applyOverride(
  collection: CollectionConfig,
  override: CollectionOverride,
): CollectionConfig {
  const {
    access,
    admin,
    auth,
    endpoints,
    extend: _extend,
    fields,
    hooks,
    upload,
    versions,
    ...rest
  } = override
  return withoutUndefined({
    ...collection,
    ...withoutUndefined(rest),
    access: { ...collection.access, ...withoutUndefined(access ?? {}) },
    admin: { ...collection.admin, ...admin },
    auth: mergePerKey(collection.auth, auth),
    upload: mergePerKey(collection.upload, upload),
    versions: mergePerKey(collection.versions, versions),
    endpoints: [...(collection.endpoints || []), ...(endpoints ?? [])],
    fields: fields ? fields({ defaultFields: collection.fields }) : collection.fields,
    hooks: concatHooks(collection.hooks, hooks),
  })
}

type Hooks = NonNullable<CollectionConfig['hooks']>
type AccessRules = NonNullable<CollectionConfig['access']>

/** Hooks of both, per hook name: `first`'s, then `then`'s. */
function concatHooks(first: Hooks = {}, then: Hooks = {}): Hooks {
  const names = new Set([...Object.keys(first), ...Object.keys(then)]) as Set<keyof Hooks>
  const hooks: Record<string, unknown[]> = {}
  for (const name of names) {
    hooks[name] = [...(first[name] ?? []), ...(then[name] ?? [])]
  }
  return hooks as Hooks
}

/** Per operation: both rules must allow it; an operation only one side rules on follows that rule. */
function bothAllow(cited: AccessRules = {}, host: AccessRules = {}): AccessRules {
  const operations = new Set([...Object.keys(cited), ...Object.keys(host)]) as Set<
    keyof AccessRules
  >
  const rules: Record<string, Access> = {}
  for (const operation of operations) {
    const ours = cited[operation] as Access | undefined
    const theirs = host[operation] as Access | undefined
    const rule = ours && theirs ? allOf(ours, theirs) : (ours ?? theirs)
    if (rule) {
      rules[operation] = rule
    }
  }
  return rules as AccessRules
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Objects merged per key (`then` wins); otherwise `then` replaces `first` when given. */
function mergePerKey<T>(first: T, then: T | undefined): T {
  if (then === undefined) {
    return first
  }
  return isPlainObject(first) && isPlainObject(then) ? ({ ...first, ...then } as T) : then
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T
}

/** Names of the fields that hold data at the top of a document (rows, collapsibles and unnamed tabs are looked through). */
function dataFieldNames(fields: Field[]): Set<string> {
  const names = new Set<string>()
  const visit = (list: Field[]): void => {
    for (const field of list) {
      if ('name' in field && field.name) {
        names.add(field.name)
      } else if (field.type === 'tabs') {
        for (const tab of field.tabs) {
          if ('name' in tab && tab.name) {
            names.add(tab.name)
          } else {
            visit(tab.fields)
          }
        }
      } else if ('fields' in field) {
        visit(field.fields)
      }
    }
  }
  visit(fields)
  return names
}

/** `fields` with the top-level data field `name` (found as `dataFieldNames` finds it) replaced by `change(field)`. */
function mapDataField(fields: Field[], name: string, change: (field: Field) => Field): Field[] {
  return fields.map((field): Field => {
    if ('name' in field && field.name) {
      return field.name === name ? change(field) : field
    }
    if (field.type === 'tabs') {
      return {
        ...field,
        tabs: field.tabs.map((tab) =>
          'name' in tab && tab.name
            ? tab
            : { ...tab, fields: mapDataField(tab.fields, name, change) },
        ),
      }
    }
    if ('fields' in field) {
      return { ...field, fields: mapDataField(field.fields, name, change) } as Field
    }
    return field
  })
}
