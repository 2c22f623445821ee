import type { CollectionConfig, Config, Plugin } from 'payload'

import { GraphQLJSON } from '@payloadcms/graphql/types'
import { createLocalReq } from 'payload'

import type { CitedCollectionSlug, CitedPluginOptions } from './options'

import { evidenceCheckEndpoint } from './admin/evidenceCheck'
import { ADMIN_COMPONENTS } from './admin/paths'

import { AftercareTips } from './collections/AftercareTips/index'
import { Articles } from './collections/Articles/index'
import { Benefits } from './collections/Benefits/index'
import { Claims } from './collections/Claims/index'
import { ComparisonRows } from './collections/ComparisonRows/index'
import { createMedia } from './collections/Media/index'
import { publishedArticleQuery } from './collections/Articles/endpoints/published'
import { ReviewEvents } from './collections/ReviewEvents/index'
import { USERS_SLUG } from './collections/slugs'
import { PublicSets } from './collections/PublicSets/index'
import { Snapshots } from './collections/Snapshots/index'
import { Sources } from './collections/Sources/index'
import { createDemoAccountsAfterFirstUser } from './collections/Users/hooks/createDemoAccountsAfterFirstUser'
import { Users } from './collections/Users/index'
import { depthLimit } from './graphql/depthLimit'
import { reviewMutations } from './graphql/reviewMutations'
import { ensurePublicSets } from './content/store'
import { withDurableCommits } from './db/durableCommits'
import { withContentHooks } from './hooks/content/withContentHooks'
import { withDeliveryHooks } from './hooks/delivery/withDeliveryHooks'
import { withEvidenceHooks } from './hooks/evidence/withEvidenceHooks'
import { withStrictRouteIds } from './hooks/input/strictRouteIds'
import { mapErrors } from './http/errors'
import { withShapeValidation } from './hooks/input/validateShapes'
import { withWhereValidation } from './hooks/input/validateWhere'
import { expireClaimsTask, REVIEW_QUEUE } from './jobs/expireClaims'
import { CITED_CUSTOM_KEY } from './review/options'
import { inTransaction } from './review/transaction'
import { sanitizeOptions } from './options'

/**
 * Cited: evidence-backed health content for Payload.
 *
 * Adds the content model (sources, claims, benefits, aftercare tips, comparison rows, articles,
 * review events, media, users). A collection the host config already defines with the same slug
 * is kept as the host wrote it.
 */
export const citedPlugin =
  (pluginOptions: CitedPluginOptions = {}): Plugin =>
  (incomingConfig: Config): Config => {
    const options = sanitizeOptions(pluginOptions)
    const collections: CollectionConfig[] = [
      Users,
      createMedia(options.mediaDir),
      Sources,
      Claims,
      Benefits,
      AftercareTips,
      ComparisonRows,
      Articles,
      ReviewEvents,
      PublicSets,
      Snapshots,
    ]
    const overridden = collections.map((collection): CollectionConfig => {
      const override = options.collections[collection.slug as CitedCollectionSlug]
      if (!override) return collection
      const { fields, ...rest } = override
      return { ...collection, ...rest, fields: fields ? fields({ defaultFields: collection.fields }) : collection.fields }
    })
    // Disabled: the schema stays (migrations stay stable) but our hooks and endpoints are off.
    const ours = options.disabled
      ? overridden.map((collection) => ({ ...collection, endpoints: [] }))
      : overridden.map(withEvidenceHooks).map(withContentHooks).map(withDeliveryHooks).map(withShapeValidation).map(withWhereValidation).map(withStrictRouteIds)
    const cited = options.demoAccounts ? ours.map(withDemoAccounts) : ours
    const existing = incomingConfig.collections ?? []
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
      onInit: async (payload) => {
        if (hostOnInit) await hostOnInit(payload)
        if (options.disabled) return
        const req = await createLocalReq({}, payload)
        await ensurePublicSets(req, (work) => inTransaction(req, work))
      },
      custom: { ...incomingConfig.custom, [CITED_CUSTOM_KEY]: options },
      // A write whose COMMIT failed is a 503, not a 201 (see db/durableCommits.ts).
      db: incomingConfig.db && !options.disabled ? withDurableCommits(incomingConfig.db) : incomingConfig.db,
      // One error mapper for every route: what Payload would answer with a bare 500 but is the
      // caller's mistake (400) or the database being away (503). The host's hooks run after it.
      hooks: {
        ...incomingConfig.hooks,
        afterError: [...(options.disabled ? [] : [mapErrors]), ...(incomingConfig.hooks?.afterError ?? [])],
      },
      // Bounded GraphQL: complexity and depth limits; playground and introspection off in production.
      // The host's own settings win; its validation rules run next to ours. The review workflow's
      // mutations sit next to any mutations of the host.
      graphQL: {
        ...incomingConfig.graphQL,
        maxComplexity: incomingConfig.graphQL?.maxComplexity ?? options.graphQLMaxComplexity,
        disablePlaygroundInProduction: incomingConfig.graphQL?.disablePlaygroundInProduction ?? true,
        disableIntrospectionInProduction: incomingConfig.graphQL?.disableIntrospectionInProduction ?? true,
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
                ...(typeof hostAutoRun === 'function' ? await hostAutoRun(payload) : (hostAutoRun ?? [])),
                { cron: options.reviewExpiryCron, queue: REVIEW_QUEUE },
              ],
            }),
      },
      admin: {
        ...incomingConfig.admin,
        user: incomingConfig.admin?.user ?? USERS_SLUG,
        // The reviewers' queue at /admin/review and a link to it; a host view of the same name wins.
        components: options.disabled
          ? hostComponents
          : {
              ...hostComponents,
              afterNavLinks: [...(hostComponents.afterNavLinks ?? []), ADMIN_COMPONENTS.reviewNavLink],
              views: {
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
      // The admin's live evidence check (POST /api/cited/evidence-check).
      endpoints: options.disabled
        ? incomingConfig.endpoints
        : [...(incomingConfig.endpoints ?? []), evidenceCheckEndpoint],
      collections: [...existing, ...cited.filter((collection) => !existingSlugs.has(collection.slug))],
    }
  }

/** Demo mode: the users collection adds the demo accounts after the first admin signs up. */
function withDemoAccounts(collection: CollectionConfig): CollectionConfig {
  if (collection.slug !== USERS_SLUG) return collection
  const hooks = collection.hooks ?? {}
  return {
    ...collection,
    hooks: { ...hooks, afterChange: [...(hooks.afterChange ?? []), createDemoAccountsAfterFirstUser] },
  }
}
