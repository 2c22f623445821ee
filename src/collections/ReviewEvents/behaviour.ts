import type { CollectionBehaviour } from '../behaviour'

import { strictRouteIds } from '../../hooks/input/strictRouteIds'
import { validateShapes } from '../../hooks/input/validateShapes'
import { validateWhere } from '../../hooks/input/validateWhere'
import {
  reviewEventsAppendOnly,
  reviewEventsNeverDeleted,
} from '../../hooks/review/reviewEventsAppendOnly'
import { reviewEventsExportEndpoint } from './endpoints/exportCsv'

/** What runs on review events (schema: `index.ts`; order and attachment: `../behaviour.ts`). */
export const reviewEventsBehaviour: CollectionBehaviour = {
  hooks: {
    beforeOperation: [strictRouteIds, validateWhere, validateShapes],
    // Append-only: only the review workflow creates events; nobody updates or deletes one.
    beforeChange: [reviewEventsAppendOnly],
    beforeDelete: [reviewEventsNeverDeleted],
  },
  // The audit trail as CSV.
  endpoints: [reviewEventsExportEndpoint],
}
