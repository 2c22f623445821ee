import type { CollectionBeforeOperationHook } from 'payload'

import { isWorkflowWrite } from '../../review/context'
import { reviewError } from '../../review/errors'

export const PUBLISH_REFUSED =
  'Claims go live only through review: submit the claim (POST /api/claims/:id/submit) and a reviewer approves it, which publishes it.'

/**
 * Publishing a claim is approving it. Refuses every direct `_status: 'published'` write made for a
 * user (REST, GraphQL, the admin's Publish button, restoring a version) with 403, and turns their
 * other saves into drafts so the approved version stays live until a reviewer approves the new one.
 * Trusted server code (Local API with `overrideAccess`) and the workflow itself pass.
 */
export const reviewGuardPublish: CollectionBeforeOperationHook = ({
  args,
  context,
  operation,
  overrideAccess,
}) => {
  if (overrideAccess || isWorkflowWrite(context)) {
    return args
  }
  if (operation === 'create' || operation === 'update') {
    const data: unknown = args.data
    if (
      data &&
      typeof data === 'object' &&
      (data as { _status?: unknown })._status === 'published'
    ) {
      throw reviewError(PUBLISH_REFUSED, 403)
    }
    return operation === 'update' ? { ...args, draft: true } : args
  }
  if (operation === 'restoreVersion' && !args.draft) {
    throw reviewError(`${PUBLISH_REFUSED} Restore the version as a draft instead.`, 403)
  }
  return args
}
