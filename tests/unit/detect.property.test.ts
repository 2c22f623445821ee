/**
 * Property tests of the statistic detector, by class rather than by example: a statistic written
 * in any supported form, in any position of a generated sentence, is found with its value; a
 * generated instruction (duration, dose, schedule, date, price, phone number) yields nothing.
 */
import { fc, test } from '@fast-check/vitest'
import { describe, expect } from 'vitest'

import { detectStatistics } from '../../src/evidence/detect'

// --- how a number may be written ---------------------------------------------------------------

const SCRIPTS = {
  ascii: '0',
  fullWidth: '０',
  arabicIndic: '٠',
  extendedArabicIndic: '۰',
  devanagari: '०',
  bengali: '০',
  thai: '๐',
} as const

const inScript = (value: number, script: keyof typeof SCRIPTS): string => {
  const zero = SCRIPTS[script].codePointAt(0)!
  return [...String(value)].map((digit) => String.fromCodePoint(zero + Number(digit))).join('')
}

/** Invisible characters an editor may paste inside or around a number. */
const invisible = fc.constantFrom('', '', '', '\u200B', '\u2060', '\u00AD', '\u200E')
const space = fc.constantFrom(' ', ' ', '\u00A0', '\u2009', '\u202F')

const number = (value: number) =>
  fc
    .tuple(fc.constantFrom(...(Object.keys(SCRIPTS) as (keyof typeof SCRIPTS)[])), invisible)
    .map(([script, mark]) => {
      const digits = inScript(value, script)
      return digits.length > 1 ? `${digits[0]}${mark}${digits.slice(1)}` : `${mark}${digits}`
    })

const percentSign = fc.constantFrom('%', '%', '％', '٪')

interface Written {
  text: string
  value: number
  upper?: number
  unit: 'multiplier' | 'percent'
}

const WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine']

/** A percentage written one of the supported ways. */
const percentage: fc.Arbitrary<Written> = fc.integer({ min: 1, max: 99 }).chain((value) =>
  fc.oneof(
    fc
      .tuple(number(value), percentSign, fc.constantFrom('', '', ' ', '\u00A0'))
      .map(([n, sign, gap]) => ({ text: `${n}${gap}${sign}`, value, unit: 'percent' as const })),
    fc
      .tuple(number(value), space)
      .map(([n, gap]) => ({ text: `${n}${gap}percent`, value, unit: 'percent' as const })),
    number(value).map((n) => ({ text: `${n}-percent`, value, unit: 'percent' as const })),
    number(value).map((n) => ({ text: `${n}+%`, value, unit: 'percent' as const })),
    number(value).map((n) => ({ text: `${n}%+`, value, unit: 'percent' as const })),
    fc
      .tuple(
        fc.constantFrom('up to', 'about', 'nearly', 'more than', 'at least', 'over'),
        number(value),
        percentSign,
      )
      .map(([qualifier, n, sign]) => ({
        text: `${qualifier} ${n}${sign}`,
        value,
        unit: 'percent' as const,
      })),
  ),
)

/** A range "40-60%", "40 to 60 percent". */
const range: fc.Arbitrary<Written> = fc
  .tuple(fc.integer({ min: 1, max: 49 }), fc.integer({ min: 50, max: 99 }))
  .chain(([lo, hi]) =>
    fc
      .tuple(
        number(lo),
        number(hi),
        fc.constantFrom('-', '–', ' to '),
        fc.constantFrom('%', ' percent'),
      )
      .map(([a, b, dash, sign]) => ({
        text: `${a}${dash}${b}${sign}`,
        value: lo,
        upper: hi,
        unit: 'percent' as const,
      })),
  )

/** "seven in ten", "3 out of 4". */
const proportion: fc.Arbitrary<Written> = fc
  .integer({ min: 1, max: 9 })
  .chain((n) =>
    fc.constantFrom(
      { text: `${WORDS[n - 1]} in ten`, value: n * 10, unit: 'percent' as const },
      { text: `${n} in 10`, value: n * 10, unit: 'percent' as const },
      { text: `${n} out of 10`, value: n * 10, unit: 'percent' as const },
    ),
  )

