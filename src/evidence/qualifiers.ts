/**
 * The qualifier of a statistic ("up to 50%", "at least 3 in 10", "more than twice") and whether a
 * claim's statistic row may back it. Pure; used by suggested claims, where a claim is only offered
 * for a statistic it states the same way.
 *
 * `statisticMatches` compares values, units and ranges only. A suggestion is stricter: "up to
 * 50%" and "more than 50%" say different things, so a directional qualifier (up to, at least,
 * more than) must be the same on both sides. "About" and an exact figure are interchangeable
 * (rounding is already within the match tolerance).
 */
import { normalizeText } from './normalize'

/** The values of the `claims.statistics.qualifier` select. */
export type StatisticQualifier = 'about' | 'at-least' | 'exact' | 'more-than' | 'up-to'

export const STATISTIC_QUALIFIER_VALUES: readonly StatisticQualifier[] = [
  'exact',
  'up-to',
  'at-least',
  'about',
  'more-than',
]

/** The qualifiers that give a direction; each only matches itself. */
export const DIRECTIONAL_QUALIFIERS: readonly StatisticQualifier[] = [
  'up-to',
  'at-least',
  'more-than',
]

export const isStatisticQualifier = (value: unknown): value is StatisticQualifier =>
  typeof value === 'string' && (STATISTIC_QUALIFIER_VALUES as readonly string[]).includes(value)

/**
 * What each qualifier `detectStatistics` keeps at the start of a statistic's text means
 * (`QUALIFIERS` and `COMPARISON_SYMBOLS` of evidence/detect/lexicons.ts — every one of them is
 * here; tests/unit/qualifiers.test.ts fails when the detector learns one this table does not
 * know). Keys are lower case, words separated by one space.
 *
 * Bounds from above — "less than", "fewer than", "under", "below", "at most", "no more than", "as
 * many as" — are 'up-to' (the select has no strict "less than"); "as few as" / "as little as"
 * (the figure is the low end) are 'at-least'; "nearly" and "almost" are 'about', as are
 * "estimated", "some", "close to"; emphasis that states the figure itself ("only", "exactly",
 * "overall") is 'exact'.
 */
export const QUALIFIER_MEANINGS: Readonly<Record<string, StatisticQualifier>> = {
  // from above
  'up to': 'up-to',
  'as much as': 'up-to',
  'as many as': 'up-to',
  'no more than': 'up-to',
  'at most': 'up-to',
  'less than': 'up-to',
  'fewer than': 'up-to',
  'just under': 'up-to',
  under: 'up-to',
  below: 'up-to',
  '<': 'up-to',
  '<=': 'up-to',
  '≤': 'up-to',
  // from below, the figure included
  'at least': 'at-least',
  'as few as': 'at-least',
  'as little as': 'at-least',
  '>=': 'at-least',
  '≥': 'at-least',
  // from below, the figure excluded
  'more than': 'more-than',
  'greater than': 'more-than',
  'upwards of': 'more-than',
  'in excess of': 'more-than',
  'well over': 'more-than',
  'just over': 'more-than',
  over: 'more-than',
  above: 'more-than',
  '>': 'more-than',
  // approximately
  'close to': 'about',
  'an estimated': 'about',
  estimated: 'about',
  nearly: 'about',
  almost: 'about',
  about: 'about',
  around: 'about',
  approximately: 'about',
  approx: 'about',
  roughly: 'about',
  circa: 'about',
  some: 'about',
  '~': 'about',
  '≈': 'about',
  // the figure itself
  only: 'exact',
  just: 'exact',
  barely: 'exact',
  fully: 'exact',
  exactly: 'exact',
  precisely: 'exact',
  overall: 'exact',
}

/** The phrases of {@link QUALIFIER_MEANINGS}, longest first ("no more than" before "more than"). */
const PHRASES = Object.keys(QUALIFIER_MEANINGS).sort((a, b) => b.length - a.length)

const isLetter = (char: string | undefined): boolean => char !== undefined && /\p{L}/u.test(char)

/** Whether `phrase` is at `at` of `text` as whole words (symbols need no word boundary). */
function phraseAt(text: string, phrase: string, at: number): boolean {
  if (!text.startsWith(phrase, at)) {
    return false
  }
  if (!isLetter(phrase[0])) {
    return true
  }
  return !isLetter(text[at - 1]) && !isLetter(text[at + phrase.length])
}

/**
 * The qualifier a statistic's text states: "up to 50%" → 'up-to', "fewer than 10%" → 'up-to',
 * "70%" → 'exact'. `detectStatistics` keeps a qualifier at the start of the text, so the phrase of
 * {@link QUALIFIER_MEANINGS} the text starts with (the longest) decides; words later in the text
 * ("a rise over baseline") do not. A trailing "+" ("50%+", "65+") is 'at-least'.
 */
export function qualifierOf(text: string): StatisticQualifier {
  // The detector's view: full-width forms folded, odd spaces plain, invisible characters gone.
  const lower = normalizeText(text)
    .text.toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^[\s([{"'“‘]+/u, '')
  const phrase = PHRASES.find((candidate) => phraseAt(lower, candidate, 0))
  if (phrase !== undefined) {
    return QUALIFIER_MEANINGS[phrase] ?? 'exact'
  }
  if (/\d\s*(?:%\s*)?\+/.test(lower)) {
    return 'at-least'
  }
  return 'exact'
}

/** The row's qualifier (missing: 'exact', the field's default) may back a statistic stated with `stated`. */
export function qualifiersAgree(
  stated: StatisticQualifier,
  row: null | StatisticQualifier | undefined,
): boolean {
  const other = row ?? 'exact'
  const isDirectional = (q: StatisticQualifier) => DIRECTIONAL_QUALIFIERS.includes(q)
  if (isDirectional(stated) || isDirectional(other)) {
    return stated === other
  }
  return true
}
