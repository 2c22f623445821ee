import type { NumberRead, RangeRead } from './numbers'
import type { Match, Outcome } from './outcome'
import type { Tokens } from './tokens'

/**
 * Pattern 1 of `detectStatistics`: statistical measures — p-values, confidence
 * intervals ("95% CI 3 to 7"), odds/hazard/risk ratios, NNT/NNH, effect sizes,
 * correlations and sample sizes ("n = 120"), whether named by abbreviation, by phrase
 * ("number needed to treat was 4") or after their value ("a 0.7 correlation").
 */
import {
  CI_WORDS,
  LINKING,
  MEASURE_ABBR,
  MEASURE_ABBR_LEX,
  MEASURE_FIRST_WORDS,
  MEASURE_PHRASES,
} from './lexicons'
import { isTimeOrDose, isYearLike, readNumber, unitAt } from './numbers'
import { NUM, WORD } from './tokens'

/** Reads "[sign] NUM [%]" at j; returns the number, last token and whether it had %. */
function readSignedValue(
  t: Tokens,
  j: number,
): { n: NumberRead; last: number; pct: boolean; sign: number } | null {
  let sign = 1
  let k = j
  if (t.isPunct(k, '-−–') && t.tight(k + 1) && t.k(k + 1) === NUM) {
    sign = -1
    k++
  }
  if (t.k(k) !== NUM) {
    return null
  }
  const n = readNumber(t, k)
  if (!n) {
    return null
  }
  let last = n.last
  let pct = false
  if (t.isPunct(last + 1, '%')) {
    pct = true
    last++
  }
  return { n, last, pct, sign }
}

/** Confidence interval bounds after the "CI" words ending at token j-1. */
function readInterval(
  t: Tokens,
  j: number,
): { lo: number; hi: number; last: number; pct: boolean } | null {
  let k = j
  for (
    let guard = 0;
    guard < 3 &&
    (t.isPunct(k, ':,=([') || t.is(k, 'of') || t.is(k, 'was') || t.is(k, 'from') || t.is(k, 'is'));
    guard++
  ) {
    k++
  }
  const a = readSignedValue(t, k)
  if (!a) {
    return null
  }
  k = a.last + 1
  if (!(t.isPunct(k, '-–—,;') || t.is(k, 'to'))) {
    return null
  }
  const b = readSignedValue(t, k + 1)
  if (!b) {
    return null
  }
  let last = b.last
  if (t.isPunct(last + 1, ')]') && t.isPunct(j, '([')) {
    last++
  }
  return { lo: a.sign * a.n.value, hi: b.sign * b.n.value, last, pct: a.pct || b.pct }
}

/** After a measure name ending at token j-1: "(NNT)", linking words, then the value. */
function readMeasureValue(
  t: Tokens,
  j: number,
): { value: number; last: number; pct: boolean } | null {
  let k = j
  // Optional parenthesised abbreviation: "number needed to treat (NNT) of 4"
  if (t.isPunct(k, '(') && t.k(k + 1) === WORD && t.isPunct(k + 2, ')')) {
    k += 3
  }
  let words = 0
  for (let guard = 0; guard < 6; guard++) {
    if (t.isPunct(k, '=:,≈~<>≤≥')) {
      k++
    } else if (LINKING.has(t, k)) {
      k++
    } else if (t.k(k) === WORD && words < 3 && !t.boundaryBefore(k) && !t.is(k, 'and')) {
      // a few free words: "odds ratio for recurrence was 2.1"
      words++
      k++
    } else {
      break
    }
  }
  if (t.boundaryBefore(k) && k !== j) {
    return null
  }
  const v = readSignedValue(t, k)
  if (!v || isYearLike(v.n) || isTimeOrDose(t, v.last + 1)) {
    return null
  }
  return { value: v.sign * v.n.value, last: v.last, pct: v.pct }
}

/**
 * Statistical measures, anchored at their keyword: p-values, confidence intervals,
 * odds/hazard/risk ratios, NNT/NNH, effect sizes, correlations and "n = 120".
 */
