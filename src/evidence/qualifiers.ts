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

/** The qualifier a statistic's text states: "up to 50%" → 'up-to', "70%" → 'exact'. */
export function qualifierOf(text: string): StatisticQualifier {
  const lower = text.toLowerCase()
  if (/\bup to\b|<|≤/.test(lower)) {
    return 'up-to'
  }
  if (/\bat least\b|≥|>=/.test(lower)) {
    return 'at-least'
  }
  if (/\b(?:more than|over|greater than)\b|>|\+/.test(lower)) {
    return 'more-than'
  }
  if (/\b(?:about|around|roughly|approximately|nearly|almost|an estimated)\b|~|≈/.test(lower)) {
    return 'about'
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
