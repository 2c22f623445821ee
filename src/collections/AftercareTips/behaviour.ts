import type { CollectionBehaviour } from '../behaviour'

import { lockContentWrites } from '../../hooks/content/lockContentWrites'
import { preventDeletingShown } from '../../hooks/content/preventDeletingShown'
import { refreshShowingArticles } from '../../hooks/content/refreshPublicSets'
import { checkEvidence } from '../../hooks/evidence/checkEvidence'
import { strictRouteIds } from '../../hooks/input/strictRouteIds'
import { validateShapes } from '../../hooks/input/validateShapes'
import { validateWhere } from '../../hooks/input/validateWhere'

/** What runs on aftercare tips (schema: `index.ts`; order and attachment: `../behaviour.ts`). */
export const aftercareTipsBehaviour: CollectionBehaviour = {
  hooks: {
    beforeOperation: [strictRouteIds, validateWhere, validateShapes, lockContentWrites],
    // The evidence rules (refusing when a published article shows the tip).
    beforeChange: [checkEvidence],
    // The public sets of the published articles that show it (an edit they cannot show is refused).
    afterChange: [refreshShowingArticles],
    // A tip a published article shows stays.
    beforeDelete: [preventDeletingShown],
  },
}
