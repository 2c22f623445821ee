import type { CollectionBehaviour } from '../behaviour'

import { lockContentWrites } from '../../hooks/content/lockContentWrites'
import { preventDeletingShown } from '../../hooks/content/preventDeletingShown'
import { refreshShowingArticles } from '../../hooks/content/refreshPublicSets'
import { annotateFromArticle } from '../../hooks/delivery/referenceNumbersContext'
import { stripReferenceNumbers } from '../../hooks/delivery/stripReferenceNumbers'
import { checkEvidence } from '../../hooks/evidence/checkEvidence'
import { strictRouteIds } from '../../hooks/input/strictRouteIds'
import { validateShapes } from '../../hooks/input/validateShapes'
import { validateWhere } from '../../hooks/input/validateWhere'

/** What runs on benefits (schema: `index.ts`; order and attachment: `../behaviour.ts`). */
export const benefitsBehaviour: CollectionBehaviour = {
  hooks: {
    beforeOperation: [strictRouteIds, validateWhere, validateShapes, lockContentWrites],
    // Reference numbers are derived, never stored; then the evidence rules (refusing when a
    // published article shows the benefit).
    beforeChange: [stripReferenceNumbers, checkEvidence],
    // The public sets of the published articles that show it (an edit they cannot show is refused).
    afterChange: [refreshShowingArticles],
    // A benefit a published article shows stays.
    beforeDelete: [preventDeletingShown],
  },
  lastHooks: {
    // Read inside an article: its claimRefs carry the article's reference numbers.
    afterRead: [annotateFromArticle],
  },
}