export function measureAtWord(t: Tokens, i: number): Match | null {
  // p-values: "p < 0.01", "P=.03", "p-value of 0.04"
  if (t.is(i, 'p') && !(t.tight(i) && t.k(i - 1) === WORD)) {
    let k = i + 1
    if (t.isPunct(k, '-') && t.is(k + 1, 'value')) {
      k += 2
    } else if (t.is(k, 'value')) {
      k += 1
    }
    let linked = false
    while (
      t.isPunct(k, '<>=≤≥') ||
      t.is(k, 'of') ||
      t.is(k, 'was') ||
      t.is(k, 'is') ||
      t.is(k, 'less') ||
      t.is(k, 'than')
    ) {
      linked = true
      k++
    }
    const v = linked ? readSignedValue(t, k) : null
    if (v && v.n.value <= 1 && !v.pct) {
      return { first: i, last: v.last, kind: 'measure', value: v.n.value, unit: 'ratio' }
    }
    return null
  }
  // n = 120
  if ((t.isExactly(i, 'n') || t.isExactly(i, 'N')) && t.isPunct(i + 1, '=')) {
    const v = readSignedValue(t, i + 2)
    if (v && v.sign > 0 && !v.pct) {
      return { first: i, last: v.last, kind: 'count', value: v.n.value, unit: 'count' }
    }
    return null
  }
  // r = 0.45, d = 0.3
  if (
    (t.isExactly(i, 'r') || t.isExactly(i, 'R') || t.isExactly(i, 'd') || t.isExactly(i, 'ρ')) &&
    t.isPunct(i + 1, '=')
  ) {
    const v = readSignedValue(t, i + 2)
    if (v && Math.abs(v.n.value) <= 5) {
      return { first: i, last: v.last, kind: 'measure', value: v.sign * v.n.value, unit: 'ratio' }
    }
    return null
  }
  // Confidence intervals without a level: "CI 1.2-3.4", "confidence interval 0.5 to 0.9"
  if (CI_WORDS.has(t, i)) {
    let k = i + 1
    if (t.is(i, 'confidence') || t.is(i, 'credible')) {
      if (!(t.is(k, 'interval') || t.is(k, 'intervals'))) {
        return null
      }
      k++
    } else if (!(t.isExactly(i, 'CI') || t.isExactly(i, 'CrI'))) {
      return null
    }
    const iv = readInterval(t, k)
    if (!iv) {
      return null
    }
    return {
      first: i,
      last: iv.last,
      kind: 'measure',
      value: iv.lo,
      upper: iv.hi,
      unit: iv.pct ? 'percent' : 'ratio',
    }
  }
  // Abbreviations (case-sensitive): OR 2.3, HR=0.76, NNT 4
  const abbr = MEASURE_ABBR_LEX.get(t, i)
  if (abbr !== undefined) {
    const exact = t.raw(i)
    const unit = MEASURE_ABBR.get(exact)
    if (unit === undefined) {
      return null
    }
    let k = i + 1
    if (
      t.isPunct(k, '=:,') ||
      t.is(k, 'of') ||
      t.is(k, 'was') ||
      t.is(k, 'is') ||
      t.is(k, 'were')
    ) {
      k++
    }
    if (t.is(k, 'of') || t.isPunct(k, '=')) {
      k++
    }
    const v = readSignedValue(t, k)
    if (
      !v ||
      isYearLike(v.n) ||
      isTimeOrDose(t, v.last + 1) ||
      unitAt(t, v.last + 1) === 'schedule'
    ) {
      return null
    }
    return {
      first: i,
      last: v.last,
      kind: 'measure',
      value: v.sign * v.n.value,
      unit: v.pct ? 'percent' : unit,
    }
  }
  // Phrases: "odds ratio of 1.8", "number needed to treat was 4"
  if (MEASURE_FIRST_WORDS.has(t, i)) {
    for (const [words, unit] of MEASURE_PHRASES) {
      let ok = true
      for (let w = 0; w < words.length; w++) {
        if (!t.is(i + w, words[w] ?? '')) {
          ok = false
          break
        }
      }
      if (!ok) {
        continue
      }
      const v = readMeasureValue(t, i + words.length)
      if (!v) {
        return null
      }
      return {
        first: i,
        last: v.last,
        kind: 'measure',
        value: v.value,
        unit: v.pct ? 'percent' : unit,
      }
    }
  }
  return null
}

/**
 * A measure named after its value: "a 0.7 correlation", "a 1.8 odds ratio", "a 0.4 effect size".
 * Only decimals: "a 2 hazard ratio" is not how anyone writes, "3 odds" is not a measure.
 */
export function measureAfterNumber(t: Tokens, i: number, range: RangeRead): Match | null {
  if (range.hi || !/[.,]/.test(t.raw(i)) || range.lo.value > 100) {
    return null
  }
  const k = range.last + 1
  if (!MEASURE_FIRST_WORDS.has(t, k)) {
    return null
  }
  for (const [words, unit] of MEASURE_PHRASES) {
    if (words.every((word, w) => t.is(k + w, word))) {
      return { first: i, last: k + words.length - 1, kind: 'measure', value: range.lo.value, unit }
    }
  }
  return null
}

/** "95% CI 3 to 7", "95% confidence interval, 0.5-0.9" anchored at the level. */
export function levelledInterval(t: Tokens, i: number): Outcome {
  if (t.k(i) !== NUM || !t.isPunct(i + 1, '%')) {
    return null
  }
  let k = i + 2
  if (t.isExactly(k, 'CI') || t.isExactly(k, 'CrI')) {
    k++
  } else if (
    (t.is(k, 'confidence') || t.is(k, 'credible')) &&
    (t.is(k + 1, 'interval') || t.is(k + 1, 'intervals'))
  ) {
    k += 2
  } else {
    return null
  }
  const iv = readInterval(t, k)
  if (!iv) {
    return { skipTo: k - 1 }
  }
  return {
    first: i,
    last: iv.last,
    kind: 'measure',
    value: iv.lo,
    upper: iv.hi,
    unit: iv.pct ? 'percent' : 'ratio',
  }
}
