'use client'
/**
 * A reviewer's decision on one claim: a note, then the decision, then a password prompt that
 * signs it — sent to `POST /api/claims/:id/review`.
 */
import { useConfig } from '@payloadcms/ui'
import { useState } from 'react'

type Decision = 'approve' | 'reject' | 'renew' | 'request_changes'

const LABELS: Record<Decision, string> = {
  approve: 'Approve',
  request_changes: 'Request changes',
  reject: 'Reject',
  renew: 'Renew approval',
}

const BUTTON_STYLE: Record<Decision, string> = {
  approve: 'btn--style-primary',
  renew: 'btn--style-primary',
  request_changes: 'btn--style-secondary',
  reject: 'btn--style-secondary',
}

export function DecisionForm({
  claimId,
  decisions,
  isOwnDraft,
}: {
  claimId: number | string
  decisions: Decision[]
  isOwnDraft: boolean
}) {
  const {
    config: {
      routes: { api },
      serverURL,
    },
  } = useConfig()
  const [note, setNote] = useState('')
  const [password, setPassword] = useState('')
  const [pending, setPending] = useState<Decision | null>(null)
  const [isBusy, setBusy] = useState(false)
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null)
  // Once decided, the card stays (with the outcome) until the queue is reloaded.
  const [isDecided, setDecided] = useState(false)

  const sign = async () => {
    if (!pending) {
      return
    }
    setBusy(true)
    setResult(null)
    try {
      const response = await fetch(`${serverURL ?? ''}${api}/claims/${claimId}/review`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ decision: pending, note, password }),
      })
      const body = (await response.json()) as { message?: string; errors?: { message: string }[] }
      if (!response.ok) {
        setResult({
          ok: false,
          text:
            body.errors?.[0]?.message ?? `The decision was not recorded (HTTP ${response.status}).`,
        })
        return
      }
      setResult({ ok: true, text: body.message ?? 'Decision recorded.' })
      setPending(null)
      setPassword('')
      setDecided(true)
    } finally {
      setBusy(false)
    }
  }

  const idFor = (name: string) => `cited-review-${claimId}-${name}`

  return (
    <div className="cited-decision" data-claim-id={String(claimId)}>
      {isOwnDraft ? (
        <p style={{ color: '#92400e', fontSize: 13 }}>
          You created or edited this draft, so a different reviewer must approve it (four eyes).
        </p>
      ) : null}
      <label
        id={idFor('note-label')}
        htmlFor={idFor('note')}
        style={{ display: 'block', fontSize: 13, fontWeight: 600, marginBottom: 4 }}
      >
        Note to the editor{' '}
        {decisions.includes('approve') ? '(required to request changes or reject)' : ''}
      </label>
      <textarea
        id={idFor('note')}
        aria-labelledby={idFor('note-label')}
        name="note"
        value={note}
        onChange={(event) => setNote(event.target.value)}
        rows={2}
        style={{ boxSizing: 'border-box', font: 'inherit', padding: 8, width: '100%' }}
      />
      <div style={{ display: isDecided ? 'none' : 'flex', flexWrap: 'wrap', gap: 8, marginTop: 8 }}>
        {decisions.map((decision) => (
          <button
            key={decision}
            type="button"
            data-decision={decision}
            className={`btn ${BUTTON_STYLE[decision]} btn--size-small`}
            style={{ margin: 0 }}
            disabled={isBusy}
            onClick={() => {
              setPending(decision)
              setResult(null)
            }}
          >
            {LABELS[decision]}
          </button>
        ))}
      </div>
      {pending ? (
        <div
          role="dialog"
          aria-label="Sign your decision"
          className="cited-decision__prompt"
          style={{
            background: 'var(--theme-elevation-50)',
            border: '1px solid var(--theme-elevation-200)',
            borderRadius: 6,
            marginTop: 10,
            padding: 12,
          }}
        >
          <label
            id={idFor('password-label')}
            htmlFor={idFor('password')}
            style={{ display: 'block', fontSize: 13, fontWeight: 600, marginBottom: 4 }}
          >
            {LABELS[pending]}: enter your password to sign this decision
          </label>
          <input
            id={idFor('password')}
            aria-labelledby={idFor('password-label')}
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            // eslint-disable-next-line jsx-a11y/no-autofocus -- the prompt opens on the reviewer's click, and focus moves into it as into any dialog (WAI-ARIA dialog pattern)
            autoFocus
            onChange={(event) => setPassword(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                void sign()
              }
            }}
            style={{ boxSizing: 'border-box', font: 'inherit', padding: 8, width: '100%' }}
          />
          <div style={{ display: 'flex', gap: 8, marginTop: 8 }}>
            <button
              type="button"
              className="btn btn--style-primary btn--size-small cited-decision__confirm"
              style={{ margin: 0 }}
              disabled={isBusy || password === ''}
              onClick={() => void sign()}
            >
              Confirm: {LABELS[pending].toLowerCase()}
            </button>
            <button
              type="button"
              className="btn btn--style-secondary btn--size-small"
              style={{ margin: 0 }}
              onClick={() => {
                setPending(null)
                setPassword('')
              }}
            >
              Cancel
            </button>
          </div>
        </div>
      ) : null}
      {result ? (
        <p
          role="status"
          className="cited-decision__result"
          style={{ color: result.ok ? '#15803d' : '#b91c1c', fontSize: 13, marginTop: 8 }}
        >
          {result.text}
          {isDecided ? (
            <>
              {' '}
              <a
                href={
                  typeof window === 'undefined'
                    ? ''
                    : window.location.pathname + window.location.search
                }
              >
                Refresh the queue
              </a>
            </>
          ) : null}
        </p>
      ) : null}
    </div>
  )
}
