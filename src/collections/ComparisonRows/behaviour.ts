import type { CollectionBehaviour } from '../behaviour'

import { lockContentWrites } from '../../hooks/content/lockContentWrites'
import { preventDeletingShown } from '../../hooks/content/preventDeletingShown'
import { refreshShowingArticles } from '../../hooks/content/refreshPublicSets'
import { annotateFromArticle } from '../../hooks/delivery/referenceNumbersContext'
import { checkEvidence } from '../../hooks/evidence/checkEvidence'
import { strictRouteIds } from '../../hooks/input/strictRouteIds'
import { validateShapes } from '../../hooks/input/validateShapes'
import { validateWhere } from '../../hooks/input/validateWhere'

/** What runs on comparison rows (schema: `index.ts`; order and attachment: `../behaviour.ts`). */
export const comparisonRowsBehaviour: CollectionBehaviour = {
  hooks: {
    beforeOperation: [strictRouteIds, validateWhere, validateShapes, lockContentWrites],
    // The evidence rules, cell by cell (refusing when a published article shows the row).
    beforeChange: [checkEvidence],
    // The public sets of the published articles that show it (an edit they cannot show is refused).
    afterChange: [refreshShowingArticles],
    // A row a published article shows stays.
    beforeDelete: [preventDeletingShown],
  },
  lastHooks: {
    // Read inside an article: each cell carries the article's reference numbers of its claim.
    afterRead: [annotateFromArticle],
  },
}
