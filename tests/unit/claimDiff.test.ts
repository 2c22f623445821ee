import { describe, expect, it } from 'vitest'

import { describeStatisticRow, diffClaims } from '../../src/admin/claimDiff'

const claim = (statement: string, statistics: string[] = [], sources: string[] = []) => ({
  statement,
  statistics,
  sources,
})

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
    expect(diffClaims(approved, claim('Half of patients.', ['50%'], ['B', 'A'])).hasChanges).toBe(
      false,
    )
  })

  it('lists a removed source', () => {
    const diff = diffClaims(claim('x', [], ['A', 'B']), claim('x', [], ['A']))
    expect(diff.sources).toEqual([
      { op: 'same', text: 'A' },
      { op: 'removed', text: 'B' },
    ])
  })

  it('gives the statement as runs of words, whitespace kept, that join back into both versions', () => {
    const before = 'Up to 70% of adults improved.'
    const after = 'Up to 62% of older adults improved quickly.'
    const { statement } = diffClaims(claim(before), claim(after))
    expect(statement).toEqual([
      { op: 'same', text: 'Up to ' },
      { op: 'removed', text: '70%' },
      { op: 'added', text: '62%' },
      { op: 'same', text: ' of ' },
      { op: 'added', text: 'older ' },
      { op: 'same', text: 'adults ' },
      { op: 'removed', text: 'improved.' },
      { op: 'added', text: 'improved quickly.' },
    ])
    const text = (op: 'added' | 'removed') =>
      statement
        .filter((part) => part.op !== op)
        .map((part) => part.text)
        .join('')
    expect(text('added')).toBe(before)
    expect(text('removed')).toBe(after)
  })

  it('gives statistics one part per row, in order, and sources sorted', () => {
    const diff = diffClaims(
      claim('x', ['up to 70%', 'p < 0.01'], ['Vickers 2018', 'Smith 2020']),
      claim('x', ['up to 62%', 'p < 0.01', 'n = 120'], ['Vickers 2018']),
    )
    expect(diff.statistics).toEqual([
      { op: 'removed', text: 'up to 70%' },
      { op: 'added', text: 'up to 62%' },
      { op: 'same', text: 'p < 0.01' },
      { op: 'added', text: 'n = 120' },
    ])
    expect(diff.sources).toEqual([
      { op: 'removed', text: 'Smith 2020' },
      { op: 'same', text: 'Vickers 2018' },
    ])
  })

  it('gives an empty statement no parts', () => {
    expect(diffClaims(claim(''), claim('')).statement).toEqual([])
    expect(diffClaims(null, claim('New claim.')).statement).toEqual([
      { op: 'added', text: 'New claim.' },
    ])
  })

  it('describes a statistic row with its range, qualifier and sources', () => {
    const line = describeStatisticRow(
      {
        value: 40,
        upper: 60,
        unit: 'percent',
        qualifier: 'up-to',
        measure: 'reduction in markers',
        sources: [1],
      },
      (source) => `Source ${String(source)}`,
    )
    expect(line).toBe('up to 40–60% — reduction in markers · sources: Source 1')
  })
})
