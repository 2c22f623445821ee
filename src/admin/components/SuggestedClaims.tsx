'use client'
/**
 * Under each statistic of the evidence panel that needs a claim: the approved claims that state
 * it (POST /api/cited/suggest-claims), each citable in one click — "Use this claim" puts a
 * claimRef after the sentence in the rich text, or sets the `claim` of the comparison cell or
 * chart point, in the form (the live check then reruns and the issue clears; a cell or point that
 * already cites a claim is never changed in one click) — and "Create a
 * claim from this statistic", which saves a draft claim with the sentence and the number and opens
 * it in a new tab.
 */
import { useForm, useFormFields } from '@payloadcms/ui'
import { useCallback, useEffect, useMemo, useState } from 'react'

import type { SuggestedClaim } from '../../content/suggest'
import type { EvidenceTarget } from '../../content/suggestTargets'
import type { AskedTarget, CiteAction, SuggestionAnswer } from './suggestionState'

import { insertClaimRef } from '../../evidence/insertClaimRef'
import { describeStatistic } from '../../evidence/match'
import { answerOf, askFor, citeAction, suggestionsFor } from './suggestionState'

const CLAIMS = 'claims'

/**
 * Suggestions for the statistics of `asked`, fetched whenever they change, looked up by the
 * statistic itself (`suggestionsFor`): an answer shows only while it answers the current request,
 * so after citing one statistic the others never show its claims (suggestionState.ts).
 */
