/**
 * `/admin/review`: the reviewers' queue. Tabs "In review" (oldest first), "Expiring" (approval
 * ends within `notifications.expiryWarningDays`, the claims the expiry job warns about) and "Expired"; each claim with what changed since its last approved
 * version and the decision form. Only reviewers decide; everyone else sees why.
 */
import type { AdminViewServerProps } from 'payload'
import type { CSSProperties } from 'react'

import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import { redirect } from 'next/navigation'

import type { DiffPart } from '../claimDiff'
import type { QueueItem, QueueTab } from './queue'

import { expiringWithinDays } from '../../review/expiring'
import { hasRole } from '../../shared/roles'
import { ReviewStatusBadge } from '../components/StatusBadge'
import { DecisionForm } from './DecisionForm'
import { countQueue, isQueueTab, loadQueue, QUEUE_TABS, TAB_LABELS } from './queue'

const PART_STYLE: Record<DiffPart['op'], CSSProperties> = {
  added: { background: '#dcfce7', color: '#14532d', textDecoration: 'none' },
  removed: { background: '#fee2e2', color: '#7f1d1d', textDecoration: 'line-through' },
  same: {},
}

function InlineDiff({ parts }: { parts: DiffPart[] }) {
  return (
    <p style={{ fontSize: 15, lineHeight: 1.5, margin: 0 }}>
      {parts.map((part, index) =>
        part.op === 'added' ? (
          <ins key={index} style={PART_STYLE.added}>
            {part.text}
          </ins>
        ) : part.op === 'removed' ? (
          <del key={index} style={PART_STYLE.removed}>
            {part.text}
          </del>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </p>
  )
}

function LineDiff({ parts, empty }: { parts: DiffPart[]; empty: string }) {
  if (parts.length === 0) {
    return <p style={{ color: 'var(--theme-elevation-500)', fontSize: 13, margin: 0 }}>{empty}</p>
  }
  return (
    <ul style={{ fontSize: 13, listStyle: 'none', margin: 0, padding: 0 }}>
      {parts.map((part, index) => (
        <li
          key={index}
          data-diff={part.op}
          style={{ ...PART_STYLE[part.op], margin: '2px 0', padding: '2px 6px' }}
        >
          <span aria-hidden style={{ display: 'inline-block', fontFamily: 'monospace', width: 14 }}>
            {part.op === 'added' ? '+' : part.op === 'removed' ? '−' : ' '}
          </span>
          {part.op === 'added' ? <span className="sr-only">Added: </span> : null}
          {part.op === 'removed' ? <span className="sr-only">Removed: </span> : null}
          {part.text}
        </li>
      ))}
    </ul>
  )
}

const day = (iso: null | string): string => (iso ? iso.slice(0, 10) : '—')

function ClaimCard({
  item,
  tab,
  adminRoute,
}: {
  item: QueueItem
  tab: QueueTab
  adminRoute: string
}) {
  return (
    <article
      className="cited-queue__claim"
      data-claim-id={item.id}
      style={{
        border: '1px solid var(--theme-elevation-150)',
        borderRadius: 8,
        marginBottom: 20,
        padding: 16,
      }}
    >
      <header
        style={{
          alignItems: 'center',
          display: 'flex',
          flexWrap: 'wrap',
          gap: 8,
          justifyContent: 'space-between',
          marginBottom: 8,
        }}
      >
        <a href={`${adminRoute}/collections/claims/${item.id}`} style={{ fontWeight: 600 }}>
          Claim {item.id}
        </a>
        <span style={{ alignItems: 'center', display: 'flex', gap: 8 }}>
          <ReviewStatusBadge status={item.status} />
          <span style={{ color: 'var(--theme-elevation-600)', fontSize: 12 }}>
            {tab === 'in_review'
              ? `Submitted ${day(item.updatedAt)}`
              : `Re-review by ${day(item.reviewBy)}`}
          </span>
        </span>
      </header>
      <p style={{ color: 'var(--theme-elevation-600)', fontSize: 12, margin: '0 0 12px' }}>
        {item.editors.length > 0 ? `Written by ${item.editors.join(', ')} · ` : ''}
        {item.lastApproved
          ? `Compared with the version approved ${day(item.lastApproved.at)}${item.lastApproved.by ? ` by ${item.lastApproved.by}` : ''}`
          : 'New claim: never approved, everything is new'}
        {item.lastApproved && !item.diff.hasChanges ? ' · no changes' : ''}
      </p>

      <h4 style={{ fontSize: 13, margin: '0 0 4px' }}>Statement</h4>
      <InlineDiff parts={item.diff.statement} />
      <h4 style={{ fontSize: 13, margin: '12px 0 4px' }}>Statistics</h4>
      <LineDiff parts={item.diff.statistics} empty="No statistics." />
      <h4 style={{ fontSize: 13, margin: '12px 0 4px' }}>Sources</h4>
      <LineDiff parts={item.diff.sources} empty="No sources." />

      {item.note ? (
        <p style={{ fontSize: 13, marginTop: 12 }}>
          <strong>Last note:</strong> {item.note}
        </p>
      ) : null}
      <div
        style={{ borderTop: '1px solid var(--theme-elevation-100)', marginTop: 14, paddingTop: 12 }}
      >
        <DecisionForm
          claimId={item.id}
          decisions={tab === 'in_review' ? ['approve', 'request_changes', 'reject'] : ['renew']}
          isOwnDraft={item.isOwnDraft}
        />
      </div>
    </article>
  )
}

export async function ReviewQueueView({
  initPageResult,
  params,
  searchParams,
}: AdminViewServerProps) {
  const { permissions, req, visibleEntities, locale } = initPageResult
  const adminRoute = req.payload.config.routes.admin
  if (!req.user) {
    redirect(`${adminRoute}/login?redirect=${encodeURIComponent(`${adminRoute}/review`)}`)
  }

  const requested = searchParams?.tab
  const tab: QueueTab = isQueueTab(requested) ? requested : 'in_review'
  const isReviewer = hasRole(req.user, 'reviewer')
  const expiringDays = expiringWithinDays(req.payload)
  const [counts, items] = isReviewer
    ? await Promise.all([countQueue(req), loadQueue(req, tab)])
    : [null, []]

  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={req.payload}
      permissions={permissions}
      req={req}
      searchParams={searchParams}
      user={req.user}
      visibleEntities={visibleEntities}
    >
      <Gutter>
        <div className="cited-queue" style={{ maxWidth: 960, paddingBottom: 40, paddingTop: 24 }}>
          <h1 style={{ marginBottom: 4 }}>Review queue</h1>
          {!isReviewer ? (
            <p className="cited-queue__forbidden" role="alert" style={{ fontSize: 15 }}>
              The review queue is for reviewers. Your account does not have the reviewer role, so
              you can see the status of your claims in the Clinical claims list but cannot approve
              them. Ask an admin to add the reviewer role if you should review claims.
            </p>
          ) : (
            <>
              <p style={{ color: 'var(--theme-elevation-600)', marginTop: 0 }}>
                Approve, request changes or reject each claim; your password signs the decision.
                Approving publishes the claim. Expiring: approvals that end within {expiringDays}{' '}
                days.
              </p>
              <nav
                aria-label="Queue"
                style={{
                  borderBottom: '1px solid var(--theme-elevation-150)',
                  display: 'flex',
                  gap: 4,
                  margin: '16px 0 20px',
                }}
              >
                {QUEUE_TABS.map((name) => (
                  <a
                    key={name}
                    href={`${adminRoute}/review?tab=${name}`}
                    aria-current={name === tab ? 'page' : undefined}
                    style={{
                      borderBottom:
                        name === tab
                          ? '3px solid var(--theme-elevation-800)'
                          : '3px solid transparent',
                      color: 'inherit',
                      fontWeight: name === tab ? 700 : 400,
                      padding: '8px 12px',
                      textDecoration: 'none',
                    }}
                  >
                    {TAB_LABELS[name]} ({counts?.[name] ?? 0})
                  </a>
                ))}
              </nav>
              {items.length === 0 ? (
                <p className="cited-queue__empty">
                  {tab === 'in_review'
                    ? 'Nothing waits for review.'
                    : tab === 'expiring'
                      ? `No approval ends within ${expiringDays} days.`
                      : 'No expired claims.'}
                </p>
              ) : (
                items.map((item) => (
                  <ClaimCard key={item.id} item={item} tab={tab} adminRoute={adminRoute} />
                ))
              )}
            </>
          )}
        </div>
      </Gutter>
    </DefaultTemplate>
  )
}
