import type { CollectionBeforeChangeHook } from 'payload'

import { claimStatementIssues } from '../../content/claimStatement'
import { refuse } from './refuse'

/**
 * A claim's own evidence: every statistic in its statement must be one of its statistic rows,
 * and it cannot leave draft (be published, i.e. approved) while a row has no source.
 * Saving a draft records the problems in `evidence`; leaving draft refuses them
 * (`content/claimStatement.ts`).
 */
export const checkStatement: CollectionBeforeChangeHook = ({
  collection,
  data,
  originalDoc,
  req,
}) => {
  const merged = { ...(originalDoc ?? {}), ...data }
  const issues = claimStatementIssues(merged)
  if (data._status === 'published' && issues.length > 0) {
    refuse(collection.slug, issues, req)
  }
  return {
    ...data,
    evidence: {
      ...(typeof data.evidence === 'object' && data.evidence ? data.evidence : {}),
      uncoveredCount: issues.length,
      uncovered: issues,
      checkedAt: new Date().toISOString(),
    },
  }
}
