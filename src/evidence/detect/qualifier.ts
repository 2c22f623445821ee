/**
 * The start of a statistic's span in `detectStatistics`: a match is extended backwards
 * over a directly preceding qualifier — "up to (a) 50%", "nearly half", "more than",
 * "< 5%" — so the qualifier is part of `text`.
 */
import type { Tokens } from './tokens'

import { COMPARISON_SYMBOLS, QUALIFIER_LAST_WORDS, QUALIFIERS } from './lexicons'

/** Extends a match's start over a directly preceding qualifier ("up to (a)", "nearly", "<"). */
export function withQualifier(t: Tokens, first: number, floor: number, numeric: boolean): number {
  let j = first - 1
  if (j < floor) {
    return first
  }
  // comparison symbols: "<5%", ">= 70%", "~40%"
  if (numeric && t.isPunct(j, COMPARISON_SYMBOLS)) {
    let s = j
    if (t.isPunct(s - 1, '<>') && t.isPunct(j, '=') && s - 1 >= floor) {
      s--
    }
    return s
  }
  if (numeric && t.isPunct(j, '=') && t.isPunct(j - 1, '<>') && j - 1 >= floor) {
    return j - 1
  }
  let article = -1
  if ((t.is(j, 'a') || t.is(j, 'an')) && !t.is(first, 'a') && !t.is(first, 'an')) {
    article = j
    j--
  }
  if (j < floor || !QUALIFIER_LAST_WORDS.has(t, j)) {
    return first
  }
  for (const q of QUALIFIERS) {
    const qs = j - q.length + 1
    if (qs < floor) {
      continue
    }
    let ok = true
    for (let w = 0; w < q.length; w++) {
      if (!t.is(qs + w, q[w] ?? '')) {
        ok = false
        break
      }
    }
    if (ok) {
      // "an estimated" needs no extra article; "up to a 50%" keeps the article
      return article !== -1 && q[0] === 'an' ? first : qs
    }
  }
  return first
}
