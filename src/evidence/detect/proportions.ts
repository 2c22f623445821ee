/**
 * Patterns 3, 4 and 7 of `detectStatistics`, the shares of a whole: proportions ("seven
 * in ten", "1 in 3", "12 of 40 patients", "5 per 1,000"), percentages ("70%", "45
 * percent", "25-40%") and fractions ("half of patients", "two-thirds"). Proportions and
 * fractions are normalised to percent.
 */
import type { StatisticUnit } from '../types'
import type { NumberRead, RangeRead } from './numbers'
import type { Match } from './outcome'
import type { Tokens } from './tokens'

import {
  CARDINAL,
  COUNT_STOP,
  DENOMINATOR,
  DETERMINERS,
  HALF_BLOCKERS,
  NON_STAT_NOUN_EXTRA,
  PEOPLE,
  PERCENT_NON_STAT,
  PERCENT_OF_NON_STAT,
  PRONOUNS,
  QUALIFIER_LAST_WORDS,
} from './lexicons'
import {
  denominatorValue,
  isTimeOrDose,
  isYearLike,
  parseNumberWords,
  readNumber,
  unitAt,
} from './numbers'
import { changeContext } from './scoreChange'
import { NUM, PUNCT, WORD } from './tokens'

/**
 * Proportions: "seven in ten", "1 in 3", "one out of five", "2 of every 5",
 * "12 of 40 patients", "12/40 patients", "5 per 1,000". Normalised to percent.
 */
export function proportion(t: Tokens, i: number, a: NumberRead): Match | null {
  let k = a.last + 1
  let needsPeople = false
  let rate = false
  if (t.is(k, 'in') || (t.is(k, 'out') && t.is(k + 1, 'of'))) {
    k += t.is(k, 'out') ? 2 : 1
    if (t.is(k, 'every')) {
      k++
    }
  } else if (t.is(k, 'of')) {
    k++
    if (t.is(k, 'every')) {
      k++
    } else {
      needsPeople = true
    }
  } else if (t.isPunct(k, '/') && t.tight(k) && t.tight(k + 1) && !a.isWord) {
    k++
    needsPeople = true
  } else if (t.is(k, 'per') && !a.isWord) {
    k++
    rate = true
  } else {
    return null
  }
  const b = readNumber(t, k)
  if (!b || b.decimals > 0 || isYearLike(b)) {
    return null
  }
  if (b.value < 2 || a.value > b.value) {
    return null
  }
  if (rate && !(b.value >= 100 && /^10*$/.test(String(b.value)))) {
    return null
  }
  if (isTimeOrDose(t, b.last + 1)) {
    return null
  }
  let last = b.last
  if (needsPeople) {
    let p = b.last + 1
    if (DETERMINERS.has(t, p)) {
      p++
    }
    if (!PEOPLE.has(t, p) && !(t.isPunct(k - 1, '/') && t.is(p, 'of'))) {
      return null
    }
    if (PEOPLE.has(t, p)) {
      last = p
    }
  }
  return { first: i, last, kind: 'proportion', value: (a.value / b.value) * 100, unit: 'percent' }
}

/** Percentages: "70%", "45 percent", "25-40%", "25% to 40%", "70%+", "5 percentage points". */
export function percentage(t: Tokens, i: number, range: RangeRead): Match | null {
  let k = range.last + 1
  // "60+%": an open upper bound written before the sign.
  if (t.isPunct(k, '+') && t.tight(k) && t.tight(k + 1)) {
    k++
  }
  // "50-percent drop", "50-per-cent": a hyphen joining the number to the percent word.
  if (
    t.isPunct(k, '-') &&
    t.tight(k) &&
    t.tight(k + 1) &&
    (t.is(k + 1, 'percent') || t.is(k + 1, 'pct') || t.is(k + 1, 'per'))
  ) {
    k++
  }
  const perCent = t.is(k, 'per') && t.isPunct(k + 1, '-') && t.tight(k + 1) && t.is(k + 2, 'cent')
  let unit: StatisticUnit = 'percent'
  if (t.isPunct(k, '%％')) {
    // keep k
  } else if (t.is(k, 'percent') || t.is(k, 'pct')) {
    // keep k
  } else if (t.is(k, 'per') && t.is(k + 1, 'cent')) {
    k++
  } else if (perCent) {
    k += 2
  } else if (t.is(k, 'percentage') && (t.is(k + 1, 'points') || t.is(k + 1, 'point'))) {
    k++
    unit = 'points'
  } else {
    return null
  }
  let last = k
  if (t.isPunct(last + 1, '+') && t.tight(last + 1)) {
    last++
  }
  // A concentration, discount or slogan: "1% hydrocortisone cream", "20% off", "100% natural"
  const next = last + 1
  if (PERCENT_NON_STAT.has(t, next)) {
    return null
  }
  if (t.is(next, 'of')) {
    let p = next + 1
    if (t.is(p, 'the') || t.is(p, 'your') || t.is(p, 'their')) {
      p++
    }
    if (PERCENT_OF_NON_STAT.has(t, p) || (t.is(p - 1, 'your') && !PEOPLE.has(t, p))) {
      return null
    }
  }
  const lo = range.lo.value
  const match: Match = {
    first: range.between ? i - 1 : i,
    last,
    kind: 'percentage',
    value: lo,
    unit,
  }
  if (range.hi) {
    match.upper = range.hi.value
  }
  return match
}

