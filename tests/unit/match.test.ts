import { describe, expect, it } from 'vitest'

import type { DetectedStatistic } from '../../src/evidence/types'

import { describeStatistic, matchTolerance, statisticMatches } from '../../src/evidence/match'

const stat = (
  partial: Partial<DetectedStatistic> & Pick<DetectedStatistic, 'value'>,
): DetectedStatistic => ({
  text: String(partial.value),
  start: 0,
  end: 1,
  kind: 'percentage',
  unit: 'percent',
  ...partial,
})

describe('statisticMatches', () => {
  it('matches equal percentages, whatever the wording', () => {
    expect(statisticMatches(stat({ text: '70%', value: 70 }), { value: 70, unit: 'percent' })).toBe(
      true,
    )
    expect(
      statisticMatches(stat({ text: '70 percent', value: 70 }), { value: 70, unit: 'percent' }),
    ).toBe(true)
    expect(
      statisticMatches(stat({ text: 'seven in ten', kind: 'proportion', value: 70 }), {
        value: 70,
        unit: 'percent',
      }),
    ).toBe(true)
    expect(statisticMatches(stat({ value: 70 }), { value: 40, unit: 'percent' })).toBe(false)
  })

  it('treats a ratio row as a percentage (0.7 = 70%)', () => {
    expect(statisticMatches(stat({ value: 70 }), { value: 0.7, unit: 'ratio' })).toBe(true)
    expect(
      statisticMatches(stat({ value: 33.33, kind: 'proportion' }), { value: 1 / 3, unit: 'ratio' }),
    ).toBe(true)
    expect(
      statisticMatches(stat({ value: 70, unit: 'ratio', kind: 'proportion' }), {
        value: 0.7,
        unit: 'ratio',
      }),
    ).toBe(false)
    expect(
      statisticMatches(stat({ value: 0.7, unit: 'ratio', kind: 'proportion' }), {
        value: 70,
        unit: 'percent',
      }),
    ).toBe(true)
  })

  it('tolerates rounding (about 0.5 on percentages) but keeps small values distinct', () => {
    expect(
      statisticMatches(stat({ text: '1 in 3', value: 33.33 }), { value: 33.3, unit: 'percent' }),
    ).toBe(true)
    expect(
      statisticMatches(stat({ text: '1 in 3', value: 33.33 }), { value: 33, unit: 'percent' }),
    ).toBe(true)
    expect(statisticMatches(stat({ value: 70 }), { value: 69.6, unit: 'percent' })).toBe(true)
    expect(statisticMatches(stat({ value: 70 }), { value: 71, unit: 'percent' })).toBe(false)
    expect(
      statisticMatches(stat({ text: '1 in 10,000', value: 0.01 }), { value: 0.4, unit: 'percent' }),
    ).toBe(false)
    expect(matchTolerance(70, 69)).toBe(0.5)
    expect(matchTolerance(2, 2.5)).toBeCloseTo(0.125)
  })

  it('matches ranges only with ranges, both ends equal', () => {
    const range = stat({ text: '40-60%', value: 40, upper: 60 })
    expect(statisticMatches(range, { value: 40, upper: 60, unit: 'percent' })).toBe(true)
    expect(statisticMatches(range, { value: 40, upper: 50, unit: 'percent' })).toBe(false)
    expect(statisticMatches(range, { value: 40, unit: 'percent' })).toBe(false)
    expect(statisticMatches(stat({ value: 40 }), { value: 40, upper: 60, unit: 'percent' })).toBe(
      false,
    )
    expect(statisticMatches(stat({ value: 40 }), { value: 40, upper: null, unit: 'percent' })).toBe(
      true,
    )
  })

  it('compares multipliers, counts and points within their unit; unitless rows on the number', () => {
    const twice = stat({
      text: 'twice as likely',
      kind: 'multiplier',
      value: 2,
      unit: 'multiplier',
    })
    expect(statisticMatches(twice, { value: 2, unit: 'multiplier' })).toBe(true)
    expect(statisticMatches(twice, { value: 2, unit: 'percent' })).toBe(false)
    const count = stat({ text: '1,162 patients', kind: 'count', value: 1162, unit: 'count' })
    expect(statisticMatches(count, { value: 1162, unit: 'count' })).toBe(true)
    expect(statisticMatches(count, { value: 1162 })).toBe(true)
    expect(statisticMatches(count, { value: 1162, unit: null })).toBe(true)
    expect(statisticMatches(count, { value: 1163, unit: 'count' })).toBe(false)
    const points = stat({ text: '4.2 points', kind: 'scoreChange', value: 4.2, unit: 'points' })
    expect(statisticMatches(points, { value: 4.2, unit: 'points' })).toBe(true)
    expect(statisticMatches(points, { value: 4.1, unit: 'points' })).toBe(true)
    expect(statisticMatches(points, { value: 3.8, unit: 'points' })).toBe(false)
    expect(statisticMatches(points, { value: 4.2, unit: 'count' })).toBe(false)
  })
})

describe('describeStatistic', () => {
  it('renders rows for people', () => {
    expect(describeStatistic({ value: 70, unit: 'percent' })).toBe('70%')
    expect(describeStatistic({ value: 40, upper: 60, unit: 'percent' })).toBe('40–60%')
    expect(describeStatistic({ value: 2, unit: 'multiplier' })).toBe('2×')
    expect(describeStatistic({ value: 1162, unit: 'count' })).toBe('1,162')
    expect(describeStatistic({ value: 1162 })).toBe('1,162')
    expect(describeStatistic({ value: 4.2, unit: 'points' })).toBe('4.2 points')
    expect(describeStatistic({ value: 1, unit: 'points' })).toBe('1 point')
    expect(describeStatistic({ value: 0.7, unit: 'ratio' })).toBe('0.7')
    expect(describeStatistic({ value: 33.3333, unit: 'percent' })).toBe('33.33%')
  })
})
