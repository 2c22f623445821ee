/**
 * What changed in a claim since its last approved version: the statement word by word, and the
 * statistics and sources as lines added, removed or kept. Pure: no Payload import; the diffing
 * itself is the `diff` package's.
 */
import type { ChangeObject } from 'diff'

import { diffArrays } from 'diff'

export type DiffOp = 'added' | 'removed' | 'same'

export interface DiffPart {
  op: DiffOp
  text: string
}

/** A claim reduced to what a reviewer compares. */
export interface ComparableClaim {
  statement: string
  statistics: string[]
  sources: string[]
}

export interface ClaimDiff {
  statement: DiffPart[]
  statistics: DiffPart[]
  sources: DiffPart[]
  /** False when nothing a reviewer compares has changed. */
  hasChanges: boolean
}

const opOf = (change: ChangeObject<string[]>): DiffOp =>
  change.added ? 'added' : change.removed ? 'removed' : 'same'

/** Diff of two token lists (the `diff` package's Myers diff): one part per token, in order. */
export function diffTokens(before: readonly string[], after: readonly string[]): DiffPart[] {
  return diffArrays([...before], [...after]).flatMap((change) =>
    change.value.map((text) => ({ op: opOf(change), text })),
  )
}

/** Words and the whitespace between them, so that joining the tokens gives the text back. */
const words = (text: string): string[] => text.split(/(\s+)/).filter((token) => token !== '')

/** Word diff of two statements; a run of words of one kind is one part, so "+ 70% of" reads as one insertion. */
function diffStatement(before: string, after: string): DiffPart[] {
  return diffArrays(words(before), words(after)).map((change) => ({
    op: opOf(change),
    text: change.value.join(''),
  }))
}

/** The changes from the last approved version (`null` when there is none) to the draft. */
export function diffClaims(approved: ComparableClaim | null, draft: ComparableClaim): ClaimDiff {
  const base: ComparableClaim = approved ?? { statement: '', statistics: [], sources: [] }
  const statement = diffStatement(base.statement, draft.statement)
  const statistics = diffTokens(base.statistics, draft.statistics)
  const sources = diffTokens([...base.sources].sort(), [...draft.sources].sort())
  const hasChanges = [...statement, ...statistics, ...sources].some((part) => part.op !== 'same')
  return { statement, statistics, sources, hasChanges }
}

const UNIT_SUFFIX: Record<string, string> = { percent: '%', multiplier: '×' }
const QUALIFIER: Record<string, string> = {
  'up-to': 'up to ',
  'at-least': 'at least ',
  about: 'about ',
  'more-than': 'more than ',
}

export interface StatisticLike {
  value?: null | number
  upper?: null | number
  unit?: null | string
  qualifier?: null | string
  measure?: null | string
  population?: null | string
  locator?: null | string
  sources?: unknown
}

/** "up to 50% — reduction in inflammatory markers (adults) · sources: Smith 2020 · p. 4" */
export function describeStatisticRow(
  row: StatisticLike,
  sourceName: (source: unknown) => string,
): string {
  const suffix =
    UNIT_SUFFIX[row.unit ?? ''] ?? (row.unit && row.unit !== 'count' ? ` ${row.unit}` : '')
  const value =
    typeof row.value === 'number'
      ? `${row.value}${typeof row.upper === 'number' ? `–${row.upper}` : ''}${suffix}`
      : '(no value)'
  const parts = [`${QUALIFIER[row.qualifier ?? ''] ?? ''}${value}`]
  if (row.measure) {
    parts.push(`— ${row.measure}`)
  }
  if (row.population) {
    parts.push(`(${row.population})`)
  }
  const sources = Array.isArray(row.sources) ? row.sources.map(sourceName) : []
  parts.push(`· sources: ${sources.length > 0 ? sources.join('; ') : 'none'}`)
  if (row.locator) {
    parts.push(`· ${row.locator}`)
  }
  return parts.join(' ')
}
