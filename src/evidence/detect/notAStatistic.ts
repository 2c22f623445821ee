import type { RangeRead } from './numbers'
import type { Skip } from './outcome'
import type { Tokens } from './tokens'

/**
 * Pattern 0 of `detectStatistics`, tried before every other: numbers that are never
 * statistics — list numbers, prices, phone numbers, dates and years, times of day,
 * ordinals and decades, identifiers (B12, omega-3, Table 2), citations and ages. They
 * are skipped so that no later pattern reads them.
 */
import {
  AGE_COMPARATORS,
  AGE_CUES,
  LABELS,
  MONTHS,
  ORDINAL_SUFFIX,
  PEOPLE,
  PREPOSITIONS,
} from './lexicons'
import { isYearLike, unitAt } from './numbers'
import { NUM, WORD } from './tokens'

function skipThrough(to: number, range: RangeRead): Skip {
  return { skipTo: Math.max(to, range.last) }
}

/**
 * Numbers that are never statistics: list numbers, prices, phone numbers, dates and
 * years, times of day, ordinals/decades, identifiers (B12, omega-3, COVID-19, Table 2),
 * citations ([3]) and ages ("aged 18 to 75", "adults over 65", "50-year-old").
 */
export function notAStatistic(t: Tokens, i: number, range: RangeRead): Skip | null {
  const { lo } = range
  const after = range.last + 1

  if (t.k(i) === NUM) {
    const isInt = lo.decimals === 0
    // "1. Natural Pain Reduction", "2) …"
    const bulletBefore = t.isPunct(i - 1, '-*•') && t.lineStart(i - 1)
    if (
      isInt &&
      (t.lineStart(i) || bulletBefore) &&
      t.isPunct(lo.last + 1, '.)') &&
      t.tight(lo.last + 1) &&
      t.k(lo.last + 2) !== NUM
    ) {
      return skipThrough(lo.last + 1, range)
    }
    // Prices: "$95", "£20-30", "120 dollars"
    if (
      t.isPunct(i - 1, '$£€¥₹') ||
      (t.k(i - 1) === WORD && t.tight(i) && t.is(i - 1, 'us') && t.isPunct(i, '$'))
    ) {
      return skipThrough(range.last, range)
    }
    if (unitAt(t, after) === 'money') {
      return skipThrough(after, range)
    }
    // Phone numbers, dates, codes: chains like 949-555-0142, 2021-03-05, 3/5/2021, 555.0142
    let groups = 1
    let digits = t.e(i) - t.s(i)
    let j = i
    while (t.isPunct(j + 1, '-./') && t.tight(j + 1) && t.k(j + 2) === NUM && t.tight(j + 2)) {
      j += 2
      groups++
      digits += t.e(j) - t.s(j)
    }
    if (groups >= 3 || (groups === 2 && digits >= 7 && !t.isPunct(j + 1, '%'))) {
      return skipThrough(j, range)
    }
    // "(949) 555-0142" / citations "[3]", "(12)", "[3, 4]"
    if (
      t.isPunct(i - 1, '[(') &&
      isInt &&
      (t.isPunct(lo.last + 1, '])') || (t.isPunct(lo.last + 1, ',') && t.isPunct(i - 1, '[')))
    ) {
      if (t.isPunct(i - 1, '[') || lo.plainDigits === 3 || lo.value < 1000) {
        if (t.isPunct(i - 1, '[')) {
          let k = lo.last + 1
          while (t.isPunct(k, ',–-') && t.k(k + 1) === NUM) {
            k += 2
          }
          if (t.isPunct(k, ']')) {
            return skipThrough(k, range)
          }
        } else {
          return skipThrough(lo.last + 1, range)
        }
      }
    }
    // Times of day: 10:30, 3 pm, 9am
    if (
      t.isPunct(lo.last + 1, ':') &&
      t.tight(lo.last + 1) &&
      t.k(lo.last + 2) === NUM &&
      t.tight(lo.last + 2)
    ) {
      return skipThrough(lo.last + 2, range)
    }
    // Ordinals and decades: 1st, 3rd, 40s
    if (t.tight(lo.last + 1) && ORDINAL_SUFFIX.has(t, lo.last + 1)) {
      return skipThrough(lo.last + 1, range)
    }
    // Identifiers: B12, x10, omega-3, COVID-19, IL-6
    if (t.tight(i) && t.k(i - 1) === WORD) {
      return skipThrough(range.last, range)
    }
    if (t.tight(i) && t.isPunct(i - 1, '-') && t.tight(i - 1) && t.k(i - 2) === WORD) {
      return skipThrough(range.last, range)
    }
    if (t.isPunct(i - 1, '#№')) {
      return skipThrough(range.last, range)
    }
    // Years: "in 2019", "2012", "2019–2021" — unless stated as a percentage or a headcount
    if (isYearLike(lo)) {
      const u = unitAt(t, after)
      const headcount = u === 'people' && !PREPOSITIONS.has(t, i - 1)
      if (u !== 'percent' && !headcount) {
        let k = range.last
        if (t.isPunct(k + 1, '-–/') && t.k(k + 2) === NUM) {
          k += 2
        }
        return skipThrough(k, range)
      }
    }
    // Dates: "March 3, 2021", "3 March"
    if (MONTHS.has(t, i - 1) || MONTHS.has(t, after)) {
      return skipThrough(MONTHS.has(t, after) ? after : range.last, range)
    }
  }
  // Whatever precedes it, a number stated as a percentage, a proportion or a headcount is
  // read by the patterns ("In this study 45% of patients…", "aged 65 and over, 1 in 3…").
  const stated = unitAt(t, after)
  if (
    stated === 'percent' ||
    stated === 'people' ||
    t.is(after, 'in') ||
    (t.is(after, 'out') && t.is(after + 1, 'of'))
  ) {
    return null
  }
  // Labels: "Table 2", "Type 2 diabetes", "week 12", "Step three"
  if (LABELS.has(t, i - 1) && !t.boundaryBefore(i)) {
    return skipThrough(range.last, range)
  }
  // Ages: "aged 18 to 75", "ages: 40-65", "age range 20-30", "aged between 40 and 60"
  let cue = i - 1
  if (
    t.is(cue, 'between') ||
    t.is(cue, 'from') ||
    t.is(cue, 'of') ||
    t.isPunct(cue, ':(') ||
    t.is(cue, 'range') ||
    t.is(cue, 'ranging')
  ) {
    cue--
  }
  if (t.is(cue, 'range') || t.is(cue, 'group') || t.is(cue, 'groups')) {
    cue--
  }
  if (AGE_CUES.has(t, cue)) {
    return skipThrough(range.last, range)
  }
  let c = i - 1
  if (t.is(c, 'than') && AGE_COMPARATORS.has(t, c - 1)) {
    c--
  }
  if (AGE_COMPARATORS.has(t, c)) {
    let p = c - 1
    if (t.is(p, 'and') || t.is(p, 'or')) {
      p -= 2
    }
    if (PEOPLE.has(t, p) || (t.is(c + 1, 'the') && t.is(c + 2, 'age'))) {
      return skipThrough(range.last, range)
    }
  }
  if (
    (t.is(after, 'years') || t.is(after, 'year') || t.is(after, 'yrs') || t.is(after, 'yr')) &&
    (t.is(after + 1, 'old') ||
      (t.is(after + 1, 'of') && t.is(after + 2, 'age')) ||
      (t.isPunct(after + 1, '-') && t.is(after + 2, 'old')))
  ) {
    return skipThrough(after + 1, range)
  }
  if (
    t.isPunct(after, '-') &&
    (t.is(after + 1, 'year') || t.is(after + 1, 'years')) &&
    t.isPunct(after + 2, '-') &&
    t.is(after + 3, 'old')
  ) {
    return skipThrough(after + 3, range)
  }
  if (
    (t.is(after, 'and') || t.is(after, 'or')) &&
    (t.is(after + 1, 'older') ||
      t.is(after + 1, 'over') ||
      t.is(after + 1, 'above') ||
      t.is(after + 1, 'younger') ||
      t.is(after + 1, 'under'))
  ) {
    return skipThrough(after + 1, range)
  }
  if (t.is(after, 'yo') || (t.is(after, 'y') && t.isPunct(after + 1, '/'))) {
    return skipThrough(after, range)
  }
  return null
}
