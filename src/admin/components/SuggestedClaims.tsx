'use client'
/**
 * Under each statistic of the evidence panel that needs a claim: the approved claims that state
 * it (POST /api/cited/suggest-claims), each citable in one click — "Use this claim" puts a
 * claimRef after the sentence in the rich text, or sets the `claim` of the comparison cell or
 * chart point, in the form (the live check then reruns and the issue clears) — and "Create a
 * claim from this statistic", which saves a draft claim with the sentence and the number and opens
 * it in a new tab.
 */
import { useForm, useFormFields } from '@payloadcms/ui'
import { useEffect, useMemo, useState } from 'react'

import type { SuggestedClaim } from '../../content/suggest'
import type { EvidenceTarget } from '../../content/suggestTargets'
import type { SuggestClaimsResult } from '../suggestClaims'

import { insertClaimRef } from '../../evidence/insertClaimRef'
import { describeStatistic } from '../../evidence/match'

const CLAIMS = 'claims'

/** Suggestions per target, fetched whenever the targets change; keyed by the target's index. */
export function useSuggestions(
  api: string,
  targets: readonly (EvidenceTarget | null)[] | undefined,
): { suggestions: Map<number, SuggestedClaim[]>; isLoading: boolean } {
  const asked = useMemo(
    () =>
      (targets ?? []).flatMap((target, index) =>
        target ? [{ index, sentence: target.sentence, statistic: target.statistic }] : [],
      ),
    [targets],
  )
  const body = useMemo(
    () =>
      JSON.stringify({
        items: asked.map(({ sentence, statistic }) => ({ sentence, statistic })),
      }),
    [asked],
  )
  const [suggestions, setSuggestions] = useState<Map<number, SuggestedClaim[]>>(() => new Map())
  const [isLoading, setLoading] = useState(false)

  useEffect(() => {
    if (asked.length === 0) {
      setSuggestions(new Map())
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
          body,
          signal: controller.signal,
        })
        if (!response.ok) {
          throw new Error(`HTTP ${response.status}`)
        }
        const result = (await response.json()) as SuggestClaimsResult
        setSuggestions(
          new Map(asked.map(({ index }, i) => [index, result.items[i]?.suggestions ?? []])),
        )
      } catch {
        if (!controller.signal.aborted) {
          setSuggestions(new Map())
        }
      } finally {
        if (!controller.signal.aborted) {
          setLoading(false)
        }
      }
    })()
    return () => controller.abort()
    // `body` says everything `asked` does.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, body])

  return { suggestions, isLoading }
}

const short = (text: string, length = 110): string =>
  text.length > length ? `${text.slice(0, length - 3)}…` : text

/** The buttons' look: Payload's small secondary buttons. */
const BUTTON = 'btn btn--style-secondary btn--size-small'

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
                {target.cite ? (
                  <button
                    type="button"
                    className={BUTTON}
                    data-testid="use-suggested-claim"
                    aria-label={`Use this claim: ${short(claim.statement, 60)}`}
                    onClick={() => cite(claim)}
                    style={{ margin: '2px 0 0' }}
                  >
                    Use this claim
                  </button>
                ) : (
                  <div style={{ color: 'var(--theme-elevation-600)', fontSize: 11 }}>
                    This text belongs to another document: open it to cite the claim.
                  </div>
                )}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <div style={{ color: 'var(--theme-elevation-600)', fontSize: 12 }}>
          {isLoading && !suggestions
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
