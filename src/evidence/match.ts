/**
 * Does a statistic found in prose state the same value as a statistic row on a claim?
 */
import type { DetectedStatistic } from './types'

/** One row of a claim's `statistics` array. */
export interface ClaimStatistic {
  value: number
  /** Upper bound of a range ("40–60%" → value 40, upper 60). */
  upper?: number | null
  /**
   * A `StatisticUnit` ('percent', 'ratio', …) or any other unit a host stores. Missing / null: a
   * bare number, compared with the prose value as stated.
   */
  unit?: string | null
  /** How many sources the row cites; `0` makes a matching row back the text without a citation. */
  sourceCount?: number
}

/**
 * Largest absolute difference tolerated between two numbers that should be "the same":
 * `min(0.5, 5% of the larger magnitude)`.
 *
 * - Percentages and other values ≥ 10 may differ by up to 0.5, which absorbs rounding between
 *   prose and claim (33% / "one in three" = 33.33%, 66.7% vs 67%, 69.6% stated as 70%).
 * - Small values get a proportionally tighter band so they stay distinct: 1.5× vs 1.45× match
 *   (one-decimal rounding), and 4.2 vs 4.1 points match, but 2× vs 2.5×, 4.2 vs 3.8
 *   points, or 0.01% vs 0.4% do not.
 */
export function matchTolerance(a: number, b: number): number {
  return Math.min(0.5, 0.05 * Math.max(Math.abs(a), Math.abs(b)))
}

/** Two numbers are equal within {@link matchTolerance} (plus float noise). */
export function sameNumber(a: number, b: number): boolean {
  if (!Number.isFinite(a) || !Number.isFinite(b)) {
    return false
  }
  return Math.abs(a - b) <= matchTolerance(a, b) + 1e-9
}

interface Normalised {
  value: number
  upper?: number
  /** `null` for a unitless claim row. */
  unit: string | null
}

/** Percent-like units are compared as percentages: a ratio of 0.7 is 70%. */
function normalise(
  value: number,
  upper: number | null | undefined,
  unit: string | null | undefined,
): Normalised {
  const scale = unit === 'ratio' ? 100 : 1
  const u = unit === 'ratio' ? 'percent' : unit == null || unit === '' ? null : unit
  const out: Normalised = { value: value * scale, unit: u }
  if (upper != null && Number.isFinite(upper)) {
    out.upper = upper * scale
  }
  return out
}

/**
 * True when `row` states the same statistic as `detected`:
 *
 * - Units must agree, where `percent` and `ratio` are one family (ratio × 100 = percent, so a row
 *   `{ value: 0.7, unit: 'ratio' }` matches "70%" and "seven in ten"). `multiplier`, `count`,
 *   `points` and `duration` only match themselves. A row without a unit matches on its number
 *   alone (compared in the unit the prose states).
 * - A range matches only a range, with both ends equal ("40-60%" ↔ 40 / upper 60); a single value
 *   never matches a range or vice versa.
 * - Numbers compare within {@link matchTolerance}.
 */
export function statisticMatches(detected: DetectedStatistic, row: ClaimStatistic): boolean {
  if (typeof row.value !== 'number') {
    return false
  }
  const d = normalise(detected.value, detected.upper, detected.unit)
  const r = normalise(row.value, row.upper, row.unit)
  if (r.unit !== null && r.unit !== d.unit) {
    return false
  }
  if ((d.upper === undefined) !== (r.upper === undefined)) {
    return false
  }
  if (!sameNumber(d.value, r.value)) {
    return false
  }
  if (d.upper !== undefined && r.upper !== undefined) {
    return sameNumber(d.upper, r.upper)
  }
  return true
}

/** True when the units differ but the numbers would otherwise match (to explain a mismatch). */
export function differsOnlyInUnit(detected: DetectedStatistic, row: ClaimStatistic): boolean {
  if (statisticMatches(detected, row)) {
    return false
  }
  return statisticMatches(detected, { value: row.value, upper: row.upper ?? null, unit: null })
}

function formatNumber(n: number): string {
  if (!Number.isFinite(n)) {
    return String(n)
  }
  const rounded = Math.round(n * 100) / 100
  return rounded.toLocaleString('en-US', { maximumFractionDigits: 2 })
}

/**
 * Human text for a statistic row (or a detected statistic): "70%", "40–60%", "2×", "1,162",
 * "4.2 points", "0.7" (ratios are shown as recorded). Ranges use an en dash.
 */
export function describeStatistic(row: ClaimStatistic): string {
  const unit = row.unit ?? null
  const upper = row.upper ?? null
  const num = (n: number): string => formatNumber(n)
  const span = upper === null ? num(row.value) : `${num(row.value)}–${num(upper)}`
  switch (unit) {
    case 'percent':
      return `${span}%`
    case 'multiplier':
      return `${span}×`
    case 'points':
      return `${span} ${upper === null && row.value === 1 ? 'point' : 'points'}`
    default:
      return span
  }
}
