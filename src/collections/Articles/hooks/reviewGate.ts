import type { CollectionBeforeChangeHook } from 'payload'

import type { Article } from '../../../../payload-types'

import { relationIds } from '../../../review/ids'
import { citedOptions } from '../../../review/options'
import { assertClaimsApproved } from '../../../review/publishGate'
import { expandReferences } from '../../../review/publicReferences'
import { collectReferences } from '../../../review/references'

/**
 * Publish gate: an article goes live only when every claim it shows — in blocks, claimRefs,
 * comparison cells, chart points and the benefits it presents — has an approved, unexpired version.
 * The evidence check, which runs first, has already gathered those claims into `evidence.claims`;
 * they are gathered here only when it did not run.
 */
export const reviewGate: CollectionBeforeChangeHook<Article> = async ({ data, req }) => {
  if (data._status !== 'published' || citedOptions(req.payload).disabled) return data
  const recorded = data.evidence?.claims
  const claims = Array.isArray(recorded)
    ? relationIds(recorded)
    : (await expandReferences(collectReferences(data), req)).claims
  await assertClaimsApproved(claims, req)
  return data
}