/** Multipliers: "twice as likely", "2.5 times", "3x". */
const multiplier: fc.Arbitrary<Written> = fc.oneof(
  fc.constant({ text: 'twice as likely', value: 2, unit: 'multiplier' as const }),
  fc
    .integer({ min: 2, max: 9 })
    .map((n) => ({ text: `${n} times more likely`, value: n, unit: 'multiplier' as const })),
  fc
    .integer({ min: 2, max: 9 })
    .map((n) => ({ text: `${n}x more likely`, value: n, unit: 'multiplier' as const })),
)

const statistic = fc.oneof(percentage, range, proportion, multiplier)

const opening = fc.constantFrom(
  '',
  'In the trial, ',
  'Researchers found that ',
  'After eight weeks, ',
  'According to the review, ',
)
const subject = fc.constantFrom(
  'of patients reported less pain',
  'of adults slept better',
  'of participants improved',
)

/** A sentence stating `s` where a writer would: "[opening]70% of patients reported less pain." */
const sentence = fc.tuple(opening, statistic, subject).map(([start, s, rest]) => ({
  s,
  text:
    s.unit === 'multiplier'
      ? `${start}Patients were ${s.text} to improve.`
      : `${start}${start ? s.text : s.text.charAt(0).toUpperCase() + s.text.slice(1)} ${rest}.`,
}))

// --- fraction words in every position -----------------------------------------------------------

const fractionSentence = fc.constantFrom(
  { text: 'Half of patients reported less pain.', value: 50 },
  { text: 'A quarter of patients reported less pain.', value: 25 },
  { text: 'Two-thirds of participants improved.', value: 66.7 },
  { text: 'In the trial, half of the patients improved.', value: 50 },
  { text: 'Pain fell by half within a month.', value: 50 },
  { text: 'Acupuncture cut pain in half.', value: 50 },
  { text: 'Stiffness was reduced by a third.', value: 33.3 },
  { text: 'Patients were half as likely to need painkillers.', value: 0.5 },
)

// --- instructions, which state no statistic -----------------------------------------------------

const instruction = fc.oneof(
  fc.integer({ min: 2, max: 60 }).map((n) => `Apply a warm compress for ${n} minutes.`),
  fc
    .tuple(fc.integer({ min: 5, max: 15 }), fc.integer({ min: 16, max: 30 }))
    .map(([a, b]) => `Rest for ${a}-${b} minutes after each session.`),
  fc.integer({ min: 100, max: 800 }).map((n) => `Take ${n} mg of ibuprofen with food.`),
  fc.integer({ min: 1, max: 4 }).map((n) => `Book ${n} sessions per week for the first month.`),
  fc.constantFrom(
    'Plan two to three sessions per week.',
    'Drink eight glasses of water a day.',
    'Stretch twice a day, morning and evening.',
  ),
  fc
    .tuple(
      fc.integer({ min: 1, max: 28 }),
      fc.constantFrom('March', 'June', 'October'),
      fc.integer({ min: 2019, max: 2026 }),
    )
    .map(([d, m, y]) => `The clinic reopens on ${d} ${m} ${y}.`),
  fc.integer({ min: 30, max: 200 }).map((n) => `A first session costs $${n}.`),
  fc.integer({ min: 1000, max: 9999 }).map((n) => `Call 555-${n} to book.`),
  fc.integer({ min: 18, max: 80 }).map((n) => `Suitable for adults over ${n} years old.`),
)

const close = (a: number, b: number) => Math.abs(a - b) <= Math.max(0.5, Math.abs(b) * 0.01)

describe('the detector finds every statistic by class', () => {
  test.prop([sentence], { numRuns: 400 })(
    'a generated statistic in a generated sentence is found with its value',
    ({ s, text }) => {
      const found = detectStatistics(text)
      const match = found.find(
        (d) =>
          close(d.value, s.value) &&
          d.unit === s.unit &&
          (s.upper === undefined || close(d.upper ?? NaN, s.upper)),
      )
      expect(match, `${JSON.stringify(text)} → ${JSON.stringify(found)}`).toBeDefined()
      expect(text.slice(match!.start, match!.end)).toBe(match!.text)
    },
  )

  test.prop([fractionSentence])(
    'fraction words at the start, middle and end and as comparisons are found',
    ({ text, value }) => {
      const found = detectStatistics(text)
      expect(
        found.some((d) => close(d.value, value)),
        `${text} → ${JSON.stringify(found)}`,
      ).toBe(true)
    },
  )

  test.prop([instruction], { numRuns: 300 })(
    'a generated instruction states no statistic',
    (text) => {
      expect(detectStatistics(text), text).toEqual([])
    },
  )
})
