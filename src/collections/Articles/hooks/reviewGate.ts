import type { CollectionBeforeChangeHook } from 'payload'

import type { Article } from '../../../../payload-types'

import { citedOptions } from '../../../review/options'
import { assertClaimsApproved } from '../../../review/publishGate'
import { expandReferences } from '../../../review/publicReferences'
import { collectReferences } from '../../../review/references'

/**
 * Publish gate: an article goes live only when every claim it shows — in blocks, claimRefs,
 * comparison cells, chart points and the benefits it presents — has an approved, unexpired version.
 */
export const reviewGate: CollectionBeforeChangeHook<Article> = async ({ data, req }) => {
  if (data._status !== 'published' || citedOptions(req.payload).disabled) return data
  const refs = await expandReferences(collectReferences(data), req)
  await assertClaimsApproved(refs.claims, req)
  return data
}