export function useSuggestions(
  api: string,
  asked: readonly AskedTarget[],
): {
  suggestionsOf: (fieldPath: string, target: EvidenceTarget) => SuggestedClaim[] | undefined
  isLoading: boolean
} {
  const ask = useMemo(() => askFor(asked), [asked])
  const body = ask?.body ?? null
  const [answer, setAnswer] = useState<null | SuggestionAnswer>(null)
  const [isLoading, setLoading] = useState(false)

  useEffect(() => {
    if (!ask) {
      setAnswer(null)
      setLoading(false)
      return
    }
    const controller = new AbortController()
    setLoading(true)
    void (async () => {
      try {
        const response = await fetch(`${api}/cited/suggest-claims`, {
          method: 'POST',
          credentials: 'include',
          headers: { 'Content-Type': 'application/json' },
          body: ask.body,
          signal: controller.signal,
        })
        if (!response.ok) {
          throw new Error(`HTTP ${response.status}`)
        }
        const result: unknown = await response.json()
        if (!controller.signal.aborted) {
          setAnswer(answerOf(ask, result))
        }
      } catch {
        if (!controller.signal.aborted) {
          setAnswer({ body: ask.body, byKey: new Map() })
        }
      } finally {
        if (!controller.signal.aborted) {
          setLoading(false)
        }
      }
    })()
    return () => controller.abort()
    // `body` says everything `ask` does.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, body])

  const suggestionsOf = useCallback(
    (fieldPath: string, target: EvidenceTarget) => suggestionsFor(answer, ask, fieldPath, target),
    [answer, ask],
  )
  return { suggestionsOf, isLoading }
}

const short = (text: string, length = 110): string =>
  text.length > length ? `${text.slice(0, length - 3)}…` : text

/** The buttons' look: Payload's small secondary buttons. */
const BUTTON = 'btn btn--style-secondary btn--size-small'

const NOTE = { color: 'var(--theme-elevation-600)', fontSize: 11 }

/** "Use this claim", or why it is not offered here. */
function CiteButton({
  action,
  claim,
  onCite,
  where,
}: {
  action: CiteAction
  claim: SuggestedClaim
  onCite: () => void
  where: 'cell' | 'point'
}) {
  const place = where === 'point' ? 'This chart point' : 'This comparison cell'
  switch (action.kind) {
    case 'cite':
      return (
        <button
          type="button"
          className={BUTTON}
          data-testid="use-suggested-claim"
          aria-label={`Use this claim: ${short(claim.statement, 60)}`}
          onClick={onCite}
          style={{ margin: '2px 0 0' }}
        >
          Use this claim
        </button>
      )
    case 'same':
      return (
        <div style={NOTE} data-testid="suggested-claim-cited">
          {place} already cites this claim.
        </div>
      )
    case 'occupied':
      return (
        <div style={NOTE} data-testid="suggested-claim-occupied">
          {place} already cites claim {String(action.current)}, which would be replaced: to cite
          this one instead, change its Claim field.
        </div>
      )
    case 'elsewhere':
      return (
        <div style={NOTE}>This text belongs to another document: open it to cite the claim.</div>
      )
  }
}

export function SuggestedClaims({
  adminRoute,
  api,
  index,
  isLoading,
  suggestions,
  target,
}: {
  adminRoute: string
  api: string
  index: number
  isLoading: boolean
  suggestions: SuggestedClaim[] | undefined
  target: EvidenceTarget
}) {
  const { dispatchFields, setModified } = useForm()
  const citedValue = useFormFields(([fields]) =>
    target.cite ? fields[target.cite.fieldPath]?.value : undefined,
  )
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)
  const [isCreating, setCreating] = useState(false)

  const cite = (claim: SuggestedClaim) => {
    const place = target.cite
    if (!place) {
      return
    }
    if (place.kind === 'claim') {
      // Never replace a claim the cell or point already cites (the button is not offered then).
      if (citeAction(place, citedValue, claim.claimId).kind !== 'cite') {
        return
      }
      dispatchFields({ type: 'UPDATE', path: place.fieldPath, value: claim.claimId })
    } else {
      const result = insertClaimRef(citedValue, {
        sentence: target.sentence,
        text: target.statistic.text,
        claimId: claim.claimId,
      })
      if (!result.isInserted) {
        setMessage({
          ok: result.wasCited,
          text: result.wasCited
            ? 'This sentence already cites that claim.'
            : 'The sentence could not be found in the editor: add a Claim reference by hand.',
        })
        return
      }
      // A new initial value makes the rich text editor show the changed document.
      dispatchFields({
        type: 'UPDATE',
        path: place.fieldPath,
        value: result.value,
        initialValue: result.value,
      })
    }
    setModified(true)
    setMessage({ ok: true, text: 'Claim cited. Save the draft to keep it.' })
  }

  const create = async () => {
    setCreating(true)
    setMessage(null)
    try {
      const { value, upper, unit, qualifier } = target.statistic
      const response = await fetch(`${api}/${CLAIMS}?draft=true`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          statement: target.sentence,
          statistics: [{ value, ...(upper === null ? {} : { upper }), unit, qualifier }],
        }),
      })
      const body = (await response.json()) as {
        doc?: { id: number | string }
        errors?: { message: string }[]
      }
      if (!response.ok || !body.doc) {
        setMessage({
          ok: false,
          text: body.errors?.[0]?.message ?? 'The claim could not be created.',
        })
        return
      }
      setMessage({
        ok: true,
        text: 'Draft claim created in a new tab: add its source and submit it for review.',
      })
      window.open(`${adminRoute}/collections/${CLAIMS}/${body.doc.id}`, '_blank', 'noopener')
    } finally {
      setCreating(false)
    }
  }

  return (
    <div
      className="cited-suggestions"
      data-testid="suggested-claims"
      data-issue-index={index}
      aria-busy={isLoading}
      style={{ marginTop: 6 }}
    >
      {suggestions && suggestions.length > 0 ? (
        <>
          <div style={{ fontSize: 12, fontWeight: 600 }}>
            {suggestions.length === 1
              ? 'An approved claim states this number:'
              : 'Approved claims that state this number:'}
          </div>
          <ul style={{ listStyle: 'none', margin: '4px 0 0', padding: 0 }}>
            {suggestions.map((claim) => (
              <li
                key={String(claim.claimId)}
                className="cited-suggestion"
                data-testid="suggested-claim"
                data-claim-id={String(claim.claimId)}
                style={{ margin: '0 0 6px' }}
              >
                <a
                  href={`${adminRoute}/collections/${CLAIMS}/${claim.claimId}`}
                  target="_blank"
                  rel="noreferrer"
                  style={{ fontSize: 12 }}
                >
                  {short(claim.statement)}
                </a>
                <div style={{ color: 'var(--theme-elevation-600)', fontSize: 11 }}>
                  States {describeStatistic(claim.statistic)}
                  {claim.reviewBy ? ` · re-review by ${claim.reviewBy.slice(0, 10)}` : ''}
                </div>
                <CiteButton
                  action={citeAction(target.cite, citedValue, claim.claimId)}
                  claim={claim}
                  onCite={() => cite(claim)}
                  where={target.cite?.fieldPath.includes('.points.') ? 'point' : 'cell'}
                />
              </li>
            ))}
          </ul>
        </>
      ) : (
        <div style={{ color: 'var(--theme-elevation-600)', fontSize: 12 }}>
          {/* No answer for the current statistics yet: never an older list in the meantime. */}
          {suggestions === undefined
            ? 'Looking for approved claims…'
            : 'No approved claim states this number yet.'}
        </div>
      )}
      <button
        type="button"
        className={BUTTON}
        data-testid="create-claim-from-statistic"
        disabled={isCreating}
        onClick={create}
        style={{ margin: '4px 0 0' }}
      >
        Create a claim from this statistic
      </button>
      {message ? (
        <div
          role="status"
          style={{ color: message.ok ? '#15803d' : '#b91c1c', fontSize: 12, marginTop: 4 }}
        >
          {message.text}
        </div>
      ) : null}
    </div>
  )
}
