'use client'
/**
 * The editor's evidence panel (sidebar of articles, benefits and claims): which statistics still
 * need a cited claim, where they are, and the review status of every claim the document relies
 * on — recomputed from the form as the editor types, so what would block publishing is visible
 * before pressing Publish. Falls back to the result of the last save when the live check fails.
 */
import type { UIFieldClientComponent } from 'payload'

import {
  useAllFormFields,
  useAuth,
  useConfig,
  useDocumentInfo,
  useFormModified,
} from '@payloadcms/ui'
import { reduceFieldsToValues } from 'payload/shared'
import { useEffect, useMemo, useState } from 'react'

import type { EvidenceIssue } from '../../content/checks'
import type { SuggestedClaim } from '../../content/suggest'
import type { EvidenceTarget } from '../../content/suggestTargets'
import type { CitedClaimStatus, EvidenceCheckResult } from '../evidenceCheck'
import type { AskedTarget } from './suggestionState'

import { Badge, ReviewStatusBadge } from './StatusBadge'
import { SuggestedClaims, useSuggestions } from './SuggestedClaims'
import { targetKey } from './suggestionState'

const DEBOUNCE_MS = 700
const CLAIMS = 'claims'

type Values = Record<string, unknown>

const REASONS: Record<EvidenceIssue['reason'], string> = {
  uncovered: 'No claim',
  mismatch: 'Wrong number',
  uncited: 'No source',
}

const EXPLAIN: Record<EvidenceIssue['reason'], string> = {
  uncovered:
    'Cite a claim that states this number in the same sentence (Claim reference), or remove the number.',
  mismatch: '',
  uncited: 'Its claim cites no source for this number yet: add the source to the claim.',
}

const isIssue = (value: unknown): value is EvidenceIssue =>
  typeof value === 'object' && value !== null && 'message' in value && 'path' in value

interface Suggesting {
  adminRoute: string
  api: string
  isLoading: boolean
  /** By the statistic itself (field path and target), never by its position in the list. */
  suggestionsOf: (fieldPath: string, target: EvidenceTarget) => SuggestedClaim[] | undefined
  targets: readonly (EvidenceTarget | null)[]
}

function IssueList({
  issues,
  isVerbose,
  suggesting,
}: {
  issues: EvidenceIssue[]
  isVerbose: boolean
  /** With the live check: the claims suggested for each issue and the one-click actions. */
  suggesting?: Suggesting
}) {
  return (
    <ul className="cited-evidence__issues" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {issues.map((issue, index) => {
        const target = suggesting?.targets[index]
        return (
          <li
            key={`${issue.fieldPath}-${issue.text}-${index}`}
            className="cited-evidence__issue"
            style={{
              borderLeft: '3px solid #dc2626',
              margin: '0 0 10px',
              padding: '2px 0 2px 10px',
            }}
          >
            <div
              style={{
                alignItems: 'center',
                display: 'flex',
                gap: 6,
                justifyContent: 'space-between',
              }}
            >
              <strong style={{ fontSize: 13 }}>“{issue.text}”</strong>
              <Badge tone="danger">{REASONS[issue.reason] ?? issue.reason}</Badge>
            </div>
            <div
              className="cited-evidence__path"
              style={{ color: 'var(--theme-elevation-600)', fontSize: 12 }}
            >
              {issue.path}
            </div>
            <div style={{ fontSize: 13 }}>
              {isVerbose || issue.reason === 'mismatch' ? issue.message : EXPLAIN[issue.reason]}
            </div>
            {suggesting && target ? (
              <SuggestedClaims
                key={targetKey(issue.fieldPath, target)}
                adminRoute={suggesting.adminRoute}
                api={suggesting.api}
                index={index}
                isLoading={suggesting.isLoading}
                suggestions={suggesting.suggestionsOf(issue.fieldPath, target)}
                target={target}
              />
            ) : null}
          </li>
        )
      })}
    </ul>
  )
}

