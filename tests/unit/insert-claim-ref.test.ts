/**
 * Citing a claim in rich text in one click: `insertClaimRef` puts a claimRef right after the
 * sentence, wherever the sentence's text nodes, links and line breaks fall, so that the evidence
 * engine then counts the statistic as covered; the text itself never changes. Also the qualifier
 * rules of suggested claims.
 */
import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'

import type { CoverageClaim } from '../../src/evidence/coverage'

import { checkCoverage } from '../../src/evidence/coverage'
import { insertClaimRef } from '../../src/evidence/insertClaimRef'
import { lexicalToPlainText, splitSentences, walkLexical } from '../../src/evidence/lexical'
import { qualifierOf, qualifiersAgree } from '../../src/evidence/qualifiers'

type Node = Record<string, unknown>
const text = (t: string): Node => ({ type: 'text', text: t, format: 0, version: 1 })
const link = (...children: Node[]): Node => ({
  type: 'link',
  fields: { url: 'https://example.org' },
  children,
  version: 3,
})
const ref = (claim: unknown): Node => ({
  type: 'inlineBlock',
  fields: { id: 'r', blockType: 'claimRef', claim },
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
const doc = (...children: Node[]): { root: Node } => ({
  root: { type: 'root', children, version: 1 },
})

const claim = (id: number, value: number): CoverageClaim => ({
  id,
  statistics: [{ value, unit: 'percent', sourceCount: 1 }],
})

/** Whether the statistic `statText` of `value` is covered by claim 7 (stating `stated`). */
const covered = (value: unknown, statText: string, stated: number): boolean => {
  const result = checkCoverage({
    sources: [{ kind: 'richText', value, path: ['Body'] }],
    claims: new Map([['7', claim(7, stated)]]),
  })
  return result.covered.some((c) => c.text === statText && String(c.claimId) === '7')
}

/** Every inline node of the value, flattened. */
const inlineNodes = (node: Node): Node[] => [
  node,
  ...(Array.isArray(node.children) ? (node.children as Node[]).flatMap(inlineNodes) : []),
]

describe('insertClaimRef', () => {
  it('puts the claimRef right after the sentence, splitting its text node', () => {
    const value = doc(p(text('Acupuncture helps. In one trial 70% of patients improved. Ask us.')))
    const result = insertClaimRef(value, {
      sentence: 'In one trial 70% of patients improved.',
      claimId: 7,
      blockId: 'abc',
    })
    expect(result.isInserted).toBe(true)
    expect(((result.value as { root: Node }).root.children as Node[])[0]).toEqual(
      p(
        text('Acupuncture helps. In one trial 70% of patients improved.'),
        {
          type: 'inlineBlock',
          version: 1,
          fields: { id: 'abc', blockName: '', blockType: 'claimRef', claim: 7 },
        },
        text(' Ask us.'),
      ),
    )
    expect(covered(value, '70%', 70)).toBe(false)
    expect(covered(result.value, '70%', 70)).toBe(true)
  })

  it('leaves the value given untouched', () => {
    const value = doc(p(text('70% of patients improved.')))
    const before = JSON.stringify(value)
    insertClaimRef(value, { sentence: '70% of patients improved.', claimId: 7 })
    expect(JSON.stringify(value)).toBe(before)
  })

  it('finds a sentence spread over several text nodes and a link, and one in a nested list item', () => {
    const value = doc(
      p(text('Intro.')),
      ul(
        li(text('First point.')),
        li(text('In a '), link(text('review')), text(' 40% felt better.')),
      ),
    )
    const result = insertClaimRef(value, { sentence: 'In a review 40% felt better.', claimId: 7 })
    expect(result.isInserted).toBe(true)
    expect(covered(result.value, '40%', 40)).toBe(true)
    expect(lexicalToPlainText(result.value)).toBe(lexicalToPlainText(value))
  })

  it('places the claimRef after a link that ends the sentence', () => {
    const value = doc(p(text('See '), link(text('the 70% study.')), text(' Next.')))
    const result = insertClaimRef(value, { sentence: 'See the 70% study.', claimId: 7 })
    expect(covered(result.value, '70%', 70)).toBe(true)
  })

  it('does nothing when the sentence is not there or already cites the claim', () => {
    const value = doc(p(text('70% of patients improved.'), ref(7)))
    expect(insertClaimRef(value, { sentence: 'Something else.', claimId: 7 })).toMatchObject({
      isInserted: false,
      wasCited: false,
    })
    const again = insertClaimRef(value, { sentence: '70% of patients improved.', claimId: 7 })
    expect(again).toMatchObject({ isInserted: false, wasCited: true })
    expect(again.value).toBe(value)
  })

  it('cites the second of two equal sentences when the first cites the claim already', () => {
    const value = doc(p(text('70% improved.'), ref(7)), p(text('70% improved.')))
    const result = insertClaimRef(value, { sentence: '70% improved.', claimId: 7 })
    const second = ((result.value as { root: Node }).root.children as Node[])[1]
    expect(inlineNodes(second).some((node) => node.type === 'inlineBlock')).toBe(true)
  })

  it('ignores values that are not rich text', () => {
    expect(insertClaimRef('70%', { sentence: '70%', claimId: 1 })).toEqual({
      value: '70%',
      isInserted: false,
      wasCited: false,
    })
  })

  const words = fc.constantFrom('patients', 'felt', 'less', 'pain', 'after', 'care', 'in', 'trials')
  const sentenceArb = fc
    .tuple(
      fc.array(words, { minLength: 1, maxLength: 4 }),
      fc.integer({ min: 11, max: 99 }),
      fc.array(words, { maxLength: 4 }),
    )
    .map(([before, n, after]) => {
      const body = [...before, `${n}%`, ...after].join(' ')
      return { sentence: `${body.charAt(0).toUpperCase()}${body.slice(1)}.`, value: n }
    })

  test.prop([
    fc.array(sentenceArb, { minLength: 1, maxLength: 5 }),
    fc.nat(),
    fc.array(fc.integer({ min: 1, max: 30 }), { maxLength: 6 }),
    fc.boolean(),
  ])(
    'any sentence of a paragraph, however its text nodes are cut, is covered after insertion and the text is unchanged',
    (sentences, pick, cuts, withLink) => {
      const full = sentences.map((s) => s.sentence).join(' ')
      // Cut the paragraph's text into text nodes at arbitrary offsets (one of them in a link).
      const offsets = [...new Set(cuts.map((c) => Math.min(c, full.length)))].sort((a, b) => a - b)
      const pieces: string[] = []
      let at = 0
      for (const offset of [...offsets, full.length]) {
        if (offset > at) {
          pieces.push(full.slice(at, offset))
          at = offset
        }
      }
      const children = pieces.map((piece, index) =>
        withLink && index === 1 ? link(text(piece)) : text(piece),
      )
      const value = doc(p(...children))
      const spans = splitSentences(full)
      const target = spans[pick % spans.length]
      const stat = sentences.find((s) => s.sentence === target.text)!
      const result = insertClaimRef(value, { sentence: target.text, claimId: 7 })
      expect(result.isInserted).toBe(true)
      expect(walkLexical(result.value, { path: [] }).map((s) => s.text)).toEqual([full])
      expect(covered(result.value, `${stat.value}%`, stat.value)).toBe(true)
      // Inserting again is a no-op.
      expect(insertClaimRef(result.value, { sentence: target.text, claimId: 7 }).isInserted).toBe(
        false,
      )
    },
  )
})

describe('insertClaimRef and coverage agree on which sentence a claimRef backs', () => {
  /** The sentence `sentence` of the paragraph is covered by claim 7 (stating `stated`). */
  const sentenceCovered = (value: unknown, sentence: string, stated: number): boolean =>
    checkCoverage({
      sources: [{ kind: 'richText', value, path: ['Body'] }],
      claims: new Map([['7', claim(7, stated)]]),
    }).covered.some((c) => c.sentence === sentence && String(c.claimId) === '7')

  it('a claimRef at the start of a sentence backs the sentence before it: the next one is still cited', () => {
    const value = doc(p(text('First. '), ref(7), text('Second 70% improved.')))
    expect(sentenceCovered(value, 'Second 70% improved.', 70)).toBe(false)
    const result = insertClaimRef(value, { sentence: 'Second 70% improved.', claimId: 7 })
    expect(result).toMatchObject({ isInserted: true, wasCited: false })
    expect(sentenceCovered(result.value, 'Second 70% improved.', 70)).toBe(true)
  })

  it('a claimRef right after a sentence (before the next one starts) cites it', () => {
    const value = doc(p(text('Second 70% improved.'), ref(7), text(' Next.')))
    expect(sentenceCovered(value, 'Second 70% improved.', 70)).toBe(true)
    expect(insertClaimRef(value, { sentence: 'Second 70% improved.', claimId: 7 })).toMatchObject({
      isInserted: false,
      wasCited: true,
    })
  })

  const words = fc.constantFrom('patients', 'felt', 'less', 'pain', 'after', 'care', 'in', 'trials')
  const sentenceArb = fc
    .tuple(
      fc.array(words, { minLength: 1, maxLength: 3 }),
      fc.integer({ min: 11, max: 99 }),
      fc.array(words, { maxLength: 3 }),
    )
    .map(([before, n, after]) => {
      const body = [...before, `${n}%`, ...after].join(' ')
      return { sentence: `${body.charAt(0).toUpperCase()}${body.slice(1)}.`, value: n }
    })

  test.prop([
    fc.array(sentenceArb, { minLength: 1, maxLength: 4 }),
    fc.nat(),
    // claimRefs already there: of the claim being cited (7) or another (9), at a sentence's
    // start, right after its end, or anywhere.
    fc.array(
      fc.record({
        at: fc.nat(),
        claimId: fc.constantFrom(7, 9),
        where: fc.constantFrom('start', 'end', 'anywhere'),
      }),
      { maxLength: 4 },
    ),
  ])(
    'after insertClaimRef (inserted or "already cites"), coverage sees the statistic covered',
    (sentences, pick, refs) => {
      const full = sentences.map((s) => s.sentence).join(' ')
      const spans = splitSentences(full)
      const placed = refs
        .map(({ at, claimId, where }) => {
          const span = spans[at % spans.length]
          const offset =
            where === 'start' ? span.start : where === 'end' ? span.end : at % (full.length + 1)
          return { offset, claimId }
        })
        .sort((a, b) => a.offset - b.offset)
      const children: Node[] = []
      let from = 0
      for (const { offset, claimId } of placed) {
        if (offset > from) {
          children.push(text(full.slice(from, offset)))
          from = offset
        }
        children.push(ref(claimId))
      }
      if (from < full.length) {
        children.push(text(full.slice(from)))
      }
      const value = doc(p(...children))
      const target = spans[pick % spans.length]
      const stat = sentences.find((s) => s.sentence === target.text)!
      const result = insertClaimRef(value, { sentence: target.text, claimId: 7 })
      expect(result.isInserted || result.wasCited).toBe(true)
      expect(sentenceCovered(result.value, target.text, stat.value)).toBe(true)
      expect(walkLexical(result.value, { path: [] }).map((s) => s.text)).toEqual([full])
    },
  )
})

describe('qualifiers of suggested claims', () => {
  it('reads the qualifier a statistic is stated with', () => {
    expect(qualifierOf('up to 50%')).toBe('up-to')
    expect(qualifierOf('at least 3 in 10')).toBe('at-least')
    expect(qualifierOf('more than 70%')).toBe('more-than')
    expect(qualifierOf('nearly half')).toBe('about')
    expect(qualifierOf('70%')).toBe('exact')
  })

  it('matches directional qualifiers only with themselves; about and exact are interchangeable', () => {
    expect(qualifiersAgree('up-to', 'up-to')).toBe(true)
    expect(qualifiersAgree('up-to', 'exact')).toBe(false)
    expect(qualifiersAgree('exact', 'more-than')).toBe(false)
    expect(qualifiersAgree('at-least', 'more-than')).toBe(false)
    expect(qualifiersAgree('about', 'exact')).toBe(true)
    expect(qualifiersAgree('exact', null)).toBe(true)
  })
})
