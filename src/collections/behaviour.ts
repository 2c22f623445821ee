import type { CollectionConfig, Endpoint } from 'payload'

/** Hooks per hook name, each list in the order its hooks run. */
export type CollectionHooks = NonNullable<CollectionConfig['hooks']>

/**
 * What runs on one of Cited's collections — every hook, cross-cutting ones (input checks, evidence,
 * content graph, delivery) included, and every endpoint. Each collection folder exports its
 * schema from `index.ts` (fields, access, admin, versions: what stays when Cited is `disabled`)
 * and this from `behaviour.ts`; `plugin.ts` attaches it only when Cited is enabled.
 *
 * Per hook name, the hooks run in this order: `hooks`, then the hooks of the host's collection
 * (when Cited extends one), then an override's, then `lastHooks`.
 */
export interface CollectionBehaviour {
  /** Run before any hook of the host's collection or of an override. */
  hooks: CollectionHooks
  /**
   * Run after every other hook of their name: they shape what readers get (numbered references,
   * lean population, cache headers), whatever the host's hooks did to the document before.
   */
  lastHooks?: CollectionHooks
  /** Before the host's endpoints and an override's. */
  endpoints?: Endpoint[]
}
