import type { NumberRead } from './numbers'
import type { Match } from './outcome'
import type { Tokens } from './tokens'

/**
 * Pattern 2 of `detectStatistics`: score changes — "fell from 6.8 to 3.1", "by 4.2
 * points", "a 2-point improvement". The value is the size of the change in points.
 * Also `changeContext`, which tells an outcome ("pain fell from 7 to 3") from an
 * instruction ("Increase from 2 to 4 sets") and is shared with fractions ("cut in half").
 */
import {
  CHANGE_NOUNS,
  CHANGE_VERBS,
  IMPERATIVE_VERBS,
  MEASUREMENT_UNITS,
  POINT_FOLLOWERS,
  SCORE_NOUNS,
} from './lexicons'
import { isYearLike, readNumber, unitAt } from './numbers'
import { NUM, WORD } from './tokens'

/** A change verb or a score noun shortly before token i, in the same sentence. */
export function changeContext(t: Tokens, i: number): { found: boolean; imperative: boolean } {
  for (let k = i - 1; k >= i - 6 && k >= 0; k--) {
    if (CHANGE_VERBS.has(t, k) || SCORE_NOUNS.has(t, k)) {
      // An instruction: the change verb opens the sentence or a bullet ("Increase from 2 to 4").
      let v = k
      while (v > 0 && (t.is(v - 1, 'gradually') || t.is(v - 1, 'slowly') || t.is(v - 1, 'then'))) {
        v--
      }
      const imperative =
        IMPERATIVE_VERBS.has(t, k) && (t.boundaryBefore(v) || t.isPunct(v - 1, '-*•:'))
      return { found: true, imperative }
    }
    if (t.boundaryBefore(k)) {
      break
    }
  }
  return { found: false, imperative: false }
}

function roundTo(x: number, decimals: number): number {
  const f = 10 ** Math.min(decimals, 6)
  return Math.round(x * f) / f
}

/**
 * Score changes: "from 6.8 to 3.1" (after a change verb or a score noun, or written with
 * decimals), "by 4.2 points", "2.1 points", "a 2-point improvement".
 * `value` = size of the change (|to − from|), unit points.
 */
export function scoreChange(t: Tokens, i: number, a: NumberRead): Match | null {
  if (t.is(i - 1, 'from')) {
    if (isYearLike(a)) {
      return null
    }
    let k = a.last + 1
    let pct = false
    let outOf = false
    if (t.isPunct(k, '%')) {
      pct = true
      k++
    } else if (t.isPunct(k, '/') && t.tight(k) && t.k(k + 1) === NUM && t.tight(k + 1)) {
      outOf = true // "from 7/10 to 3/10"
      k += 2
    }
    if (t.is(k, 'points') || t.is(k, 'point')) {
      k++
    }
    if (!t.is(k, 'to')) {
      return null
    }
    const b = readNumber(t, k + 1)
    if (!b || isYearLike(b) || b.value === a.value) {
      return null
    }
    let last = b.last
    if (t.isPunct(last + 1, '%')) {
      pct = true
      last++
    } else if (pct) {
      return null
    }
    if (t.is(last + 1, 'points') || t.is(last + 1, 'point')) {
      last++
    } else if (t.isPunct(last + 1, '/') && t.tight(last + 1) && t.k(last + 2) === NUM) {
      outOf = true
      last += 2
    }
    const ctx = changeContext(t, i - 1)
    if (ctx.imperative) {
      return null
    }
    // "fell from 92 to 85 kg" is an outcome; "from 200 to 400 mg" or "from 2 to 4 sessions" is not
    let u = unitAt(t, last + 1)
    if (u === 'dose' && ctx.found && MEASUREMENT_UNITS.has(t, last + 1)) {
      u = 'none'
      last++
      if (t.isPunct(last + 1, '/') && t.tight(last + 1) && t.k(last + 2) === WORD) {
        last += 2
      } // mg/dL, mmol/L
    }
    if (u === 'time' || u === 'dose' || u === 'money' || u === 'schedule' || u === 'people') {
      return null
    }
    if (t.isPunct(i - 2, '$£€') || t.isPunct(k + 1, '$£€')) {
      return null
    }
    if (!ctx.found && a.decimals === 0 && b.decimals === 0 && !pct && !outOf) {
      return null
    }
    const value = roundTo(Math.abs(b.value - a.value), Math.max(a.decimals, b.decimals))
    return { first: i - 1, last, kind: 'scoreChange', value, unit: 'points' }
  }
  const n = a
  if (n.isWord) {
    return null
  }
  // "a 2-point improvement"
  if (
    t.isPunct(n.last + 1, '-') &&
    t.tight(n.last + 1) &&
    t.is(n.last + 2, 'point') &&
    CHANGE_NOUNS.has(t, n.last + 3)
  ) {
    return { first: i, last: n.last + 3, kind: 'scoreChange', value: n.value, unit: 'points' }
  }
  // "by 4.2 points", "2.1 points for usual care"
  if (t.is(n.last + 1, 'points') || t.is(n.last + 1, 'point') || t.is(n.last + 1, 'pts')) {
    if (t.is(n.last + 1, 'point') && n.value !== 1) {
      return null
    }
    const prevOk =
      t.is(i - 1, 'by') ||
      t.is(i - 1, 'of') ||
      t.is(i - 1, 'than') ||
      t.is(i - 1, 'vs') ||
      t.is(i - 1, 'versus') ||
      ((t.is(i - 1, 'with') || t.is(i - 1, 'to')) && t.is(i - 2, 'compared'))
    if (prevOk || n.decimals > 0 || POINT_FOLLOWERS.has(t, n.last + 2)) {
      return { first: i, last: n.last + 1, kind: 'scoreChange', value: n.value, unit: 'points' }
    }
  }
  return null
}
