import type { CollectionBehaviour } from '../behaviour'

import { lockContentWrites } from '../../hooks/content/lockContentWrites'
import { preventDeletingShown } from '../../hooks/content/preventDeletingShown'
import { refreshShowingArticles } from '../../hooks/content/refreshPublicSets'
import { strictRouteIds } from '../../hooks/input/strictRouteIds'
import { validateShapes } from '../../hooks/input/validateShapes'
import { validateWhere } from '../../hooks/input/validateWhere'

/** What runs on media (schema: `index.ts`; order and attachment: `../behaviour.ts`). */
export const mediaBehaviour: CollectionBehaviour = {
  hooks: {
    beforeOperation: [strictRouteIds, validateWhere, validateShapes, lockContentWrites],
    // The public sets (and the `isPublic` flag) of the published articles that show it.
    afterChange: [refreshShowingArticles],
    // An image a published article shows stays.
    beforeDelete: [preventDeletingShown],
  },
}
