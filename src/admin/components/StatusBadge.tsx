'use client'
import type { CSSProperties, ReactNode } from 'react'

export type BadgeTone = 'danger' | 'info' | 'neutral' | 'success' | 'warning'

const TONES: Record<BadgeTone, CSSProperties> = {
  neutral: { background: 'var(--theme-elevation-100)', color: 'var(--theme-elevation-800)' },
  info: { background: '#dbeafe', color: '#1e3a8a' },
  success: { background: '#dcfce7', color: '#14532d' },
  warning: { background: '#fef3c7', color: '#78350f' },
  danger: { background: '#fee2e2', color: '#7f1d1d' },
}

/** A small coloured label: a review status, a publish state, a count of problems. */
export function Badge({
  tone,
  children,
  title,
}: {
  tone: BadgeTone
  children: ReactNode
  title?: string
}) {
  return (
    <span
      className={`cited-badge cited-badge--${tone}`}
      title={title}
      style={{
        ...TONES[tone],
        borderRadius: 999,
        display: 'inline-block',
        fontSize: 12,
        fontWeight: 600,
        lineHeight: '18px',
        padding: '1px 8px',
        whiteSpace: 'nowrap',
      }}
    >
      {children}
    </span>
  )
}

export const REVIEW_STATUS_BADGES: Record<string, { label: string; tone: BadgeTone }> = {
  draft: { label: 'Draft', tone: 'neutral' },
  in_review: { label: 'In review', tone: 'info' },
  changes_requested: { label: 'Changes requested', tone: 'warning' },
  approved: { label: 'Approved', tone: 'success' },
  rejected: { label: 'Rejected', tone: 'danger' },
  expired: { label: 'Expired', tone: 'danger' },
}

/** The review status of a claim as a badge. */
export function ReviewStatusBadge({ status }: { status: null | string | undefined }) {
  const badge = REVIEW_STATUS_BADGES[status ?? 'draft'] ?? {
    label: String(status),
    tone: 'neutral' as const,
  }
  return (
    <Badge tone={badge.tone}>
      <span data-review-status={status ?? 'draft'}>{badge.label}</span>
    </Badge>
  )
}
