/**
 * The evidence panel's suggested claims as data (src/admin/components/suggestionState.ts):
 * answers are keyed by the statistic itself, not by its position among the issues; an answer for
 * another request is never shown; answer items that do not echo what was asked are dropped; and
 * "Use this claim" is not offered where it would silently replace the claim a comparison cell or
 * chart point already cites.
 */
import { describe, expect, it } from 'vitest'

import type { AskedTarget } from '../../src/admin/components/suggestionState'
import type { SuggestedClaim } from '../../src/content/suggest'
import type { EvidenceTarget } from '../../src/content/suggestTargets'

import {
  answerOf,
  askFor,
  citeAction,
  suggestionsFor,
  targetKey,
} from '../../src/admin/components/suggestionState'

const target = (sentence: string, value: number, text = `${value}%`): EvidenceTarget => ({
  sentence,
  statistic: { text, value, upper: null, unit: 'percent', qualifier: 'exact' },
  cite: { kind: 'claimRef', fieldPath: 'intro' },
})

const claim = (claimId: number, value: number): SuggestedClaim => ({
  claimId,
  statement: `${value}% of patients.`,
  statistic: { value, upper: null, unit: 'percent', qualifier: null },
  rank: 0.1,
  reviewBy: null,
})

/** What the endpoint answers for `ask`: each item echoed, with `suggestions[i]`. */
const respond = (ask: NonNullable<ReturnType<typeof askFor>>, suggestions: SuggestedClaim[][]) => ({
  items: ask.items.map((item, index) => ({
    sentence: item.sentence,
    statistic: {
      value: item.statistic.value,
      upper: item.statistic.upper,
      unit: item.statistic.unit,
      qualifier: item.statistic.qualifier,
    },
    suggestions: suggestions[index] ?? [],
  })),
})

const A = target('In one trial 70% of patients improved.', 70)
const B = target('Only 40% relapsed.', 40)
const asked = (...targets: EvidenceTarget[]): AskedTarget[] =>
  targets.map((t) => ({ fieldPath: 'intro', target: t }))

describe('suggestions keyed by the statistic', () => {
  it('after citing A of [A, B], B (now first) never shows A’s claims, and A’s answer is stale', () => {
    const before = askFor(asked(A, B))!
    const answer = answerOf(before, respond(before, [[claim(1, 70)], [claim(2, 40)]]))
    expect(suggestionsFor(answer, before, 'intro', A)?.map((c) => c.claimId)).toEqual([1])
    expect(suggestionsFor(answer, before, 'intro', B)?.map((c) => c.claimId)).toEqual([2])

    // A is cited: the live check now reports only B, at position 0.
    const after = askFor(asked(B))!
    // Until the new answer comes, nothing is shown for B (not A's 70% claims, not a stale list).
    expect(suggestionsFor(answer, after, 'intro', B)).toBeUndefined()
    const fresh = answerOf(after, respond(after, [[claim(2, 40)]]))
    expect(suggestionsFor(fresh, after, 'intro', B)?.map((c) => c.claimId)).toEqual([2])
    expect(suggestionsFor(fresh, after, 'intro', A)).toBeUndefined()
  })

  it('keys by field path, sentence, text, value and unit', () => {
    const keys = new Set([
      targetKey('intro', A),
      targetKey('body', A),
      targetKey('intro', { ...A, sentence: `${A.sentence} ` }),
      targetKey('intro', target(A.sentence, 70, 'seventy percent')),
      targetKey('intro', target(A.sentence, 71)),
      targetKey('intro', { ...A, statistic: { ...A.statistic, unit: 'ratio' } }),
    ])
    expect(keys.size).toBe(6)
    expect(targetKey('intro', { ...A })).toBe(targetKey('intro', A))
  })

  it('asks once for a statistic reported twice, and answers both', () => {
    const ask = askFor([...asked(A), ...asked(A), ...asked(B)])!
    expect(ask.items).toHaveLength(2)
    const answer = answerOf(ask, respond(ask, [[claim(1, 70)], []]))
    expect(suggestionsFor(answer, ask, 'intro', A)?.map((c) => c.claimId)).toEqual([1])
    expect(suggestionsFor(answer, ask, 'intro', B)).toEqual([])
  })

  it('drops answers that do not match the request', () => {
    const ask = askFor(asked(A, B))!
    // Items in another order (answering another request): neither is A's nor B's.
    const swapped = respond(ask, [[claim(1, 70)], [claim(2, 40)]])
    swapped.items.reverse()
    const answer = answerOf(ask, swapped)
    expect(suggestionsFor(answer, ask, 'intro', A)).toBeUndefined()
    expect(suggestionsFor(answer, ask, 'intro', B)).toBeUndefined()
    // Fewer items than asked, or not an answer at all.
    expect(answerOf(ask, { items: [] }).byKey.size).toBe(0)
    expect(answerOf(ask, 'nope').byKey.size).toBe(0)
    // The endpoint cuts a long sentence: still the same statistic.
    const long = target(`${'x'.repeat(2100)} 70%.`, 70)
    const longAsk = askFor(asked(long))!
    const cut = respond(longAsk, [[claim(1, 70)]])
    cut.items[0].sentence = cut.items[0].sentence.slice(0, 2000)
    expect(suggestionsFor(answerOf(longAsk, cut), longAsk, 'intro', long)).toHaveLength(1)
  })

  it('asks nothing when there is nothing to ask about', () => {
    expect(askFor([])).toBeNull()
    expect(suggestionsFor(null, null, 'intro', A)).toBeUndefined()
  })
})

describe('what "Use this claim" may do', () => {
  const cell = { kind: 'claim' as const, fieldPath: 'layout.0.rows.1.cells.2.claim' }
  it('cites into rich text, or an empty cell or point', () => {
    expect(citeAction({ kind: 'claimRef', fieldPath: 'intro' }, undefined, 5)).toEqual({
      kind: 'cite',
    })
    expect(citeAction(cell, null, 5)).toEqual({ kind: 'cite' })
    expect(citeAction(cell, undefined, 5)).toEqual({ kind: 'cite' })
    expect(citeAction(cell, '', 5)).toEqual({ kind: 'cite' })
  })

  it('does not offer to replace the claim a cell or point already cites', () => {
    expect(citeAction(cell, 12, 5)).toEqual({ kind: 'occupied', current: 12 })
    expect(citeAction(cell, { id: 12, statement: 'x' }, 5)).toEqual({
      kind: 'occupied',
      current: 12,
    })
    expect(citeAction(cell, 5, 5)).toEqual({ kind: 'same' })
    expect(citeAction(cell, '5', 5)).toEqual({ kind: 'same' })
  })

  it('has nothing to cite for a statistic of another document', () => {
    expect(citeAction(null, undefined, 5)).toEqual({ kind: 'elsewhere' })
  })
})
