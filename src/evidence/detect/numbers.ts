/**
 * Reading numbers for `detectStatistics`: digits ("1,162", "6.8", "2 million") and
 * English number words ("seven", "twenty-five", "one hundred and twelve", the ordinals
 * of fractions) with values from `compromise`; ranges ("25-40", "between 40 and 60");
 * and the class of the unit that follows a number (time, dose, schedule, money, people,
 * percent) — the rule that tells a statistic from an instruction.
 */
import nlp from 'compromise'

import type { NumScratch, Tokens } from './tokens'

import {
  CARDINAL,
  CURRENCY_WORDS,
  DOSE_UNITS,
  Lexicon,
  PEOPLE,
  PERCENT_WORDS,
  SCALE,
  SCHEDULE_NOUNS,
  TENS,
  TIME_UNITS,
  UNITS_0_19,
} from './lexicons'
import { NUM, WORD } from './tokens'

const numberWordCache = new Map<string, number | null>()

/** Value of an English number phrase ("seven", "twenty-five", "third"), via compromise. */
export function parseNumberWords(phrase: string): number | null {
  const key = phrase.toLowerCase()
  const hit = numberWordCache.get(key)
  if (hit !== undefined) {
    return hit
  }
  const got = nlp(key).numbers().get()
  const first = Array.isArray(got) ? got[0] : got
  const value = typeof first === 'number' && Number.isFinite(first) ? first : null
  if (numberWordCache.size > 4096) {
    numberWordCache.clear()
  }
  numberWordCache.set(key, value)
  return value
}

/** Denominator of a fraction word: half → 2, quarter → 4 (closed class), ordinals via compromise. */
export function denominatorValue(word: string): number | null {
  if (word === 'half' || word === 'halves') {
    return 2
  }
  if (word === 'quarter' || word === 'quarters') {
    return 4
  }
  return parseNumberWords(word.endsWith('s') ? word.slice(0, -1) : word)
}

// ---------------------------------------------------------------------------------------
// Reading numbers and ranges
// ---------------------------------------------------------------------------------------

export interface NumberRead {
  value: number
  first: number
  last: number
  isWord: boolean
  decimals: number
  /** Plain integer written with digits and no grouping comma (for year / phone checks). */
  plainDigits: number
}

const scratch: NumScratch = { value: 0, decimals: 0, plainDigits: 0 }

/** Lexical class of a cardinal word, for the tiny grammar of compound number words. */
const UNIT_WORDS = new Lexicon(UNITS_0_19)
const TENS_WORDS = new Lexicon(TENS)

/** May cardinal word `next` continue the compound that ends with word `prev`? */
function continuesNumber(t: Tokens, prev: number, next: number): boolean {
  if (SCALE.has(t, next)) {
    return (
      !SCALE.has(t, prev) ||
      t.is(next, 'thousand') ||
      t.is(next, 'million') ||
      t.is(next, 'billion')
    )
  }
  if (TENS_WORDS.has(t, prev)) {
    return (
      UNIT_WORDS.has(t, next) &&
      !t.is(next, 'ten') &&
      !t.is(next, 'eleven') &&
      !t.is(next, 'twelve') &&
      !/teen$/.test(t.lower(next))
    )
  }
  if (SCALE.has(t, prev)) {
    return true
  }
  return false
}

