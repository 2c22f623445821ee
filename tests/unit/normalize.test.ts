import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'

import { detectStatistics } from '../../src/evidence/detect'
import { normalizeText, originalSpan } from '../../src/evidence/normalize'

describe('normalisation before detection', () => {
  it.each([
    ['full-width digits and percent', '７０％ of patients', '70% of patients'],
    ['Arabic-Indic digits and percent sign', '٧٠٪ of patients', '70% of patients'],
    ['Devanagari digits', '७० percent', '70 percent'],
    ['zero-width space inside a number', '7\u200B0%', '70%'],
    ['soft hyphen, word joiner and bidi marks', '\u200F7\u00AD0\u2060%\u200E', '70%'],
    ['no-break and thin spaces', '70\u00A0%\u2009of\u202Fadults', '70 % of adults'],
    ['Arabic decimal separator', '٢٫٥ times', '2.5 times'],
    [
      'ASCII text is left alone',
      'Seven in ten patients (p < 0.01).',
      'Seven in ten patients (p < 0.01).',
    ],
  ])('%s', (_name, input, expected) => {
    expect(normalizeText(input).text).toBe(expected)
  })

  it('maps offsets back into the text the editor wrote', () => {
    const original = 'Roughly \u200F７０\u200B％ improved.'
    const normalized = normalizeText(original)
    const start = normalized.text.indexOf('70%')
    const span = originalSpan(normalized, start, start + 3)
    expect(original.slice(span.start, span.end)).toBe('７０\u200B％')
  })

  it('detections quote the original text at the original offsets', () => {
    const text = 'About ٧٠٪ of patients — and 4\u200B0–6\u200B0% less inflammation.'
    const found = detectStatistics(text)
    expect(found.map((s) => [s.text, s.value, s.upper])).toEqual([
      ['About ٧٠٪', 70, undefined],
      ['4\u200B0–6\u200B0%', 40, 60],
    ])
    for (const s of found) {
      expect(text.slice(s.start, s.end)).toBe(s.text)
    }
  })

  test.prop([fc.string({ unit: 'grapheme', maxLength: 60 })])(
    'offsets always point into the original text',
    (text) => {
      for (const s of detectStatistics(text)) {
        expect(s.start).toBeGreaterThanOrEqual(0)
        expect(s.end).toBeLessThanOrEqual(text.length)
        expect(text.slice(s.start, s.end)).toBe(s.text)
      }
    },
  )
})
