import type { CollectionConfig, Config, Plugin } from 'payload'

import type { CitedPluginOptions } from './options.js'

import { AftercareTips } from './collections/AftercareTips/index.js'
import { Articles } from './collections/Articles/index.js'
import { Benefits } from './collections/Benefits/index.js'
import { Claims } from './collections/Claims/index.js'
import { ComparisonRows } from './collections/ComparisonRows/index.js'
import { createMedia } from './collections/Media/index.js'
import { ReviewEvents } from './collections/ReviewEvents/index.js'
import { USERS_SLUG } from './collections/slugs.js'
import { Sources } from './collections/Sources/index.js'
import { Users } from './collections/Users/index.js'
import { sanitizeOptions } from './options.js'

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
    const ours: CollectionConfig[] = [
      Users,
      createMedia(options.mediaDir),
      Sources,
      Claims,
      Benefits,
      AftercareTips,
      ComparisonRows,
      Articles,
      ReviewEvents,
    ]
    const existing = incomingConfig.collections ?? []
    const existingSlugs = new Set(existing.map((collection) => collection.slug))

    return {
      ...incomingConfig,
      admin: {
        ...incomingConfig.admin,
        user: incomingConfig.admin?.user ?? USERS_SLUG,
      },
      collections: [...existing, ...ours.filter((collection) => !existingSlugs.has(collection.slug))],
    }
  }
