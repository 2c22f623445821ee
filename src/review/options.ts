import type { Payload } from 'payload'

import type { SanitizedCitedOptions } from '../options'

import { sanitizeOptions } from '../options'

/** Where the plugin keeps its sanitised options on the Payload config. */
export const CITED_CUSTOM_KEY = 'cited'

/** The plugin's options as `citedPlugin` sanitised them (defaults when the plugin is absent). */
export function citedOptions(payload: Payload): SanitizedCitedOptions {
  const stored = payload.config.custom?.[CITED_CUSTOM_KEY] as SanitizedCitedOptions | undefined
  return stored ?? sanitizeOptions()
}

const DAY_MS = 24 * 60 * 60 * 1000

/** The re-review date of an approval given now. */
export const reviewByFrom = (payload: Payload, now: Date): Date =>
  new Date(now.getTime() + citedOptions(payload).reviewIntervalDays * DAY_MS)
