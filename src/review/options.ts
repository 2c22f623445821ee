import type { Payload } from 'payload'

import type { USERS_SLUG } from '../collections/slugs'
import type { SanitizedCitedOptions } from '../options'

import { sanitizeOptions } from '../options'

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

const DAY_MS = 24 * 60 * 60 * 1000

/** The re-review date of an approval given now. */
export const reviewByFrom = (payload: Payload, now: Date): Date =>
  new Date(now.getTime() + citedOptions(payload).reviewIntervalDays * DAY_MS)
