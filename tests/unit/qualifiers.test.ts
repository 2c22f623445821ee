/**
 * The qualifier of a statistic (`qualifierOf`, used by suggested claims and the article importer)
 * for every qualifier the detector keeps in a statistic's text: the cases are derived from the
 * detector's own vocabulary (`QUALIFIER_PHRASES` of evidence/detect/lexicons.ts), so a phrase
 * added there that `qualifierOf` does not know fails here. Bounds from above ("fewer than",
 * "less than", "under", "below") are 'up-to', never 'exact'.
 */
import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'

import { detectStatistics } from '../../src/evidence/detect'
import { QUALIFIER_PHRASES } from '../../src/evidence/detect/lexicons'
import {
  QUALIFIER_MEANINGS,
  qualifierOf,
  STATISTIC_QUALIFIER_VALUES,
} from '../../src/evidence/qualifiers'

const isSymbol = (phrase: string) => !/\p{L}/u.test(phrase)

/** `phrase` before `number`, as an editor writes it ("fewer than 10%", "<5%", "≥ 5%"). */
const written = (phrase: string, number: string, gap = ' ') =>
  isSymbol(phrase) ? `${phrase}${gap.trim()}${number}` : `${phrase}${gap}${number}`

describe('qualifierOf', () => {
  it('reads bounds from above as up to, not as an exact figure', () => {
    expect(qualifierOf('fewer than 10%')).toBe('up-to')
    expect(qualifierOf('less than 5%')).toBe('up-to')
    expect(qualifierOf('under 20%')).toBe('up-to')
    expect(qualifierOf('below 3 in 10')).toBe('up-to')
    expect(qualifierOf('Below 3 in 10')).toBe('up-to')
    expect(qualifierOf('no more than 5%')).toBe('up-to')
    expect(qualifierOf('at most 1 in 4')).toBe('up-to')
    expect(qualifierOf('<5%')).toBe('up-to')
    expect(qualifierOf('<= 5%')).toBe('up-to')
  })

  it('reads the other directions and approximations', () => {
    expect(qualifierOf('up to 50%')).toBe('up-to')
    expect(qualifierOf('at least 3 in 10')).toBe('at-least')
    expect(qualifierOf('≥ 70%')).toBe('at-least')
    expect(qualifierOf('50%+')).toBe('at-least')
    expect(qualifierOf('more than 70%')).toBe('more-than')
    expect(qualifierOf('in excess of 40%')).toBe('more-than')
    expect(qualifierOf('>40%')).toBe('more-than')
    expect(qualifierOf('nearly half')).toBe('about')
    expect(qualifierOf('~40%')).toBe('about')
    expect(qualifierOf('70%')).toBe('exact')
    expect(qualifierOf('only 7%')).toBe('exact')
    // The longest phrase wins; a word in the middle of the text is not a qualifier.
    expect(qualifierOf('just under 20%')).toBe('up-to')
    expect(qualifierOf('a 3-point rise over baseline')).toBe('exact')
    // Written with a no-break space or in full-width forms, as the detector reads them.
    expect(qualifierOf('fewer\u00a0than 10%')).toBe('up-to')
  })

  it('knows every qualifier the detector keeps, and only those', () => {
    const unknown = QUALIFIER_PHRASES.filter((phrase) => !(phrase in QUALIFIER_MEANINGS))
    expect(unknown).toEqual([])
    const stale = Object.keys(QUALIFIER_MEANINGS).filter(
      (phrase) => !QUALIFIER_PHRASES.includes(phrase),
    )
    expect(stale).toEqual([])
    for (const meaning of Object.values(QUALIFIER_MEANINGS)) {
      expect(STATISTIC_QUALIFIER_VALUES).toContain(meaning)
    }
  })

  it.each(QUALIFIER_PHRASES.map((phrase) => [phrase]))(
    'reads "%s" in the text the detector gives',
    (phrase) => {
      const sentence = `In the trial ${written(phrase, '40%')} of patients improved.`
      const [statistic] = detectStatistics(sentence)
      expect(statistic?.text.toLowerCase()).toBe(written(phrase, '40%'))
      expect(qualifierOf(statistic?.text ?? '')).toBe(QUALIFIER_MEANINGS[phrase])
    },
  )

  const number = fc.oneof(
    fc.integer({ min: 2, max: 99 }).map((n) => `${n}%`),
    fc.integer({ min: 2, max: 99 }).map((n) => `${n} percent`),
    fc.integer({ min: 2, max: 9 }).map((n) => `${n} in 10`),
  )
  const casing = fc.constantFrom(
    (s: string) => s,
    (s: string) => s.toUpperCase(),
    (s: string) => s.charAt(0).toUpperCase() + s.slice(1),
  )

  test.prop([
    fc.constantFrom(...QUALIFIER_PHRASES),
    number,
    fc.constantFrom(' ', '  ', '\u00a0'),
    casing,
    fc.constantFrom('', 'In one trial ', 'After eight weeks, '),
  ])(
    'whatever the detector keeps as a qualifier, qualifierOf reads as the table says',
    (phrase, figure, gap, cased, lead) => {
      const sentence = `${lead}${cased(written(phrase, figure, gap))} of patients slept better.`
      for (const statistic of detectStatistics(sentence)) {
        const kept = statistic.text.toLowerCase().replace(/\s+/g, ' ')
        if (
          kept.startsWith(phrase) &&
          (isSymbol(phrase) || !/^\p{L}/u.test(kept.slice(phrase.length)))
        ) {
          // The longest phrase of the vocabulary the text starts with is the one that applies.
          const longest = QUALIFIER_PHRASES.filter(
            (other) =>
              kept.startsWith(other) &&
              (isSymbol(other) || !/^\p{L}/u.test(kept.slice(other.length))),
          ).sort((a, b) => b.length - a.length)[0]
          expect(qualifierOf(statistic.text)).toBe(QUALIFIER_MEANINGS[longest ?? phrase])
        }
      }
    },
  )
})
