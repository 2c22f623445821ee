/**
 * Build only (tsconfig.build.json): while `npm run build:plugin` compiles the package without the
 * app's payload-types.ts, Payload's Local API is typed by Cited's own collections (generated.ts).
 * Never shipped: a package must not retype its host's Payload — in a host, the same generics
 * resolve to the host's own generated types, which hold Cited's collections. tsconfig.json
 * excludes this file (payload-types.ts does the same for the app there).
 */
import type { Config } from './generated'

declare module 'payload' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- an augmentation merges into Payload's interface, so it must be one (as payload-types.ts does)
  export interface GeneratedTypes extends Config {}
}
