import { describe, expect, it } from 'vitest'

import { describeStatisticRow, diffClaims } from '../../src/admin/claimDiff'

const claim = (statement: string, statistics: string[] = [], sources: string[] = []) => ({ statement, statistics, sources })

describe('claim diff for reviewers', () => {
  it('marks a changed number in the statement as removed and added words', () => {
    const diff = diffClaims(claim('70% of patients improved.'), claim('62% of patients improved.'))
    expect(diff.statement.filter((part) => part.op !== 'same')).toEqual([
      { op: 'removed', text: '70%' },
      { op: 'added', text: '62%' },
    ])
    expect(diff.hasChanges).toBe(true)
  })

  it('shows everything as added for a claim never approved', () => {
    const diff = diffClaims(null, claim('62% of patients.', ['62%'], ['Vickers 2018']))
    expect([...diff.statistics, ...diff.sources].every((part) => part.op === 'added')).toBe(true)
  })

  it('reports no changes when the draft equals the approved version', () => {
    const approved = claim('Half of patients.', ['50%'], ['A', 'B'])
    expect(diffClaims(approved, claim('Half of patients.', ['50%'], ['B', 'A'])).hasChanges).toBe(false)
  })

  it('lists a removed source', () => {
    const diff = diffClaims(claim('x', [], ['A', 'B']), claim('x', [], ['A']))
    expect(diff.sources).toEqual([
      { op: 'same', text: 'A' },
      { op: 'removed', text: 'B' },
    ])
  })

  it('describes a statistic row with its range, qualifier and sources', () => {
    const line = describeStatisticRow(
      { value: 40, upper: 60, unit: 'percent', qualifier: 'up-to', measure: 'reduction in markers', sources: [1] },
      (source) => `Source ${String(source)}`,
    )
    expect(line).toBe('up to 40–60% — reduction in markers · sources: Source 1')
  })
})
