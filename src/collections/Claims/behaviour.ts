import type { CollectionBehaviour } from '../behaviour'

import { lockContentWrites } from '../../hooks/content/lockContentWrites'
import { preventDeletingCitedClaim } from '../../hooks/content/preventDeletingCitedClaim'
import { refreshShowingArticles } from '../../hooks/content/refreshPublicSets'
import { cacheHeaders } from '../../hooks/delivery/cacheHeaders'
import { publishedOnlyForAnonymous } from '../../hooks/delivery/publishedOnlyForAnonymous'
import { checkStatement } from '../../hooks/evidence/checkStatement'
import { strictRouteIds } from '../../hooks/input/strictRouteIds'
import { validateShapes } from '../../hooks/input/validateShapes'
import { validateWhere } from '../../hooks/input/validateWhere'
import { reviewGuardPublish } from '../../hooks/review/reviewGuardPublish'
import { reviewRecordInvalidation } from '../../hooks/review/reviewRecordInvalidation'
import { reviewTrackDraft } from '../../hooks/review/reviewTrackDraft'
import { claimReviewEndpoints } from './endpoints/reviewEndpoints'

/** What runs on claims (schema: `index.ts`; order and attachment: `../behaviour.ts`). */
export const claimsBehaviour: CollectionBehaviour = {
  hooks: {
    // Input checks, the public-set lock before any write, the published version for anonymous
    // readers, and publishing (approving) only through the review workflow.
    beforeOperation: [
      strictRouteIds,
      validateWhere,
      validateShapes,
      lockContentWrites,
      publishedOnlyForAnonymous,
      reviewGuardPublish,
    ],
    // The claim's own evidence, then the review state of the new draft.
    beforeChange: [checkStatement, reviewTrackDraft],
    // The public sets of the articles that show it, then the audit trail of an invalidated approval.
    afterChange: [refreshShowingArticles, reviewRecordInvalidation],
    // Cited claims and claims with a review history stay.
    beforeDelete: [preventDeletingCitedClaim],
  },
  lastHooks: {
    afterOperation: [cacheHeaders],
  },
  // Submit for review; approve, request changes, reject, renew.
  endpoints: claimReviewEndpoints,
}