/** "half an hour", "a third of a cup", "half the dose": a quantity follows token k. */
function quantityAfter(t: Tokens, k: number): boolean {
  let p = k
  if (t.is(p, 'of')) {
    p++
  }
  if (DETERMINERS.has(t, p) && !PRONOUNS.has(t, p)) {
    p++
  }
  if (
    t.k(p) === WORD &&
    t.k(p + 1) === WORD &&
    !PEOPLE.has(t, p) &&
    (isTimeOrDose(t, p + 1) || NON_STAT_NOUN_EXTRA.has(t, p + 1))
  ) {
    return true
  }
  return isTimeOrDose(t, p) || unitAt(t, p) === 'schedule' || NON_STAT_NOUN_EXTRA.has(t, p)
}

/**
 * Fractions: "half of the patients", "nearly half", "two-thirds", "a third of adults",
 * "by a quarter", "half as likely" (→ multiplier 0.5). Anchored at the denominator;
 * ordinals ("the third session", "a third visit") and quantities ("half an hour",
 * "half the dose", "the second half") are rejected.
 */
export function fraction(t: Tokens, i: number, floor: number): Match | null {
  const word = DENOMINATOR.get(t, i)
  if (word === undefined) {
    return null
  }
  const denominator = denominatorValue(word)
  if (denominator === null) {
    return null
  }
  const isPlural = word.endsWith('s')
  // numerator: "two-thirds", "two thirds", "a third", "one half", "2 thirds"
  let first = i
  let numerator = 1
  let written = false
  let j = i - 1
  if (t.isPunct(j, '-') && t.tight(j) && t.tight(i)) {
    j--
  }
  if (j >= floor && !t.boundaryBefore(j + 1)) {
    if (t.is(j, 'a') || t.is(j, 'an')) {
      first = j
      written = true
    } else if (CARDINAL.has(t, j) || (t.k(j) === NUM && !t.raw(j).includes('.'))) {
      // allow "twenty-three hundredths" style compounds? keep to one word / one number
      const v = t.k(j) === NUM ? Number(t.raw(j).replace(/,/g, '')) : parseNumberWords(t.raw(j))
      if (v === null || !(v > 0)) {
        return null
      }
      numerator = v
      first = j
      written = true
    }
  }
  if (isPlural ? numerator < 2 : numerator !== 1) {
    return null
  }
  if (!written && word !== 'half') {
    return null
  } // "third", "quarter" alone are ordinals / time
  if (!written && HALF_BLOCKERS.has(t, i - 1)) {
    return null
  } // "the second half", "one half"
  const value = (numerator / denominator) * 100
  const next = i + 1
  // "half as likely" → multiplier
  if (word === 'half' && !written && t.is(next, 'as') && t.k(next + 1) === WORD) {
    return { first, last: next + 1, kind: 'multiplier', value: 0.5, unit: 'multiplier' }
  }
  if (t.isPunct(next, '-') && t.tight(next)) {
    return null
  } // half-life, quarter-hour
  if (quantityAfter(t, next)) {
    return null
  }
  // The population the fraction is of, if named: "of (the|all) patients", "the patients"
  let last = i
  let p = next
  const hasOf = t.is(p, 'of')
  if (hasOf) {
    p++
  }
  if (DETERMINERS.has(t, p) && !PRONOUNS.has(t, p)) {
    p++
  }
  if (PEOPLE.has(t, p) || (hasOf && PRONOUNS.has(t, p))) {
    last = p
  } else if (hasOf && t.k(p) === WORD && PEOPLE.has(t, p + 1) && !COUNT_STOP.has(t, p)) {
    last = p + 1
  }
  // "cut pain in half", "reduced in half": a change by half — not "fold the towel in half".
  const inHalf =
    word === 'half' &&
    !written &&
    t.is(first - 1, 'in') &&
    (() => {
      const context = changeContext(t, first - 1)
      return context.found && !context.imperative
    })()
  const byChange = t.is(first - 1, 'by') || inHalf
  const qualified =
    QUALIFIER_LAST_WORDS.has(t, first - 1) || t.is(first - 1, 'than') || t.is(first - 1, 'to')
  const endsClause =
    t.k(next) === PUNCT ||
    t.k(next) === 0 ||
    t.is(next, 'and') ||
    t.is(next, 'or') ||
    t.is(next, 'but')
  const bareHalfDet =
    word === 'half' && !written && DETERMINERS.has(t, next) && !t.is(next, 'a') && !t.is(next, 'an')
  const accepted =
    hasOf ||
    byChange ||
    last !== i ||
    bareHalfDet ||
    (isPlural && numerator > 1 && !t.is(next, 'of')) ||
    ((qualified || written) && endsClause) ||
    (qualified && word === 'half')
  if (!accepted) {
    return null
  }
  if (word === 'half' && !written && !hasOf && !bareHalfDet && !qualified && !byChange) {
    return null
  }
  return { first, last, kind: byChange ? 'percentage' : 'proportion', value, unit: 'percent' }
}
