import type { CollectionBehaviour } from '../behaviour'

import { strictRouteIds } from '../../hooks/input/strictRouteIds'
import { validateShapes } from '../../hooks/input/validateShapes'
import { validateWhere } from '../../hooks/input/validateWhere'

/**
 * What runs on the published snapshots (schema: `index.ts`; order and attachment:
 * `../behaviour.ts`): only the input checks. `content/snapshots.ts` writes them, inside the writes
 * that move them.
 */
export const snapshotsBehaviour: CollectionBehaviour = {
  hooks: {
    beforeOperation: [strictRouteIds, validateWhere, validateShapes],
  },
}
