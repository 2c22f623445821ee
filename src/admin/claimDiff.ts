/**
 * What changed in a claim since its last approved version: the statement word by word, and the
 * statistics and sources as lines added, removed or kept. Pure: no Payload import.
 */

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

/** Longest-common-subsequence diff of two token lists. */
export function diffTokens(before: readonly string[], after: readonly string[]): DiffPart[] {
  const n = before.length
  const m = after.length
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0))
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = before[i] === after[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!)
    }
  }
  const parts: DiffPart[] = []
  const push = (op: DiffOp, text: string) => parts.push({ op, text })
  let i = 0
  let j = 0
  while (i < n && j < m) {
    if (before[i] === after[j]) {
      push('same', before[i]!)
      i++
      j++
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) {
      push('removed', before[i++]!)
    } else {
      push('added', after[j++]!)
    }
  }
  while (i < n) push('removed', before[i++]!)
  while (j < m) push('added', after[j++]!)
  return parts
}

const words = (text: string): string[] => text.split(/(\s+)/).filter((token) => token !== '')

/** Joins adjacent word parts of the same kind, so "+ 70% of" reads as one insertion. */
function mergeRuns(parts: DiffPart[]): DiffPart[] {
  const merged: DiffPart[] = []
  for (const part of parts) {
    const last = merged[merged.length - 1]
    if (last && last.op === part.op) last.text += part.text
    else merged.push({ ...part })
  }
  return merged
}

/** The changes from the last approved version (`null` when there is none) to the draft. */
export function diffClaims(approved: ComparableClaim | null, draft: ComparableClaim): ClaimDiff {
  const base: ComparableClaim = approved ?? { statement: '', statistics: [], sources: [] }
  const statement = mergeRuns(diffTokens(words(base.statement), words(draft.statement)))
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
export function describeStatisticRow(row: StatisticLike, sourceName: (source: unknown) => string): string {
  const suffix = UNIT_SUFFIX[row.unit ?? ''] ?? (row.unit && row.unit !== 'count' ? ` ${row.unit}` : '')
  const value =
    typeof row.value === 'number'
      ? `${row.value}${typeof row.upper === 'number' ? `–${row.upper}` : ''}${suffix}`
      : '(no value)'
  const parts = [`${QUALIFIER[row.qualifier ?? ''] ?? ''}${value}`]
  if (row.measure) parts.push(`— ${row.measure}`)
  if (row.population) parts.push(`(${row.population})`)
  const sources = Array.isArray(row.sources) ? row.sources.map(sourceName) : []
  parts.push(`· sources: ${sources.length > 0 ? sources.join('; ') : 'none'}`)
  if (row.locator) parts.push(`· ${row.locator}`)
  return parts.join(' ')
}
