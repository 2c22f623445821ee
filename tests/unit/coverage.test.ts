import { describe, expect, it } from 'vitest'

import type { CoverageClaim, StatisticDetector, TextSource } from '../../src/evidence/coverage'
import type { ClaimStatistic } from '../../src/evidence/match'
import type { DetectedStatistic } from '../../src/evidence/types'

import { checkCoverage, formatPath, sentenceForClaimRef } from '../../src/evidence/coverage'
import { splitSentences } from '../../src/evidence/lexical'

// --- tiny Lexical JSON builders -------------------------------------------------------------------
type Node = Record<string, unknown>
const text = (t: string): Node => ({ type: 'text', text: t, format: 0, version: 1 })
const link = (url: string, ...children: Node[]): Node => ({
  type: 'link',
  fields: { url },
  children,
  version: 3,
})
const claimRef = (claim: unknown): Node => ({
  type: 'inlineBlock',
  fields: { id: 'r', blockType: 'claimRef', claim },
  version: 1,
})
const inlineBlock = (fields: Node): Node => ({
  type: 'inlineBlock',
  fields: { id: 'ib', ...fields },
  version: 1,
})
const p = (...children: Node[]): Node => ({ type: 'paragraph', children, version: 1 })
const li = (...children: Node[]): Node => ({ type: 'listitem', value: 1, children, version: 1 })
const ul = (...items: Node[]): Node => ({
  type: 'list',
  listType: 'bullet',
  children: items,
  version: 1,
})
const cell = (...children: Node[]): Node => ({ type: 'tablecell', children, version: 1 })
const row = (...cells: Node[]): Node => ({ type: 'tablerow', children: cells, version: 1 })
const table = (...rows: Node[]): Node => ({ type: 'table', children: rows, version: 1 })
const block = (fields: Node): Node => ({
  type: 'block',
  fields: { id: 'b', ...fields },
  version: 2,
})
const doc = (...children: Node[]): { root: Node } => ({
  root: { type: 'root', children, version: 1 },
})

// --- a small fake detector: "70%", "40-60%", "up to 50%", "seven in ten" --------------------------
const fakeDetect: StatisticDetector = (input) => {
  const found: DetectedStatistic[] = []
  for (const m of input.matchAll(/(?:up to )?(\d+(?:\.\d+)?)(?:-(\d+(?:\.\d+)?))?%/g)) {
    const start = m.index
    const stat: DetectedStatistic = {
      text: m[0],
      start,
      end: start + m[0].length,
      kind: 'percentage',
      value: Number(m[1]),
      unit: 'percent',
    }
    if (m[2] !== undefined) {
      stat.upper = Number(m[2])
    }
    found.push(stat)
  }
  for (const m of input.matchAll(/seven in ten/gi)) {
    found.push({
      text: m[0],
      start: m.index,
      end: m.index + m[0].length,
      kind: 'proportion',
      value: 70,
      unit: 'percent',
    })
  }
  return found.sort((a, b) => a.start - b.start)
}

const claim = (id: number | string, ...statistics: ClaimStatistic[]): CoverageClaim => ({
  id,
  statement: `Claim ${id}`,
  statistics,
})
const claimsMap = (...claims: CoverageClaim[]): Map<string, CoverageClaim> =>
  new Map(claims.map((c) => [String(c.id), c]))
const CLAIMS = claimsMap(
  claim(1, { value: 70, unit: 'percent' }),
  claim(2, { value: 40, unit: 'percent' }),
  claim(3, { value: 40, upper: 60, unit: 'percent' }),
  claim('s4', { value: 0.7, unit: 'ratio' }),
  claim(5),
)
const rich = (value: unknown, path: string[] = ['Body']): TextSource => ({
  kind: 'richText',
  value,
  path,
})
const run = (sources: TextSource[], claims = CLAIMS) =>
  checkCoverage({ sources, claims, detect: fakeDetect })

describe('formatPath', () => {
  it('joins with a chevron and drops empty segments', () => {
    expect(formatPath(['Benefits', 'Natural Pain Reduction', '', 'Clinical perspective'])).toBe(
      'Benefits › Natural Pain Reduction › Clinical perspective',
    )
    expect(formatPath([])).toBe('')
  })
})

describe('sentenceForClaimRef', () => {
  it('assigns a ref in a sentence to it, and a ref after a sentence to the one it follows', () => {
    const t = 'First has 70%. Second.'
    const sentences = splitSentences(t)
    expect(sentenceForClaimRef(sentences, 5)).toBe(0)
    expect(sentenceForClaimRef(sentences, 14)).toBe(0) // right after the period
    expect(sentenceForClaimRef(sentences, 15)).toBe(0) // start of the next sentence
    expect(sentenceForClaimRef(sentences, 16)).toBe(1)
    expect(sentenceForClaimRef(sentences, 22)).toBe(1)
    expect(sentenceForClaimRef(sentences, 0)).toBe(0)
  })
})