function ClaimList({ claims, adminRoute }: { claims: CitedClaimStatus[]; adminRoute: string }) {
  if (claims.length === 0) {
    return <p style={{ color: 'var(--theme-elevation-600)', fontSize: 13 }}>No claims cited yet.</p>
  }
  return (
    <ul className="cited-evidence__claims" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {claims.map((claim) => (
        <li key={String(claim.id)} className="cited-evidence__claim" style={{ margin: '0 0 10px' }}>
          <div
            style={{
              alignItems: 'flex-start',
              display: 'flex',
              gap: 6,
              justifyContent: 'space-between',
            }}
          >
            <a href={`${adminRoute}/collections/${CLAIMS}/${claim.id}`} style={{ fontSize: 13 }}>
              {claim.statement.length > 90 ? `${claim.statement.slice(0, 87)}…` : claim.statement}
            </a>
            <ReviewStatusBadge status={claim.status} />
          </div>
          {claim.problem ? (
            <div style={{ color: '#b91c1c', fontSize: 12 }}>{claim.problem}</div>
          ) : (
            <div style={{ color: 'var(--theme-elevation-600)', fontSize: 12 }}>
              Approved version live
              {claim.reviewBy ? ` · re-review by ${claim.reviewBy.slice(0, 10)}` : ''}
            </div>
          )}
        </li>
      ))}
    </ul>
  )
}

function SubmitForReview({
  id,
  status,
  apiRoute,
}: {
  id: number | string
  status: string
  apiRoute: string
}) {
  const { user } = useAuth()
  const isModified = useFormModified()
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)
  const [isBusy, setBusy] = useState(false)
  const roles: unknown = user && 'roles' in user ? user.roles : []
  const isEditor = Array.isArray(roles) && (roles.includes('editor') || roles.includes('admin'))
  if (!isEditor || !['draft', 'changes_requested', 'rejected'].includes(status)) {
    return null
  }

  const submit = async () => {
    setBusy(true)
    setMessage(null)
    try {
      const response = await fetch(`${apiRoute}/${CLAIMS}/${id}/submit`, {
        method: 'POST',
        credentials: 'include',
      })
      const body = (await response.json()) as { message?: string; errors?: { message: string }[] }
      if (!response.ok) {
        setMessage({
          ok: false,
          text: body.errors?.[0]?.message ?? 'The claim could not be submitted.',
        })
        return
      }
      setMessage({ ok: true, text: 'Submitted: the claim is now in review.' })
      window.location.reload()
    } finally {
      setBusy(false)
    }
  }

  return (
    <div style={{ marginTop: 8 }}>
      <button
        type="button"
        className="btn btn--style-primary btn--size-small cited-submit-for-review"
        disabled={isBusy || isModified}
        onClick={submit}
        style={{ margin: 0 }}
      >
        Submit for review
      </button>
      {isModified ? (
        <div style={{ color: 'var(--theme-elevation-600)', fontSize: 12, marginTop: 4 }}>
          Save the draft first: the saved draft is what reviewers see.
        </div>
      ) : null}
      {message ? (
        <div
          role="status"
          style={{ color: message.ok ? '#15803d' : '#b91c1c', fontSize: 13, marginTop: 4 }}
        >
          {message.text}
        </div>
      ) : null}
    </div>
  )
}

