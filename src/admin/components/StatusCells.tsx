'use client'
import type { DefaultCellComponentProps } from 'payload'

import { Badge, ReviewStatusBadge } from './StatusBadge'

/** List-view cell of a claim's `review.status`. */
export function ClaimStatusCell({ cellData }: DefaultCellComponentProps) {
  return <ReviewStatusBadge status={typeof cellData === 'string' ? cellData : undefined} />
}

const numberOf = (value: unknown): number => (typeof value === 'number' ? value : 0)

/**
 * List-view cell of an article's state: published or draft (and unpublished changes), plus the
 * number of statistics that still block publishing.
 */
export function ArticleStatusCell({ rowData }: DefaultCellComponentProps) {
  const status = rowData._status === 'published' ? 'published' : 'draft'
  const evidence = rowData.evidence as { uncoveredCount?: unknown } | null | undefined
  const uncovered = numberOf(evidence?.uncoveredCount)
  return (
    <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 4 }} data-article-status={status}>
      <Badge tone={status === 'published' ? 'success' : 'neutral'}>
        {status === 'published' ? 'Published' : 'Draft'}
      </Badge>
      {uncovered > 0 ? (
        <Badge
          tone="danger"
          title="Statistics without a cited claim: publishing is refused until they are cited."
        >
          {uncovered} uncited
        </Badge>
      ) : (
        <Badge tone="success" title="Every statistic is tied to a cited claim.">
          Evidence OK
        </Badge>
      )}
    </span>
  )
}
