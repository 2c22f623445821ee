/**
 * For each statistic the evidence check reports as needing a claim: the statistic itself (value,
 * unit, qualifier — what suggested claims are found by) and where, in the document the form
 * holds, a claim would be cited for it in one click — a `claimRef` in a rich text field, or the
 * `claim` relationship of a comparison cell or chart point. Pure: no Payload import.
 *
 * Statistics of related documents an article shows (a benefit, a comparison row) are not in the
 * article's form: they get suggestions but no place to cite (open that document to cite).
 */
import type { StatisticQualifier } from '../evidence/qualifiers'
import type { StatisticUnit } from '../evidence/types'
import type { EvidenceIssue } from './checks'

import { detectStatistics } from '../evidence/detect'
import { isLexicalValue } from '../evidence/lexical'
import { qualifierOf } from '../evidence/qualifiers'

/** Where one click cites a claim for a statistic, as a form field path of the checked document. */
export type CitePlace =
  /** Insert a `claimRef` inline block after the sentence in the rich text at `fieldPath`. */
  | { kind: 'claimRef'; fieldPath: string }
  /** Set the relationship at `fieldPath` (a comparison cell's or a chart point's `claim`). */
  | { kind: 'claim'; fieldPath: string }

/** A statistic that needs a claim, as suggested claims and the one-click actions need it. */
export interface EvidenceTarget {
  sentence: string
  statistic: {
    text: string
    value: number
    upper: null | number
    unit: StatisticUnit
    qualifier: StatisticQualifier
  }
  /** Null when the statistic is not in a field of this document that holds a claim. */
  cite: CitePlace | null
}

/** Issues that another claim fixes: none cited, or one that states another number. */
const SUGGESTED_FOR = new Set<EvidenceIssue['reason']>(['mismatch', 'uncovered'])

/** The chart units that make data points (`UNIT_FOR_CHART` in graph.ts). */
const CHART_UNITS = new Set<string>(['count', 'multiplier', 'percent', 'points', 'ratio'])

type Doc = Record<string, unknown>

const isDoc = (value: unknown): value is Doc =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** The value at a dotted field path (`layout.2.points.0.value`). */
export function valueAt(data: unknown, fieldPath: string): unknown {
  let at: unknown = data
  for (const key of fieldPath.split('.')) {
    if (Array.isArray(at) && /^\d+$/.test(key)) {
      at = at[Number(key)]
    } else if (isDoc(at)) {
      at = at[key]
    } else {
      return undefined
    }
  }
  return at
}

const parentOf = (fieldPath: string): string => fieldPath.split('.').slice(0, -1).join('.')

/** A chart data point's statistic (`layout.N.points.M.value`), with the chart's unit. */
function dataPointTarget(issue: EvidenceIssue, data: Doc): EvidenceTarget | null {
  const match = /^(.*)\.points\.\d+\.value$/.exec(issue.fieldPath)
  if (!match) {
    return null
  }
  const chart = valueAt(data, match[1] ?? '')
  const point = valueAt(data, parentOf(issue.fieldPath))
  if (!isDoc(chart) || !isDoc(point) || typeof point.value !== 'number') {
    return null
  }
  const unit = typeof chart.unit === 'string' && chart.unit ? chart.unit : 'percent'
  if (!CHART_UNITS.has(unit)) {
    return null
  }
  return {
    sentence: issue.sentence,
    statistic: {
      text: issue.text,
      value: point.value,
      upper: null,
      unit: unit as StatisticUnit,
      qualifier: 'exact',
    },
    cite: { kind: 'claim', fieldPath: `${parentOf(issue.fieldPath)}.claim` },
  }
}

/** Where a claim is cited for prose at `fieldPath`, if that field is in `data` and takes one. */
function citePlace(fieldPath: string, data: Doc): CitePlace | null {
  if (isLexicalValue(valueAt(data, fieldPath))) {
    return { kind: 'claimRef', fieldPath }
  }
  // A comparison cell's text and a chart point's label are backed by their sibling `claim`.
  if (
    /(?:^|\.)cells\.\d+\.text$/.test(fieldPath) ||
    /(?:^|\.)points\.\d+\.label$/.test(fieldPath)
  ) {
    return isDoc(valueAt(data, parentOf(fieldPath)))
      ? { kind: 'claim', fieldPath: `${parentOf(fieldPath)}.claim` }
      : null
  }
  return null
}

function proseTarget(issue: EvidenceIssue, data: Doc): EvidenceTarget | null {
  const statistic =
    detectStatistics(issue.sentence).find((found) => found.text === issue.text) ??
    detectStatistics(issue.text)[0]
  if (!statistic) {
    return null
  }
  return {
    sentence: issue.sentence,
    statistic: {
      text: issue.text,
      value: statistic.value,
      upper: statistic.upper ?? null,
      unit: statistic.unit,
      qualifier: qualifierOf(issue.text),
    },
    cite: citePlace(issue.fieldPath, data),
  }
}

/**
 * One entry per issue (same order): the statistic to suggest claims for and where to cite one,
 * or null for an issue no other claim fixes ("uncited": its claim needs a source).
 */
export function evidenceTargets(
  issues: readonly EvidenceIssue[],
  data: Doc,
): (EvidenceTarget | null)[] {
  return issues.map((issue) => {
    if (!SUGGESTED_FOR.has(issue.reason)) {
      return null
    }
    return dataPointTarget(issue, data) ?? proseTarget(issue, data)
  })
}
