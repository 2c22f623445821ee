/**
 * The evidence panel's suggested claims, as data: which statistics to ask about, which answer
 * belongs to which statistic, and what "Use this claim" may do where the statistic is. Pure (no
 * React, no fetch), so the rules are unit-tested (tests/unit/suggestion-state.test.ts).
 *
 * Suggestions are keyed by the statistic itself — the field path, the sentence and the statistic's
 * text, value, upper bound, unit and qualifier — never by its position in the issue list: after
 * citing the first of two statistics the second moves up, and must not show the first one's
 * claims. An answer is kept with the request it answers ({@link SuggestionAnswer.body}) and only
 * shown while that is still the request the panel would make; items of an answer that do not echo
 * the statistic asked about are dropped.
 */
import type { SuggestedClaim } from '../../content/suggest'
import type { EvidenceTarget } from '../../content/suggestTargets'
import type { DocId } from '../../shared/ids'

import { relationId } from '../../shared/ids'

/** A statistic of the panel to ask about: the field path and the check's target. */
export interface AskedTarget {
  fieldPath: string
  target: EvidenceTarget
}

/** What identifies a statistic of the document, whatever its position among the issues. */
export function targetKey(fieldPath: string, target: EvidenceTarget): string {
  const { text, value, upper, unit, qualifier } = target.statistic
  return JSON.stringify([fieldPath, target.sentence, text, value, upper, unit, qualifier])
}

/** One request to POST /api/cited/suggest-claims: its body and the key of each item (same order). */
export interface SuggestionAsk {
  body: string
  keys: string[]
  items: { sentence: string; statistic: EvidenceTarget['statistic'] }[]
}

/** The request for `asked` (one item per distinct statistic), or null when there is none. */
export function askFor(asked: readonly AskedTarget[]): null | SuggestionAsk {
  const keys: string[] = []
  const items: SuggestionAsk['items'] = []
  for (const { fieldPath, target } of asked) {
    const key = targetKey(fieldPath, target)
    if (!keys.includes(key)) {
      keys.push(key)
      items.push({ sentence: target.sentence, statistic: target.statistic })
    }
  }
  return items.length === 0 ? null : { body: JSON.stringify({ items }), keys, items }
}

/** Suggestions by {@link targetKey}, and the request body they answer. */
export interface SuggestionAnswer {
  body: string
  byKey: ReadonlyMap<string, SuggestedClaim[]>
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** The answer item echoes the statistic asked about (the endpoint cuts a long sentence). */
function echoes(asked: SuggestionAsk['items'][number], answered: unknown): boolean {
  if (!isObject(answered) || !isObject(answered.statistic)) {
    return false
  }
  const { statistic } = answered
  return (
    typeof answered.sentence === 'string' &&
    asked.sentence.startsWith(answered.sentence) &&
    statistic.value === asked.statistic.value &&
    (statistic.upper ?? null) === (asked.statistic.upper ?? null) &&
    statistic.unit === asked.statistic.unit &&
    Array.isArray(answered.suggestions)
  )
}

/** The endpoint's `result` for `ask`, by key; items that do not answer what was asked are left out. */
export function answerOf(ask: SuggestionAsk, result: unknown): SuggestionAnswer {
  const byKey = new Map<string, SuggestedClaim[]>()
  const answered = isObject(result) && Array.isArray(result.items) ? result.items : []
  if (answered.length === ask.items.length) {
    ask.items.forEach((asked, index) => {
      const item: unknown = answered[index]
      const key = ask.keys[index]
      if (key !== undefined && echoes(asked, item)) {
        byKey.set(key, (item as { suggestions: SuggestedClaim[] }).suggestions)
      }
    })
  }
  return { body: ask.body, byKey }
}

/**
 * The suggestions to show for a statistic: undefined (still looking) when the answer held is for
 * another request than the current one — a stale answer is never shown, not even for a moment.
 */
export function suggestionsFor(
  answer: null | SuggestionAnswer,
  ask: null | SuggestionAsk,
  fieldPath: string,
  target: EvidenceTarget,
): SuggestedClaim[] | undefined {
  if (!answer || !ask || answer.body !== ask.body) {
    return undefined
  }
  return answer.byKey.get(targetKey(fieldPath, target))
}

/**
 * What "Use this claim" may do at the statistic's place, given the value the form holds there:
 * - 'cite': cite it (a claimRef is added to rich text; an empty `claim` relationship is set);
 * - 'same': the cell or point already cites this very claim;
 * - 'occupied': the cell or point cites another claim (`current`) — one click would silently
 *   replace it, so it is not offered (the editor changes the Claim field on purpose);
 * - 'elsewhere': the statistic is in another document (nothing to cite here).
 */
export type CiteAction =
  | { kind: 'cite' }
  | { kind: 'elsewhere' }
  | { kind: 'occupied'; current: DocId }
  | { kind: 'same' }

export function citeAction(
  cite: EvidenceTarget['cite'],
  formValue: unknown,
  claimId: DocId,
): CiteAction {
  if (!cite) {
    return { kind: 'elsewhere' }
  }
  if (cite.kind === 'claimRef') {
    return { kind: 'cite' }
  }
  const current = relationId(formValue)
  if (current === undefined) {
    return { kind: 'cite' }
  }
  return String(current) === String(claimId) ? { kind: 'same' } : { kind: 'occupied', current }
}
