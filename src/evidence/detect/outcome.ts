/**
 * What a pattern of `detectStatistics` returns at an anchor token: a `Match` (a statistic
 * spanning tokens first…last, with its kind, value and unit), a `Skip` (tokens known not
 * to be a statistic, consumed so no later pattern reads them), or `null` (nothing here).
 */
import type { StatisticKind, StatisticUnit } from '../types'

export interface Match {
  first: number
  last: number
  kind: StatisticKind
  value: number
  upper?: number
  unit: StatisticUnit
}

/** Tokens [first, last] are known not to be a statistic and are consumed. */
export interface Skip {
  skipTo: number
}

export type Outcome = Match | Skip | null

export function isSkip(o: Match | Skip): o is Skip {
  return (o as Skip).skipTo !== undefined
}
