import type { CollectionBeforeChangeHook } from 'payload'

import type { Claim } from '../../types/generated'

import { isWorkflowWrite } from '../../review/context'
import { claimContentHash } from '../../review/hash'
import { relationIds } from '../../shared/ids'

/** A draft editor as stored (depth 0): the user's id. */
type DraftEditor = Extract<NonNullable<Claim['review']['draftEditors']>[number], number | string>

/**
 * Keeps the review state honest on every save that is not the workflow's:
 * - a new claim starts as a draft, whatever the request said;
 * - whoever creates or edits the draft is recorded in `review.draftEditors` (four eyes);
 * - changing the statement, a statistic or a source of a claim that is not a plain draft sends it
 *   back to draft; after an approval (or expiry) this starts a new draft cycle.
 */
export const reviewTrackDraft: CollectionBeforeChangeHook<Claim> = ({
  context,
  data,
  operation,
  originalDoc,
  req,
}) => {
  if (isWorkflowWrite(context)) {
    return data
  }
  const userId = req.user?.id

  if (operation === 'create' || !originalDoc) {
    return {
      ...data,
      _status: 'draft',
      review: { status: 'draft', draftEditors: userId === undefined ? [] : [userId] },
    }
  }

  const before = originalDoc.review ?? { status: 'draft' }
  const hasContentChanged = claimContentHash(data) !== claimContentHash(originalDoc)
  const isNewCycle =
    hasContentChanged && (before.status === 'approved' || before.status === 'expired')
  const editors: DraftEditor[] = isNewCycle
    ? []
    : (relationIds(before.draftEditors) as DraftEditor[])
  if (userId !== undefined && !editors.some((id) => String(id) === String(userId))) {
    editors.push(userId)
  }

  return {
    ...data,
    review: {
      ...before,
      ...data.review,
      status: hasContentChanged && before.status !== 'draft' ? 'draft' : before.status,
      draftEditors: editors,
    },
  }
}
