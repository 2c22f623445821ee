import type { CollectionBeforeChangeHook, CollectionBeforeDeleteHook } from 'payload'

import type { ReviewEvent } from '../../types/generated'

import { isWorkflowWrite } from '../../review/context'
import { reviewError } from '../../review/errors'

/**
 * The audit trail is append-only: events are created by the review workflow only, and never
 * changed — not even by server code that bypasses access control.
 */
export const reviewEventsAppendOnly: CollectionBeforeChangeHook<ReviewEvent> = ({
  context,
  data,
  operation,
}) => {
  if (operation === 'update') {
    throw reviewError('Review events cannot be changed; the audit trail is append-only.', 403)
  }
  if (!isWorkflowWrite(context)) {
    throw reviewError('Review events are recorded by the review workflow only.', 403)
  }
  return data
}

export const reviewEventsNeverDeleted: CollectionBeforeDeleteHook = () => {
  throw reviewError('Review events cannot be deleted; the audit trail is append-only.', 403)
}
