import type { CollectionBehaviour } from '../behaviour'

import { lockContentWrites } from '../../hooks/content/lockContentWrites'
import { refreshArticleSet, removeArticleSet } from '../../hooks/content/refreshPublicSets'
import { addReferences } from '../../hooks/delivery/addReferences'
import { cacheHeaders } from '../../hooks/delivery/cacheHeaders'
import { leanPopulate } from '../../hooks/delivery/leanPopulate'
import { publishedOnlyForAnonymous } from '../../hooks/delivery/publishedOnlyForAnonymous'
import { stripReferenceNumbers } from '../../hooks/delivery/stripReferenceNumbers'
import { checkEvidence } from '../../hooks/evidence/checkEvidence'
import { strictRouteIds } from '../../hooks/input/strictRouteIds'
import { validateShapes } from '../../hooks/input/validateShapes'
import { validateWhere } from '../../hooks/input/validateWhere'
import { publishedArticleEndpoint } from './endpoints/published'

/** What runs on articles (schema: `index.ts`; order and attachment: `../behaviour.ts`). */
export const articlesBehaviour: CollectionBehaviour = {
  hooks: {
    // Input checks, then the public-set lock before any write; anonymous readers get the published version.
    beforeOperation: [
      strictRouteIds,
      validateWhere,
      validateShapes,
      lockContentWrites,
      publishedOnlyForAnonymous,
    ],
    // Reference numbers are derived, never stored; then the evidence rules and the publish gate.
    beforeChange: [stripReferenceNumbers, checkEvidence],
    // What the article makes public, refreshed in the same transaction.
    afterChange: [refreshArticleSet],
    afterDelete: [removeArticleSet],
  },
  lastHooks: {
    afterRead: [addReferences, leanPopulate],
    afterOperation: [cacheHeaders],
  },
  // The frontend's page read, from the published snapshot.
  endpoints: [publishedArticleEndpoint],
}
