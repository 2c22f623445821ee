import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

import type { DetectedStatistic } from '../../src/evidence/types'

import { detectStatistics } from '../../src/evidence/detect'

interface CorpusCase {
  text: string
  statistics: string[]
  optional?: string[]
}

const corpus = JSON.parse(
  readFileSync(new URL('../fixtures/statistics-corpus.json', import.meta.url), 'utf8'),
) as { about: string; cases: CorpusCase[] }

const article = readFileSync(
  new URL('../fixtures/acupuncture-back-pain.txt', import.meta.url),
  'utf8',
)

/** Does detection `d` overlap the first occurrence of `phrase` in `text`? */
function overlaps(text: string, phrase: string, d: DetectedStatistic): boolean {
  const at = text.indexOf(phrase)
  if (at === -1) {
    throw new Error(`corpus phrase not found in its sentence: ${phrase}`)
  }
  return d.start < at + phrase.length && d.end > at
}

/** Scores one corpus case by the corpus rule (span overlap; optional phrases are free). */
function score(c: CorpusCase): { missed: string[]; falsePositives: string[] } {
  const found = detectStatistics(c.text)
  const missed = c.statistics.filter((s) => !found.some((d) => overlaps(c.text, s, d)))
  const allowed = [...c.statistics, ...(c.optional ?? [])]
  const falsePositives = found
    .filter((d) => !allowed.some((s) => overlaps(c.text, s, d)))
    .map((d) => d.text)
  return { missed, falsePositives }
}

const texts = (s: string): string[] => detectStatistics(s).map((d) => d.text)

describe('detectStatistics — labelled corpus', () => {
  it.each(corpus.cases.map((c, n) => [n + 1, c] as const))('case %i', (_n, c) => {
    expect(score(c)).toEqual({ missed: [], falsePositives: [] })
  })

  it('has recall 1.0 and zero false positives over the whole corpus', () => {
    let expected = 0
    let hit = 0
    let falsePositives = 0
    for (const c of corpus.cases) {
      const r = score(c)
      expected += c.statistics.length
      hit += c.statistics.length - r.missed.length
      falsePositives += r.falsePositives.length
    }
    expect(corpus.cases).toHaveLength(40)
    expect(hit / expected).toBe(1)
    expect(falsePositives).toBe(0)
  })
})

describe('detectStatistics — output shape', () => {
  it('returns sorted, non-overlapping spans whose text is the slice of the input', () => {
    const found = detectStatistics(article)
    for (let k = 0; k < found.length; k++) {
      const d = found[k]
      expect(article.slice(d.start, d.end)).toBe(d.text)
      if (k > 0) {
        expect(d.start).toBeGreaterThanOrEqual(found[k - 1].end)
      }
    }
  })

  it('returns nothing for empty or number-free text', () => {
    expect(detectStatistics('')).toEqual([])
    expect(detectStatistics('Most patients feel calmer after their first visit.')).toEqual([])
  })
})