describe('checkCoverage', () => {
  it('flags a statistic in a paragraph without a claim, with the readable path', () => {
    const result = run([
      rich(doc(p(text('The Cleveland Clinic reports that 70% of their patients improve.'))), [
        'Benefits',
        'Natural Pain Reduction',
        'Clinical perspective',
      ]),
    ])
    expect(result.covered).toEqual([])
    expect(result.mismatched).toEqual([])
    expect(result.uncovered).toHaveLength(1)
    expect(result.uncovered[0]).toMatchObject({
      text: '70%',
      sentence: 'The Cleveland Clinic reports that 70% of their patients improve.',
      path: 'Benefits › Natural Pain Reduction › Clinical perspective',
      reason: 'uncovered',
      message:
        '"70%" in Benefits › Natural Pain Reduction › Clinical perspective is not backed by a cited claim.',
    })
  })

  it('covers a statistic when a claimRef sits in the same sentence', () => {
    const result = run([
      rich(
        doc(
          p(text('Reportedly 70% '), claimRef(1), text(' of patients improve. No numbers here.')),
        ),
      ),
    ])
    expect(result.uncovered).toEqual([])
    expect(result.covered).toMatchObject([
      { text: '70%', claimId: 1, path: 'Body', matchedBy: { value: 70 } },
    ])
  })

  it('covers a statistic when the claimRef follows the period (footnote style), with or without a space', () => {
    const tight = run([
      rich(doc(p(text('70% of patients improve.'), claimRef(1), text(' Next sentence.')))),
    ])
    expect(tight.covered).toHaveLength(1)
    const spaced = run([
      rich(doc(p(text('70% of patients improve. '), claimRef(1), text('Next sentence.')))),
    ])
    expect(spaced.covered).toHaveLength(1)
  })

  it('does not let a claimRef in a different sentence cover the statistic', () => {
    const result = run([
      rich(doc(p(text('70% of patients improve. Many clinics agree '), claimRef(1), text('.')))),
    ])
    expect(result.covered).toEqual([])
    expect(result.uncovered.map((i) => i.text)).toEqual(['70%'])
    const before = run([
      rich(doc(p(text('Clinics agree'), claimRef(1), text('. Then 70% improve.')))),
    ])
    expect(before.uncovered.map((i) => i.sentence)).toEqual(['Then 70% improve.'])
  })

  it('reports a mismatch naming both numbers', () => {
    const result = run([
      rich(doc(p(text('Therapists report up to 50% less time.'), claimRef(2))), [
        'Benefits',
        'X',
        'Clinical perspective',
      ]),
    ])
    expect(result.uncovered).toEqual([])
    expect(result.mismatched).toHaveLength(1)
    expect(result.mismatched[0]).toMatchObject({
      text: 'up to 50%',
      reason: 'mismatch',
      claimIds: [2],
      message:
        '"up to 50%" in Benefits › X › Clinical perspective does not match its claim (claim states 40%).',
    })
  })

  it('names every claim when a sentence carries several that all differ', () => {
    const result = run([
      rich(doc(p(text('About 50% improve.'), claimRef(2), claimRef(3), claimRef(5)))),
    ])
    expect(result.mismatched[0]?.message).toBe(
      '"50%" in Body does not match any of its claims (claim 2 states 40%; claim 3 states 40–60%; claim 5 records no statistics).',
    )
  })

  it('is covered when any one of several claims matches', () => {
    const result = run([rich(doc(p(text('About 70% improve.'), claimRef(2), claimRef(1))))])
    expect(result.covered).toMatchObject([{ claimId: 1 }])
  })

  it('matches ranges to ranges only', () => {
    const ok = run([rich(doc(p(text('A 40-60% reduction in markers.'), claimRef(3))))])
    expect(ok.covered).toHaveLength(1)
    const single = run([rich(doc(p(text('A 40% reduction in markers.'), claimRef(3))))])
    expect(single.mismatched[0]?.message).toBe(
      '"40%" in Body does not match its claim (claim states 40–60%).',
    )
    const range = run([rich(doc(p(text('A 40-60% reduction in markers.'), claimRef(2))))])
    expect(range.mismatched[0]?.message).toBe(
      '"40-60%" in Body does not match its claim (claim states 40%).',
    )
  })

  it('matches "seven in ten" to a 70% claim and to a 0.7 ratio claim', () => {
    const result = run([
      rich(
        doc(
          p(text('Seven in ten patients improve.'), claimRef(1)),
          p(text('Seven in ten patients sleep better.'), claimRef('s4')),
        ),
      ),
    ])
    expect(result.covered.map((c) => [c.text, c.claimId])).toEqual([
      ['Seven in ten', 1],
      ['Seven in ten', 's4'],
    ])
  })

  it('finds statistics in list items, table cells and links', () => {
    const result = run([
      rich(
        doc(
          ul(li(text('25-40% tissue healing improvement'))),
          table(
            row(cell(p(text('Outcome'))), cell(p(text('Rate')))),
            row(cell(p(text('Pain'))), cell(p(text('70%+'), claimRef(1)))),
          ),
          p(
            text('See '),
            link('https://example.org', text('a study where 60% improved')),
            text('.'),
          ),
        ),
        ['Comparison'],
      ),
    ])
    expect(result.uncovered.map((i) => [i.text, i.path])).toEqual([
      ['25-40%', 'Comparison'],
      ['60%', 'Comparison'],
    ])
    expect(result.covered.map((c) => [c.text, c.path])).toEqual([
      ['70%', 'Comparison › Table row 2 › cell 2'],
    ])
    expect(result.uncovered[1]?.sentence).toBe('See a study where 60% improved.')
  })

  it('walks rich text nested in a block, naming the block and the field', () => {
    const result = run([
      rich(
        doc(
          block({
            blockType: 'benefit',
            blockName: 'Natural Pain Reduction',
            clinicalPerspective: doc(
              p(text('The Cleveland Clinic reports that 70% of their patients improve.')),
            ),
          }),
        ),
        ['Benefits'],
      ),
    ])
    expect(result.uncovered[0]?.message).toBe(
      '"70%" in Benefits › Natural Pain Reduction › Clinical perspective is not backed by a cited claim.',
    )
  })

  it('uses the blockType when a block has no name', () => {
    const result = run([
      rich(doc(block({ blockType: 'keyStatistic', caption: '45% fewer flare-ups' })), ['Body']),
    ])
    expect(result.uncovered[0]?.path).toBe('Body › Key statistic › Caption')
  })

  it('backs a plain string inside a block with the sibling claim field', () => {
    const value = doc(
      block({
        blockType: 'chart',
        blockName: 'Efficacy vs risk',
        points: [
          { label: 'Pain improvement 70%', claim: 1 },
          { label: 'Dependency risk 40%', claim: { id: 1, statement: 'populated' } },
          { label: 'Sleep 60%' },
        ],
      }),
    )
    const result = run([rich(value)])
    expect(result.covered.map((c) => c.path)).toEqual([
      'Body › Efficacy vs risk › Points › Pain improvement 70% › Label',
    ])
    expect(result.mismatched.map((i) => i.message)).toEqual([
      '"40%" in Body › Efficacy vs risk › Points › Dependency risk 40% › Label does not match its claim (claim states 70%).',
    ])
    expect(result.uncovered.map((i) => i.text)).toEqual(['60%'])
  })

  it('checks the text of an inline block, backed by the claimRef of the sentence it sits in', () => {
    const covered = run([
      rich(
        doc(
          p(
            text('Patients improved by '),
            inlineBlock({ blockType: 'stat', value: '70%' }),
            text(' overall.'),
            claimRef(1),
          ),
        ),
      ),
    ])
    expect(covered.covered.map((c) => [c.text, c.path])).toEqual([['70%', 'Body › Stat › Value']])
    const uncovered = run([
      rich(
        doc(
          p(
            text('Patients improved by '),
            inlineBlock({ blockType: 'stat', value: '70%' }),
            text(' overall. Then '),
            claimRef(1),
            text('more.'),
          ),
        ),
      ),
    ])
    expect(uncovered.uncovered.map((i) => i.message)).toEqual([
      '"70%" in Body › Stat › Value is not backed by a cited claim.',
    ])
  })

  it('checks plain text sources against their sibling claim ids', () => {
    const result = run([
      {
        kind: 'plain',
        text: '70% improvement',
        path: ['Comparison', 'Row 1', 'Acupuncture'],
        claimIds: [1],
      },
      {
        kind: 'plain',
        text: '40-60% reduction',
        path: ['Comparison', 'Row 2', 'Acupuncture'],
        claimIds: ['3'],
      },
      {
        kind: 'plain',
        text: 'Up to 50% faster',
        path: ['Comparison', 'Row 3', 'Acupuncture'],
        claimIds: [],
      },
      { kind: 'plain', text: '20%', path: ['Chart', 'Point 1'], claimIds: [2] },
      { kind: 'plain', text: null, path: ['Empty'], claimIds: [] },
    ])
    expect(result.covered.map((c) => c.path)).toEqual([
      'Comparison › Row 1 › Acupuncture',
      'Comparison › Row 2 › Acupuncture',
    ])
    expect(result.uncovered.map((i) => i.message)).toEqual([
      '"50%" in Comparison › Row 3 › Acupuncture is not backed by a cited claim.',
    ])
    expect(result.mismatched.map((i) => i.message)).toEqual([
      '"20%" in Chart › Point 1 does not match its claim (claim states 40%).',
    ])
  })

  it('treats a referenced claim missing from the map as not covering, and says so', () => {
    const result = run([rich(doc(p(text('70% improve.'), claimRef(99))))])
    expect(result.covered).toEqual([])
    expect(result.uncovered).toHaveLength(1)
    expect(result.uncovered[0]?.claimIds).toEqual([99])
    expect(result.uncovered[0]?.message).toBe(
      '"70%" in Body is not backed by a cited claim. Claim 99 could not be found (deleted, or not readable by you), so it backs nothing.',
    )
    const mixed = run([rich(doc(p(text('70% improve.'), claimRef(99), claimRef(2))))])
    expect(mixed.mismatched[0]?.message).toBe(
      '"70%" in Body does not match its claim (claim states 40%). Claim 99 could not be found (deleted, or not readable by you), so it backs nothing.',
    )
  })

  it('explains a unit mix-up', () => {
    const claims = claimsMap(claim(7, { value: 70, unit: 'count' }))
    const result = run([rich(doc(p(text('70% improve.'), claimRef(7))))], claims)
    expect(result.mismatched[0]?.message).toBe(
      '"70%" in Body does not match its claim (claim states 70, recorded as count rather than percent).',
    )
  })

  it('checks each statistic of a sentence independently', () => {
    const result = run([rich(doc(p(text('Pain fell 70% and stress 40%.'), claimRef(1))))])
    expect(result.covered.map((c) => c.text)).toEqual(['70%'])
    expect(result.mismatched.map((c) => c.text)).toEqual(['40%'])
  })
})

