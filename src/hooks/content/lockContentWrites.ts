import type { CollectionBeforeOperationHook } from 'payload'

import { lockPublicSets } from '../../shared/transaction'

const WRITES = new Set(['create', 'delete', 'restoreVersion', 'update'])

/**
 * Every write to content a published article can show takes the public-set lock first, before
 * it touches any row: writers that move the stored sets run one after another and never wait on
 * each other's rows while holding it (no deadlock). Reads never take it.
 */
export const lockContentWrites: CollectionBeforeOperationHook = async ({
  args,
  operation,
  req,
}) => {
  if (WRITES.has(operation)) {
    await lockPublicSets(req)
  }
  return args
}
