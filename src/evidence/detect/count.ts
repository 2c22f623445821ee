import type { RangeRead } from './numbers'
import type { Match } from './outcome'
import type { Tokens } from './tokens'

/**
 * Pattern 6 of `detectStatistics`: counts of people or events — "1,162 patients", "30
 * healthy volunteers", "20-30 women". A number is a count only when a people or event
 * noun follows it, past at most three modifiers.
 */
import { CARDINAL, COUNT_STOP, PEOPLE, SCALE } from './lexicons'
import { unitAt } from './numbers'
import { WORD } from './tokens'

/**
 * Counts of people or events: "1,162 patients", "30 healthy volunteers", "2 million
 * Americans", "20-30 women". Number words count from two ("Two patients withdrew").
 */
export function count(t: Tokens, i: number, range: RangeRead): Match | null {
  const { lo } = range
  if (lo.isWord && lo.value < 2) {
    return null
  }
  if (lo.decimals > 0 && !SCALE.has(t, lo.last)) {
    return null
  }
  let k = range.last + 1
  let modifiers = 0
  while (modifiers < 3) {
    if (PEOPLE.has(t, k)) {
      const match: Match = {
        first: range.between ? i - 1 : i,
        last: k,
        kind: 'count',
        value: lo.value,
        unit: 'count',
      }
      if (range.hi) {
        match.upper = range.hi.value
      }
      return match
    }
    if (
      t.k(k) === WORD &&
      !COUNT_STOP.has(t, k) &&
      unitAt(t, k) === 'none' &&
      !CARDINAL.has(t, k) &&
      !t.boundaryBefore(k)
    ) {
      modifiers++
      k++
      if (t.isPunct(k, '-') && t.tight(k) && t.k(k + 1) === WORD) {
        k++
      }
      continue
    }
    break
  }
  return null
}