describe('detectStatistics — value parsing', () => {
  const one = (sentence: string): DetectedStatistic => {
    const found = detectStatistics(sentence)
    expect(found, sentence).toHaveLength(1)
    return found[0]
  }

  it.each([
    // sentence, text, kind, value, upper, unit
    ['70% of patients improved.', '70%', 'percentage', 70, undefined, 'percent'],
    [
      'Roughly 45 percent of participants improved.',
      'Roughly 45 percent',
      'percentage',
      45,
      undefined,
      'percent',
    ],
    ['40-60% reduction in inflammatory markers', '40-60%', 'percentage', 40, 60, 'percent'],
    ['Pain eased in 25% to 40% of users.', '25% to 40%', 'percentage', 25, 40, 'percent'],
    [
      'between 25 and 40 per cent of users',
      'between 25 and 40 per cent',
      'percentage',
      25,
      40,
      'percent',
    ],
    ['Significant pain relief, 70%+ improvement', '70%+', 'percentage', 70, undefined, 'percent'],
    ['Clients need up to 50% less time.', 'up to 50%', 'percentage', 50, undefined, 'percent'],
    [
      'Forty-five percent reported relief.',
      'Forty-five percent',
      'percentage',
      45,
      undefined,
      'percent',
    ],
    [
      'Use fell by 5 percentage points.',
      '5 percentage points',
      'percentage',
      5,
      undefined,
      'points',
    ],
    ['Seven in ten patients said yes.', 'Seven in ten', 'proportion', 70, undefined, 'percent'],
    ['one in five adults', 'one in five', 'proportion', 20, undefined, 'percent'],
    [
      'Three out of four participants improved.',
      'Three out of four',
      'proportion',
      75,
      undefined,
      'percent',
    ],
    ['12 of 40 patients responded.', '12 of 40 patients', 'proportion', 30, undefined, 'percent'],
    ['The rate was 5 per 1,000 births.', '5 per 1,000', 'proportion', 0.5, undefined, 'percent'],
    [
      'fewer than 1 in 10,000 treatments',
      'fewer than 1 in 10,000',
      'proportion',
      0.01,
      undefined,
      'percent',
    ],
    [
      'Half of patients stopped painkillers.',
      'Half of patients',
      'proportion',
      50,
      undefined,
      'percent',
    ],
    [
      'More than half reported better sleep.',
      'More than half',
      'proportion',
      50,
      undefined,
      'percent',
    ],
    [
      'Roughly a third of patients relapsed.',
      'Roughly a third of patients',
      'proportion',
      100 / 3,
      undefined,
      'percent',
    ],
    [
      'Nine-tenths of respondents agreed.',
      'Nine-tenths of respondents',
      'proportion',
      90,
      undefined,
      'percent',
    ],
    ['Recurrence fell by a quarter.', 'a quarter', 'percentage', 25, undefined, 'percent'],
    [
      'Patients were twice as likely to return.',
      'twice as likely',
      'multiplier',
      2,
      undefined,
      'multiplier',
    ],
    ['They recovered 3x faster.', '3x faster', 'multiplier', 3, undefined, 'multiplier'],
    [
      'The risk was 2.5 times higher.',
      '2.5 times higher',
      'multiplier',
      2.5,
      undefined,
      'multiplier',
    ],
    [
      'Smokers were three times more likely to relapse.',
      'three times more likely',
      'multiplier',
      3,
      undefined,
      'multiplier',
    ],
    ['a fourfold increase in risk', 'fourfold increase', 'multiplier', 4, undefined, 'multiplier'],
    ['a 4-fold increase', '4-fold increase', 'multiplier', 4, undefined, 'multiplier'],
    ['Remission rates doubled.', 'doubled', 'multiplier', 2, undefined, 'multiplier'],
    ['Hospital stays were halved.', 'halved', 'multiplier', 0.5, undefined, 'multiplier'],
    [
      'Patients were half as likely to relapse.',
      'half as likely',
      'multiplier',
      0.5,
      undefined,
      'multiplier',
    ],
    [
      'Pain scores dropped from 6.8 to 3.1.',
      'from 6.8 to 3.1',
      'scoreChange',
      3.7,
      undefined,
      'points',
    ],
    ['Pain fell from 7/10 to 3/10.', 'from 7/10 to 3/10', 'scoreChange', 4, undefined, 'points'],
    ['HbA1c fell from 8.1% to 7.2%.', 'from 8.1% to 7.2%', 'scoreChange', 0.9, undefined, 'points'],
    ['Scores improved by 4.2 points.', '4.2 points', 'scoreChange', 4.2, undefined, 'points'],
    [
      'a 3-point improvement on the ODI',
      '3-point improvement',
      'scoreChange',
      3,
      undefined,
      'points',
    ],
    ['The trial enrolled 1,162 patients.', '1,162 patients', 'count', 1162, undefined, 'count'],
    [
      'Over 2 million Americans use it.',
      'Over 2 million Americans',
      'count',
      2_000_000,
      undefined,
      'count',
    ],
    ['Two patients withdrew.', 'Two patients', 'count', 2, undefined, 'count'],
    [
      'We recruited 20-30 healthy volunteers.',
      '20-30 healthy volunteers',
      'count',
      20,
      30,
      'count',
    ],
    ['The difference was significant (p < 0.01).', 'p < 0.01', 'measure', 0.01, undefined, 'ratio'],
    ['p = .03', 'p = .03', 'measure', 0.03, undefined, 'ratio'],
    ['95% CI 3 to 7', '95% CI 3 to 7', 'measure', 3, 7, 'ratio'],
    ['HR 0.76 was reported.', 'HR 0.76', 'measure', 0.76, undefined, 'ratio'],
    ['The odds ratio was 2.3.', 'odds ratio was 2.3', 'measure', 2.3, undefined, 'ratio'],
    [
      'The number needed to treat was 4.',
      'number needed to treat was 4',
      'measure',
      4,
      undefined,
      'count',
    ],
    [
      'absolute risk reduction of 3%',
      'absolute risk reduction of 3%',
      'measure',
      3,
      undefined,
      'percent',
    ],
    ['SMD -0.35', 'SMD -0.35', 'measure', -0.35, undefined, 'ratio'],
    ['n = 1,162', 'n = 1,162', 'count', 1162, undefined, 'count'],
  ] as const)('%s', (sentence, text, kind, value, upper, unit) => {
    const d = one(sentence)
    expect(d.text).toBe(text)
    expect(d.kind).toBe(kind)
    expect(d.value).toBeCloseTo(value, 6)
    expect(d.upper).toBe(upper)
    expect(d.unit).toBe(unit)
  })

  it('normalises "1 in 3" and "two-thirds" to percent', () => {
    expect(one('About 1 in 3 adults').value).toBeCloseTo(33.33, 2)
    expect(one('Nearly two-thirds of respondents agreed.').value).toBeCloseTo(66.67, 2)
  })
})

