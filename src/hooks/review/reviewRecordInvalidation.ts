import type { CollectionAfterChangeHook } from 'payload'

import type { Claim } from '../../types/generated'

import { asWorkflow, isWorkflowWrite } from '../../review/context'
import { recordReviewEvent } from '../../review/events'
import { claimContentHash } from '../../review/hash'

/**
 * An approved (or expired) claim whose statement, statistics or sources were edited is back in
 * draft: records the `invalidated` event in the same transaction as the edit.
 */
export const reviewRecordInvalidation: CollectionAfterChangeHook<Claim> = async ({
  context,
  doc,
  operation,
  previousDoc,
  req,
}) => {
  if (operation !== 'update' || isWorkflowWrite(context)) {
    return doc
  }
  const was = previousDoc?.review?.status
  if ((was === 'approved' || was === 'expired') && doc.review?.status === 'draft') {
    await asWorkflow(req, 'invalidate', () =>
      recordReviewEvent(req, {
        action: 'invalidated',
        at: new Date(),
        claim: doc.id,
        hash: claimContentHash(doc),
        note: `Edited after it was ${was}; the ${was} version stays live until a reviewer approves the new draft.`,
      }),
    )
  }
  return doc
}
