/**
 * Property test of DOI extraction (`src/evidence/references/identifiers.ts`): any DOI of the form
 * Crossref recommends (`^10.\d{4,9}/[-._;()/:A-Z0-9]+$`, case-insensitive), ending in a letter or
 * digit and with its brackets paired, is found exactly — whether it stands alone or sits in a
 * sentence, inside parentheses or brackets, after `doi:` or a doi.org link, before a full stop.
 */
import { fc, test } from '@fast-check/vitest'
import { describe, expect } from 'vitest'

import { parseIdentifiers } from '../../src/evidence/references/identifiers'

const CROSSREF_DOI = /^10.\d{4,9}\/[-.\w;()/:]+$/

const alnum = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')
/** Characters of a suffix outside brackets. */
const plain = fc
  .array(fc.oneof({ weight: 4, arbitrary: alnum }, fc.constantFrom(...'-._;/:')), {
    minLength: 1,
    maxLength: 12,
  })
  .map((chars) => chars.join(''))
/** A suffix: plain runs and bracketed groups (brackets paired), ending in a letter or digit. */
const suffix = fc
  .tuple(
    fc.array(
      fc.oneof(
        plain,
        plain.map((inner) => `(${inner})`),
      ),
      { minLength: 1, maxLength: 4 },
    ),
    alnum,
  )
  .map(([parts, last]) => `${parts.join('')}${last}`)

const doi = fc
  .tuple(fc.integer({ min: 4, max: 9 }), fc.nat(), suffix)
  .map(
    ([digits, seed, rest]) => `10.${String(seed).padStart(digits, '7').slice(0, digits)}/${rest}`,
  )
  .filter((value) => CROSSREF_DOI.test(value))

const prefix = fc.constantFrom(
  '',
  'doi:',
  'doi: ',
  'DOI ',
  'https://doi.org/',
  'http://dx.doi.org/',
)
const wrapper = fc.constantFrom(['', ''], ['(', ')'], ['[', ']'], ['<', '>'], ['“', '”'])
const ending = fc.constantFrom('', '.', ',', ';', ':', '.)')
const prose = fc.constantFrom(
  ['', ''],
  [
    'Vickers AJ, Cronin AM. Acupuncture for chronic pain. Arch Intern Med. 2012;172(19):1444-53. ',
    '',
  ],
  ['[1] Smith J et al. A trial. ', ' Accessed 2020.'],
  ['See ', ' for details'],
)

describe('DOIs in pasted text', () => {
  test.prop([doi, prefix, wrapper, ending, prose])(
    'a Crossref-pattern DOI is extracted exactly, whatever surrounds it',
    (value, before, [open, close], end, [lead, tail]) => {
      const line = `${lead}${open}${before}${value}${close}${end}${tail}`
      const entries = parseIdentifiers(line)
      expect(entries).toHaveLength(1)
      expect(entries[0]).toMatchObject({ kind: 'doi', doi: value.toLowerCase() })
    },
  )
})