export function readNumber(t: Tokens, i: number): NumberRead | null {
  const kind = t.k(i)
  if (kind === NUM) {
    t.num(i, scratch)
    let value = scratch.value
    const { decimals, plainDigits } = scratch
    if (!Number.isFinite(value)) {
      return null
    }
    let last = i
    const scale = SCALE.get(t, i + 1)
    if (scale !== undefined && !t.isPunct(i + 2, '-')) {
      const m = parseNumberWords(`one ${scale}`)
      if (m !== null) {
        value *= m
        last = i + 1
      }
    }
    return {
      value,
      first: i,
      last,
      isWord: false,
      decimals,
      plainDigits,
    }
  }
  if (kind !== WORD || !CARDINAL.has(t, i)) {
    return null
  }
  // A run of cardinal words: "twenty-five", "one hundred and twelve".
  let last = i
  let j = i + 1
  for (;;) {
    if (
      t.isPunct(j, '-') &&
      t.tight(j) &&
      t.tight(j + 1) &&
      CARDINAL.has(t, j + 1) &&
      continuesNumber(t, last, j + 1)
    ) {
      last = j + 1
      j += 2
    } else if (CARDINAL.has(t, j) && !t.boundaryBefore(j) && continuesNumber(t, last, j)) {
      last = j
      j += 1
    } else if (
      t.is(j, 'and') &&
      SCALE.has(t, j - 1) &&
      CARDINAL.has(t, j + 1) &&
      !SCALE.has(t, j + 1)
    ) {
      last = j + 1
      j += 2
    } else {
      break
    }
    if (last - i > 8) {
      break
    }
  }
  const value = parseNumberWords(t.text.slice(t.s(i), t.e(last)))
  if (value === null) {
    return null
  }
  return { value, first: i, last, isWord: true, decimals: 0, plainDigits: 0 }
}

export interface RangeRead {
  lo: NumberRead
  hi: NumberRead | null
  first: number
  last: number
  /** A % sign directly after the lower bound ("25%-40%"). */
  loPercent: boolean
  /** The range was "between A and B". */
  between: boolean
}

export function readRange(t: Tokens, i: number): RangeRead | null {
  const lo = readNumber(t, i)
  if (!lo) {
    return null
  }
  let j = lo.last + 1
  let loPercent = false
  if (t.isPunct(j, '%')) {
    loPercent = true
    j++
  }
  const between = t.is(i - 1, 'between')
  let sep = -1
  if (t.isPunct(j, '-–—') || t.is(j, 'to') || t.is(j, 'or') || (between && t.is(j, 'and'))) {
    sep = j
  }
  if (sep !== -1) {
    const hi = readNumber(t, sep + 1)
    if (hi && (hi.value > lo.value || (hi.value === lo.value && !t.isPunct(sep, '-–—')))) {
      return { lo, hi, first: i, last: hi.last, loPercent, between }
    }
  }
  return { lo, hi: null, first: i, last: lo.last, loPercent: false, between: false }
}

export function isYearLike(n: NumberRead): boolean {
  return n.plainDigits === 4 && n.value >= 1800 && n.value <= 2100
}

// ---------------------------------------------------------------------------------------
// Unit classification: what follows a number
// ---------------------------------------------------------------------------------------

export type UnitClass = 'time' | 'dose' | 'schedule' | 'money' | 'people' | 'percent' | 'none'

/**
 * Classifies the word after a number (token j), looking through a joining hyphen
 * ("60-minute", "12-week") — the context rule that separates statistics from
 * instructions: "15-20 minutes", "400 mg", "3 sets", "$120" are not statistics.
 */
export function unitAt(t: Tokens, j: number): UnitClass {
  let w = j
  if (t.isPunct(w, '-') && t.tight(w) && t.tight(w + 1)) {
    w++
  }
  if (t.isPunct(w, '%')) {
    return 'percent'
  }
  if (t.k(w) !== WORD) {
    return 'none'
  }
  if (PERCENT_WORDS.has(t, w) || (t.is(w, 'per') && t.is(w + 1, 'cent'))) {
    return 'percent'
  }
  if (TIME_UNITS.has(t, w)) {
    return 'time'
  }
  if (DOSE_UNITS.has(t, w)) {
    return 'dose'
  }
  if (CURRENCY_WORDS.has(t, w)) {
    return 'money'
  }
  if (SCHEDULE_NOUNS.has(t, w)) {
    return 'schedule'
  }
  if (PEOPLE.has(t, w)) {
    return 'people'
  }
  return 'none'
}

export function isTimeOrDose(t: Tokens, j: number): boolean {
  const u = unitAt(t, j)
  return u === 'time' || u === 'dose' || u === 'money'
}