describe('checkCoverage with the real detector (default)', () => {
  const claims = claimsMap(
    claim(1, { value: 70, unit: 'percent' }),
    claim(2, { value: 40, unit: 'percent' }),
    claim(3, { value: 40, upper: 60, unit: 'percent' }),
    claim(4, { value: 0.7, unit: 'ratio' }),
    claim(5, { value: 2, unit: 'multiplier' }),
    claim(6, { value: 1162, unit: 'count' }),
    claim(7, { value: 1 / 3, unit: 'ratio' }),
  )
  const real = (sources: TextSource[]) => checkCoverage({ sources, claims })

  it('reproduces the article error for an uncited statistic', () => {
    const result = real([
      rich(
        doc(
          p(
            text(
              'Major medical institutions now recognize acupuncture as a valid, effective treatment. The Cleveland Clinic, for example, reports that 70% of their patients treated for chronic back pain experience significant, lasting improvement.',
            ),
          ),
        ),
        ['Benefits', 'Natural Pain Reduction', 'Clinical perspective'],
      ),
    ])
    expect(result.uncovered).toHaveLength(1)
    expect(result.uncovered[0]?.message).toMatch(
      /^"[^"]*70%[^"]*" in Benefits › Natural Pain Reduction › Clinical perspective is not backed by a cited claim\.$/,
    )
  })

  it('covers wording variants and names both numbers on a mismatch', () => {
    const result = real([
      rich(
        doc(
          p(text('Seven in ten patients improve.'), claimRef(1)),
          p(text('About 70 percent of patients improve.'), claimRef(4)),
          p(text('A 40-60% reduction in inflammatory markers.'), claimRef(3)),
          p(text('Patients were twice as likely to return to work.'), claimRef(5)),
          p(text('The trial enrolled 1,162 patients.'), claimRef(6)),
          p(text('About 1 in 3 adults will experience low back pain.'), claimRef(7)),
          p(text('Therapists report clients need up to 50% less time.'), claimRef(2)),
        ),
      ),
    ])
    expect(result.uncovered).toEqual([])
    expect(result.covered.map((c) => c.claimId)).toEqual([1, 4, 3, 5, 6, 7])
    expect(result.mismatched).toHaveLength(1)
    expect(result.mismatched[0]?.message).toMatch(
      /^"[^"]*50%[^"]*" in Body does not match its claim \(claim states 40%\)\.$/,
    )
  })
})
