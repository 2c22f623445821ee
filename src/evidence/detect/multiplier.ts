import type { NumberRead } from './numbers'
import type { Match } from './outcome'
import type { Tokens } from './tokens'

/**
 * Pattern 5 of `detectStatistics`: multipliers — "twice as likely", "3x faster", "2.5
 * times higher", "fourfold", "4-fold increase", "doubled". A number before "times" is
 * only a statistic when a comparison follows it ("3 times a day" is a schedule).
 */
import {
  COMPARATIVE,
  COUNT_STOP,
  DOSE_UNITS,
  FOLD_WORD,
  MULTIPLICATIVE,
  MULTIPLICATIVE_LEX,
  MULTIPLICATIVE_VERB,
  MULTIPLICATIVE_VERB_LEX,
  NON_STAT_NOUN_EXTRA,
} from './lexicons'
import { isTimeOrDose, parseNumberWords, readNumber, unitAt } from './numbers'
import { PUNCT, WORD } from './tokens'

/** Extends a multiplier's span over its comparison; returns the last token or -1. */
function comparison(t: Tokens, k: number): number {
  if (t.is(k, 'as') && t.k(k + 1) === WORD) {
    return k + 1
  }
  if (t.is(k, 'the') || t.is(k, 'that')) {
    const noun = k + 1
    if (
      t.k(noun) !== WORD ||
      isTimeOrDose(t, noun) ||
      unitAt(t, noun) === 'schedule' ||
      NON_STAT_NOUN_EXTRA.has(t, noun)
    ) {
      return -1
    }
    if (t.is(k, 'that') && !t.is(noun, 'of')) {
      return -1
    }
    if (
      t.k(noun + 1) === WORD &&
      (isTimeOrDose(t, noun + 1) || NON_STAT_NOUN_EXTRA.has(t, noun + 1))
    ) {
      return -1
    }
    return noun
  }
  if (COMPARATIVE.has(t, k)) {
    if (
      (t.is(k, 'more') || t.is(k, 'less')) &&
      t.k(k + 1) === WORD &&
      !COUNT_STOP.has(t, k + 1) &&
      !t.is(k + 1, 'often')
    ) {
      return k + 1
    }
    if (t.is(k, 'over') || t.is(k, 'above') || t.is(k, 'below')) {
      return t.is(k + 1, 'baseline') || t.is(k + 1, 'normal') || t.is(k + 1, 'average') ? k + 1 : -1
    }
    if (t.is(k, 'baseline') || t.is(k, 'normal') || t.is(k, 'average')) {
      return -1
    }
    return k
  }
  return -1
}

/** Dose/instruction context for doubling verbs: "the dose was doubled", "double the dose". */
function doseNearby(t: Tokens, i: number): boolean {
  for (let k = i - 3; k <= i + 3; k++) {
    if (k === i || k < 0) {
      continue
    }
    if (
      DOSE_UNITS.has(t, k) ||
      t.is(k, 'dose') ||
      t.is(k, 'dosage') ||
      t.is(k, 'intake') ||
      t.is(k, 'recipe')
    ) {
      return true
    }
  }
  return false
}

/**
 * Multipliers: "twice as likely", "3x faster", "2.5 times higher", "three times the
 * risk", "fourfold", "4-fold increase", "doubled", "half as likely".
 */
export function multiplier(t: Tokens, i: number, number: NumberRead | null = null): Match | null {
  // fourfold / tenfold
  const fold = FOLD_WORD.get(t, i)
  if (fold !== undefined) {
    const value = fold === 'manyfold' ? null : parseNumberWords(fold.slice(0, -4))
    if (value === null) {
      return null
    }
    const cmp = comparison(t, i + 1)
    return { first: i, last: cmp === -1 ? i : cmp, kind: 'multiplier', value, unit: 'multiplier' }
  }
  // twice / thrice / double / triple
  const mult = MULTIPLICATIVE_LEX.get(t, i)
  if (mult !== undefined) {
    const value = MULTIPLICATIVE.get(mult) ?? 0
    if (t.isPunct(i + 1, '-')) {
      return null
    } // double-blind, double-check
    const cmp = comparison(t, i + 1)
    if (cmp === -1) {
      return null
    }
    if (
      (mult === 'double' || mult === 'triple' || mult === 'quadruple') &&
      (doseNearby(t, i) || t.boundaryBefore(i))
    ) {
      return null
    }
    return { first: i, last: cmp, kind: 'multiplier', value, unit: 'multiplier' }
  }
  // doubled / halved
  const verb = MULTIPLICATIVE_VERB_LEX.get(t, i)
  if (verb !== undefined) {
    if (verb === 'halves' && !t.is(i - 1, 'it') && !t.is(i - 1, 'that')) {
      return null
    }
    if (doseNearby(t, i) || t.boundaryBefore(i) || t.isPunct(i - 1, '-*•:')) {
      return null
    }
    // "doubled over in pain", "doubled up", "doubled back"
    if (t.is(i + 1, 'up') || t.is(i + 1, 'down') || t.is(i + 1, 'back')) {
      return null
    }
    if (
      t.is(i + 1, 'over') &&
      (t.k(i + 2) === PUNCT ||
        t.k(i + 2) === 0 ||
        t.is(i + 2, 'in') ||
        t.is(i + 2, 'with') ||
        t.is(i + 2, 'and'))
    ) {
      return null
    }
    return {
      first: i,
      last: i,
      kind: 'multiplier',
      value: MULTIPLICATIVE_VERB.get(verb) ?? 0,
      unit: 'multiplier',
    }
  }
  // N times / Nx / N-fold
  const n = number ?? readNumber(t, i)
  if (!n || n.value <= 0) {
    return null
  }
  let k = n.last + 1
  if (t.isPunct(k, '-') && t.tight(k) && t.is(k + 1, 'fold')) {
    const cmp = comparison(t, k + 2)
    return {
      first: i,
      last: cmp === -1 ? k + 1 : cmp,
      kind: 'multiplier',
      value: n.value,
      unit: 'multiplier',
    }
  }
  if (t.is(k, 'fold')) {
    const cmp = comparison(t, k + 1)
    return {
      first: i,
      last: cmp === -1 ? k : cmp,
      kind: 'multiplier',
      value: n.value,
      unit: 'multiplier',
    }
  }
  const times = t.is(k, 'times') || t.is(k, 'x') || t.is(k, 'X') || t.isPunct(k, '×')
  if (!times) {
    return null
  }
  if (t.is(k, 'x') && !t.tight(k) && n.isWord) {
    return null
  }
  k++
  const cmp = comparison(t, k)
  if (cmp === -1) {
    return null
  }
  return { first: i, last: cmp, kind: 'multiplier', value: n.value, unit: 'multiplier' }
}