/** The `ui` field that renders the panel. */
export const EvidencePanel: UIFieldClientComponent = () => {
  const [fields] = useAllFormFields()
  const { collectionSlug, id, savedDocumentData } = useDocumentInfo()
  const {
    config: {
      routes: { admin: adminRoute, api: apiRoute },
      serverURL,
    },
  } = useConfig()
  const api = `${serverURL ?? ''}${apiRoute}`

  const values = useMemo(() => reduceFieldsToValues(fields, true) as Values, [fields])
  const { evidence: savedEvidence, review, ...data } = values
  const payload = useMemo(
    () => JSON.stringify({ collection: collectionSlug, data }),
    [collectionSlug, data],
  )

  const [live, setLive] = useState<EvidenceCheckResult | null>(null)
  const [isChecking, setChecking] = useState(false)
  const [failure, setFailure] = useState<null | string>(null)

  useEffect(() => {
    if (!collectionSlug) {
      return
    }
    const controller = new AbortController()
    const timer = setTimeout(async () => {
      setChecking(true)
      try {
        const response = await fetch(`${api}/cited/evidence-check`, {
          method: 'POST',
          credentials: 'include',
          headers: { 'Content-Type': 'application/json' },
          body: payload,
          signal: controller.signal,
        })
        if (!response.ok) {
          throw new Error(`HTTP ${response.status}`)
        }
        setLive((await response.json()) as EvidenceCheckResult)
        setFailure(null)
      } catch (error) {
        if (!controller.signal.aborted) {
          setFailure(error instanceof Error ? error.message : 'failed')
        }
      } finally {
        if (!controller.signal.aborted) {
          setChecking(false)
        }
      }
    }, DEBOUNCE_MS)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [api, collectionSlug, payload])

  const saved = (savedEvidence ?? savedDocumentData?.evidence ?? {}) as {
    uncovered?: unknown
    checkedAt?: unknown
  }
  const savedIssues = Array.isArray(saved.uncovered) ? saved.uncovered.filter(isIssue) : []
  const issues = live ? live.issues : savedIssues
  const claims = live?.claims ?? []
  const blockingClaims = claims.filter((claim) => !claim.isLive)
  const isClaim = collectionSlug === CLAIMS
  const reviewGroup = (review ?? {}) as { status?: unknown; note?: unknown }
  const reviewStatus = typeof reviewGroup.status === 'string' ? reviewGroup.status : 'draft'
  const isReady = issues.length === 0 && blockingClaims.length === 0
  const targets = live?.targets
  const asked = useMemo<AskedTarget[]>(
    () =>
      live
        ? live.issues.flatMap((issue, index) => {
            const target = live.targets[index]
            return target ? [{ fieldPath: issue.fieldPath, target }] : []
          })
        : [],
    [live],
  )
  const { isLoading: isSuggesting, suggestionsOf } = useSuggestions(api, asked)

  return (
    <div
      className="cited-evidence"
      data-testid="evidence-panel"
      data-state={live ? 'live' : 'saved'}
      style={{
        border: `1px solid ${isReady ? '#86efac' : '#fca5a5'}`,
        borderRadius: 6,
        marginBottom: 24,
        padding: 12,
      }}
    >
      <div
        style={{
          alignItems: 'center',
          display: 'flex',
          justifyContent: 'space-between',
          marginBottom: 8,
        }}
      >
        <strong style={{ fontSize: 15 }}>Evidence</strong>
        {isChecking ? (
          <span style={{ color: 'var(--theme-elevation-500)', fontSize: 12 }}>checking…</span>
        ) : null}
      </div>

      {isClaim ? (
        <div style={{ marginBottom: 10 }}>
          <div style={{ alignItems: 'center', display: 'flex', gap: 6 }}>
            <span style={{ fontSize: 13 }}>Review:</span>
            <ReviewStatusBadge status={reviewStatus} />
          </div>
          {typeof reviewGroup.note === 'string' && reviewGroup.note ? (
            <div style={{ fontSize: 12, marginTop: 4 }}>Reviewer’s note: {reviewGroup.note}</div>
          ) : null}
          {id !== undefined && id !== null ? (
            <SubmitForReview id={id} status={reviewStatus} apiRoute={api} />
          ) : null}
        </div>
      ) : null}

      <p
        className="cited-evidence__summary"
        data-ready={!live && !failure ? 'pending' : isReady ? 'true' : 'false'}
        style={{
          color: isReady ? '#15803d' : '#b91c1c',
          fontSize: 13,
          fontWeight: 600,
          margin: '0 0 8px',
        }}
      >
        {isReady
          ? isClaim
            ? 'Every statistic is stated and has a source.'
            : 'Ready to publish: every statistic is tied to an approved claim.'
          : [
              issues.length > 0
                ? `${issues.length} ${issues.length === 1 ? 'statistic needs' : 'statistics need'} a cited claim`
                : null,
              blockingClaims.length > 0
                ? `${blockingClaims.length} ${blockingClaims.length === 1 ? 'claim is' : 'claims are'} not approved`
                : null,
            ]
              .filter(Boolean)
              .join(' · ') + (isClaim ? '.' : ' — publishing is blocked.')}
      </p>

      {issues.length > 0 ? (
        <IssueList
          issues={issues}
          isVerbose={isClaim}
          suggesting={
            targets
              ? { adminRoute, api, isLoading: isSuggesting, suggestionsOf, targets }
              : undefined
          }
        />
      ) : null}

      {!isClaim ? (
        <>
          <div style={{ fontSize: 13, fontWeight: 600, margin: '12px 0 6px' }}>Claims cited</div>
          {live ? <ClaimList claims={claims} adminRoute={adminRoute} /> : null}
        </>
      ) : null}

      {!live && failure ? (
        <p style={{ color: 'var(--theme-elevation-600)', fontSize: 12 }}>
          Live check unavailable ({failure}); showing the result of the last save
          {typeof saved.checkedAt === 'string'
            ? ` (${saved.checkedAt.slice(0, 16).replace('T', ' ')})`
            : ''}
          .
        </p>
      ) : null}
    </div>
  )
}
