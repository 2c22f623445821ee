import type { CollectionBeforeChangeHook } from 'payload'

import { forEachClaimRef } from '../../evidence/lexical'

/**
 * Reference numbers are derived on read and written into the claimRef inline blocks of rich text
 * (JSON, stored as sent). A client that saves what it read — the admin does — would store them:
 * they are removed before every save.
 */
export const stripReferenceNumbers: CollectionBeforeChangeHook = ({ data }) => {
  forEachClaimRef(data, (fields) => {
    delete fields.referenceNumbers
  })
  return data
}