describe('detectStatistics — sentences outside the corpus', () => {
  it.each([
    // non-statistics: doses, prices, ages, phones, dates, list numbers, schedules, identifiers
    ['Take 400 mg twice daily with food.', []],
    ['Sessions are $120 per session, or $95-110 with a package.', []],
    ['The study included adults aged 40-65.', []],
    ['Call 555-123-4567 or (949) 555-0142 today.', []],
    ['In 2019, the clinic expanded.', []],
    ['The trial started on March 3, 2021 and ended 3 March 2022.', []],
    ['The trial ran from 2015 to 2018.', []],
    ['2. Better Sleep Without Pills', []],
    ['Do 3 sets of 10 reps.', []],
    ['Come in once or twice a month.', []],
    ['Expect results within 24 hours.', []],
    ['Apply heat for 15-20 minutes.', []],
    ['Children under 12 and patients over 65 were excluded.', []],
    ['Treatment suits a 50-year-old woman or women in their 40s.', []],
    ['Vitamin B12 and omega-3 levels are listed in Table 2 and Figure 3.', []],
    ['People with type 2 diabetes, as shown in earlier work [12].', []],
    ['Open 9am to 5pm, 7 days a week, first visit at 10:30.', []],
    [
      'Apply 1% hydrocortisone cream; get 20% off your first visit; our herbs are 100% natural.',
      [],
    ],
    ['Hold each stretch for 30 seconds and repeat it 3 times.', []],
    ['Press each of the 3 points for 30 seconds, then take three deep breaths.', []],
    ['Double the dose if needed, or take three times the dose only on advice.', []],
    ['Drink half a glass of water and rest for half an hour.', []],
    ['In the second half of the trial, the third session was the hardest.', []],
    ['Gradually increase from 10 to 20 repetitions.', []],
    ['Each session lasts 45 to 60 minutes; walk 10,000 steps a day.', []],
    ['One of the most common benefits is better sleep.', []],
    ['Our practice has 12 acupuncturists in 3 locations.', []],
    ['Twice weekly sessions work best.', []],
    // statistics
    ['Nearly 60 percent of adults reported relief.', ['Nearly 60 percent']],
    ['About one in five adults has chronic pain.', ['About one in five']],
    ['Almost two in three women said yes.', ['Almost two in three']],
    ['Pain was reduced by 30 to 40%.', ['30 to 40%']],
    ['Deaths fell by half.', ['half']],
    ['Half the patients improved.', ['Half the patients']],
    ['<5% of patients had bruising.', ['<5%']],
    ['Symptoms resolved in 72% of cases (p<0.001).', ['72%', 'p<0.001']],
    ['The odds ratio was 2.3 (95% CI 1.4-3.8).', ['odds ratio was 2.3', '95% CI 1.4-3.8']],
    ['OR 1.8, p = .03', ['OR 1.8', 'p = .03']],
    ['HR=0.76 (95% CI: 0.61–0.95)', ['HR=0.76', '95% CI: 0.61–0.95']],
    ['The relative risk of recurrence was 0.6.', ['relative risk of recurrence was 0.6']],
    ["Cohen's d = 0.45 and r = 0.62", ["Cohen's d = 0.45", 'r = 0.62']],
    ['The review pooled 12 trials including 2,000 patients.', ['2,000 patients']],
    ['Anxiety scores went from 14 to 9.', ['from 14 to 9']],
    ['Satisfaction improved from 40% to 65%.', ['from 40% to 65%']],
    ['twice the risk', ['twice the risk']],
    ['The rate tripled between 2010 and 2020.', ['tripled']],
    ['a 25% reduction in relapse', ['25%']],
    ['Serious side effects occur in about 1 in 10,000 treatments.', ['about 1 in 10,000']],
    ['In this study 45% of patients of all ages improved.', ['45%']],
    ['Among people aged 65 and over, 1 in 3 falls each year.', ['1 in 3']],
    [
      'Blood pressure fell from 140 to 125 mmHg, but the dose was increased from 200 to 400 mg.',
      ['from 140 to 125 mmHg'],
    ],
    ['Headache frequency halved over 3 months.', ['halved']],
    ['Rates climbed from 12% in 2010 to 18% in 2020.', ['12%', '18%']],
    ['We have served over 5,000 clients since 2005.', ['over 5,000 clients']],
    ['The incidence was 12 per 100,000 person-years.', ['12 per 100,000']],
    [
      'Nine out of ten people, and 9.5 out of 10 patients, agreed.',
      ['Nine out of ten', '9.5 out of 10'],
    ],
  ] as const)('%s', (sentence, expected) => {
    expect(texts(sentence)).toEqual(expected)
  })
})

describe('detectStatistics — acupuncture article fixture', () => {
  it('finds every percentage in the prose and the pipe table and no instruction', () => {
    expect(texts(article)).toEqual([
      '70%',
      'up to 50%',
      'up to a 50%',
      'up to a 60%',
      'up to a 40%',
      '70%+',
      '25-40%',
      '40-60%',
      '60%+',
      '40-50%',
    ])
  })

  it('leaves the instructions alone', () => {
    const found = detectStatistics(article)
    for (const phrase of [
      'two to three sessions per week',
      '15-20 minutes',
      '24 hours',
      'six to eight weeks',
      'two to four hours',
      '12 months or more',
      'once or twice a month',
    ]) {
      const at = article.indexOf(phrase)
      expect(at, phrase).toBeGreaterThan(-1)
      expect(
        found.filter((d) => d.start < at + phrase.length && d.end > at),
        phrase,
      ).toEqual([])
    }
  })
})
