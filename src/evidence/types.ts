/**
 * Shared types of the pure evidence engine. Nothing in `src/evidence/` imports Payload.
 */

/** What kind of statistic a piece of prose states. */
export type StatisticKind =
  | 'percentage'
  | 'proportion'
  | 'multiplier'
  | 'scoreChange'
  | 'count'
  | 'measure'

/** Units a statistic row on a claim can carry (mirrors the `claims.statistics.unit` select). */
export type StatisticUnit = 'percent' | 'ratio' | 'multiplier' | 'count' | 'points' | 'duration'

/** One statistic found in a piece of prose by `detectStatistics`. */
export interface DetectedStatistic {
  /** The exact substring of the input that states the statistic, e.g. "up to 50%". */
  text: string
  /** Offset of `text` in the input (UTF-16 code units, like String#slice). */
  start: number
  /** End offset (exclusive). */
  end: number
  kind: StatisticKind
  /** Numeric value, normalised to `unit` ("seven in ten" → 70 percent; "twice" → 2 multiplier). */
  value: number
  /** Upper bound of a range ("40-60%" → value 40, upper 60). */
  upper?: number
  unit: StatisticUnit
}
